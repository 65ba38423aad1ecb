package sim

// AWS's NextToken paging, as AWS Secrets Manager's ListSecrets has it: a JSON
// body with MaxResults and NextToken; NextToken in the response while more
// remain, even on a short or empty page; a token tied to the request that
// made it and valid for a while.

const (
	awsURL    = "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html"
	awsFirst  = `POST / {"MaxResults":100}`
	awsSource = "AWS Secrets Manager API Reference: ListSecrets"
)

// The interpretations, each one sentence of why.
const (
	awsShortInterp   = "The reference says fewer results than MaxResults may come back while more remain, even none, not how often: about one page in three is cut short here, chosen by the seed."
	awsTokenInterp   = "The reference does not say how long a NextToken lives or what a changed request does with one: a token is refused (400 InvalidNextTokenException) once token-ttl ticks have passed, or when the other members of the body differ from the request that made it, as many AWS services do."
	awsDefaultInterp = "MaxResults left out \"defaults to a value that's specific to the operation\": we use 100, ListSecrets' maximum."
)

func init() {
	sizeMsg := "1 validation error detected: Value '{value}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100 and greater than or equal to 1"
	invalid := `{"__type":"InvalidNextTokenException","message":"The NextToken value is invalid."}`
	registerContract(&Profile{
		Name: "aws", Vendor: "AWS", Source: awsSource, URL: awsURL,
	}, contract{
		Base: "cursor", Method: "POST", Paths: []string{"/"}, First: awsFirst,
		After: paramIn{Name: "NextToken", Where: "body"}, Before: paramIn{Name: "none"}, Limit: paramIn{Name: "MaxResults", Where: "body"},
		LimitDefault: 100, LimitMax: 100, OverMax: "refuse",
		Items:     "SecretList",
		Next:      nextSignal{Cursor: "NextToken", End: "absent"},
		Short:     shortPages{Pages: "empty", Follows: "token"},
		Token:     tokenLife{Bound: true},
		ErrorBody: `{"__type":{code},"message":{message}}`,
		Errors: []errorRule{
			{Kind: "body", Code: "SerializationException", Message: "the body must be a JSON object like {\"MaxResults\":100}"},
			{Kind: "size", Code: "ValidationException", Message: sizeMsg},
			{Kind: "number", Code: "ValidationException", Message: sizeMsg},
			{Kind: "over-max", Code: "ValidationException", Message: sizeMsg},
			{Kind: "cursor", Code: "InvalidNextTokenException", Message: "The NextToken value is invalid."},
			{Kind: "changed", Code: "InvalidNextTokenException", Message: "The NextToken value is invalid.", Interp: awsTokenInterp},
			{Kind: "expired", Body: invalid, Interp: awsTokenInterp},
		},
		Interp: interps{Default: awsDefaultInterp, Short: awsShortInterp},
	})
}
