package sim

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type findHead struct {
	viewHead
	WalkDetail []struct {
		IDs      []int64 `json:"ids"`
		IDStep   int64   `json:"idStep"`
		MissNote string  `json:"missNote"`
		DupSteps [][]int `json:"dupSteps"`
	} `json:"walkDetail"`
}

func headOf(t *testing.T, text string) (*Trace, *View, findHead) {
	t.Helper()
	tr, err := RunText(text)
	require.NoError(t, err)
	v := NewView(tr)
	var h findHead
	require.NoError(t, json.Unmarshal(v.HeadJSON(1000), &h))
	return tr, v, h
}

func flagged(h findHead, flag int) []int {
	var out []int
	for i, f := range h.Cols.Flags {
		if int(f)&flag != 0 {
			out = append(out, i)
		}
	}
	return out
}

func TestFindDuplicatesAtTheirSteps(t *testing.T) {
	_, _, h := headOf(t, viewScenario)
	// By hand (viewScenario, newest first, ids 50..1, pages of 10): page 2
	// (step 2, index 1) returns 40–31; id 51 arrives, so page 3 (index 3)
	// returns 31–22: 31 again. The walk goes on to the end without another.
	assert.Equal(t, []int{3}, flagged(h, FlagDuplicate))
	assert.Empty(t, flagged(h, FlagMiss))
	require.NotEmpty(t, h.WalkDetail)
	// The one duplicate, id 31, came from index 1 and again from index 3.
	assert.Equal(t, [][]int{{1, 3}}, h.WalkDetail[0].DupSteps)
	assert.Equal(t, "duplicate", flagName(h, FlagDuplicate))
}

func flagName(h findHead, bit int) string {
	for name, b := range h.FlagBits {
		if b == bit {
			return name
		}
	}
	return ""
}

func TestFindMissesAtTheRequestThatWentPast(t *testing.T) {
	// Newest first, ids 50..1, pages of 10: page 1 is 50–41, page 2 40–31;
	// id 50 vanishes, so everything moves up one and page 3 (offset 20) is
	// 29–20: id 30 is never returned, and page 3 (index 3) went past it.
	tr, v, h := headOf(t, "profile offset\nrecords 50\nGET /items?offset=0&limit=10\nnext\ndelete id 50\nnext\nwalk\n")
	require.Equal(t, int64(1), tr.Walks[0].Missed.Count)
	assert.Equal(t, []int{3}, flagged(h, FlagMiss))
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(3, 4), &rows))
	assert.Equal(t, []any{30.0}, rows[0]["skipped"])
	assert.Equal(t, 1.0, rows[0]["skippedCount"])
	// The strip with its ids, in list order (newest first: ids go down):
	// 49–31 seen once... the ids name every record the readout points at.
	d := h.WalkDetail[0]
	assert.Equal(t, int64(-1), d.IDStep)
	var total int64
	missedAt := int64(-1)
	for k := 0; k+2 < len(d.IDs); k += 3 {
		if RunState(d.IDs[k]) == Missed {
			missedAt = d.IDs[k+2]
			assert.Equal(t, int64(1), d.IDs[k+1])
		}
		total += d.IDs[k+1]
	}
	assert.Equal(t, int64(30), missedAt)
	assert.Equal(t, int64(50), total, "the 49 left and the one deleted")
}

func TestFindMissesAtTheEndGoToTheLastPage(t *testing.T) {
	// Oldest first, ids 1..30, pages of 10: page 1 is 1–10; id 1 vanishes
	// and page 2 (offset 10) is 12–21, page 3 22–30 and no next page... 11
	// is skipped by page 2 (index 2), and nothing is missed at the end.
	_, v, h := headOf(t, "profile offset\nrecords 30\norder oldest-first\nGET /items?offset=0&limit=10\ndelete id 1\nwalk\n")
	assert.Equal(t, []int{2}, flagged(h, FlagMiss))
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(2, 3), &rows))
	assert.Equal(t, []any{11.0}, rows[0]["skipped"])
	assert.Equal(t, int64(1), h.WalkDetail[0].IDStep)
}

func TestFindRepeatedNotesReferToTheFirst(t *testing.T) {
	// Flashduty's preset: every page of the walk says the same thing about
	// its capped total (1000 for 12,000 incidents) and carries the same
	// interpretation of has_next_page; page 101 (101 × 100 > 10,000) is
	// refused, and so is p=501 with limit 20.
	tr, v, h := headOf(t, presetText(t, "flashduty-window-10000"))
	require.Len(t, tr.Steps, 102)
	assert.Equal(t, []int{100, 101}, flagged(h, FlagRefused))
	notes := flagged(h, FlagNote)
	require.Len(t, notes, 100)
	assert.Equal(t, 0, notes[0])
	assert.Equal(t, 99, notes[99])
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(0, 102), &rows))
	assert.Nil(t, rows[0]["reasonAs"], "the first says it in full")
	assert.Nil(t, rows[0]["interpAs"])
	for i := 1; i < 100; i++ {
		assert.Equal(t, 0.0, rows[i]["reasonAs"], "row %d", i)
		assert.Equal(t, 0.0, rows[i]["interpAs"], "row %d", i)
	}
	// The two refusals give different products (10,100 and 10,020).
	assert.Nil(t, rows[100]["reasonAs"])
	assert.Nil(t, rows[101]["reasonAs"])
}

func presetText(t *testing.T, name string) string {
	t.Helper()
	for _, p := range Presets() {
		if p.Name == name {
			return p.Text
		}
	}
	t.Fatalf("no preset %s", name)
	return ""
}

func TestHeadListsTheFirstRequests(t *testing.T) {
	// The compare cards show each profile's requests from the head alone:
	// Flashduty's preset sends p=1, 2, ... in POST bodies (its text).
	_, v, _ := headOf(t, presetText(t, "flashduty-window-10000"))
	var h struct {
		FirstRequests []struct {
			I        int    `json:"i"`
			Method   string `json:"method"`
			URL      string `json:"url"`
			Body     string `json:"body"`
			Status   int    `json:"status"`
			Accepted bool   `json:"accepted"`
		} `json:"firstRequests"`
	}
	require.NoError(t, json.Unmarshal(v.HeadJSON(0), &h))
	require.Len(t, h.FirstRequests, 8, "at most 8")
	r := h.FirstRequests[1]
	assert.Equal(t, 1, r.I)
	assert.Equal(t, "POST", r.Method)
	assert.Equal(t, "/incident/list", r.URL)
	assert.JSONEq(t, `{"p":2,"limit":100}`, r.Body)
	assert.Equal(t, 200, r.Status)
	assert.True(t, r.Accepted)
}

func TestFindMissesNoRequestWentPastBelongToTheWalk(t *testing.T) {
	// GitHub's preset, by hand: 100 issues newest first, 30 a page. Page 1
	// (index 0) is 100–71, page 2 (index 1) 70–41. Issue 10 (position 90)
	// is updated (index 2) and moves to the top: 10, 100, 99, ..., 11, 9..1.
	// Page 3 (index 3, offset 60) is 41–12: 41 again; page 4 (index 4) is
	// 11, 9..1. Issue 10 is never returned, but no page went past it: when
	// pages 3 and 4 ran it stood above page 1, and when page 1 ran (the
	// record after it at the end) it was still at position 90.
	tr, v, h := headOf(t, presetText(t, "github-updated-issue-repeats"))
	require.Equal(t, []int64{10}, tr.Walks[0].Missed.IDs)
	assert.Equal(t, []int{3}, flagged(h, FlagDuplicate))
	assert.Empty(t, flagged(h, FlagMiss), "no step went past issue 10")
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(0, 5), &rows))
	for _, r := range rows {
		assert.Nil(t, r["skipped"])
	}
	assert.Equal(t, "No request went past missed record 10: an update moved it, or the record next to it, after that part of the list was read.", h.WalkDetail[0].MissNote)
}

func TestFindMissesAfterAnUpdateOfAnotherRecord(t *testing.T) {
	// By hand: 30 records oldest first, 10 a page. Page 1 (index 0) is
	// 1–10; record 5 (index 1) gets the largest key and moves to the end:
	// 1–4, 6–30, 5. Page 2 (index 2, offset 10) is 12–21: it went past 11,
	// which the update pushed up into position 9. Page 3 (index 3) is
	// 22–30 and 5 again. The update moved 5, not 11 or 12, and came before
	// page 2: the miss is page 2's.
	_, v, h := headOf(t, "profile offset limit=10\nrecords 30\norder oldest-first\nGET /items?offset=0&limit=10\nupdate id 5 key 1_000_000\nwalk\n")
	assert.Equal(t, []int{2}, flagged(h, FlagMiss))
	assert.Equal(t, []int{3}, flagged(h, FlagDuplicate))
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(2, 3), &rows))
	assert.Equal(t, []any{11.0}, rows[0]["skipped"])
	assert.Empty(t, h.WalkDetail[0].MissNote)
}

func TestFindMissesAfterTheLastPageSayTheWalkEndedThere(t *testing.T) {
	// By hand: 1,500 incidents, newest first (ids 1500..1), 100 a page. A
	// client that trusts Flashduty's total (1000, capped) reads 10 pages
	// (ids 1500–501) and stops: ids 500..1 are missed after page 10 (index
	// 9). Page 10 went past none of them: the walk ended there.
	_, v, h := headOf(t, "profile flashduty client=total\nrecords 1500\nPOST /incident/list {\"p\": 1, \"limit\": 100}\nwalk\n")
	assert.Equal(t, []int{9}, flagged(h, FlagMiss))
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(9, 10), &rows))
	assert.Nil(t, rows[0]["skipped"])
	assert.Equal(t, 500.0, rows[0]["missedAfterCount"])
	ids := rows[0]["missedAfter"].([]any)
	require.Len(t, ids, maxListedIDs)
	assert.Equal(t, 500.0, ids[0])
	assert.Equal(t, 401.0, ids[maxListedIDs-1])
}

// A walk a refusal stopped reports the records after it as unreached, not
// missed, and the find places them at the refused request.
func TestFindUnreachedAtTheStepWhereTheWalkStopped(t *testing.T) {
	// By Zendesk's announcement: offset pages stop at the first 10,000
	// records. 12,000 tickets, 100 a page: pages 1..100 (steps 1..100,
	// indexes 0..99) read 10,000, page 101 (index 100) is refused, and the
	// 12,000 - 10,000 = 2,000 tickets after page 100 are never read. None
	// was skipped between pages that were read: 0 misses.
	tr, v, h := headOf(t, presetText(t, "zendesk-offset-limit"))
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.Equal(t, int64(10_000), w.Distinct)
	assert.Equal(t, int64(0), w.Missed.Count)
	assert.Equal(t, int64(2_000), w.Unreached)
	assert.Equal(t, int64(2_000), tr.Summary.Unreached)
	assert.Contains(t, w.Verdict, "2,000 records after its last page were not reached.")
	assert.Empty(t, flagged(h, FlagMiss))
	assert.Equal(t, []int{100}, flagged(h, FlagUnreached))
	assert.Equal(t, "unreached", flagName(h, FlagUnreached))
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(100, 101), &rows))
	assert.Equal(t, 2000.0, rows[0]["unreachedAfter"])
	assert.Nil(t, rows[0]["unreachedBefore"])
}

// A walk that began mid-list has its head unreached at its first page; one
// the scenario left after two pages has its tail unreached at its last.
func TestFindUnreachedBeforeTheFirstPageAndAfterTheLast(t *testing.T) {
	// 50 records, pages of 10 from page 3: positions 0..19 lie before its
	// first page (index 0); it reads 20..49 to the end, so nothing after.
	tr, v, h := headOf(t, "profile page\nrecords 50\nGET /items?page=3&per_page=10\nwalk\n")
	assert.Equal(t, int64(20), tr.Walks[0].Unreached)
	assert.Contains(t, tr.Walks[0].Verdict, "20 records before its first page were not reached.")
	assert.Equal(t, []int{0}, flagged(h, FlagUnreached))
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(v.RowsJSON(0, 1), &rows))
	assert.Equal(t, 20.0, rows[0]["unreachedBefore"])

	// Page 2 then page 3 of 50 and the scenario ends: 10 before (index 0),
	// 20 after (positions 30..49, index 1).
	tr, v, h = headOf(t, "profile page\nrecords 50\nGET /items?page=2&per_page=10\nnext\n")
	assert.Equal(t, int64(30), tr.Walks[0].Unreached)
	assert.Contains(t, tr.Walks[0].Verdict, "10 records before its first page and 20 after its last were not reached.")
	assert.Equal(t, []int{0, 1}, flagged(h, FlagUnreached))
	require.NoError(t, json.Unmarshal(v.RowsJSON(0, 2), &rows))
	assert.Equal(t, 10.0, rows[0]["unreachedBefore"])
	assert.Equal(t, 20.0, rows[1]["unreachedAfter"])
}

// A walk that began past the end (offset 60 of 50) reached none of the 50:
// they lie before its only page, in either order.
func TestWalkStartingPastTheEndLeavesEveryRecordBeforeIt(t *testing.T) {
	for _, order := range []string{"newest-first", "oldest-first"} {
		tr := runText(t, "records 50\norder "+order+"\nGET /items?offset=60&limit=10\n")
		require.Len(t, tr.Walks, 1)
		assert.Equal(t, int64(50), tr.Walks[0].Unreached, order)
		assert.Contains(t, tr.Walks[0].Verdict, "50 records before its first page were not reached.", order)
	}
}

// A client that stops at its own page cap knows it stopped: what is left is
// unreached. Celigo's CLI caps at 50 pages; 5,100 integrations at 100 a
// page need 51, so 50 × 100 = 5,000 are read and 100 are not reached, and
// `expect unreached` counts them.
func TestWalkCapLeavesTheRestUnreached(t *testing.T) {
	tr := runText(t, presetText(t, "celigo-cli-cap")+"expect unreached = 100\nexpect missed = 0\n")
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, int64(5_000), tr.Walks[0].Distinct)
	assert.Equal(t, int64(100), tr.Walks[0].Unreached)
	require.Len(t, tr.Expectations, 2)
	assert.True(t, tr.Expectations[0].Met, tr.Expectations[0].Why)
	assert.True(t, tr.Expectations[1].Met, tr.Expectations[1].Why)
}

// Where a walk's refusals pile up, its unreached records are placed at the
// first: Flashduty's preset reads pages 1..100 of 12,000 incidents (100 a
// page, PAGE * LIMIT <= 10,000), page 101 (index 100) is refused and so is
// p=501 after it (index 101), still in the same client's walk. The 2,000
// after page 100 begin at the first refusal.
func TestFindUnreachedAtTheFirstRefusalAfterTheLastPage(t *testing.T) {
	tr, _, h := headOf(t, presetText(t, "flashduty-window-10000"))
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, int64(2_000), tr.Walks[0].Unreached)
	assert.Equal(t, []int{100}, flagged(h, FlagUnreached))
}
