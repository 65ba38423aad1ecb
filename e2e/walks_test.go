package e2e

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
	"pagingplayground/sim"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A walk that a refusal stopped before its end: the summary chip and the
// walk's card agree that it is not consistent, in the simulator's words.
func TestWalkStoppedByARefusalInThePage(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=stripe-delete-while-paginating")
	tr := native(t, eval[string](t, ctx, `document.getElementById('scenario').value`))
	require.Len(t, tr.Walks, 1)
	require.Equal(t, "refused", tr.Walks[0].Outcome, "by Stripe's preset: page 2 is a 400 resource_missing")

	chip := texts(t, ctx, "#summary .pill.walks")
	require.Len(t, chip, 1)
	assert.Equal(t, "1 walk, 0 consistent, 1 stopped by a refusal", chip[0])

	key(t, ctx, "2")
	cards := texts(t, ctx, "#view-drift article.walk")
	require.Len(t, cards, 1)
	assert.Contains(t, cards[0], tr.Walks[0].Verdict)
	assert.Contains(t, cards[0], "Not consistent")
	assert.NotContains(t, cards[0], "Consistent so far")
	badge := texts(t, ctx, "#view-drift article.walk .verdict-badge")
	assert.Equal(t, []string{"refused"}, badge)
}

// A miss no request went past is the walk's: in GitHub's preset issue 10 is
// updated to the top after pages 1 and 2 were read, so no page skipped it.
// No step says it went past it; the find bar and the walk's card say whose
// it is, in the simulator's words.
func TestMissNoRequestWentPastInThePage(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=github-updated-issue-repeats")
	tr := native(t, eval[string](t, ctx, `document.getElementById('scenario').value`))
	require.Equal(t, []int64{10}, tr.Walks[0].Missed.IDs)
	var head struct {
		WalkDetail []struct{ MissNote string } `json:"walkDetail"`
	}
	require.NoError(t, json.Unmarshal(sim.NewView(tr).HeadJSON(0), &head))
	note := head.WalkDetail[0].MissNote
	require.Contains(t, note, "No request went past missed record 10")

	assert.Equal(t, []string{"0 refusals", "1 duplicate", "0 misses", "0 notes"}, texts(t, ctx, ".find-bar .jump-count"))
	assert.Empty(t, texts(t, ctx, "#steps .skipped"), "no row says it went past issue 10")
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`)))
	key(t, ctx, "m")
	assert.Equal(t, "No step went past a missed record. Walk 1: "+note, texts(t, ctx, ".find-bar .find-status")[0])

	key(t, ctx, "2")
	assert.Equal(t, []string{note}, texts(t, ctx, "#view-drift article.walk .miss-note"))
}
