package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzAdapter calls every entry point of the adapter with what the page (or
// a hostile embed, or user code in the client pane) could pass: whatever the
// arguments, each answers valid JSON, and none is a recovered panic.
func FuzzAdapter(f *testing.F) {
	for _, text := range []string{
		"profile offset\nrecords 100\nGET /items?offset=0&limit=10\nnext\ninsert 3\nnext\nwalk\n",
		"profile cursor\nrecords 100\nGET /items?limit=10\nnext\ninsert 3\ndelete at 2\nwalk\n",
		"profile offset\nrecords 200\nstream 1 every 2\nGET /items?offset=0&limit=20\nwalk\n\nexpect consistent\nexpect complete\n",
		"profile codefresh\nrecords 60\n@ci1 GET /workflow?page=1\n@ci1 next\ninsert 5\n@ci2 GET /workflow?page=1\n@ci1 next\n@ci2 next\n",
	} {
		f.Add(text, "offset, cursor", "GET", "/items?limit=2", "X-A: 1\nX-Pagesim-Client: bob", "", 1)
	}
	f.Add("profile flashduty\nrecords 30\nPOST /incident/list {\"p\":1,\"limit\":5}\nwalk\n", "flashduty,,link", "POST", "/incident/list", "Content-Type: application/json", `{"p":2,"limit":5}`, 3)
	f.Add("profile offset\nrecords 1b\n", "nope", "GET", "/items?offset=999999999&limit=10000", "X-A: \x1b[201~\nbad", "{", -1)
	f.Add("\x00\xff\u202e", "", "", "", ":", "", 1<<30)
	f.Fuzz(func(t *testing.T, text, names, method, target, headers, body string, i int) {
		if len(text) > 4000 || strings.Contains(text, "walk") && strings.Count(text, "\n") > 40 {
			return // long runs are the hostile-input tests' business
		}
		calls := map[string]func() []byte{
			"check":   func() []byte { return checkJSON(text) },
			"run":     func() []byte { return runJSON(text) },
			"step":    func() []byte { return stepJSON(text, i) },
			"rows":    func() []byte { return rowsJSON(text, i, i+3) },
			"compare": func() []byte { return compareJSON(text, splitNames(names)) },
			"lesson":  func() []byte { return lessonJSON(text, names, target) },
			"live":    func() []byte { return liveStartJSON(text) },
			"request": func() []byte { return liveRequestJSON(method, target, headers, body) },
			"report":  func() []byte { return liveReportJSON() },
		}
		for _, name := range []string{"check", "run", "step", "rows", "compare", "lesson", "live", "request", "report"} {
			out := guard(calls[name])
			if !json.Valid(out) {
				t.Fatalf("%s: not JSON: %.300q", name, out)
			}
			if strings.Contains(string(out), "internal error") {
				t.Fatalf("%s: a panic: %.500s", name, out)
			}
		}
	})
}
