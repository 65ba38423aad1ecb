//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from GitHub Docs, "Using pagination in the
// REST API" (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api).

func linkOf(s TraceStep) string { return firstHeader(s.Response.Header, "Link") }
func bodyOf(s TraceStep) string { return string(s.Response.Body()) }

// "GET /repos/octocat/Spoon-Knife/issues will only return 30 issues ... even
// though the repository includes over 1600 open issues."
func TestGitHubReturns30IssuesAPage(t *testing.T) {
	tr := execute(scenario("github", 1600, get("/repos/octocat/Spoon-Knife/issues")))
	s := requests(tr)[0]
	require.True(t, s.Accepted, s.Reason)
	assert.Equal(t, idsDown(1600, 30), s.Records())
	assert.True(t, strings.HasPrefix(string(s.Response.Body()), `[{"id":1600,`), "a bare array")
	assert.Equal(t, "absent", s.Total.Kind, "list responses carry no total")
	assert.Empty(t, firstHeader(s.Response.Header, "X-Total-Count"))
}

// The doc's example, for a page in the middle of 515 pages of 30 (15,450
// issues is 515 × 30): "link: <https://api.github.com/repositories/1300192/
// issues?page=2>; rel="prev", <...?page=4>; rel="next", <...?page=515>;
// rel="last", <...?page=1>; rel="first"".
func TestGitHubLinkHeaderAsInTheDoc(t *testing.T) {
	tr := execute(scenario("github", 15450, get("/repositories/1300192/issues?page=3")))
	assert.Equal(t, `<https://api.github.com/repositories/1300192/issues?page=2>; rel="prev", `+
		`<https://api.github.com/repositories/1300192/issues?page=4>; rel="next", `+
		`<https://api.github.com/repositories/1300192/issues?page=515>; rel="last", `+
		`<https://api.github.com/repositories/1300192/issues?page=1>; rel="first"`, linkOf(requests(tr)[0]))
}

// "The per_page parameter will automatically be included in the link header.
// For example: link: <https://api.github.com/repositories/1300192/issues?
// per_page=2&page=2>; rel="next", <...?per_page=2&page=7715>; rel="last"".
// 7,715 pages of 2 is 15,430 issues; page 1 has no prev and no first.
func TestGitHubPerPageIsKeptInTheLinks(t *testing.T) {
	tr := execute(scenario("github", 15430, get("/repositories/1300192/issues?per_page=2")))
	s := requests(tr)[0]
	assert.Equal(t, `<https://api.github.com/repositories/1300192/issues?per_page=2&page=2>; rel="next", `+
		`<https://api.github.com/repositories/1300192/issues?per_page=2&page=7715>; rel="last"`, linkOf(s))
	assert.Len(t, s.Records(), 2)
}

// "If the endpoint does not support pagination, or if all results fit on a
// single page, the link header will be omitted."
func TestGitHubNoLinkHeaderOnASinglePage(t *testing.T) {
	for _, n := range []int64{0, 1, 30} {
		tr := execute(scenario("github", n, get("/repos/octocat/Spoon-Knife/issues")))
		s := requests(tr)[0]
		assert.Empty(t, linkOf(s), "n=%d", n)
		assert.Len(t, s.Records(), int(n))
	}
	tr := execute(scenario("github", 31, get("/repos/octocat/Spoon-Knife/issues")))
	assert.NotEmpty(t, linkOf(requests(tr)[0]), "31 issues need two pages")
}

// "the link to the previous page won't be included if you are on the first
// page of results, and the link to the last page won't be included if it
// can't be calculated." On the last page (100 issues, page 4 of 30 holds
// 91..100th: 10 issues) there is no next and no last.
func TestGitHubRelsOnFirstAndLastPages(t *testing.T) {
	tr := execute(scenario("github", 100, get("/repos/o/r/issues?page=4")))
	s := requests(tr)[0]
	assert.Equal(t, idsDown(10, 10), s.Records())
	assert.Equal(t, `<https://api.github.com/repos/o/r/issues?page=3>; rel="prev", <https://api.github.com/repos/o/r/issues?page=1>; rel="first"`, linkOf(s))
	assert.False(t, s.HasNext.Reported)

	tr = execute(withOptions(scenario("github", 100, get("/repos/o/r/issues?page=2")), "last", "omitted"))
	assert.Equal(t, `<https://api.github.com/repos/o/r/issues?page=1>; rel="prev", <https://api.github.com/repos/o/r/issues?page=3>; rel="next", <https://api.github.com/repos/o/r/issues?page=1>; rel="first"`, linkOf(requests(tr)[0]))
}

// "For most endpoints, the maximum value of per_page is 100. If you specify a
// value greater than the maximum, GitHub does not return an error. Instead,
// the value is automatically reduced to the maximum, and the response includes
// no more than the maximum number of results per page." (the page's section
// "Changing the number of items per page"). The links keep per_page as the
// request wrote it ("The per_page parameter will automatically be included in
// the link header"): brekkylab/backlot#145 measured per_page=500 linked as 500
// on api.github.com, with last computed from the 100 served.
func TestGitHubPerPageAbove100IsReducedTo100(t *testing.T) {
	tr := execute(scenario("github", 500, get("/repos/o/r/issues?per_page=250")))
	s := requests(tr)[0]
	assert.True(t, s.Accepted)
	assert.Len(t, s.Records(), 100)
	assert.Equal(t, "per_page=250 is above the maximum of 100: the server clamped it to 100", s.Reason)
	assert.Empty(t, s.Interp, "documented, not an interpretation")
	assert.Equal(t, `<https://api.github.com/repos/o/r/issues?per_page=250&page=2>; rel="next", `+
		`<https://api.github.com/repos/o/r/issues?per_page=250&page=5>; rel="last"`, linkOf(s),
		"the links repeat the request's parameters; the last page counts 100 a page")
}

func TestGitHubBadNumbersGetTheDefault(t *testing.T) {
	tr := execute(scenario("github", 500,
		get("/repos/o/r/issues?per_page=abc"), get("/repos/o/r/issues?page=0"), get("/repos/o/r/issues?page=-3&per_page=0")))
	for i, s := range requests(tr) {
		assert.True(t, s.Accepted, i)
		assert.Equal(t, idsDown(500, 30), s.Records(), i)
		assert.Equal(t, ghNumberInterp, s.Interp, i)
	}
}

// GitHub's page does not say what a page past the last answers.
// brekkylab/backlot#126 measured api.github.com: "Real keeps rel="last" there
// and points rel="prev" at the last page. psf/requests/branches?per_page=1&
// page=99 answers [] with prev page 6, last page 6 and first page 1". 100
// issues, 30 a page: the last page is 4; the rels keep GitHub's order (prev,
// next, last, first) with next left out.
func TestGitHubPagePastTheEndIsEmpty(t *testing.T) {
	tr := execute(scenario("github", 100, get("/repos/o/r/issues?page=9")))
	s := requests(tr)[0]
	assert.True(t, s.Accepted)
	assert.Empty(t, s.Records())
	assert.Equal(t, ghPastInterp, s.Interp)
	assert.Equal(t, `<https://api.github.com/repos/o/r/issues?page=4>; rel="prev", <https://api.github.com/repos/o/r/issues?page=4>; rel="last", <https://api.github.com/repos/o/r/issues?page=1>; rel="first"`, linkOf(s))

	// The measured case, one item a page, 6 of them (on the issues path here), page 99.
	tr = execute(scenario("github", 6, get("/repos/psf/requests/issues?per_page=1&page=99")))
	assert.Equal(t, `<https://api.github.com/repos/psf/requests/issues?per_page=1&page=6>; rel="prev", `+
		`<https://api.github.com/repos/psf/requests/issues?per_page=1&page=6>; rel="last", `+
		`<https://api.github.com/repos/psf/requests/issues?per_page=1&page=1>; rel="first"`, linkOf(requests(tr)[0]))
}

// "In all cases, you can use the URLs in the link header to fetch additional
// pages of results": 100 issues, 30 a page: 4 pages, the last with 10.
func TestGitHubWalkFollowsRelNext(t *testing.T) {
	tr := execute(scenario("github", 100, get("/repos/octocat/Spoon-Knife/issues"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 4)
	assert.Equal(t, "https://api.github.com/repos/octocat/Spoon-Knife/issues?page=2", reqs[1].Request.URL)
	assert.Len(t, reqs[3].Records(), 10)
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Complete)
	assert.True(t, tr.Walks[0].Consistent)
	assert.Equal(t, int64(100), tr.Walks[0].Distinct)
}

// google/go-github#566: walking issues with sort=updated, an issue updated
// mid-walk moves to the top; every issue above its old place moves down one,
// so the next page starts with the last issue of the page before. 100 issues,
// 30 a page: after pages 1 and 2 (ids 100..41), issue 10 (position 90) is
// updated; page 3 (offset 60) now starts with issue 41 again.
func TestGitHubUpdatedIssueRepeatsOneOnTheNextPage(t *testing.T) {
	tr := execute(scenario("github", 100,
		get("/repos/o/r/issues?sort=updated"), next(),
		Step{Kind: StepUpdate, ID: 10, Key: 1_000_000},
		walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 4)
	assert.Equal(t, int64(41), reqs[2].Records()[0])
	w := tr.Walks[0]
	assert.Equal(t, []int64{41}, w.Duplicates.IDs)
}

// The catalogue's profiles keep the page size options every profile has
// (`pagesim profiles` lists them): `limit` is the page size when the request
// names none (GitHub's own is 30), `max-limit` the largest served (100) and
// `over-max` what happens above it.
func TestGitHubTakesPageSizeOptions(t *testing.T) {
	tr := runText(t, "profile github limit=50 max-limit=60 over-max=refuse\nrecords 200\nGET /repos/o/r/issues\nGET /repos/o/r/issues?per_page=60\nGET /repos/o/r/issues?per_page=61\n")
	rs := requests(tr)
	require.Len(t, rs, 3)
	assert.Equal(t, 50, rs[0].NumRecords(), "limit=50 is the page size a request without per_page gets")
	assert.Equal(t, 60, rs[1].NumRecords(), "max-limit=60 is served")
	assert.False(t, rs[2].Accepted, "over-max=refuse refuses per_page=61")
}
