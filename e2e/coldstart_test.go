package e2e

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// coldVisit opens path in a Chromium of its own with an empty profile (a
// fresh browser's first visit: nothing cached, no compiled code kept) and
// returns the first result's time after navigation, with where the time
// went: each resource's arrival and the page's marks, in ms after
// navigation.
func coldVisit(t *testing.T, path string) (ms float64, split string) {
	t.Helper()
	chrome := os.Getenv("CHROME_BIN")
	if chrome == "" {
		chrome = "chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+path)))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.body && !!document.body.dataset.firstResultMs`, chromedp.WithPollingTimeout(time.Minute)))
	require.NoError(t, err, "the first result")
	split, err = chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const r = (x) => Math.round(x);
		const short = (u) => u.replace(/^.*\//, '').replace(/-[0-9A-Z]{8}\./, '.');
		const out = [];
		const n = performance.getEntriesByType('navigation')[0];
		out.push('html ' + r(n.responseEnd) + ' (parsed ' + r(n.domInteractive) + ')');
		for (const e of performance.getEntriesByType('resource')) out.push(short(e.name) + ' ' + r(e.startTime) + '-' + r(e.responseEnd));
		for (const e of performance.getEntriesByType('paint')) out.push(e.name + ' ' + r(e.startTime));
		for (const e of performance.getEntriesByType('mark')) out.push(e.name.replace('pagesim:', '') + ' ' + r(e.startTime));
		return out.join(', ') + ' [' + (document.body.dataset.firstResultFrom || 'simulator') + ']';
	})()`))
	require.NoError(t, err)
	ms, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByName('pagesim:first-result')[0].startTime`))
	require.NoError(t, err)
	return ms, split
}

// TestFirstScreenColdBench is a benchmark, run by ./build.sh bench: the
// first result of a fresh browser's first visit, with no link and with a
// link to a preset, five times each, each in a new Chromium with an empty
// profile. It logs the medians, the load average, and each visit's
// timeline (resources and the page's marks, ms after navigation).
func TestFirstScreenColdBench(t *testing.T) {
	if os.Getenv("PAGESIM_BENCH") == "" {
		t.Skip("a benchmark: ./build.sh bench runs it (PAGESIM_BENCH=1)")
	}
	if browser == nil {
		t.Skip(skipMsg)
	}
	for _, path := range []string{"/", "/#preset=offset-delete-miss"} {
		load0, _ := os.ReadFile("/proc/loadavg")
		var all []float64
		var splits []string
		for i := 0; i < 5; i++ {
			ms, split := coldVisit(t, path)
			all = append(all, ms)
			splits = append(splits, split)
		}
		load1, _ := os.ReadFile("/proc/loadavg")
		s := slices.Clone(all)
		slices.Sort(s)
		t.Logf("%s: first result %.0f ms after navigation in a fresh browser (median of 5: %v); load average %s before, %s after",
			path, s[len(s)/2], all, loadavg(load0), loadavg(load1))
		t.Logf("%s timelines:\n  %s", path, strings.Join(splits, "\n  "))
	}
}
