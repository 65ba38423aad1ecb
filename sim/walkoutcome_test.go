package sim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A walk that a refusal stopped before the end of the list is not a
// consistent walk: its client got an error, not the list. The walk's card,
// the summary's counts and `expect consistent` say so alike.

// Stripe's preset (stripe/stripe-go#1030): page 1 is customers 9, 8, 7;
// they are deleted; page 2 (starting_after=cus_000007) is a 400
// resource_missing. Nothing was returned twice or skipped before it, and the
// walk did not reach the end of the list: customers 6..1 (9 - 3), after its
// only page, are not reached.
func TestWalkStoppedByARefusalIsNotConsistent(t *testing.T) {
	tr := runText(t, presetText(t, "stripe-delete-while-paginating")+"expect consistent\n")
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.Equal(t, WalkRefused, w.Outcome)
	assert.False(t, w.Consistent)
	assert.False(t, w.Complete)
	assert.Equal(t, "Stopped after 1 page (its last request was refused (400)). Not consistent: a refusal stopped it "+
		"before the end of the list (no record was returned twice or skipped before that). 6 records after its last page "+
		"were not reached. 3 records vanished during the "+
		"walk (3 had been seen).", w.Verdict)
	assert.Equal(t, 1, tr.Summary.Walks)
	assert.Equal(t, 0, tr.Summary.Consistent)
	assert.Equal(t, 1, tr.Summary.RefusedWalks)
	assert.Equal(t, int64(6), tr.Summary.Unreached)
	require.Len(t, tr.Expectations, 1)
	assert.False(t, tr.Expectations[0].Met)
	assert.Equal(t, "walk 1: its last request was refused (400)", tr.Expectations[0].Why)

	// The page reads the same words from the trace's JSON.
	var j struct {
		Walks   []struct{ Outcome string }
		Summary struct{ Consistent, RefusedWalks int }
	}
	require.NoError(t, json.Unmarshal(tr.JSON(), &j))
	assert.Equal(t, "refused", j.Walks[0].Outcome)
	assert.Equal(t, 0, j.Summary.Consistent)
	assert.Equal(t, 1, j.Summary.RefusedWalks)

	// With deleted-cursor=continue the same walk goes on to the end: page 2
	// is 6, 5, 4 and page 3 is 3, 2, 1 with has_more false. Consistent.
	tr = runText(t, "profile stripe deleted-cursor=continue\nrecords 9\nGET /v1/customers?limit=3\ndelete id 9\ndelete id 8\ndelete id 7\nwalk\n")
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, WalkConsistent, tr.Walks[0].Outcome)
	assert.Equal(t, 1, tr.Summary.Consistent)
	assert.Equal(t, 0, tr.Summary.RefusedWalks)
}

// A walk that drifted before its refusal is counted as drifted: by hand,
// Flashduty newest first (ids 20000..1), p=99 limit 100 is positions
// 9800–9899 (ids 10200–10101); one record arrives at the head, so p=100
// (positions 9900–9999) begins with id 10101 again; p=101 is refused
// (101 × 100 > 10,000).
func TestWalkThatDriftedBeforeItsRefusalIsDrifted(t *testing.T) {
	tr := runText(t, "profile flashduty\nrecords 20000\nPOST /incident/list {\"p\": 99, \"limit\": 100}\ninsert 1\nnext\nnext\n")
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.Equal(t, []int64{10101}, w.Duplicates.IDs)
	assert.Equal(t, WalkDrifted, w.Outcome)
	assert.Equal(t, 0, tr.Summary.Consistent)
	assert.Equal(t, 0, tr.Summary.RefusedWalks, "a drifted walk is counted once, as drifted")
}

// A walk its client ended on a short page says why once: Slack's preset
// stops on the first page shorter than limit (client=page-size).
func TestClientEndedWalkSaysWhyOnce(t *testing.T) {
	tr := runText(t, presetText(t, "slack-short-page"))
	require.Len(t, tr.Walks, 1)
	v := tr.Walks[0].Verdict
	assert.True(t, strings.HasPrefix(v, "The client ended the walk: the page had "), v)
	assert.Equal(t, 1, strings.Count(v, "the client stops")+strings.Count(v, "the client ended")+strings.Count(v, "The client ended"), v)
}
