package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

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
	// Customers 9, 8, 7 were page 1; the 6 after them (9 - 3) were never
	// reached: the chip counts them as the walk report does.
	assert.Equal(t, "1 walk, 0 consistent, 1 stopped by a refusal, 6 records not reached", chip[0])
	// The refused request (step 5) is in walk 1 but is none of its pages.
	rec := texts(t, ctx, `#steps tr[data-i="4"] .c-rec`)
	require.Len(t, rec, 1)
	assert.Contains(t, rec[0], "walk 1")
	assert.NotContains(t, rec[0], "page")

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

	assert.Equal(t, []string{"0 refusals", "1 duplicate", "0 misses", "0 notes", "0 unreached parts"}, texts(t, ctx, ".find-bar .jump-count"))
	assert.Empty(t, texts(t, ctx, "#steps .skipped"), "no row says it went past issue 10")
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`)))
	key(t, ctx, "m")
	assert.Equal(t, "No step went past a missed record. Walk 1: "+note, texts(t, ctx, ".find-bar .find-status")[0])

	key(t, ctx, "2")
	assert.Equal(t, []string{note}, texts(t, ctx, "#view-drift article.walk .miss-note"))
}

// profileLine is the profile a preset's text names ("" for the default).
func profileLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "profile" {
			return f[1]
		}
	}
	return ""
}

// jsonMember is member name of the JSON object b, re-encoded.
func jsonMember(t *testing.T, b []byte, name string) string {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m))
	return string(m[name])
}

// showPreset opens preset p in the tab through its link, as a reader
// following one does, and waits for its text in the editor (the link is
// read asynchronously: until then the editor holds the previous text, with
// its result) and then for its result.
func showPreset(t *testing.T, ctx context.Context, p sim.Preset) string {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.hash = `+jsString("#preset="+p.Name))))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('scenario').value === `+jsString(p.Text),
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	require.NoError(t, err, "waiting for the text of preset %s", p.Name)
	return waitShown(t, ctx)
}

// Every preset in sim's list runs in the page (the catalogue's among them,
// each as its contract is ported; a native-only one is skipped by name) and
// shows what sim computes natively for the same text: the summary, the
// walks and the expectations, field for field. Each vendor profile's rules
// card links the vendor's page and marks its interpretations.
func TestEveryPresetInThePage(t *testing.T) {
	ctx := tabFor(t, 10*time.Minute)
	open(t, ctx, "")
	for _, p := range sim.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			tr := native(t, p.Text)
			want := tr.JSON()
			require.Equal(t, "ok", showPreset(t, ctx, p))
			require.Equal(t, p.Text, eval[string](t, ctx, `document.getElementById('scenario').value`))
			assert.Empty(t, texts(t, ctx, "#results .status-line.error"), "no error line")
			got := eval[string](t, ctx, `(() => { const v = document.getElementById('results').results.view;
				return JSON.stringify({summary: v.summary, walks: v.walks, expectations: v.expectations, profile: v.profile, n: v.n}); })()`)
			assert.JSONEq(t, jsonMember(t, want, "summary"), jsonMember(t, []byte(got), "summary"))
			assert.JSONEq(t, jsonMember(t, want, "walks"), jsonMember(t, []byte(got), "walks"))
			assert.JSONEq(t, jsonMember(t, want, "expectations"), jsonMember(t, []byte(got), "expectations"))
			assert.JSONEq(t, jsonMember(t, want, "profile"), jsonMember(t, []byte(got), "profile"))
			assert.Equal(t, strconv.Itoa(len(tr.Steps)), jsonMember(t, []byte(got), "n"))

			// The chip says what the summary counts.
			s := tr.Summary
			chip := fmtNum(int64(s.Walks)) + " walk"
			if s.Walks != 1 {
				chip += "s"
			}
			chip += ", " + fmtNum(int64(s.Consistent)) + " consistent"
			if s.RefusedWalks > 0 {
				chip += ", " + fmtNum(int64(s.RefusedWalks)) + " stopped by a refusal"
			}
			// and the records its walks did not reach, by how many walks
			// when more than one left some.
			if s.Unreached > 0 {
				chip += ", " + fmtNum(s.Unreached) + " record"
				if s.Unreached != 1 {
					chip += "s"
				}
				chip += " not reached"
				by := 0
				for _, w := range tr.Walks {
					if w.Unreached > 0 {
						by++
					}
				}
				if by > 1 {
					chip += " by " + fmtNum(int64(by)) + " walks"
				}
			}
			assert.Equal(t, []string{chip}, texts(t, ctx, "#summary .pill.walks"))

			// The rules card: every rule, the interpretations marked, and
			// for a vendor's profile a link to its page.
			prof, ok := sim.LookupProfile(tr.Profile)
			require.True(t, ok, tr.Profile)
			assert.Len(t, texts(t, ctx, "#rule-list li"), len(tr.Setup.Rules))
			interps := 0
			for _, r := range tr.Setup.Rules {
				if r.Interpretation {
					interps++
				}
			}
			assert.Equal(t, interps, eval[int](t, ctx, `document.querySelectorAll('#rule-list .interp').length`), "interpretations marked")
			if prof.URL != "" {
				links := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#rules .rules-source a'), a => a.href + ' ' + a.textContent)`)
				assert.Equal(t, []string{prof.URL + " " + prof.Source}, links, "the vendor's page")
			} else {
				assert.Empty(t, texts(t, ctx, "#rules .rules-source"))
			}
		})
	}
}

// On a phone in dark mode the first preset of each vendor that runs in the
// page fits the width, and the vendor's link is on screen when its rules
// card is opened (test-artifacts/phone-dark-*.png are there to look at).
func TestVendorPresetsOnAPhoneInDarkMode(t *testing.T) {
	ctx := tabFor(t, 10*time.Minute)
	viewport(t, ctx, 390, 844, true, true)
	open(t, ctx, "")
	done := map[string]bool{}
	for _, p := range sim.Presets() {
		prof, ok := sim.LookupProfile(profileLine(p.Text))
		if !ok || prof.URL == "" || done[prof.Vendor] {
			continue
		}
		done[prof.Vendor] = true
		t.Run(p.Name, func(t *testing.T) {
			require.Equal(t, "ok", showPreset(t, ctx, p))
			assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), eval[int](t, ctx, `innerWidth`), "no sideways scrolling")
			require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById('summary').scrollIntoView({block: 'start'})`)))
			screenshot(t, ctx, "phone-dark-"+p.Name, false)
			require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const d = document.getElementById('rules'); d.open = true; d.scrollIntoView({block: 'start'}); })()`)))
			r := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('#rules .rules-source a').getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; })()`)
			assert.True(t, r[0] >= 0 && r[1] <= 390 && r[2] >= 0 && r[3] <= 844, "the vendor's link is on screen: %v", r)
			screenshot(t, ctx, "phone-dark-rules-"+p.Name, false)
		})
	}
}

// A request written with its body is not shown twice: "from" names the
// scenario text only when it is not the request itself (next, walk).
func TestRequestWithItsBodyIsShownOnce(t *testing.T) {
	ctx := tab(t)
	text := "profile flashduty\nrecords 50\nPOST /incident/list {\"p\": 1, \"limit\": 20}\nnext\n"
	open(t, ctx, "#s="+base64.RawURLEncoding.EncodeToString([]byte(text)))
	require.Equal(t, "ok", waitShown(t, ctx))
	assert.Empty(t, texts(t, ctx, `#steps tr[data-i="0"] .src`), "the request is the text")
	assert.Equal(t, []string{"from next"}, texts(t, ctx, `#steps tr[data-i="1"] .src`))
}
