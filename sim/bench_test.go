package sim

import (
	"strings"
	"testing"
)

// benchScenario is the README's performance target: 1,000,000 records,
// 10,000 requests and 10,000 mutations. One client walks the list with
// offset pages of 20 while records arrive and vanish around it: an insert at
// the head and a delete at a pseudo-random position between requests.
func benchScenario(profile, first string) *Scenario {
	s := scenario(profile, 1_000_000, get(first))
	x := uint64(12345)
	for i := 1; i < 10_000; i++ {
		if i%2 == 0 {
			s.Steps = append(s.Steps, insertHead(1))
		} else {
			x = x*6364136223846793005 + 1442695040888963407
			s.Steps = append(s.Steps, deleteAt(int64(x>>33)%900_000))
		}
		if i%500 == 0 {
			s.Steps = append(s.Steps, Step{Kind: StepFirst})
		} else {
			s.Steps = append(s.Steps, next())
		}
	}
	s.Steps = append(s.Steps, insertHead(1))
	return s
}

func BenchmarkRunOffset1M(b *testing.B) {
	s := benchScenario("offset", "/items?offset=0&limit=20")
	b.ReportAllocs()
	for b.Loop() {
		execute(s)
	}
}

func BenchmarkRunCursor1M(b *testing.B) {
	s := benchScenario("cursor", "/items?limit=20")
	b.ReportAllocs()
	for b.Loop() {
		execute(s)
	}
}

func BenchmarkTraceJSON(b *testing.B) {
	t := execute(benchScenario("offset", "/items?offset=0&limit=20"))
	b.ReportAllocs()
	for b.Loop() {
		t.JSON()
	}
}

// A cursor walk over all of a million records, 1,000 at a time, with a
// range delete and a positional insert: the playground's biggest drift view.
func BenchmarkCursorWalkAll1M(b *testing.B) {
	s, err := Parse("profile cursor limit=1000 max-limit=1000\nrecords 1m\nGET /items\nwalk max 30\ndelete at 5000..5099\ninsert 50 at 20000\nwalk\n")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		execute(s)
	}
}

// 50,000 malformed request bodies of 400 characters: placing each error
// must cost its own body, not the text before it.
func BenchmarkParseMalformedBodies(b *testing.B) {
	text := strings.Repeat("POST /x {"+strings.Repeat(" ", 400)+",}\n", 50_000)
	b.ReportAllocs()
	for b.Loop() {
		Check(text)
	}
}
