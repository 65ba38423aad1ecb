package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// bigScenario is issue 12's browser-path scenario: 1,000,000 records and
// 10,000 requests (offset pages of 20, an insert at the head and a delete at
// a pseudo-random position between requests, a fresh first page every 500).
// seed changes the text, so that each run is a new one for the page.
func bigScenario(seed int) string {
	var b strings.Builder
	b.WriteString("profile offset\nrecords 1m\nseed " + strconv.Itoa(seed) + "\nGET /items?offset=0&limit=20\n")
	x := uint64(12345)
	for i := 1; i < 10_000; i++ {
		if i%2 == 0 {
			b.WriteString("insert 1\n")
		} else {
			x = x*6364136223846793005 + 1442695040888963407
			b.WriteString("delete at " + strconv.FormatUint((x>>33)%900_000, 10) + "\n")
		}
		if i%500 == 0 {
			b.WriteString("first\n")
		} else {
			b.WriteString("next\n")
		}
	}
	return b.String()
}

// TestBrowserPathBench is a benchmark, run by ./build.sh bench (it sets
// PAGESIM_BENCH=1): the whole browser path of a 1M-record, 10,000-request
// run, from the text arriving in the editor to its first screen of results,
// against `pagesim run` on the same scenario in the same run. It logs the
// medians of five runs of each; the target is the page within 2× of
// the command.
func TestBrowserPathBench(t *testing.T) {
	if os.Getenv("PAGESIM_BENCH") == "" {
		t.Skip("a benchmark: ./build.sh bench runs it (PAGESIM_BENCH=1)")
	}
	if browser == nil {
		t.Skip(skipMsg)
	}
	bin := filepath.Join(t.TempDir(), "pagesim")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/pagesim").CombinedOutput()
	require.NoError(t, err, "%s", out)
	// A tab of its own: the tests' tabs give up after 90 s, and a loaded
	// machine can take longer than that for five big runs.
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 15*time.Minute)
	defer cancelT()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('loading').hidden`, chromedp.WithPollingTimeout(5*time.Minute)))
	require.NoError(t, err, "the simulator starts")

	var page, cli []time.Duration
	var split []string
	load0, _ := os.ReadFile("/proc/loadavg")
	for i := 1; i <= 5; i++ {
		text := bigScenario(i)
		// Paste the text, as a person would, and wait for the results to
		// answer it (the same check as waitShown, with a longer timeout).
		t0 := time.Now()
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
			const ta = document.getElementById('scenario');
			ta.value = `+jsString(text)+`;
			ta.dispatchEvent(new Event('input'));
		})()`))
		require.NoError(t, err)
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
			const r = document.getElementById('results');
			const ta = document.getElementById('scenario');
			return !!(r && ta && r.shownText === ta.value && r.dataset.state);
		})()`, chromedp.WithPollingTimeout(5*time.Minute), chromedp.WithPollingInterval(10*time.Millisecond)))
		require.NoError(t, err, "waiting for the results of run %d", i)
		page = append(page, time.Since(t0))
		// Where the page's time went: the simulator's call in the worker
		// (the run and the head's JSON), the answer's transfer and
		// decoding, and drawing the first screen.
		split = append(split, eval[string](t, ctx, `(() => {
			const t = document.getElementById('results').results.timing || {};
			const r = (x) => Math.round(x || 0);
			return 'worker ' + r(t.goMs) + ' ms, transfer ' + r(t.transferMs) + ', decode ' + r(t.parseMs) + ', draw ' + r(t.drawMs) + ', from the request to the drawn result ' + r((t.ms || 0) + (t.drawMs || 0));
		})()`))

		file := filepath.Join(t.TempDir(), "big.txt")
		require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
		cmd := exec.Command(bin, "run", file)
		t0 = time.Now()
		require.NoError(t, cmd.Run()) // its table goes to /dev/null
		cli = append(cli, time.Since(t0))
	}
	median := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2]
	}
	mp, mc := median(page), median(cli)
	load1, _ := os.ReadFile("/proc/loadavg")
	t.Logf("1M records, 10,000 requests: page (text to first screen of results) %v, pagesim run %v: %.1f× (medians of 5; page %v, command %v); load average %s before, %s after",
		mp.Round(time.Millisecond), mc.Round(time.Millisecond), float64(mp)/float64(mc), page, cli, loadavg(load0), loadavg(load1))
	for i, s := range split {
		t.Logf("run %d in the page: %s", i+1, s)
	}
	require.NoError(t, os.MkdirAll(filepath.Join("..", "test-artifacts"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("..", "test-artifacts", "browser-path-bench.txt"),
		[]byte("page "+mp.Round(time.Millisecond).String()+", pagesim run "+mc.Round(time.Millisecond).String()+"\n"), 0o644))
}

// loadavg is the 1-minute load average from /proc/loadavg's text.
func loadavg(b []byte) string {
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

// TestFirstScreenBench is a benchmark, run by ./build.sh bench: the first
// result of a first visit (no link), five times in fresh tabs. Wall time
// from navigation to the drawn first result stretches with the machine's
// load, so it also reports the CPU time the page's main thread spent in
// that interval (Chromium's trace: the tasks' thread time), which a shared
// machine changes far less.
func TestFirstScreenBench(t *testing.T) {
	if os.Getenv("PAGESIM_BENCH") == "" {
		t.Skip("a benchmark: ./build.sh bench runs it (PAGESIM_BENCH=1)")
	}
	if browser == nil {
		t.Skip(skipMsg)
	}
	var wall, cpu []time.Duration
	load0, _ := os.ReadFile("/proc/loadavg")
	for i := 0; i < 5; i++ {
		w, c := firstScreenTrace(t)
		wall, cpu = append(wall, w), append(cpu, c)
	}
	load1, _ := os.ReadFile("/proc/loadavg")
	median := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2]
	}
	t.Logf("first result on screen: %v after navigation, main thread CPU %v (medians of 5; wall %v, CPU %v); load average %s before, %s after",
		median(wall).Round(time.Millisecond), median(cpu).Round(time.Millisecond), wall, cpu, loadavg(load0), loadavg(load1))
}

// firstScreenTrace opens the page in a new tab with Chromium's tracing on
// and returns the first result's time after navigation and the main
// thread's CPU time until then.
func firstScreenTrace(t *testing.T) (wall, cpu time.Duration) {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx))
	_, err := chromedp.Call(ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: baseURL, StorageTypes: "local_storage"})
	require.NoError(t, err)
	type event struct {
		Name string  `json:"name"`
		Ph   string  `json:"ph"`
		Ts   float64 `json:"ts"`   // µs
		Tdur float64 `json:"tdur"` // µs of thread (CPU) time
		Pid  int     `json:"pid"`
		Tid  int     `json:"tid"`
	}
	var mu sync.Mutex
	var events []event
	complete := make(chan struct{})
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range e.Value {
				var x event
				if b, err := json.Marshal(v); err == nil && json.Unmarshal(b, &x) == nil {
					events = append(events, x)
				}
			}
		case *tracing.EventTracingComplete:
			close(complete)
		}
	}))
	_, err = chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
		IncludedCategories: []string{"toplevel", "devtools.timeline", "blink.user_timing", "disabled-by-default-devtools.timeline"}}})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.firstResultFrom === 'prerender'`, chromedp.WithPollingTimeout(time.Minute)))
	require.NoError(t, err, "the prerendered first result")
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByName('pagesim:first-result')[0].startTime`))
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, tracing.End, cdp.Empty{})
	require.NoError(t, err)
	select {
	case <-complete:
	case <-time.After(time.Minute):
		t.Fatal("the trace never completed")
	}
	mu.Lock()
	defer mu.Unlock()
	var mark *event
	for i := range events {
		if events[i].Name == "pagesim:first-result" {
			mark = &events[i]
			break
		}
	}
	require.NotNil(t, mark, "the first-result mark is in the trace")
	nav := mark.Ts - ms*1000 // the mark's startTime counts from navigation
	var us float64
	for _, e := range events {
		if e.Name == "RunTask" && e.Ph == "X" && e.Pid == mark.Pid && e.Tid == mark.Tid && e.Ts >= nav && e.Ts <= mark.Ts {
			us += e.Tdur
		}
	}
	return time.Duration(ms * float64(time.Millisecond)), time.Duration(us * float64(time.Microsecond))
}
