package e2e

import (
	"testing"

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
