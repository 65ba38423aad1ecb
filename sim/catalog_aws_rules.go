//go:build !js

package sim

// The summary and rules of each profile in catalog_aws.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "aws",
	Summary: `POST {"MaxResults":N,"NextToken":"…"} (Secrets Manager ListSecrets): NextToken while more remain, even on short or empty pages; 1 to 100; tokens tied to the request`,
	Rules: []RuleNote{
		{Text: "MaxResults limits the number of results; if more exist, the response has a NextToken, which the next call sends back as NextToken.", Source: awsSource + ": \"If additional items exist beyond the maximum you specify, the NextToken response element is present and has a value (isn't null)\""},
		{Text: "A page may be shorter than MaxResults, even empty, while NextToken says more remain: check NextToken, never the page size.", Source: awsSource + ": \"Secrets Manager might return fewer results than the maximum even when there are more results available. You should check NextToken after every operation\"; \"This can occur even when the response includes no values at all\""},
		{Text: awsShortInterp, Interpretation: true},
		{Text: "MaxResults is 1 to 100; outside, or not a whole number, is a 400 ValidationException.", Source: awsSource + ": MaxResults \"Valid Range: Minimum value of 1. Maximum value of 100.\""},
		{Text: awsDefaultInterp, Interpretation: true},
		{Text: "A NextToken the service did not issue, an expired one, or one sent with different other parameters is a 400 InvalidNextTokenException.", Source: awsSource + ": Errors, InvalidNextTokenException \"The NextToken value is invalid.\""},
		{Text: awsTokenInterp, Interpretation: true},
		{Text: "The records come in SecretList; there is no total.", Source: awsSource + ": Response Syntax"},
	},
})
