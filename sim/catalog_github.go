package sim

// GitHub's REST API list endpoints: page and per_page in the query, the records
// as a bare JSON array, a Link header with absolute URLs, and no total.

const (
	githubURL    = "https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api"
	githubHost   = "https://api.github.com"
	githubFirst  = "GET /repos/octocat/Spoon-Knife/issues"
	githubSource = "GitHub Docs: Using pagination in the REST API"
)

// The interpretations, each one sentence of why.
const (
	ghNumberInterp = "GitHub's page does not say what a page or per_page that is not a positive number does: we use the default (page 1, 30 a page)."
	ghRelsInterp   = "GitHub's page says prev is left out on the first page; its second example, on page 1, also has no first, and we leave out next and last on the last page, as GitHub's own responses do."
	ghPastInterp   = "GitHub's page does not say what a page past the last returns: an empty array whose prev and last name the last page, and first, as api.github.com answers (measured in brekkylab/backlot#126)."
	ghHostInterp   = "The links are absolute URLs on https://api.github.com with the request's path and parameters as sent (GitHub's example rewrites the path to /repositories/ID/...)."
)

func init() {
	registerContract(&Profile{
		Name: "github", Vendor: "GitHub", Source: githubSource, URL: githubURL,
	}, contract{
		Base: "page", Paths: []string{"/repos/{owner}/{repo}/issues", "/repositories/{id}/issues"}, First: githubFirst,
		Params:       []string{"state", "sort", "direction", "since", "labels", "assignee", "creator", "mentioned", "milestone"},
		LimitDefault: 30, LimitMax: 100, Invalid: "default", Bare: true,
		Next:   nextSignal{Link: []string{"prev", "next", "last", "first"}, LinkBase: githubHost, LinkEdges: "away", LinkLimit: "sent"},
		Total:  totalRule{Kind: "none"},
		Interp: interps{Invalid: ghNumberInterp, PastEnd: ghPastInterp},
	})
}
