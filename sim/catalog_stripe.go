package sim

import "strings"

// Stripe's list API methods: limit, and starting_after / ending_before, which
// name an object id; newest first; has_more; no total.

const (
	stripeURL    = "https://docs.stripe.com/api/pagination"
	stripeFirst  = "GET /v1/customers"
	stripeSource = "Stripe API reference: Pagination"
	stripePrefix = "cus_"
)

// The interpretations, each one sentence of why.
const (
	stripeLimitInterp   = "Stripe's page gives the range 1 to 100 without the error's wording: we answer 400 invalid_request_error with param limit."
	stripeBothInterp    = "Stripe's page says the two cursors are mutually exclusive without the error's wording: we answer 400 invalid_request_error."
	stripeDeletedInterp = "Stripe's maintainers say a starting_after naming a deleted object fails \"for some resource types\" (stripe/stripe-php#1264): we fail for every list, with the error stripe/stripe-go#1030 shows; option deleted-cursor=continue makes the list go on after where the object was."
	stripeIDInterp      = "Object ids here are cus_ and the record's number with six digits (real ids are random); an id the list never issued is resource_missing too."
)

// stripeError is an error body in Stripe's shape, with a code and its
// doc_url (stripe/stripe-go#1030 shows one).
func stripeError(code string) string {
	return `{"error":{"type":"invalid_request_error","code":{code},"doc_url":"https://stripe.com/docs/error-codes/` + strings.ReplaceAll(code, "_", "-") + `","param":{param},"message":{message}}}`
}

func init() {
	limitMsg := "Invalid limit: must be between 1 and 100, got `{value}`"
	limitBody := stripeError("parameter_invalid_integer")
	registerContract(&Profile{
		Name: "stripe", Vendor: "Stripe", Source: stripeSource, URL: stripeURL,
	}, contract{
		Base: "id", Paths: []string{"/v1/customers"}, First: stripeFirst,
		Params:       []string{"created", "email", "test_clock"},
		LimitDefault: 10, LimitMax: 100, OverMax: "refuse",
		Items: "data", IDPrefix: stripePrefix, IDWidth: 6,
		Const: []fixedMember{{Path: "object", JSON: `"list"`}, {Path: "url", JSON: "{path}"}},
		Errors: []errorRule{
			{Kind: "size", Code: "parameter_invalid_integer", Message: limitMsg, Body: limitBody, Interp: stripeLimitInterp},
			{Kind: "number", Code: "parameter_invalid_integer", Message: limitMsg, Body: limitBody, Interp: stripeLimitInterp},
			{Kind: "over-max", Code: "parameter_invalid_integer", Message: limitMsg, Body: limitBody, Interp: stripeLimitInterp},
			{Kind: "both", Message: "You may only specify one of these parameters: ending_before, starting_after.", Body: `{"error":{"type":"invalid_request_error","param":"ending_before","message":{message}}}`, Interp: stripeBothInterp},
			{Kind: "cursor", Code: "resource_missing", Message: "No such customer: '{value}'", Body: stripeError("resource_missing"), Interp: stripeIDInterp},
			{Kind: "deleted", Code: "resource_missing", Message: "No such customer: '{value}'", Body: stripeError("resource_missing"), Interp: stripeDeletedInterp},
		},
		Interp: interps{Deleted: stripeDeletedInterp},
	})
}
