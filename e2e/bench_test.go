package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// bigScenario is issue 12's browser-path scenario: 1,000,000 records and
// 10,000 requests (offset pages of 20, an insert at the head and a delete at
// a pseudo-random position between requests, a fresh first page every 500).
// seed changes the text, so that each run is a new one for the page.
func bigScenario(seed int) string {
	var b strings.Builder
	b.WriteString("profile offset\nrecords 1m\nseed " + strconv.Itoa(seed) + "\nGET /items?offset=0&limit=20\n")
	x := uint64(12345)
	for i := 1; i < 10_000; i++ {
		if i%2 == 0 {
			b.WriteString("insert 1\n")
		} else {
			x = x*6364136223846793005 + 1442695040888963407
			b.WriteString("delete at " + strconv.FormatUint((x>>33)%900_000, 10) + "\n")
		}
		if i%500 == 0 {
			b.WriteString("first\n")
		} else {
			b.WriteString("next\n")
		}
	}
	return b.String()
}

// TestBrowserPathBench is a benchmark, run by ./build.sh bench (it sets
// PAGESIM_BENCH=1): the whole browser path of a 1M-record, 10,000-request
// run, from the text arriving in the editor to its first screen of results,
// against `pagesim run` on the same scenario in the same run. It logs the
// medians of five runs of each; the target is the page within 2× of
// the command.
func TestBrowserPathBench(t *testing.T) {
	if os.Getenv("PAGESIM_BENCH") == "" {
		t.Skip("a benchmark: ./build.sh bench runs it (PAGESIM_BENCH=1)")
	}
	if browser == nil {
		t.Skip(skipMsg)
	}
	bin := filepath.Join(t.TempDir(), "pagesim")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/pagesim").CombinedOutput()
	require.NoError(t, err, "%s", out)
	// A tab of its own: the tests' tabs give up after 90 s, and a loaded
	// machine can take longer than that for five big runs.
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 15*time.Minute)
	defer cancelT()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('loading').hidden`, chromedp.WithPollingTimeout(5*time.Minute)))
	require.NoError(t, err, "the simulator starts")

	var page, cli []time.Duration
	for i := 1; i <= 5; i++ {
		text := bigScenario(i)
		// Paste the text, as a person would, and wait for the results to
		// answer it (the same check as waitShown, with a longer timeout).
		t0 := time.Now()
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
			const ta = document.getElementById('scenario');
			ta.value = `+jsString(text)+`;
			ta.dispatchEvent(new Event('input'));
		})()`))
		require.NoError(t, err)
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
			const r = document.getElementById('results');
			const ta = document.getElementById('scenario');
			return !!(r && ta && r.shownText === ta.value && r.dataset.state);
		})()`, chromedp.WithPollingTimeout(5*time.Minute), chromedp.WithPollingInterval(10*time.Millisecond)))
		require.NoError(t, err, "waiting for the results of run %d", i)
		page = append(page, time.Since(t0))

		file := filepath.Join(t.TempDir(), "big.txt")
		require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
		cmd := exec.Command(bin, "run", file)
		t0 = time.Now()
		require.NoError(t, cmd.Run()) // its table goes to /dev/null
		cli = append(cli, time.Since(t0))
	}
	median := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2]
	}
	mp, mc := median(page), median(cli)
	t.Logf("1M records, 10,000 requests: page (text to first screen of results) %v, pagesim run %v: %.1f× (medians of 5; page %v, command %v)",
		mp.Round(time.Millisecond), mc.Round(time.Millisecond), float64(mp)/float64(mc), page, cli)
	require.NoError(t, os.MkdirAll(filepath.Join("..", "test-artifacts"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("..", "test-artifacts", "browser-path-bench.txt"),
		[]byte("page "+mp.Round(time.Millisecond).String()+", pagesim run "+mc.Round(time.Millisecond).String()+"\n"), 0o644))
}
