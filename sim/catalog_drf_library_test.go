//go:build !js

package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases of Django REST framework's own tests/test_pagination.py, run
// through our contracts. Its querysets are range(1, 101) (or the 50 even
// numbers of it): with order oldest-first our ids 1..N are those values in
// that order. Its links start http://testserver/, ours
// http://api.example.org/api/items/.

const drfBase = "http://api.example.org/api/items/"

// drfLinks is a step's next and previous links with the base cut off ("-"
// for null), as the test's dicts write them after the base.
func drfLinks(s TraceStep) (next, previous string) {
	cut := func(name string) string {
		v, ok := fieldOf(s, name)
		if !ok || v == "" {
			return "-"
		}
		return strings.TrimPrefix(v, drfBase)
	}
	return cut("next"), cut("previous")
}

func oldestFirst(s *Scenario) *Scenario {
	s.Setup.Order = OldestFirst
	return s
}

// upFrom is n ids counting up from from (celigo_test.go's idsUp, kept here
// so that this file stands on its own).
func upFrom(from, n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = from + int64(i)
	}
	return out
}

// TestPaginationIntegration: BasicPagination(page_size = 5,
// page_size_query_param = 'page_size', max_page_size = 20) over 50 items.
func TestDRFLibraryPaginationIntegration(t *testing.T) {
	tr := execute(withOptions(oldestFirst(scenario("drf-page", 50,
		get("/api/items/?page=2"),             // test_filtered_items_are_paginated
		get("/api/items/?page_size=10"),       // test_setting_page_size
		get("/api/items/?page_size=1000"),     // test_setting_page_size_over_maximum
		get("/api/items/?page_size=0"),        // test_setting_page_size_to_zero
		get("/api/items/?page=2&filter=even"), // test_additional_query_params_are_preserved
		get("/api/items/?page=2&filter="),     // test_empty_query_params_are_preserved
		get("/api/items/?page=0"),             // test_404_not_found_for_zero_page
		get("/api/items/?page=invalid"),       // test_404_not_found_for_invalid_page
	)), "limit", "5", "page-size-param", "page_size", "max-limit", "20"))
	reqs := requests(tr)
	for i, c := range []struct {
		data           []int64
		next, previous string
	}{
		{upFrom(6, 5), "?page=3", ""},
		{upFrom(1, 10), "?page=2&page_size=10", "-"},
		{upFrom(1, 20), "?page=2&page_size=1000", "-"},
		{upFrom(1, 5), "?page=2&page_size=0", "-"},
		{upFrom(6, 5), "?filter=even&page=3", "?filter=even"},
		{upFrom(6, 5), "?filter=&page=3", "?filter="},
	} {
		s := reqs[i]
		assert.Equal(t, c.data, s.Records(), s.Request.URL)
		n, p := drfLinks(s)
		assert.Equal(t, c.next, n, s.Request.URL)
		assert.Equal(t, c.previous, p, s.Request.URL)
		assert.Equal(t, "50", field(s, "count"), s.Request.URL)
	}
	for _, s := range reqs[6:] {
		assert.Equal(t, 404, s.Response.Status, s.Request.URL)
		assert.JSONEq(t, `{"detail":"Invalid page."}`, bodyOf(s), s.Request.URL)
	}
}

// TestPageNumberPagination: ExamplePagination(page_size = 5) over 100 items:
// test_no_page_number, test_second_page, test_last_page, test_invalid_page.
func TestDRFLibraryPageNumberPagination(t *testing.T) {
	tr := execute(withOptions(oldestFirst(scenario("drf-page", 100,
		get("/api/items/"), get("/api/items/?page=2"), get("/api/items/?page=last"), get("/api/items/?page=invalid"),
	)), "limit", "5"))
	reqs := requests(tr)
	for i, c := range []struct {
		data           []int64
		next, previous string
	}{
		{upFrom(1, 5), "?page=2", "-"},
		{upFrom(6, 5), "?page=3", ""},
		{upFrom(96, 5), "-", "?page=19"},
	} {
		assert.Equal(t, c.data, reqs[i].Records(), reqs[i].Request.URL)
		n, p := drfLinks(reqs[i])
		assert.Equal(t, c.next, n, reqs[i].Request.URL)
		assert.Equal(t, c.previous, p, reqs[i].Request.URL)
		assert.Equal(t, "100", field(reqs[i], "count"))
	}
	assert.Equal(t, 404, reqs[3].Response.Status)
}

// TestLimitOffset: ExamplePagination(default_limit = 10, max_limit = 15)
// over 100 items.
func TestDRFLibraryLimitOffset(t *testing.T) {
	tr := execute(withOptions(oldestFirst(scenario("drf-limit-offset", 100,
		get("/api/items/?limit=5"),                // test_no_offset
		get("/api/items/?limit=5&offset=1"),       // test_single_offset
		get("/api/items/?limit=5&offset=5"),       // test_first_offset
		get("/api/items/?limit=5&offset=10"),      // test_middle_offset
		get("/api/items/?limit=5&offset=95"),      // test_ending_offset
		get("/api/items/?limit=5&offset=invalid"), // test_invalid_offset
		get("/api/items/?limit=invalid&offset=0"), // test_invalid_limit
		get("/api/items/?limit=0&offset=0"),       // test_zero_limit
		get("/api/items/?limit=11235&offset=50"),  // test_max_limit
		get("/api/items/?limit=5&offset=1000"),    // test_erronous_offset
	)), "limit", "10", "max-limit", "15"))
	reqs := requests(tr)
	for i, c := range []struct {
		data           []int64
		next, previous string
	}{
		{upFrom(1, 5), "?limit=5&offset=5", "-"},
		{upFrom(2, 5), "?limit=5&offset=6", "?limit=5"},
		{upFrom(6, 5), "?limit=5&offset=10", "?limit=5"},
		{upFrom(11, 5), "?limit=5&offset=15", "?limit=5&offset=5"},
		{upFrom(96, 5), "-", "?limit=5&offset=90"},
		{upFrom(1, 5), "?limit=5&offset=5", "-"},
		{upFrom(1, 10), "?limit=10&offset=10", "-"},
		{upFrom(1, 10), "?limit=10&offset=10", "-"},
		{upFrom(51, 15), "?limit=15&offset=65", "?limit=15&offset=35"},
	} {
		s := reqs[i]
		assert.Equal(t, c.data, s.Records(), s.Request.URL)
		n, p := drfLinks(s)
		assert.Equal(t, c.next, n, s.Request.URL)
		assert.Equal(t, c.previous, p, s.Request.URL)
	}
	require.True(t, reqs[9].Accepted, "test_erronous_offset: no error")
	assert.Empty(t, reqs[9].Records())
}

// CursorPaginationTestsMixin.test_cursor_pagination: ExamplePagination(
// page_size = 5, ordering = 'created') over 30 objects whose created values
// are the list below, in that order. Records 1..30 get those keys (update
// steps) and the list is oldest first (created ascending, as ordering
// 'created' asks; ties in id order, as the test's queryset keeps them).
// "Paging artifact": following previous from a page reached forward whose
// records all share one position goes back further than one page, and
// following next from such a page reached backward skips ahead.
func TestDRFLibraryCursorPagination(t *testing.T) {
	created := []int64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 9, 9, 9, 9}
	keys := func(s TraceStep) []int64 {
		var out []int64
		for _, id := range s.Records() {
			out = append(out, created[id-1])
		}
		return out
	}
	run := func(moves ...Step) []TraceStep {
		steps := []Step{}
		for i, k := range created {
			steps = append(steps, Step{Kind: StepUpdate, ID: int64(i + 1), Key: k})
		}
		steps = append(steps, get("/api/items/"))
		steps = append(steps, moves...)
		return requests(execute(withOptions(oldestFirst(scenario("drf-cursor", 30, steps...)), "limit", "5")))
	}
	// Forward to the end, then back to the start: the test's "current" pages.
	reqs := run(next(), next(), next(), next(), next(), prevStep(), prevStep(), prevStep(), prevStep(), prevStep())
	want := [][]int64{
		{1, 1, 1, 1, 1}, {1, 2, 3, 4, 4}, {4, 4, 5, 6, 7}, {7, 7, 7, 7, 7}, {7, 7, 7, 8, 9}, {9, 9, 9, 9, 9},
		{7, 7, 7, 8, 9}, {7, 7, 7, 7, 7}, {4, 4, 5, 6, 7}, {1, 2, 3, 4, 4}, {1, 1, 1, 1, 1},
	}
	require.Len(t, reqs, len(want))
	for i, s := range reqs {
		assert.Equal(t, want[i], keys(s), "step %d", i)
	}
	n, p := drfLinks(reqs[0])
	assert.NotEqual(t, "-", n)
	assert.Equal(t, "-", p, "the first page has no previous")
	n, _ = drfLinks(reqs[5])
	assert.Equal(t, "-", n, "the last page has no next")
	_, p = drfLinks(reqs[10])
	assert.Equal(t, "-", p, "back on the first page: no previous")
	// The artifacts: previous of [7, 7, 7, 7, 7] reached forward is
	// [4, 4, 4, 5, 6]; next of it reached backward is [8, 9, 9, 9, 9].
	reqs = run(next(), next(), next(), prevStep())
	assert.Equal(t, []int64{4, 4, 4, 5, 6}, keys(reqs[4]))
	reqs = run(next(), next(), next(), next(), next(), prevStep(), prevStep(), next())
	assert.Equal(t, []int64{8, 9, 9, 9, 9}, keys(reqs[8]))
}

// test_invalid_cursor: a cursor of '123' raises NotFound.
func TestDRFLibraryInvalidCursor(t *testing.T) {
	s := requests(execute(scenario("drf-cursor", 30, get("/api/items/?cursor=123"))))[0]
	assert.Equal(t, 404, s.Response.Status)
	assert.JSONEq(t, `{"detail":"Invalid cursor"}`, bodyOf(s))
}

// The page_size cases of the current CursorPaginationTestsMixin, whose
// ExamplePagination also has page_size_query_param = 'page_size' and
// max_page_size = 20: page_size=20 is the first 20 objects,
// test_cursor_pagination_with_page_size_over_limit's page_size=30 is cut to
// 20, and test_cursor_pagination_with_page_size_zero's 0 and _negative's -5
// fall back to page_size 5 (get_page_size: "_positive_int(..., strict=True,
// cutoff=self.max_page_size)", "except (KeyError, ValueError): pass").
func TestDRFLibraryCursorPageSize(t *testing.T) {
	created := []int64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 9, 9, 9, 9}
	var steps []Step
	for i, k := range created {
		steps = append(steps, Step{Kind: StepUpdate, ID: int64(i + 1), Key: k})
	}
	for _, q := range []string{"20", "30", "0", "-5"} {
		steps = append(steps, get("/api/items/?page_size="+q), next())
	}
	reqs := requests(execute(withOptions(oldestFirst(scenario("drf-cursor", 30, steps...)), "limit", "5", "page-size-param", "page_size", "max-limit", "20")))
	require.Len(t, reqs, 8)
	assert.Equal(t, upFrom(1, 20), reqs[0].Records())
	assert.Equal(t, upFrom(21, 10), reqs[1].Records())
	assert.Equal(t, upFrom(1, 20), reqs[2].Records())
	assert.Equal(t, upFrom(21, 10), reqs[3].Records())
	assert.Equal(t, upFrom(1, 5), reqs[4].Records())
	assert.Equal(t, upFrom(6, 5), reqs[5].Records())
	assert.Equal(t, upFrom(1, 5), reqs[6].Records())
	assert.Equal(t, upFrom(6, 5), reqs[7].Records())
}

// test_cursor_pagination_current_page_empty_forward (#6504): a forward
// cursor at position 100, past every object, is an empty page; its previous
// page is the last five, [9, 9, 9, 9, 9], whose previous is [7, 7, 7, 8, 9]
// and whose next link is there and gives []. _reverse: a reverse cursor at
// position 0, before every object, is an empty page; its next page is
// [1, 1, 1, 1, 1], whose next is [1, 2, 3, 4, 4] and whose previous link is
// there and gives [].
func TestDRFLibraryCursorCurrentPageEmpty(t *testing.T) {
	created := []int64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 9, 9, 9, 9}
	var steps []Step
	for i, k := range created {
		steps = append(steps, Step{Kind: StepUpdate, ID: int64(i + 1), Key: k})
	}
	fwd, rev := get("/api/items/?cursor="+base64Encode("p=100")), get("/api/items/?cursor="+base64Encode("r=1&p=0"))
	steps = append(steps, fwd, prevStep(), next(), fwd, prevStep(), prevStep(), rev, next(), prevStep(), rev, next(), next())
	reqs := requests(execute(withOptions(oldestFirst(scenario("drf-cursor", 30, steps...)), "limit", "5")))
	require.Len(t, reqs, 12)
	keys := func(s TraceStep) []int64 {
		out := []int64{}
		for _, id := range s.Records() {
			out = append(out, created[id-1])
		}
		return out
	}
	for i, want := range [][]int64{
		{}, {9, 9, 9, 9, 9}, {}, {}, {9, 9, 9, 9, 9}, {7, 7, 7, 8, 9},
		{}, {1, 1, 1, 1, 1}, {}, {}, {1, 1, 1, 1, 1}, {1, 2, 3, 4, 4},
	} {
		assert.Equal(t, want, keys(reqs[i]), "step %d", i)
	}
	n, p := drfLinks(reqs[1])
	assert.NotEqual(t, "-", n, "next_url is not None")
	assert.NotEqual(t, "-", p, "previous_url is not None")
	n, p = drfLinks(reqs[7])
	assert.NotEqual(t, "-", n, "next_url is not None")
	assert.NotEqual(t, "-", p, "previous_url is not None")
}
