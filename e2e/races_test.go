package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A link followed in the tab (a new #preset= typed in the address bar, or
// set by a test) opens, even when the page writes its own link at that
// moment: the page writes the link of what it shows when the results come
// (when the tab is idle, or at the latest a second later), as the reader
// steps and when a view is chosen, and a write that landed between the new
// hash and its hashchange event put the old link back, so the page read its
// old link and stayed (TestEveryPresetInThePage timed out so twice in 45
// presets on a loaded machine). Clicking the Steps tab in the same task as
// the new hash makes that write come first every time.
func TestFollowedLinkIsNotOverwritten(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "#preset=offset-delete-miss")
	next := presetText(t, "cursor-same-mutations")
	eval[bool](t, ctx, `(() => {
		location.hash = '#preset=cursor-same-mutations';
		document.getElementById('tab-steps').click();
		return true;
	})()`)
	waitText(t, ctx, next)
	assert.Equal(t, "#preset=cursor-same-mutations", eval[string](t, ctx, `location.hash`))
}
