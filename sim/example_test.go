package sim_test

import (
	"fmt"

	"pagingplayground/sim"
)

// A new record arrives at the head while a client pages with offsets: the
// next page starts with the record the previous page ended on.
func ExampleRunText() {
	trace, err := sim.RunText(`
profile offset
records 30

GET /items?offset=0&limit=10
insert 1
next
walk
`)
	if err != nil {
		panic(err)
	}
	for _, s := range trace.Steps {
		if s.Kind == "request" {
			fmt.Println(s.Request.URL, s.Records()[0], "..", s.Records()[len(s.Records())-1])
		}
	}
	w := trace.Walks[0]
	fmt.Println("duplicates:", w.Duplicates.IDs, "missed:", w.Missed.Count)
	fmt.Println(w.Verdict)
	// Output:
	// /items?offset=0&limit=10 30 .. 21
	// /items?offset=10&limit=10 21 .. 12
	// /items?offset=20&limit=10 11 .. 2
	// /items?offset=30&limit=10 1 .. 1
	// duplicates: [21] missed: 0
	// Inconsistent: 1 record returned twice. 1 record arrived during the walk (0 seen).
}

// The same navigation against a keyset cursor does not drift.
func ExampleCompare() {
	s, err := sim.Parse(`
records 30
first
insert 1
walk
`)
	if err != nil {
		panic(err)
	}
	traces, err := sim.Compare(s, []string{"offset", "cursor"})
	if err != nil {
		panic(err)
	}
	for _, t := range traces {
		fmt.Printf("%s: %s\n", t.Profile, t.Walks[0].Verdict)
	}
	// Output:
	// offset: Inconsistent: 1 record returned twice. 1 record arrived during the walk (0 seen).
	// cursor: Consistent: every record that was there for the whole walk was returned exactly once. 1 record arrived during the walk (0 seen).
}

// A malformed scenario reports every problem with its line and column.
func ExampleCheck() {
	for _, d := range sim.Check("records 10\nGET /items?offset=abc\nnxt\nwlak\n") {
		fmt.Println(d)
	}
	// Output:
	// line 3, col 1: unknown step `nxt`; did you mean `next`?
	// line 4, col 1: unknown step `wlak`; did you mean `walk`?
}
