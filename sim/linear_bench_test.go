package sim

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The benchmarks of issue 12's "linear costs": each reports its figure per
// unit (per mutation, per request) so that the sizes can be compared, and
// README's Performance table quotes them with the figure they replace.

// lcg is a fixed pseudo-random sequence for positions and ids.
type lcg uint64

func (x *lcg) next(n int64) int64 {
	*x = *x*6364136223846793005 + 1442695040888963407
	return int64(uint64(*x)>>33) % n
}

// BenchmarkRandomMutations runs n mutations at random list positions on a
// million records, alternating `insert 1 at P` and `delete at P`, through
// the engine as a scenario's steps (execute: the step limit is validation's).
// A run writes at most BudgetRows rows to its trace, so 10^5 (maxSteps, the
// most a scenario has) is the largest size here; the dataset alone goes to
// 10^6 below. Per mutation it should stay roughly flat: each is O(log m) in
// the m mutations so far.
func BenchmarkRandomMutations(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			s := scenario("offset", 1_000_000)
			x := lcg(7)
			for i := 0; i < n; i++ {
				if i%2 == 0 {
					s.Steps = append(s.Steps, Step{Kind: StepInsert, Count: 1, At: x.next(900_000)})
				} else {
					s.Steps = append(s.Steps, deleteAt(x.next(900_000)))
				}
			}
			b.ReportAllocs()
			cpu, _ := cpuTime()
			for b.Loop() {
				if t := execute(s); len(t.Steps) != n || t.Summary.Stopped != "" {
					b.Fatalf("%d steps (stopped: %q), want %d", len(t.Steps), t.Summary.Stopped, n)
				}
			}
			reportPerMutation(b, n, cpu)
		})
	}
}

// BenchmarkRandomMutationsDataset is the same mutations on the dataset
// alone, as the engine makes them (the key of the record before P, then an
// insert; a remove at P), from 10^3 to 10^6: the tree of runs that every
// mutation cuts.
func BenchmarkRandomMutationsDataset(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			cpu, _ := cpuTime()
			for b.Loop() {
				d := newDataset(1_000_000, 1, 0)
				x := lcg(7)
				for i := 0; i < n; i++ {
					p := x.next(900_000)
					if i%2 == 0 {
						d.insert(1, int64(1_000_000+i), true, d.at(p).Key)
					} else {
						d.remove(p, p+1)
					}
				}
			}
			reportPerMutation(b, n, cpu)
		})
	}
}

// reportPerMutation reports the wall time and the CPU time (all threads,
// since cpu; not measured in WASM) per mutation of b's runs of n mutations.
func reportPerMutation(b *testing.B, n int, cpu time.Duration) {
	runs := float64(b.N) * float64(n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/runs, "ns/mutation")
	if now, ok := cpuTime(); ok {
		b.ReportMetric(float64(now-cpu)/runs, "cpu-ns/mutation")
	}
}

// BenchmarkMemoryPerRequest reports what a trace keeps per request for a
// walk with pages of 100 over 100 × requests records (retained-B/request:
// the live heap after the run, the trace held, over the number of requests)
// and what the run allocates per request in all (alloc-B/request). A run
// returns at most 1,000,000 records in all (its budget), so 10,000 pages of
// 100 is the largest size.
func BenchmarkMemoryPerRequest(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run("requests="+strconv.Itoa(n), func(b *testing.B) {
			s := scenario("offset", int64(100*n), get("/items?offset=0&limit=100"), walkAll())
			var retained, alloc float64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				t := execute(s)
				runtime.GC()
				runtime.ReadMemStats(&after)
				if t.Summary.Requests != n {
					b.Fatalf("%d requests, want %d", t.Summary.Requests, n)
				}
				retained += float64(int64(after.HeapAlloc) - int64(before.HeapAlloc))
				alloc += float64(after.TotalAlloc - before.TotalAlloc)
				runtime.KeepAlive(t)
			}
			b.ReportMetric(retained/float64(b.N)/float64(n), "retained-B/request")
			b.ReportMetric(alloc/float64(b.N)/float64(n), "alloc-B/request")
		})
	}
}

// alternatingDeletes is 100,000 steps (the most a scenario has) on a million
// records: `delete at P..P+1` and `delete id X` in turn, at pseudo-random P
// and X (an X already deleted is reported as such, which costs the same
// lookup). It was quadratic: finding whether X was deleted scanned every
// range deleted before.
func alternatingDeletes() string {
	var b strings.Builder
	b.WriteString("profile offset\nrecords 1m\n")
	x := lcg(99)
	for i := 0; i < maxSteps/2; i++ {
		p := x.next(800_000)
		b.WriteString("delete at " + strconv.FormatInt(p, 10) + ".." + strconv.FormatInt(p+1, 10) + "\n")
		b.WriteString("delete id " + strconv.FormatInt(1+x.next(1_000_000), 10) + "\n")
	}
	return b.String()
}

func BenchmarkAlternatingDeletes100k(b *testing.B) {
	text := alternatingDeletes()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RunText(text); err != nil {
			b.Fatal(err)
		}
	}
}
