package sim

import (
	"slices"
	"strings"

	"pagingplayground/internal/json"
	"pagingplayground/internal/reqtarget"
)

// The editor's tables: what completion offers and what hovering a word says.
// Everything comes from the lists the parser reads (setupWords, the step
// table stepSpecs, methods, the expect words) and from the profiles themselves, so the page
// lists nothing twice; only the one-line help of each keyword is written
// here, and a test checks that every keyword has one and no other has.

// keywordHelp is each keyword's syntax and what it does, in the words of
// docs/language.md. (A switch, not a map: a map would be built at start-up in
// the WASM, which never asks for help.)
func keywordHelp(w string) (syntax, help string) {
	if k := stepKindOf(w); k != 0 {
		return stepSpecs[k].syntax, stepSpecs[k].help
	}
	switch w {
	case "profile":
		return "profile NAME [OPTION=VALUE …]", "The server's paging contract and its option overrides, e.g. `profile offset limit=50`."
	case "contract":
		return "contract " + strings.Join(contractBases, "|"), "A paging contract declared here instead of a profile: a base style, then one indented `KNOB VALUE` line per thing that differs (`path /v1/customers`, `after starting_after`, `next.flag has_more`); docs/language.md lists the knobs."
	case "records":
		return "records N", "The list's size before the first step: 0 to 10^12 (1_000, 10k, 1m, 1b)."
	case "order":
		return "order newest-first|oldest-first", "Which end of the list comes first: newest-first (the default) or oldest-first."
	case "sort":
		return "sort created[/N][, id]", "The sort key: `created, id` by default; `created/60` shares keys between 60 records and drops the tiebreaker."
	case "seed":
		return "seed N", "The seed for anything random (tie order, streams): the same seed, the same run."
	case "expect":
		return "expect WHAT [OP N]", "A check of the whole run that the results show as met or not: consistent, complete, no-refusals, or a count like `rows < 5000`."
	}
	return "", ""
}

// methodHelp is what hovering a request method says.
const methodHelp = "A request as the API's documentation writes it, e.g. `GET /items?limit=10`; header lines and a JSON body may follow on the lines below."

// expectHelp explains each expectation.
func expectHelp(w string) string {
	switch w {
	case "consistent":
		return "every walk saw no record twice and missed none"
	case "complete":
		return "every walk reached the end and missed nothing"
	case "no-refusals":
		return "no request was refused and no walk errored out"
	case "rows":
		return "rows read by every request together"
	case "requests":
		return "requests sent"
	case "refused":
		return "requests refused"
	case "walks":
		return "walks (a client's pass from a first page to the end)"
	case "duplicates":
		return "records a walk returned more than once, over all walks"
	case "missed":
		return "records that were there all along and a walk never returned"
	case "unreached":
		return "records a walk never got to, before its first page or after where it stopped, over all walks"
	}
	return ""
}

// contractParams are the names a profile's requests use: what a client
// writes in the query, the JSON body and the headers. They are read from the
// requests the profile's own client sends on a short walk (first, next,
// next, prev over a few pages) and from the requests the presets write for
// it, so they are what the contract speaks, not a list kept beside it.
type contractParams struct {
	Query, Body, Header []string
}

// params returns the names p's requests use.
func (p *Profile) params() contractParams {
	var out contractParams
	t, err := RunText("profile " + p.Name + " limit=2\nrecords 300\nfirst\nnext\nnext\nprev\n")
	if err != nil {
		t, err = RunText("profile " + p.Name + "\nrecords 300\nfirst\nnext\nnext\nprev\n")
	}
	if err != nil {
		return out
	}
	add := func(list *[]string, name string) {
		if name != "" && !slices.Contains(*list, name) {
			*list = append(*list, name)
		}
	}
	request := func(target, body string, headers []Header) {
		if _, q, err := reqtarget.Parse(target); err == nil {
			for _, kv := range q {
				add(&out.Query, kv.Name)
			}
		}
		if body != "" {
			if v, err := json.Parse(body); err == nil {
				for _, m := range v.Members {
					add(&out.Body, m.Name)
				}
			}
		}
		for _, h := range headers {
			add(&out.Header, h.Name)
		}
	}
	for _, pr := range presets {
		s, err := Parse(pr.Text)
		if err != nil || s.Setup.Profile != p.Name {
			continue
		}
		for _, st := range s.Steps {
			switch st.Kind {
			case StepRequest:
				request(st.Target, st.Body, st.Headers)
			case StepHeader:
				add(&out.Header, st.Name)
			}
		}
	}
	for _, st := range t.Steps {
		if r := st.Request; r != nil {
			request(r.URL, r.Body, r.Header)
		}
	}
	return out
}

// LanguageJSON encodes the editor's tables:
//
//	{"setup":[{"word","syntax","help"}], "steps":[…], "expect":{"word","syntax","help"},
//	 "methods":[…], "methodHelp", "orders":[…],
//	 "expectations":[{"word","help","count"}], "ops":[…],
//	 "profiles":[{"name","vendor","summary","options":[{"name","default","help","enum","min","max"}],
//	              "query":[…],"body":[…],"headers":[…]}]}
func LanguageJSON() []byte {
	w := &json.Writer{}
	words := func(key string, list []string) {
		w.Key(key)
		w.Open('[')
		for _, s := range list {
			keyword(w, s)
		}
		w.Close(']')
	}
	strs := func(key string, list []string) {
		w.Key(key)
		w.Open('[')
		for _, s := range list {
			w.Str(s)
		}
		w.Close(']')
	}
	w.Open('{')
	words("setup", setupWords)
	words("steps", stepWords)
	w.Key("expect")
	keyword(w, "expect")
	strs("methods", methods)
	w.Key("methodHelp")
	w.Str(methodHelp)
	strs("orders", []string{"newest-first", "oldest-first"})
	w.Key("expectations")
	w.Open('[')
	for _, s := range append(slices.Clone(expectWords), expectCounts...) {
		w.Open('{')
		w.Key("word")
		w.Str(s)
		w.Key("help")
		w.Str(expectHelp(s))
		w.Key("count")
		w.Bool(slices.Contains(expectCounts, s))
		w.Close('}')
	}
	w.Close(']')
	strs("ops", expectOps)
	w.Key("profiles")
	w.Open('[')
	for _, p := range Profiles() {
		w.Open('{')
		w.Key("name")
		w.Str(p.Name)
		w.Key("vendor")
		w.Str(p.Vendor)
		w.Key("summary")
		w.Str(p.Summary)
		writeOptions(w, p.Options)
		params := p.params()
		strs("query", params.Query)
		strs("body", params.Body)
		strs("headers", params.Header)
		w.Close('}')
	}
	w.Close(']')
	w.Close('}')
	return w.B
}

func keyword(w *json.Writer, s string) {
	syntax, help := keywordHelp(s)
	w.Open('{')
	w.Key("word")
	w.Str(s)
	w.Key("syntax")
	w.Str(syntax)
	w.Key("help")
	w.Str(help)
	w.Close('}')
}
