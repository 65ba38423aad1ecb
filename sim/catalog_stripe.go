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
		Summary: "?limit=&starting_after=|ending_before=: object-id cursors, newest first, 10 a page (1 to 100), has_more, no total; a deleted cursor object is 400 resource_missing",
		Rules: []RuleNote{
			{Text: "A list method takes limit, starting_after and ending_before; limit defaults to 10 and ranges between 1 and 100.", Source: stripeSource + ": \"limit optional, default is 10 ... ranging between 1 and 100\""},
			{Text: "A limit outside 1..100 is a 400 invalid_request_error. " + stripeLimitInterp, Interpretation: true},
			{Text: "starting_after and ending_before take an object id: starting_after returns the objects listed after it, ending_before those listed before it; objects come newest first.", Source: stripeSource + ": \"Both parameters accept an existing object ID value ... and return objects in reverse chronological order\""},
			{Text: "The two exclude each other: a request with both is a 400. " + stripeBothInterp, Interpretation: true, Source: stripeSource + ": \"These parameters are mutually exclusive\""},
			{Text: "The response is {\"object\":\"list\",\"url\":...,\"has_more\":...,\"data\":[...]}: has_more says whether more objects follow; there is no total.", Source: stripeSource + ": \"has_more ... Whether or not there are more elements available after this set\""},
			{Text: "The client libraries auto-paginate: the next request is starting_after=<id of the page's last object> (ending_before=<id of the first> when the walk began with ending_before), while has_more is true.", Source: stripeSource + ": \"Our client libraries offer auto-pagination helpers\""},
			{Text: "A starting_after whose object was deleted is a 400 resource_missing with param starting_after: deleting the objects of a list while auto-paginating it fails after the first page.", Source: "stripe/stripe-go#1030, stripe/stripe-php#1264"},
			{Text: stripeDeletedInterp, Interpretation: true},
			{Text: stripeIDInterp, Interpretation: true},
			{Text: "The cursor is an object, not an offset: objects created during a walk land before page 1 and are not returned, and nothing is repeated or skipped. Cost: an index seek and limit rows."},
		},
	}, Contract{
		Base: "id", Paths: []string{"/v1/customers"}, First: stripeFirst,
		Params:       []string{"created", "email", "test_clock"},
		LimitDefault: 10, LimitMax: 100, OverMax: "refuse",
		Items: "data", IDPrefix: stripePrefix, IDWidth: 6,
		Const: []Member{{Path: "object", JSON: `"list"`}, {Path: "url", JSON: "{path}"}},
		Errors: []ErrorRule{
			{Kind: "size", Code: "parameter_invalid_integer", Message: limitMsg, Body: limitBody, Interp: stripeLimitInterp},
			{Kind: "number", Code: "parameter_invalid_integer", Message: limitMsg, Body: limitBody, Interp: stripeLimitInterp},
			{Kind: "over-max", Code: "parameter_invalid_integer", Message: limitMsg, Body: limitBody, Interp: stripeLimitInterp},
			{Kind: "both", Message: "You may only specify one of these parameters: ending_before, starting_after.", Body: `{"error":{"type":"invalid_request_error","param":"ending_before","message":{message}}}`, Interp: stripeBothInterp},
			{Kind: "cursor", Code: "resource_missing", Message: "No such customer: '{value}'", Body: stripeError("resource_missing"), Interp: stripeIDInterp},
			{Kind: "deleted", Code: "resource_missing", Message: "No such customer: '{value}'", Body: stripeError("resource_missing"), Interp: stripeDeletedInterp},
		},
		Interp: Interps{Deleted: stripeDeletedInterp},
	})
}
