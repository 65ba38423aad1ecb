package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bugs of issue 8, found by testing as a new user would. Each test
// failed before its fix.

func runText(t *testing.T, text string) *Trace {
	t.Helper()
	tr, err := RunText(text)
	require.NoError(t, err)
	return tr
}

// An empty page still carries the cursors of the records on either side:
// here `prev` lands before every record left (1..3 were deleted), and the
// page after it is records 4 and 5. The client's `next` used to say there
// was no next page, closing the walk as complete with 5 and 6 missed.
func TestCursorEmptyPageKeepsCursors(t *testing.T) {
	tr := runText(t, `profile cursor limit=2
records 6
order oldest-first
GET /items?limit=2
next
delete at 0..2
prev
next
`)
	reqs := requests(tr)
	require.Len(t, reqs, 4)
	assert.Empty(t, reqs[2].Records(), "prev: nothing is left before record 3")
	assert.Equal(t, []int64{4, 5}, reqs[3].Records(), "next: the records after the empty page")
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, int64(0), tr.Walks[0].Missed.Count, "6 is not reached yet, not missed")
	assert.False(t, tr.Walks[0].Complete)

	// Newest first, and with a cursor that carries the key only.
	for _, sort := range []string{"created, id", "created"} {
		tr = runText(t, "profile cursor limit=2\nrecords 6\nsort "+sort+"\nGET /items?limit=2\nnext\ndelete at 0..2\nprev\nnext\n")
		reqs = requests(tr)
		require.Len(t, reqs, 4, sort)
		assert.Equal(t, []int64{4, 3}, reqs[1].Records(), sort)
		assert.Empty(t, reqs[2].Records(), sort)
		assert.Equal(t, []int64{3, 2}, reqs[3].Records(), sort)
	}
}

// The mirror case: a page after the last record is empty, and its
// prev_cursor still leads back to the records before it.
func TestCursorEmptyLastPageHasPrev(t *testing.T) {
	tr := runText(t, `profile cursor limit=2
records 4
order oldest-first
GET /items?limit=2
delete at 2..3
next
prev
`)
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Empty(t, reqs[1].Records(), "next: nothing is left after record 2")
	assert.Equal(t, []int64{1, 2}, reqs[2].Records(), "prev: the records before the empty page")
}

// A walk that starts past the end has reached nothing before it: it is
// consistent, not 50 records missed.
func TestWalkStartingPastTheEnd(t *testing.T) {
	tr := runText(t, "records 50\nGET /items?offset=60&limit=10\n")
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, int64(0), tr.Walks[0].Missed.Count)
	assert.True(t, tr.Walks[0].Consistent)
}

// `prev` back to offset 0 continues the client's walk; a request written
// out for offset 0 still starts a new one.
func TestPrevBackToOffsetZeroContinuesTheWalk(t *testing.T) {
	tr := runText(t, "records 50\nGET /items?offset=0&limit=10\nnext\nprev\n")
	require.Len(t, tr.Walks, 1, "one walk: page 1, page 2, back to page 1")
	assert.Equal(t, 3, tr.Walks[0].Requests)

	tr = runText(t, "records 50\nGET /items?offset=5&limit=10\nprev\n")
	require.Len(t, tr.Walks, 1, "prev from offset 5 is offset 0 (clamped): the same walk")

	tr = runText(t, "records 50\nGET /items?offset=0&limit=10\nnext\nGET /items?offset=0&limit=10\n")
	assert.Len(t, tr.Walks, 2, "offset=0 written out starts a new walk")
}

// `walk cap N` counts the walk's pages, the first included, and names no
// vendor under a generic profile.
func TestWalkCap(t *testing.T) {
	tr := runText(t, "records 1000\nGET /items?offset=0&limit=10\nwalk cap 50\n")
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, 50, tr.Walks[0].Requests, "walk cap 50 reads 50 pages")
	require.Len(t, tr.Summary.Errors, 1)
	assert.NotContains(t, tr.Summary.Errors[0], "Celigo")
	assert.Contains(t, tr.Summary.Errors[0], "more than 50 pages")

	tr = runText(t, "records 1000\nwalk cap 50\n")
	assert.Equal(t, 50, tr.Walks[0].Requests, "a walk from nothing: 50 pages too")

	tr = runText(t, "profile celigo\nrecords 10000\nGET /v1/integrations?limit=100\nwalk cap 50\n")
	require.Len(t, tr.Summary.Errors, 1)
	assert.Contains(t, tr.Summary.Errors[0], "Celigo's CLI", "under Celigo's profile the note names its CLI")
}

// Users never read seed file names: rules, notes and presets name the
// vendor's page.
func TestNoSeedNamesShownToUsers(t *testing.T) {
	for _, p := range Profiles() {
		for _, r := range p.Rules {
			assert.NotRegexp(t, `(?i)\bseeds?\b ?\d{3}`, r.Text+" "+r.Source, p.Name)
		}
		assert.NotRegexp(t, `(?i)\bseeds?\b ?\d{3}`, p.Source+" "+p.Summary, p.Name)
	}
	for _, p := range Presets() {
		assert.NotRegexp(t, `(?i)\bseeds?\b ?\d{3}`, p.Title+" "+p.Notice+" "+p.Question+" "+p.Try+" "+p.Text, p.Name)
	}
}
