package sim

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A contract declared in the scenario runs: a cursor base renamed as
// Stripe names its parameters, its records under data with string ids.
func TestDeclaredCursorContract(t *testing.T) {
	tr := runText(t, `contract cursor
  path /v1/customers
  after starting_after
  before ending_before
  next.cursor next_page
  prev.cursor prev_page
  next.flag has_more
  items data
  id-prefix cus_
records 7
GET /v1/customers?limit=3
next
next
`)
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, []int64{7, 6, 5}, reqs[0].Records())
	assert.Equal(t, []int64{4, 3, 2}, reqs[1].Records())
	assert.Equal(t, []int64{1}, reqs[2].Records())
	assert.Contains(t, reqs[1].Request.URL, "starting_after=")
	body := string(reqs[2].Response.Body())
	assert.True(t, strings.HasPrefix(body, `{"data":[{"id":"cus_1","created":1}],"next_page":null,"prev_page":"`), body)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[0].Consistent)
}

// Page numbers in a POST body, a flag and a capped total at nested paths,
// and the records under a nested path.
func TestDeclaredPageContractInABody(t *testing.T) {
	tr := runText(t, `contract page
  method POST
  path /incident/list
  page p
  page.in body
  limit.in body
  next.flag data.has_next_page
  total capped
  total.cap 30
  total.field data.total
  items data.items
records 50
POST /incident/list {"p": 1, "per_page": 20}
walk
`)
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, `{"p":3,"per_page":20}`, reqs[2].Request.Body)
	assert.Len(t, reqs[2].Records(), 10)
	assert.Equal(t, TotalReport{Kind: "capped", Reported: 30, True: 50}, reqs[0].Total)
	assert.True(t, strings.HasPrefix(string(reqs[0].Response.Body()), `{"data":{"items":[{"id":50,"created":50},`))
	assert.True(t, tr.Walks[0].Complete)
}

// Offset renamed, a Link header with absolute URLs, a window, and a page
// past the end answered with 404.
func TestDeclaredOffsetContractWithLinksAndWindow(t *testing.T) {
	tr := runText(t, `contract offset
  offset skip
  bare true
  next.link next, prev, last
  next.link.base https://api.example.com
  window 30
  window.message Result window is too large
  past-end 404
records 100
GET /items?limit=10
next
GET /items?skip=30&limit=10
`)
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, `<https://api.example.com/items?limit=10&skip=10>; rel="next", <https://api.example.com/items?limit=10&skip=90>; rel="last"`, firstHeader(reqs[0].Response.Header, "Link"))
	assert.Equal(t, "100", firstHeader(reqs[0].Response.Header, "X-Total-Count"))
	assert.Equal(t, []int64{90, 89, 88, 87, 86, 85, 84, 83, 82, 81}, reqs[1].Records())
	assert.Equal(t, 400, reqs[2].Response.Status)
	assert.Equal(t, "Result window is too large", reqs[2].Reason)

	tr = runText(t, "contract offset\n  past-end 404\nrecords 5\nGET /items?offset=10\n")
	assert.Equal(t, 404, requests(tr)[0].Response.Status)
	tr = runText(t, "contract page\n  past-end last\nrecords 25\nGET /items?page=9&per_page=10\n")
	assert.Equal(t, []int64{5, 4, 3, 2, 1}, requests(tr)[0].Records())
}

// Another path answers 404 and the editor says which paths exist; a
// parameter the contract does not read is a warning.
func TestDeclaredContractPathsAndTypos(t *testing.T) {
	text := "contract offset\n  path /v1/things\nGET /v1/thing?ofset=2\n"
	assert.Equal(t, []Diagnostic{
		warn(3, 5, 14, "contract serves /v1/things, not `/v1/thing`; did you mean `/v1/things`? (the server answers 404)"),
		warn(3, 15, 20, "contract does not read `ofset`: the server ignores it; did you mean `offset`?"),
	}, Check(text))
	tr := runText(t, text)
	assert.Equal(t, 404, requests(tr)[0].Response.Status)
	assert.Equal(t, "no list at /v1/thing: this API serves /v1/things", requests(tr)[0].Reason)
}

// Bad declarations get diagnostics with line, column and a did-you-mean;
// contradictory knobs are refused with the reason.
func TestDeclaredContractDiagnostics(t *testing.T) {
	for _, c := range []struct {
		text string
		want []Diagnostic
	}{
		{"contract cursr\n", []Diagnostic{{Line: 1, Col: 10, EndCol: 15, Message: "expected a base style after `contract`: `offset`, `page`, `cursor`, `id`, `session` or `connection`, got `cursr`; did you mean `cursor`?"}}},
		// Under a misspelt base, the knobs' own problems are reported at
		// once (a knob's name and an enum value do not depend on the base):
		// `pth` is one letter from `path`, `clmp` one from limit.over-max's
		// `clamp` (value at column 3+len("limit.over-max")+1 = 18).
		{"contract cursr\n  pth /v1/x\n  limit.over-max clmp\n  limit.max 10\n", []Diagnostic{
			{Line: 1, Col: 10, EndCol: 15, Message: "expected a base style after `contract`: `offset`, `page`, `cursor`, `id`, `session` or `connection`, got `cursr`; did you mean `cursor`?"},
			{Line: 2, Col: 3, EndCol: 6, Message: "unknown contract knob `pth`; did you mean `path`?"},
			{Line: 3, Col: 18, EndCol: 22, Message: "limit.over-max: expected `clamp`, `refuse` or `default`, got `clmp`; did you mean `clamp`?"},
		}},
		{"contract offset\n  limit.mx 5\n  past-end never\n", []Diagnostic{
			{Line: 2, Col: 3, EndCol: 11, Message: "unknown contract knob `limit.mx`; did you mean `limit.max`?"},
			{Line: 3, Col: 12, EndCol: 17, Message: "past-end: expected `empty`, `silent`, `last` or `404`, got `never`"},
		}},
		// A contradiction is underlined at the knob that completes it, the
		// later of the two (limit.max, line 3, 9 letters from column 3)...
		{"contract offset\n  limit.default 50\n  limit.max 10\n", []Diagnostic{{Line: 3, Col: 3, EndCol: 12, Message: "contradictory contract: limit.default 50 is above limit.max 10: the default page size could never be served"}}},
		// ...or the one knob at odds with the base or a default (GET has no
		// body), not a sound knob written after it (limit.max).
		{"contract offset\n  next.cursor next\n  limit.max 50\n", []Diagnostic{{Line: 2, Col: 3, EndCol: 14, Message: "contradictory contract: cursor knobs (after, before, next.cursor, prev.cursor) need the base `cursor` or `id`, not `offset`"}}},
		{"contract page\n  limit.in body\n", []Diagnostic{{Line: 2, Col: 3, EndCol: 11, Message: "contradictory contract: `per_page` is read from the body, which a GET request has none of: set method POST"}}},
		// A knob missing its companion (snapshot without snapshot.field or
		// snapshot.open) is underlined itself.
		{"contract offset\n  snapshot pit\n", []Diagnostic{{Line: 2, Col: 3, EndCol: 11, Message: "contradictory contract: a snapshot opened by a page needs snapshot.field: where the client learns its id (or snapshot.open, a path that opens one)"}}},
		// A contradiction between knobs that parsed is reported beside
		// another knob's bad value (past-end's value at 3+len("past-end")+1)...
		{"contract offset\n  next.cursor next\n  past-end never\n", []Diagnostic{
			{Line: 2, Col: 3, EndCol: 14, Message: "contradictory contract: cursor knobs (after, before, next.cursor, prev.cursor) need the base `cursor` or `id`, not `offset`"},
			{Line: 3, Col: 12, EndCol: 17, Message: "past-end: expected `empty`, `silent`, `last` or `404`, got `never`"},
		}},
		// ...but not one that names the refused knob: without limit.max abc
		// the maximum is the default 100, below 500, a limit.max the user
		// did not write; nor one beside a misspelt knob, which may be the
		// one it would say is missing (limit.mx, meant as limit.max).
		{"contract offset\n  limit.max abc\n  limit.default 500\n", []Diagnostic{{Line: 2, Col: 13, EndCol: 16, Message: "limit.max: expected a whole number from 1, got `abc`"}}},
		{"contract offset\n  limit.default 500\n  limit.mx 10\n", []Diagnostic{{Line: 3, Col: 3, EndCol: 11, Message: "unknown contract knob `limit.mx`; did you mean `limit.max`?"}}},
		// An editor keeps the knobs' indent: a setup line or a step typed
		// there says what happened, not "did you mean `record`?".
		{"contract cursor\n  path /v1/x\n  records 25\n  GET /v1/x\n", []Diagnostic{
			{Line: 3, Col: 3, EndCol: 10, Message: "`records` is indented, so it reads as a knob of the contract block: write it at the start of the line (the block ends at the first line that is not indented)"},
			{Line: 4, Col: 3, EndCol: 6, Message: "`GET` is indented, so it reads as a knob of the contract block: write it at the start of the line (the block ends at the first line that is not indented)"},
		}},
		{"profile cursor\ncontract cursor\n", []Diagnostic{{Line: 2, Col: 1, EndCol: 9, Message: "a scenario runs against a `profile` (line 1) or a declared `contract`, not both"}}},
	} {
		assert.Equal(t, c.want, Check(c.text), c.text)
	}
}

// A declared contract survives Format and the JSON form, and the JSON form
// is diagnosed as the text is.
func TestDeclaredContractRoundTrips(t *testing.T) {
	text := "contract cursor\n  path /v1/customers\n  after starting_after\nrecords 7\n\nGET /v1/customers?limit=3\nnext\n"
	s, err := Parse(text)
	require.NoError(t, err)
	assert.Equal(t, text, formatScenario(s))
	js := string(s.JSON())
	assert.True(t, strings.HasPrefix(js, `{"contract":{"base":"cursor","knobs":[["path","/v1/customers"],["after","starting_after"]]},"records":7,`), js)
	back, err := ScenarioFromJSON([]byte(js))
	require.NoError(t, err)
	assert.Equal(t, text, formatScenario(back))
	tr, err := Run(back)
	require.NoError(t, err)
	assert.Equal(t, []int64{4, 3, 2}, requests(tr)[1].Records())

	bad, err := ScenarioFromJSON([]byte(`{"contract":{"base":"cursor","knobs":[["limit.mx","5"]]}}`))
	require.NoError(t, err)
	err = bad.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unknown contract knob `limit.mx`; did you mean `limit.max`?")
	_, err = ScenarioFromJSON([]byte(`{"profile":"offset","contract":{"base":"cursor"}}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not both")
}

// docs/language.md documents every knob.
func TestEveryKnobIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/language.md")
	require.NoError(t, err)
	for _, k := range knobs {
		assert.Contains(t, string(doc), "| `"+k.name+"` | "+k.help+" |", k.name)
	}
}
