package sim

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const viewScenario = `profile offset
records 50

GET /items?offset=0&limit=10
next
insert 1
next
walk
`

type viewHead struct {
	N        int            `json:"n"`
	FlagBits map[string]int `json:"flagBits"`
	Kinds    []string       `json:"kinds"`
	Cols     struct {
		Kind, Line, Size, Status, Flags, Rows, WalkRows, Count []int64
	} `json:"cols"`
	Rows         []map[string]any `json:"rows"`
	FirstRefusal *struct {
		I      int    `json:"i"`
		Reason string `json:"reason"`
	} `json:"firstRefusal"`
	Walks   []map[string]any `json:"walks"`
	Summary map[string]any   `json:"summary"`
}

func TestViewHeadIsCompact(t *testing.T) {
	tr, err := RunText(viewScenario)
	require.NoError(t, err)
	v := NewView(tr)
	var h viewHead
	require.NoError(t, json.Unmarshal(v.HeadJSON(2), &h))
	require.Equal(t, len(tr.Steps), h.N)
	require.Len(t, h.Rows, 2, "only the rows asked for")
	for _, c := range [][]int64{h.Cols.Kind, h.Cols.Line, h.Cols.Size, h.Cols.Status, h.Cols.Flags, h.Cols.Rows, h.Cols.WalkRows, h.Cols.Count} {
		require.Len(t, c, h.N)
	}
	// By hand: 50 records, pages of 10: the first request reads offset 0 +
	// limit 10 = 10 rows and returns 10 records; the insert adds 1 record.
	assert.Equal(t, "request", h.Kinds[h.Cols.Kind[0]])
	assert.Equal(t, int64(4), h.Cols.Line[0])
	assert.Equal(t, int64(200), h.Cols.Status[0])
	assert.Equal(t, int64(10), h.Cols.Rows[0])
	assert.Equal(t, int64(10), h.Cols.Count[0])
	assert.Equal(t, int64(FlagRequest|FlagAccepted|FlagInWalk), h.Cols.Flags[0])
	assert.Equal(t, "insert", h.Kinds[h.Cols.Kind[2]])
	assert.Equal(t, int64(1), h.Cols.Count[2])
	assert.Equal(t, int64(51), h.Cols.Size[2])
	assert.Equal(t, int64(0), h.Cols.Flags[2])
	assert.Nil(t, h.FirstRefusal)
	assert.Equal(t, FlagAccepted, h.FlagBits["accepted"])
	assert.Equal(t, FlagInWalk, h.FlagBits["inWalk"])
	assert.Len(t, h.Walks, len(tr.Walks))
	// No records of any step travel outside the rows.
	assert.NotContains(t, string(v.HeadJSON(0)), `"records":[`)
}

func TestViewRowsCarryRepeats(t *testing.T) {
	tr, err := RunText(viewScenario)
	require.NoError(t, err)
	v := NewView(tr)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(0, len(tr.Steps)), &rows))
	require.Len(t, rows, len(tr.Steps))
	// Newest first, ids 50..1: page 1 is 50–41, page 2 is 40–31; id 51
	// arrives at the head, so page 3 (positions 20–29) is 31–22: 31 again.
	assert.Equal(t, []any{31.0}, rows[3]["repeats"])
	for i, r := range rows {
		if i != 3 {
			assert.Nil(t, r["repeats"], "row %d", i)
		}
		if tr.Steps[i].Request != nil {
			assert.Nil(t, r["response"].(map[string]any)["body"], "rows carry no bodies")
		}
	}
	// Out of range is clamped, never a panic.
	assert.Equal(t, "[]", string(v.RowsJSON(100, 200)))
	assert.Equal(t, 1, bytes.Count(v.RowsJSON(-5, 1), []byte(`"i":`)))
}

func TestViewFirstRefusal(t *testing.T) {
	tr, err := RunText("profile offset over-max=refuse\nrecords 30\nGET /items?limit=10\nGET /items?limit=500\n")
	require.NoError(t, err)
	var h viewHead
	require.NoError(t, json.Unmarshal(NewView(tr).HeadJSON(0), &h))
	require.NotNil(t, h.FirstRefusal)
	assert.Equal(t, 1, h.FirstRefusal.I)
	assert.Equal(t, tr.Steps[1].Reason, h.FirstRefusal.Reason)
	// Refused, in the walk the first request opened (a refused request stays
	// in its client's open walk), where that walk stopped: the 20 records
	// after its first page (30 - 10) are unreached from there.
	assert.Equal(t, int64(FlagRequest|FlagInWalk|FlagRefused|FlagUnreached), h.Cols.Flags[1], "refused: a request, not accepted")
}

func TestWriteJSONIsTheWholeTrace(t *testing.T) {
	// Big enough for several chunks: 3,000 pages with their bodies.
	tr, err := RunText("profile offset limit=100 max-limit=100\nrecords 300k\nGET /items\nwalk\n")
	require.NoError(t, err)
	var parts [][]byte
	tr.WriteJSON(func(b []byte) { parts = append(parts, append([]byte(nil), b...)) })
	assert.Greater(t, len(parts), 2, "streamed in chunks")
	assert.Equal(t, string(tr.JSON()), string(bytes.Join(parts, nil)))
}

func TestWriteCSV(t *testing.T) {
	tr, err := RunText("profile offset over-max=refuse\nrecords 30\nGET /items?limit=10\ninsert 2 at 3\nGET /items?limit=500\n")
	require.NoError(t, err)
	var b bytes.Buffer
	tr.WriteCSV(func(p []byte) { b.Write(p) })
	assert.Contains(t, b.String(), "\r\n")
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, "step", rows[0][0])
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	assert.Equal(t, []string{"1", "3", "GET", "200", "true", "10", "30", "21", "0"},
		[]string{rows[1][0], rows[1][col["line"]], rows[1][col["method"]], rows[1][col["status"]], rows[1][col["accepted"]],
			rows[1][col["records"]], rows[1][col["first_id"]], rows[1][col["last_id"]], rows[1][col["position"]]})
	assert.Equal(t, []string{"insert", "2", "3", "32"}, []string{rows[2][col["kind"]], rows[2][col["records"]], rows[2][col["position"]], rows[2][col["size"]]})
	assert.Equal(t, []string{"400", "false", "0"}, []string{rows[3][col["status"]], rows[3][col["accepted"]], rows[3][col["records"]]})
}

func TestCSVCellsAreNeverFormulas(t *testing.T) {
	assert.Equal(t, `"=1+1"`, string(appendCSVCell(nil, "=1+1")))
	assert.Equal(t, `"-1"`, string(appendCSVCell(nil, "-1")))
	assert.Equal(t, `"a ""b"", c"`, string(appendCSVCell(nil, `a "b", c`)))
	assert.Equal(t, `plain`, string(appendCSVCell(nil, "plain")))
}

// SetRules gives each profile named in start.json's profile list the rules
// listed for it there (the WASM has none of its own); a name no profile has,
// and text that is not such a list, change nothing.
func TestSetRulesTakesTheListsRules(t *testing.T) {
	p, ok := LookupProfile("stripe")
	require.True(t, ok)
	saved := p.Rules
	t.Cleanup(func() { p.Rules = saved })
	SetRules(`[{"name":"stripe","rules":[{"text":"a rule","source":"its page","interpretation":true},{"text":"another"}]},{"name":"no-such","rules":[{"text":"x"}]}]`)
	want := []RuleNote{{Text: "a rule", Source: "its page", Interpretation: true}, {Text: "another"}}
	assert.Equal(t, want, p.Rules)
	SetRules(`not json`)
	SetRules(`[{"name":"stripe"}]`)
	assert.Equal(t, want, p.Rules)
	tr, err := RunText("profile stripe\nrecords 3\nGET /v1/customers\n")
	require.NoError(t, err)
	assert.Equal(t, want, tr.Setup.Rules)
}

// The page makes one call per run, so the head carries the run's warnings
// (the input the contract ignores) for the editor, each as Check reports
// it with its one-click fix; a run without any has no warnings member.
func TestHeadJSONCarriesTheWarnings(t *testing.T) {
	text := "profile offset\nrecords 50\nGET /items?ofset=20&limt=10\n"
	tr, err := RunText(text)
	require.NoError(t, err)
	var h struct {
		Warnings []struct {
			Line, Col, EndCol int
			Severity, Message string
			Fix               string
		}
	}
	require.NoError(t, json.Unmarshal(NewView(tr).HeadJSON(0), &h))
	want := Check(text)
	require.Len(t, want, 2, "ofset and limt")
	require.Len(t, h.Warnings, 2)
	for i, d := range want {
		w := h.Warnings[i]
		assert.Equal(t, []int{d.Line, d.Col, d.EndCol}, []int{w.Line, w.Col, w.EndCol})
		assert.Equal(t, "warning", w.Severity)
		assert.Equal(t, d.Message, w.Message)
	}
	assert.Equal(t, "offset", h.Warnings[0].Fix, "did you mean `offset`?")

	tr, err = RunText("profile offset\nrecords 50\nGET /items?offset=20&limit=10\n")
	require.NoError(t, err)
	assert.NotContains(t, string(NewView(tr).HeadJSON(0)), `"warnings"`)
}
