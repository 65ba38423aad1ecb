package sim

// Django REST framework's paginators, read from encode/django-rest-framework:
// rest_framework/pagination.py and rest_framework/utils/urls.py. The rules
// quote the source, which is the contract: DRF's documentation page describes
// the same classes in prose.

const (
	drfURL    = "https://www.django-rest-framework.org/api-guide/pagination/"
	drfHost   = "http://api.example.org"
	drfSource = "Django REST framework: Pagination"
)

// The interpretations, each one sentence of why.
const (
	drfPageSizeInterp = "PAGE_SIZE is a project setting with no default (pagination is off without it): we use 100, the value of DRF's settings example."
)

func init() {
	registerContract(&Profile{
		Name: "drf-page", Vendor: "Django REST framework", Source: drfSource + ", PageNumberPagination", URL: drfURL,
	}, contract{
		Base: "page", Paths: []string{"/api/items/"}, First: "GET /api/items/",
		Limit: paramIn{Name: "page_size"}, LimitOption: true, LimitDefault: 100, LimitMax: maxPageSize,
		Invalid: "default", InvalidPos: "404", PastEnd: "404", PageLast: "last", Numbers: "python", Repeated: "last",
		Items:      "results",
		Next:       nextSignal{URL: "next", PrevURL: "previous", LinkBase: drfHost, LinkLimit: "sent", FirstPos: "omitted", Query: "sorted"},
		Total:      totalRule{Field: "count", Lead: true},
		ErrorField: "detail",
		Errors:     []errorRule{{Kind: "position", Message: "Invalid page."}},
		Interp:     interps{Default: drfPageSizeInterp},
	})
	registerContract(&Profile{
		Name: "drf-limit-offset", Vendor: "Django REST framework", Source: drfSource + ", LimitOffsetPagination", URL: drfURL,
	}, contract{
		Base: "offset", Paths: []string{"/api/items/"}, First: "GET /api/items/",
		LimitDefault: 100, LimitMax: maxPageSize, Invalid: "default", Numbers: "python", Repeated: "last",
		Items:  "results",
		Next:   nextSignal{URL: "next", PrevURL: "previous", LinkBase: drfHost, FirstPos: "omitted", Query: "sorted"},
		Total:  totalRule{Field: "count", Lead: true},
		Interp: interps{Default: drfPageSizeInterp},
	})
}
