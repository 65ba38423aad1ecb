package sim

import (
	"strings"
	"testing"
)

// FuzzRunText feeds scenarios through parse, validate and run, seeded with
// every preset and README-like text. Whatever the text, nothing panics, and a
// scenario that runs gives byte-identical JSON when run again. Inputs whose
// setup asks for heavy work (many records with long walks) are skipped to
// keep each run quick; the limits are tested elsewhere.
func FuzzRunText(f *testing.F) {
	for _, p := range Presets() {
		f.Add(p.Text)
	}
	f.Add("profile cursor\nrecords 30\nsort created/7\nGET /items?limit=4\ninsert 3 at 2\ndelete at 1..5\nupdate id 3 key -9\nwalk\nprev\nfirst\n")
	f.Add("profile link\nrecords 0\nGET /items?page=1&per_page=1\nnext\nwalk max 2\n")
	f.Add("profile offset rate-limit=1 rate-window=5\nrecords 5\norder oldest-first\nstream 2 every 1\nGET /items?limit=2\nwalk cap 3\nwait 7\nstream stop\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 || strings.Contains(text, "walk") && strings.Count(text, "\n") > 60 {
			return
		}
		s, err := Parse(text)
		if err != nil || s.Validate() != nil {
			return
		}
		if s.Setup.Records > 5000 {
			s.Setup.Records = 5000 // the shape of the list matters here, not its size
		}
		a := execute(s).JSON()
		if b := execute(s).JSON(); string(a) != string(b) {
			t.Fatalf("two runs differ:\n%s\n%s", a, b)
		}
	})
}
