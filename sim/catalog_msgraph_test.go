//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from Microsoft Graph's "Paging Microsoft
// Graph data in your app" (https://learn.microsoft.com/en-us/graph/paging).

// "the GET /users endpoint returns a default of 100 results in a single
// page"; "Microsoft Graph returns an @odata.nextLink property in the response
// that contains a URL to the next page of results". 250 users: 100, 100, 50.
func TestGraphNextLinkWalk(t *testing.T) {
	tr := execute(scenario("msgraph", 250, get("/v1.0/users"), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	next := field(reqs[0], "@odata.nextLink")
	assert.Regexp(t, `^https://graph\.microsoft\.com/v1\.0/users\?\$skiptoken=[0-9a-f]+$`, next)
	assert.Equal(t, next, reqs[1].Request.URL, "the client sends the URL as it is")
	_, has := fieldOf(reqs[2], "@odata.nextLink")
	assert.False(t, has)
	assert.True(t, tr.Walks[0].Complete)
}

// "The URL also contains all the other query parameters present in the
// original request."
func TestGraphNextLinkKeepsTheQuery(t *testing.T) {
	tr := execute(scenario("msgraph", 250, get("/v1.0/users?$top=5&$select=displayName")))
	assert.Regexp(t, `^https://graph\.microsoft\.com/v1\.0/users\?\$top=5&\$select=displayName&\$skiptoken=[0-9a-f]+$`, field(requests(tr)[0], "@odata.nextLink"))
}

// "the /users endpoint supports $top but not $skip"; $top between 1 and 999.
// The refusal, as users report it (microsoftgraph/msgraph-metadata#135,
// microsoft-graph-docs#9279): {"error":{"code":"Request_BadRequest",
// "message":"'$skip' is not supported by the service.", ...}}.
func TestGraphRefusesSkipAndBadTop(t *testing.T) {
	tr := execute(scenario("msgraph", 250, get("/v1.0/users?$top=10&$skip=10"), get("/v1.0/users?$top=1000"), get("/v1.0/users?$top=999")))
	assert.Equal(t, []bool{false, false, true}, accepted(tr))
	assert.Contains(t, bodyOf(requests(tr)[0]), `{"error":{"code":"Request_BadRequest","message":"'$skip' is not supported by the service."}}`)
}

// Delta query: "there are more pages of data to retrieve in the session,
// even if the current response contains an empty result".
func TestGraphEmptyPagesWhileMoreRemain(t *testing.T) {
	s := withOptions(scenario("msgraph", 1000, get("/v1.0/users?$top=50"), walkAll()), "empty-pages", "on")
	tr := execute(s)
	reqs := requests(tr)
	empty := -1
	for i, r := range reqs {
		if len(r.Records()) == 0 {
			empty = i
			break
		}
	}
	require.NotEqual(t, -1, empty, "some page is empty")
	assert.True(t, reqs[empty].HasNext.Reported)
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct, "following @odata.nextLink reads everything")

	tr = execute(withOptions(scenario("msgraph", 1000, get("/v1.0/users?$top=50"), walkAll()), "empty-pages", "on", "client", "empty-page"))
	assert.Len(t, requests(tr), empty+1)
	assert.Equal(t, int64(1000)-tr.Walks[0].Distinct, tr.Walks[0].Missed.Count)
}

// $top's bounds: "The minimum value of $top is 1 and the maximum depends on
// the corresponding API" (Microsoft Graph: Use query parameters); on /users
// the maximum is 999, and above it Graph answers 400 Request_UnsupportedQuery
// "Invalid page size specified: '1000'. Must be between 1 and 999
// inclusive." (as a Microsoft engineer reproduced it on Microsoft Q&A
// 1129204, and as steampipe-plugin-azuread quotes it). A negative or
// non-numeric $top fails OData's parse: "Invalid value '-1' for $top query
// option found. The $top query option requires a non-negative integer
// value." (Microsoft.OData's QueryDescriptorQueryToken_InvalidTopQueryOptionValue),
// with the code BadRequest Graph gives it (laravel-microsoft-graph#90).
// That 0 gets the range message, and that /users answers the parse error
// as the mail lists do, is the interpretation the response carries.
func TestGraphTopBounds(t *testing.T) {
	tr := execute(scenario("msgraph", 50, get("/v1.0/users?$top=0"), get("/v1.0/users?$top=-1"), get("/v1.0/users?$top=abc"),
		get("/v1.0/users?$top=1000"), get("/v1.0/users?$top=1"), get("/v1.0/users?$top=999")))
	reqs := requests(tr)
	assert.Equal(t, []bool{false, false, false, false, true, true}, accepted(tr))
	for i, want := range []string{
		`{"error":{"code":"Request_UnsupportedQuery","message":"Invalid page size specified: '0'. Must be between 1 and 999 inclusive."}}`,
		`{"error":{"code":"BadRequest","message":"Invalid value '-1' for $top query option found. The $top query option requires a non-negative integer value."}}`,
		`{"error":{"code":"BadRequest","message":"Invalid value 'abc' for $top query option found. The $top query option requires a non-negative integer value."}}`,
		`{"error":{"code":"Request_UnsupportedQuery","message":"Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."}}`,
	} {
		assert.Equal(t, 400, reqs[i].Response.Status)
		assert.Equal(t, want, bodyOf(reqs[i]))
		assert.Equal(t, graphTopInterp, reqs[i].Interp)
	}
	assert.Len(t, reqs[4].Records(), 1)
	assert.Len(t, reqs[5].Records(), 50)
}
