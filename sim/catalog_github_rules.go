//go:build !js

package sim

// The summary and rules of each profile in catalog_github.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "github",
	Summary: "?page=&per_page=: 30 a page, at most 100; a Link header with absolute URLs (prev, next, last, first), left out when one page holds everything; no total",
	Rules: []RuleNote{
		{Text: "GET /repos/octocat/Spoon-Knife/issues returns 30 issues; per_page sets the page size, up to 100; page picks the page, from 1.", Source: githubSource + ": \"will only return 30 issues\"; \"For most endpoints, the maximum value of per_page is 100\""},
		{Text: "per_page above 100 is reduced to 100 without an error; the links keep the per_page the request sent.", Source: githubSource + ": \"If you specify a value greater than the maximum, GitHub does not return an error. Instead, the value is automatically reduced to the maximum\""},
		{Text: "A page or per_page that is not a positive number gets the default. " + ghNumberInterp, Interpretation: true},
		{Text: "The Link header carries the URLs of the previous, next, last and first pages (rel=\"prev\", \"next\", \"last\", \"first\"); the per_page the request sent is kept in them.", Source: githubSource + ": \"The link header provides the URL for the previous, next, first, and last page of results\""},
		{Text: "No Link header at all when every result fits on a single page.", Source: githubSource + ": \"if all results fit on a single page, the link header will be omitted\""},
		{Text: "No prev on the first page, and no last when it cannot be calculated (option last=omitted).", Source: githubSource + ": \"the link to the previous page won't be included if you are on the first page of results, and the link to the last page won't be included if it can't be calculated\""},
		{Text: "No first on page 1, no next and last on the last page. " + ghRelsInterp, Interpretation: true},
		{Text: "A page past the last is empty. " + ghPastInterp, Interpretation: true},
		{Text: ghHostInterp, Interpretation: true},
		{Text: "Clients follow rel=\"next\" until it is missing (octokit.paginate does). Pages are offsets underneath: issues created or updated during a walk (sort=updated moves them to the top) shift the pages, so a walk repeats and misses issues (google/go-github#566).", Source: githubSource + ": \"you can use the URLs in the link header to fetch additional pages\""},
		{Text: "List responses carry no total (search responses have total_count; not simulated here).", Source: githubSource},
	},
})
