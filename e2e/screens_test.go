package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestScreenshots saves the main views at desktop and phone width, light and
// dark, into test-artifacts/.
func TestScreenshots(t *testing.T) {
	ctx := tab(t)
	viewport(t, ctx, 1400, 900, false, false)
	open(t, ctx, "")
	require.Equal(t, "ok", waitShown(t, ctx))
	screenshot(t, ctx, "desktop-steps", false)
	key(t, ctx, "2")
	screenshot(t, ctx, "desktop-drift", false)
	key(t, ctx, "3")
	screenshot(t, ctx, "desktop-cost", false)
	key(t, ctx, "4")
	waitCompare(t, ctx)
	screenshot(t, ctx, "desktop-compare", false)
	key(t, ctx, "1")

	viewport(t, ctx, 1400, 900, false, true)
	screenshot(t, ctx, "desktop-dark-steps", false)
	key(t, ctx, "2")
	screenshot(t, ctx, "desktop-dark-drift", false)
	key(t, ctx, "1")

	viewport(t, ctx, 390, 844, true, false)
	screenshot(t, ctx, "phone-steps", true)
	key(t, ctx, "2")
	screenshot(t, ctx, "phone-drift", true)
	viewport(t, ctx, 390, 844, true, true)
	screenshot(t, ctx, "phone-dark-drift", true)
}

func waitCompare(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#compare-out .cmp-col').length > 0`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
}

// TestReadmeScreenshot saves test-artifacts/readme.png, the picture for
// docs/screenshot.png: a drifting offset walk, stepped to the page that
// repeats a record.
func TestReadmeScreenshot(t *testing.T) {
	ctx := tab(t)
	viewport(t, ctx, 1280, 800, false, false)
	open(t, ctx, "")
	typeScenario(t, ctx, offsetDrift)
	key(t, ctx, "g")
	for i := 0; i < 3; i++ {
		key(t, ctx, "j")
	}
	screenshot(t, ctx, "readme", false)
	key(t, ctx, "2")
	screenshot(t, ctx, "readme-drift", false)
}
