//go:build !js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sentences quoted below are from the AWS Secrets Manager API Reference,
// ListSecrets (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html).

func awsScenario(records int64, steps ...Step) *Scenario {
	return withOptions(scenario("aws", records, steps...), "short-pages", "off")
}

// "If additional items exist beyond the maximum you specify, the NextToken
// response element is present and has a value (isn't null). Include that
// value as the NextToken request parameter in the next call". 250 secrets,
// 100 a call: 100, 100, 50; the last has no NextToken.
func TestAWSNextTokenWalk(t *testing.T) {
	tr := execute(awsScenario(250, post("/", `{"MaxResults":100}`), walkAll()))
	reqs := requests(tr)
	require.Len(t, reqs, 3)
	assert.Equal(t, idsDown(250, 100), reqs[0].Records())
	tok := field(reqs[0], "NextToken")
	require.NotEmpty(t, tok)
	assert.Equal(t, `{"NextToken":"`+tok+`","MaxResults":100}`, reqs[1].Request.Body)
	assert.Len(t, reqs[2].Records(), 50)
	_, has := fieldOf(reqs[2], "NextToken")
	assert.False(t, has, "no NextToken at the end")
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(250), tr.Walks[0].Distinct)
}

// MaxResults "Valid Range: Minimum value of 1. Maximum value of 100."
func TestAWSMaxResultsRange(t *testing.T) {
	tr := execute(awsScenario(250, post("/", `{"MaxResults":0}`), post("/", `{"MaxResults":101}`), post("/", `{"MaxResults":"5"}`), post("/", `{}`)))
	assert.Equal(t, []bool{false, false, false, true}, accepted(tr))
	for _, s := range requests(tr)[:3] {
		assert.Equal(t, "ValidationException", field(s, "__type"))
	}
	assert.Len(t, requests(tr)[3].Records(), 100)
	assert.Equal(t, awsDefaultInterp, requests(tr)[3].Interp)
}

// InvalidNextTokenException "The NextToken value is invalid.": a token never
// issued, one sent with a different filter, one past its lifetime.
func TestAWSInvalidNextToken(t *testing.T) {
	tr := execute(awsScenario(250, post("/", `{"MaxResults":10}`), post("/", `{"NextToken":"abc"}`)))
	s := requests(tr)[1]
	assert.Equal(t, 400, s.Response.Status)
	assert.Equal(t, `{"__type":"InvalidNextTokenException","message":"The NextToken value is invalid."}`, bodyOf(s))

	// A different filter with the same token.
	tr = execute(awsScenario(250, post("/", `{"MaxResults":10,"Filters":[{"Key":"name","Values":["a"]}]}`)))
	tok := field(requests(tr)[0], "NextToken")
	tr = execute(awsScenario(250,
		post("/", `{"MaxResults":10,"Filters":[{"Key":"name","Values":["a"]}]}`),
		post("/", `{"MaxResults":20,"Filters":[{"Key":"name","Values":["a"]}],"NextToken":"`+tok+`"}`),
		post("/", `{"MaxResults":10,"Filters":[{"Key":"name","Values":["b"]}],"NextToken":"`+tok+`"}`)))
	assert.Equal(t, []bool{true, true, false}, accepted(tr), "a new MaxResults is fine, a new filter is not")
	assert.Equal(t, awsTokenInterp, requests(tr)[2].Interp)

	// token-ttl=5: a token used 10 ticks later has expired.
	tr = execute(withOptions(awsScenario(250, post("/", `{"MaxResults":10}`), Step{Kind: StepWait, Ticks: 10}, next()), "token-ttl", "5"))
	assert.Equal(t, []bool{true, false}, accepted(tr))
	assert.Contains(t, requests(tr)[1].Reason, "it expired")
}

// "Secrets Manager might return fewer results than the maximum even when
// there are more results available. You should check NextToken after every
// operation" — "This can occur even when the response includes no values at
// all".
func TestAWSShortAndEmptyPages(t *testing.T) {
	tr := execute(scenario("aws", 1000, post("/", `{"MaxResults":100}`), walkAll()))
	reqs := requests(tr)
	short := -1
	for i, s := range reqs[:len(reqs)-1] {
		if len(s.Records()) < 100 {
			short = i
			break
		}
	}
	require.NotEqual(t, -1, short)
	assert.True(t, reqs[short].HasNext.Reported)
	assert.True(t, tr.Walks[0].Complete)
	assert.Equal(t, int64(1000), tr.Walks[0].Distinct, "following NextToken reads everything")

	tr = execute(withOptions(scenario("aws", 1000, post("/", `{"MaxResults":100}`), walkAll()), "client", "page-size"))
	assert.Len(t, requests(tr), short+1)
	assert.Positive(t, tr.Walks[0].Missed.Count)
}
