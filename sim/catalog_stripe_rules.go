//go:build !js

package sim

// The summary and rules of each profile in catalog_stripe.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "stripe",
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
})
