package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func warn(line, col, endCol int, msg string) Diagnostic {
	return Diagnostic{Line: line, Col: col, EndCol: endCol, Message: msg, Severity: SeverityWarning}
}

// The typos a new user makes (issue 8) run as the real API would run them,
// ignoring what the contract does not read, and the editor says so where
// they were typed, with a did-you-mean.
func TestTyposAreWarnings(t *testing.T) {
	for _, c := range []struct {
		text string
		want []Diagnostic
	}{
		{"profile offset\nGET /items?ofset=20&limt=10", []Diagnostic{
			warn(2, 12, 17, "offset does not read `ofset`: the server ignores it; did you mean `offset`?"),
			warn(2, 21, 25, "offset does not read `limt`: the server ignores it; did you mean `limit`?"),
		}},
		{"profile page\nGET /itms?page=2", []Diagnostic{
			warn(2, 5, 10, "page serves /items, not `/itms`; did you mean `/items`? (the server answers 404)"),
		}},
		{"profile offset\nPOST /items {\"offset\": 10}", []Diagnostic{
			warn(2, 1, 5, "offset lists with GET, not POST (the server answers 405)"),
			warn(2, 13, 14, "offset reads no request body: the server ignores it (it reads the query string: offset, limit)"),
		}},
		// A parameter the contract never reads is ignored, whatever its value.
		{"profile cursor\nGET /items?page=tok_abc", []Diagnostic{
			warn(2, 12, 16, "cursor does not read `page`: the server ignores it (it reads limit, after, before)"),
		}},
		// Body members, found where they are written even over several lines.
		{"profile flashduty\nPOST /incident/list?p=2 {\"lmit\": 3,\n  \"p\": 1, \"asc\": 0}", []Diagnostic{
			warn(2, 21, 22, "flashduty reads `p` from the JSON body, not the query string"),
			warn(2, 26, 32, "flashduty does not read the body member `lmit`: the server ignores it; did you mean `limit`?"),
			warn(3, 11, 16, "flashduty does not read the body member `asc`: the server ignores it (it reads p, limit, search_after_ctx)"),
		}},
		// Percent-encoded names are compared decoded; columns count characters.
		{"GET /items?off%73et=1&é=2", []Diagnostic{
			warn(1, 23, 24, "offset does not read `é`: the server ignores it (it reads offset, limit)"),
		}},
		// What the contract reads draws no warning.
		{"profile link\nGET /items?page=2&per_page=5\nnext", nil},
	} {
		assert.Equal(t, c.want, Check(c.text), c.text)
	}
}

// Warnings do not stop a run: the server ignores what it does not read, as
// the real API would, and RunText hands the warnings over with the trace.
func TestWarningsDoNotStopARun(t *testing.T) {
	tr, err := RunText("profile offset\nrecords 50\nGET /items?ofset=20&limt=10")
	require.NoError(t, err)
	require.Len(t, tr.Steps, 1)
	assert.True(t, tr.Steps[0].Accepted)
	assert.Equal(t, int64(0), tr.Steps[0].Position, "ofset is ignored: the first page")
	assert.Len(t, tr.Steps[0].Records(), 20, "limt is ignored: the default page size")
	require.Len(t, tr.Warnings, 2)
	assert.Equal(t, "line 3, col 12: warning: offset does not read `ofset`: the server ignores it; did you mean `offset`?", tr.Warnings[0].String())
}

// A value that is not a number is the contract's business, not a parse
// error: the offset contract refuses it with 400.
func TestNonNumbersAreTheContractsBusiness(t *testing.T) {
	tr, err := RunText("profile offset\nrecords 5\nGET /items?offset=abc")
	require.NoError(t, err)
	assert.Equal(t, 400, tr.Steps[0].Response.Status)
	assert.Equal(t, "offset must be a whole number, got `abc`", tr.Steps[0].Reason)
}

func TestDiagnosticsJSONHasSeverity(t *testing.T) {
	got := string(DiagnosticsJSON([]Diagnostic{
		{Line: 1, Col: 2, EndCol: 3, Message: "bad"},
		warn(4, 5, 0, "ignored"),
	}))
	assert.Equal(t, `[{"line":1,"col":2,"endCol":3,"severity":"error","message":"bad"},{"line":4,"col":5,"endCol":0,"severity":"warning","message":"ignored"}]`, got)
}

// A parameter with no name is ignored, as its warning says: `=false` used
// to be read as the parameter of every knob left unnamed (here total.track,
// which offset does not set), and turned the offset list's total off.
func TestNamelessParameterIsIgnored(t *testing.T) {
	tr, err := RunText("profile offset\nrecords 30\nGET /items?limit=5\nGET /items?limit=5&=false\nGET /items?limit=5&=true\n")
	require.NoError(t, err)
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	for _, s := range reqs {
		assert.Equal(t, 200, s.Response.Status, s.Request.URL)
		assert.Contains(t, string(s.Response.Body()), `"total":30`, s.Request.URL)
	}
	require.Len(t, tr.Warnings, 2)
	assert.Contains(t, tr.Warnings[0].Message, "the server ignores it")
}
