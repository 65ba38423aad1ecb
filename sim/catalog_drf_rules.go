//go:build !js

package sim

// The summary and rules of each profile in catalog_drf.go: native builds only
// (profileText says why).

var _ = profileText(&Profile{Name: "drf-page",
	Summary: "PageNumberPagination: ?page=N (or page=last), {count, next, previous, results}; a page past the end is 404 \"Invalid page.\"",
	Rules: []RuleNote{
		{Text: "GET /api/items/?page=4 returns {\"count\", \"next\", \"previous\", \"results\"}; count is exact; next and previous are absolute URLs or null.", Source: "pagination.py PageNumberPagination.get_paginated_response"},
		{Text: "page=last is the last page; an empty page= is page 1.", Source: "pagination.py get_page_number: \"request.query_params.get(self.page_query_param) or 1\"; \"last_page_strings = ('last',)\""},
		{Text: "A page that is not a whole number (as Python's int() reads it), below 1, or past the last page is a 404 {\"detail\": \"Invalid page.\"} (an empty list still has page 1).", Source: "pagination.py: \"except InvalidPage as exc: ... raise NotFound(msg)\"; Django's Paginator.validate_number"},
		{Text: "The client chooses the size only if page_size_query_param is set (option page-size-param=page_size); a size that is not a positive whole number gets PAGE_SIZE, a larger one than max_page_size (option max-limit) is cut to it.", Source: "pagination.py get_page_size: \"_positive_int(..., strict=True, cutoff=self.max_page_size)\""},
		{Text: drfPageSizeInterp, Interpretation: true},
		{Text: "The next link is the request's URL with page replaced; the previous link of page 2 drops page altogether; both rewrite the query sorted by name.", Source: "utils/urls.py replace_query_param: \"parse.urlencode(sorted(query_dict.items()), doseq=True)\"; get_previous_link: \"if page_number == 1: return remove_query_param(url, self.page_query_param)\""},
		{Text: "Pages are offsets: records deleted during a walk can make the page that next pointed to vanish, and following it is a 404."},
	},
})

var _ = profileText(&Profile{Name: "drf-limit-offset",
	Summary: "LimitOffsetPagination: ?limit=&offset=, {count, next, previous, results}; bad numbers fall back quietly; offset past the end is an empty page",
	Rules: []RuleNote{
		{Text: "GET /api/items/?offset=400&limit=100 returns {\"count\", \"next\", \"previous\", \"results\"}.", Source: "pagination.py LimitOffsetPagination: \"http://api.example.org/accounts/?offset=400&limit=100\""},
		{Text: "A limit that is not a positive whole number (read as Python's int() reads it: spaces around and underscores between digits are fine) gets the default; one above max_limit (option max-limit) is cut to it. An offset that is not a whole number of 0 or more is 0. Nothing is refused.", Source: "pagination.py get_limit: \"_positive_int(..., strict=True, cutoff=self.max_limit)\"; get_offset: \"except (KeyError, ValueError): return 0\""},
		{Text: "An offset past the count is an empty page, not an error.", Source: "pagination.py: \"if self.count == 0 or self.offset > self.count: return []\""},
		{Text: "next is null once offset + limit reaches count; previous is null at offset 0, and drops offset when offset - limit would be 0 or less (so it can overlap the page before).", Source: "pagination.py get_next_link: \"if self.offset + self.limit >= self.count: return None\"; get_previous_link: \"if self.offset - self.limit <= 0: return remove_query_param(url, self.offset_query_param)\""},
		{Text: drfPageSizeInterp, Interpretation: true},
		{Text: "Offsets drift: records inserted or deleted during a walk shift the pages."},
	},
})
