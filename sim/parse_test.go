package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pagingplayground/internal/reqtarget"
)

func mustParse(t *testing.T, text string) *Scenario {
	t.Helper()
	s, err := Parse(text)
	require.NoError(t, err, "parsing:\n%s", text)
	return s
}

// diags parses text expecting it to be malformed and returns the diagnostics.
func diags(t *testing.T, text string) []Diagnostic {
	t.Helper()
	s, err := Parse(text)
	require.Error(t, err, "parsing:\n%s", text)
	require.Nil(t, s)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	require.NotEmpty(t, pe.Diags)
	return pe.Diags
}

func TestParseEveryLineKind(t *testing.T) {
	s := mustParse(t, `# Celigo's CLI
profile celigo limit=100 max-limit=1000
records 10k
order oldest-first
sort created/60, id
seed 42

GET https://api.integrator.io/v1/integrations?limit=100   # first page
  Authorization: Bearer abc
  # comments may sit among header lines
  X-Empty:
@bob next
@alice-2 prev
@c_3 first
walk
walk max 3
walk cap 50
@bob header X-Pagination-Session-Id: abc
header X-Pagination-Session-Id:
insert 3
insert 2 at 5
delete id 7
delete at 4
delete at 2..5
update id 3 key 99
update id 4 key -2
stream 1 every 3
stream stop
wait 10
`)
	assert.Equal(t, Setup{
		Profile: "celigo",
		Options: []Option{{Name: "limit", Value: "100", Line: 2, Col: 16}, {Name: "max-limit", Value: "1000", Line: 2, Col: 26}},
		Records: 10_000,
		Order:   OldestFirst,
		Sort:    sortSpec{Bucket: 60, Tiebreak: true},
		Seed:    42,
		Line:    2,
		Col:     9, // after `profile `
	}, s.Setup)
	assert.Equal(t, []Step{
		{Kind: StepRequest, Line: 8, Method: "GET", Target: "https://api.integrator.io/v1/integrations?limit=100",
			Headers: []Header{{"Authorization", "Bearer abc"}, {"X-Empty", ""}}},
		{Kind: StepNext, Line: 12, Client: "bob"},
		{Kind: StepPrev, Line: 13, Client: "alice-2"},
		{Kind: StepFirst, Line: 14, Client: "c_3"},
		{Kind: StepWalk, Line: 15},
		{Kind: StepWalk, Line: 16, MaxPages: 3},
		{Kind: StepWalk, Line: 17, MaxPages: 50, Cap: true},
		{Kind: StepHeader, Line: 18, Client: "bob", Name: "X-Pagination-Session-Id", Value: "abc"},
		{Kind: StepHeader, Line: 19, Name: "X-Pagination-Session-Id"},
		{Kind: StepInsert, Line: 20, Count: 3, At: -1},
		{Kind: StepInsert, Line: 21, Count: 2, At: 5},
		{Kind: StepDelete, Line: 22, ID: 7},
		{Kind: StepDelete, Line: 23, From: 4, To: 4},
		{Kind: StepDelete, Line: 24, From: 2, To: 5},
		{Kind: StepUpdate, Line: 25, ID: 3, Key: 99},
		{Kind: StepUpdate, Line: 26, ID: 4, Key: -2},
		{Kind: StepStream, Line: 27, Count: 1, Every: 3},
		{Kind: StepStream, Line: 28},
		{Kind: StepWait, Line: 29, Ticks: 10},
	}, s.Steps)
}

func TestParseDefaults(t *testing.T) {
	s := mustParse(t, "GET /items\n")
	// No profile line means offset; Setup.Line 0 says it was not written.
	assert.Equal(t, Setup{Profile: "offset", Sort: defaultSort}, s.Setup)

	s = mustParse(t, "")
	assert.Equal(t, "offset", s.Setup.Profile)
	assert.Empty(t, s.Steps)

	s = mustParse(t, "sort created\n")
	assert.Equal(t, sortSpec{Bucket: 1}, s.Setup.Sort, "without `, id` there is no tiebreaker")
	s = mustParse(t, "sort   created ,id\n")
	assert.Equal(t, defaultSort, s.Setup.Sort)
	s = mustParse(t, "sort created / 5\n")
	assert.Equal(t, sortSpec{Bucket: 5}, s.Setup.Sort)
}

func TestParseNumbers(t *testing.T) {
	for text, want := range map[string]int64{
		"0": 0, "7": 7, "1_000_000": 1_000_000, "10k": 10_000, "1m": 1_000_000, "1b": 1_000_000_000,
		"2K": 2000, "1_000b": 1_000_000_000_000, "25_000": 25_000,
	} {
		s := mustParse(t, "records "+text)
		assert.Equal(t, want, s.Setup.Records, text)
	}
	for text, msg := range map[string]string{
		"abc":                  "expected a record count, got `abc`",
		"1__000":               "expected a record count, got `1__000`",
		"_1":                   "expected a record count, got `_1`",
		"1_":                   "expected a record count, got `1_`",
		"1.5k":                 "expected a record count, got `1.5k`",
		"-1":                   "expected a record count, got `-1`",
		"10kk":                 "expected a record count, got `10kk`",
		"2_000b":               "records must be from 0 to 1_000_000_000_000, got 2_000_000_000_000",
		"99999999999999999999": "`99999999999999999999` is too large",
		"9999999999b":          "`9999999999b` is too large",
	} {
		d := diags(t, "records "+text)
		require.Len(t, d, 1, text)
		assert.Equal(t, Diagnostic{Line: 1, Col: 9, EndCol: 9 + len(text), Message: msg}, d[0], text)
	}
	// Ticks have no unit, so a suffix there reads as a duration and is refused.
	d := diags(t, "wait 5m")
	assert.Equal(t, "ticks have no unit (`5m` would be 5_000_000 ticks, not minutes or seconds): write a plain number", d[0].Message)
	assert.Equal(t, int64(1_000), mustParse(t, "wait 1_000").Steps[0].Ticks)
	assert.Equal(t, uint64(18446744073709551615), mustParse(t, "seed 18446744073709551615").Setup.Seed)
	assert.Equal(t, int64(5000), mustParse(t, "insert 5k at 1k").Steps[0].Count)
}

func TestParseComments(t *testing.T) {
	s := mustParse(t, "\uFEFF  profile\toffset   limit=5  \r\n\r\n\t next   # page 2\r\n# whole line\n   walk max 2 #\n")
	assert.Equal(t, "offset", s.Setup.Profile)
	assert.Equal(t, []Option{{Name: "limit", Value: "5", Line: 1, Col: 20}}, s.Setup.Options)
	assert.Equal(t, []Step{{Kind: StepNext, Line: 3}, {Kind: StepWalk, Line: 5, MaxPages: 2}}, s.Steps)

	// A # inside a word is no comment: URL fragments stay in targets.
	s = mustParse(t, "GET /items?page=2#frag # the comment\n")
	assert.Equal(t, "/items?page=2#frag", s.Steps[0].Target)
	d := diags(t, "walk max 2#3\n")
	assert.Equal(t, "expected a number of pages, got `2#3`", d[0].Message)

	s = mustParse(t, "GET /x\n  X-Id: abc   # bob's session\n")
	assert.Equal(t, []Header{{"X-Id", "abc"}}, s.Steps[0].Headers)

	// A # right after a header's colon starts a comment too, in header lines
	// and header steps alike.
	s = mustParse(t, "GET /x\n  X-Id:#c\n  X-B:  b#c\nheader X-C:#c\nheader X-D: d#c # c\n")
	assert.Equal(t, []Header{{"X-Id", ""}, {"X-B", "b#c"}}, s.Steps[0].Headers)
	assert.Equal(t, "", s.Steps[1].Value)
	assert.Equal(t, "d#c", s.Steps[2].Value)
}

func TestParseHeaderBlock(t *testing.T) {
	s := mustParse(t, "GET /a\n\tX-A: 1\n    X-B:   two  words  \nGET /b\n")
	assert.Equal(t, []Header{{"X-A", "1"}, {"X-B", "two  words"}}, s.Steps[0].Headers)
	assert.Nil(t, s.Steps[1].Headers)

	// A blank line ends the block: the header has no request to belong to.
	d := diags(t, "GET /a\n\n  X-A: 1\n")
	assert.Equal(t, []Diagnostic{{Line: 3, Col: 3, EndCol: 6,
		Message: "a header line belongs right under its request; to send `X-A` from now on, write `header X-A: ...`"}}, d)

	d = diags(t, "GET /a\nX-A: 1\n")
	assert.Equal(t, []Diagnostic{{Line: 2, Col: 1, EndCol: 4,
		Message: "header lines under a request are indented: write `  X-A: 1`"}}, d)

	// Indentation alone does not make a header: an indented step is a step.
	s = mustParse(t, "GET /a\n  next\n")
	assert.Equal(t, StepNext, s.Steps[1].Kind)

	// Header lines of a malformed request are not reported again.
	d = diags(t, "GET /a%zz\n  X-A: 1\n")
	assert.Len(t, d, 1)
}

func TestParseBodies(t *testing.T) {
	s := mustParse(t, `profile flashduty
POST /incident/list {"p": 1, "limit": 20}   # first page
POST /incident/list
  X-A: 1
  {
    "p": 2,
    "limit": 20
  }
POST /incident/list
{"p": 3,
 "tags": ["a # b", "c"]}
@bob POST /x [1,
  2]
POST /y {"p": 1}
  X-After-Inline: yes
`)
	assert.Equal(t, `{"p": 1, "limit": 20}`, s.Steps[0].Body)
	assert.Equal(t, `{"p": 2, "limit": 20}`, s.Steps[1].Body, "a body over lines is folded onto one")
	assert.Equal(t, []Header{{"X-A", "1"}}, s.Steps[1].Headers)
	assert.Equal(t, 3, s.Steps[1].Line)
	assert.Equal(t, `{"p": 3, "tags": ["a # b", "c"]}`, s.Steps[2].Body)
	assert.Equal(t, `[1, 2]`, s.Steps[3].Body)
	assert.Equal(t, []Header{{"X-After-Inline", "yes"}}, s.Steps[4].Headers, "headers may follow a body on the request line")
}

func TestParseBodyErrors(t *testing.T) {
	d := diags(t, "POST /x\n  {\"p\": 1,\n   \"limit\": }\n")
	require.Len(t, d, 1)
	assert.Equal(t, 3, d[0].Line)
	assert.Equal(t, 13, d[0].Col, "the error points into the body, where the value is missing")
	assert.Contains(t, d[0].Message, "malformed JSON body: ")

	// A body never closed takes the lines up to the next step, so the
	// following steps are still read.
	d = diags(t, "POST /x {\"p\": 1,\n  \"limit\": 2\nnext\nnxt\n")
	assert.Equal(t, []Diagnostic{
		{Line: 1, Col: 9, EndCol: 10, Message: "this JSON body is never closed: expected a matching `}`"},
		{Line: 4, Col: 1, EndCol: 4, Message: "unknown step `nxt`; did you mean `next`?"},
	}, d)

	d = diags(t, "POST /x {\"p\":\n 1}\n  X-A: 1\n")
	assert.Equal(t, []Diagnostic{{Line: 3, Col: 3, EndCol: 6, Message: "header lines come before the request's body"}}, d,
		"a body that spans lines reads as a body below the request")

	d = diags(t, `POST /x {"p": 1} extra`)
	assert.Equal(t, []Diagnostic{{Line: 1, Col: 18, EndCol: 23, Message: "unexpected `extra` after the JSON body"}}, d)

	d = diags(t, "POST /x {\"p\": 1}\n  {\"p\": 2}\n")
	assert.Equal(t, "the request on line 1 already has a body", d[0].Message)

	d = diags(t, "next\n{\"p\": 2}\n")
	assert.Equal(t, "a JSON body belongs right under its request (a line like `POST /items`)", d[0].Message)

	d = diags(t, "POST /x\n  {\"p\": 2}\n  X-A: 1\n")
	assert.Equal(t, "header lines come before the request's body", d[0].Message)

	// Columns count characters, not bytes.
	d = diags(t, "POST /x {\"é\": 1,}")
	assert.Equal(t, 1, d[0].Line)
	assert.Equal(t, 17, d[0].Col)
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		text string
		want Diagnostic
	}{
		// requests
		{"GET", Diagnostic{Line: 1, Col: 4, EndCol: 0, Message: "expected a request target like `/items?page=2` after `GET`"}},
		{"GET workflow", Diagnostic{Line: 1, Col: 5, EndCol: 13, Message: "bad request target `workflow`: " + targetErr("workflow")}},
		{"GET /a%zz?page=1", Diagnostic{Line: 1, Col: 7, EndCol: 8, Message: "bad request target `/a%zz?page=1`: " + targetErr("/a%zz")}},
		{"GET /w extra", Diagnostic{Line: 1, Col: 8, EndCol: 13, Message: "unexpected `extra` after the target: a body is JSON (`{...}` or `[...]`), and a target has no spaces"}},
		{"get /w", Diagnostic{Line: 1, Col: 1, EndCol: 4, Message: "methods are written in upper case: `GET`"}},
		{"Delete /w/1", Diagnostic{Line: 1, Col: 1, EndCol: 7, Message: "methods are written in upper case: `DELETE /w/1`"}},
		{"delete /w/1", Diagnostic{Line: 1, Col: 8, EndCol: 12, Message: "`delete` removes records from the list (`delete id 7`, `delete at 3`); to send an HTTP DELETE, write the method in upper case: `DELETE /w/1`"}},
		{"/w?page=2", Diagnostic{Line: 1, Col: 1, EndCol: 10, Message: "a request starts with its method: `GET /w?page=2`"}},
		{"1. GET /workflow?page=5", Diagnostic{Line: 1, Col: 1, EndCol: 3, Message: "steps are not numbered: remove `1.`"}},
		// unknown words
		{"nxt", Diagnostic{Line: 1, Col: 1, EndCol: 4, Message: "unknown step `nxt`; did you mean `next`?"}},
		{"Next", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "unknown step `Next`; did you mean `next`?"}},
		{"  wlak max 3", Diagnostic{Line: 1, Col: 3, EndCol: 7, Message: "unknown step `wlak`; did you mean `walk`?"}},
		{"recrods 5", Diagnostic{Line: 1, Col: 1, EndCol: 8, Message: "unknown step `recrods`; did you mean `records`?"}},
		{"jump 3", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "unknown step `jump`: expected a request like `GET /items`, a step (`next`, `prev`, `first`, `walk`, `header`, `insert`, `delete`, `update`, `stream`, `wait`) or a setup line (`profile`, `records`, `order`, `sort`, `seed`, `contract`)"}},
		// clients
		{"@ next", Diagnostic{Line: 1, Col: 1, EndCol: 2, Message: "expected a client name after `@`, like `@alice`"}},
		{"@bo.b next", Diagnostic{Line: 1, Col: 1, EndCol: 6, Message: "a client name has letters, digits, `-` and `_` only, got `@bo.b`"}},
		{"@bob", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "expected a request or `next`, `prev`, `first`, `walk`, `header` after `@bob`"}},
		{"@bob # hi", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "expected a request or `next`, `prev`, `first`, `walk`, `header` after `@bob`"}},
		{"@bob insert 3", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "`insert` changes the list for every client: it takes no `@bob`"}},
		{"@bob wait 3", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "`wait` changes the list for every client: it takes no `@bob`"}},
		{"@bob records 3", Diagnostic{Line: 1, Col: 1, EndCol: 5, Message: "`records` is a setup line: it takes no `@bob`"}},
		// shorthands
		{"next 2", Diagnostic{Line: 1, Col: 6, EndCol: 7, Message: "unexpected `2` after `next`"}},
		{"walk 50", Diagnostic{Line: 1, Col: 6, EndCol: 8, Message: "expected `max N` or `cap N` after `walk`, got `50`: write `walk max 50` to stop quietly after 50 pages, `walk cap 50` to fail when more are needed"}},
		{"walk max", Diagnostic{Line: 1, Col: 9, EndCol: 0, Message: "expected a number of pages after `walk max`"}},
		{"walk max 0", Diagnostic{Line: 1, Col: 10, EndCol: 11, Message: "a walk's page limit is from 1 to 100_000, got 0"}},
		{"walk cap 200k", Diagnostic{Line: 1, Col: 10, EndCol: 14, Message: "a walk's page limit is from 1 to 100_000, got 200_000"}},
		{"walk cap 5 pages", Diagnostic{Line: 1, Col: 12, EndCol: 17, Message: "unexpected `pages` after `walk cap 5`"}},
		{"header", Diagnostic{Line: 1, Col: 7, EndCol: 0, Message: "expected `Name: value` after `header`"}},
		{"header X A: 1", Diagnostic{Line: 1, Col: 8, EndCol: 9, Message: "expected `Name: value` after `header` (a header name is a word like `X-Session-Id`, then a colon), got `X`"}},
		// mutations
		{"insert", Diagnostic{Line: 1, Col: 7, EndCol: 0, Message: "expected a number of records after `insert`"}},
		{"insert 0", Diagnostic{Line: 1, Col: 8, EndCol: 9, Message: "a step inserts from 1 to 1_000_000_000 records, got 0"}},
		{"insert 2b", Diagnostic{Line: 1, Col: 8, EndCol: 10, Message: "a step inserts from 1 to 1_000_000_000 records, got 2_000_000_000"}},
		{"insert 3 on 5", Diagnostic{Line: 1, Col: 10, EndCol: 12, Message: "expected `at P` after `insert 3`, got `on`"}},
		{"insert 3 at", Diagnostic{Line: 1, Col: 12, EndCol: 0, Message: "expected a list position (0 is the head) after `insert 3 at`"}},
		{"insert 3 at -1", Diagnostic{Line: 1, Col: 13, EndCol: 15, Message: "expected a list position (0 is the head), got `-1`"}},
		{"delete 7", Diagnostic{Line: 1, Col: 8, EndCol: 9, Message: "expected `id ID`, `at P` or `at P..Q` after `delete`, got `7`"}},
		{"delete id 0", Diagnostic{Line: 1, Col: 11, EndCol: 12, Message: "record ids start at 1"}},
		{"delete id", Diagnostic{Line: 1, Col: 10, EndCol: 0, Message: "expected a record id after `delete id`"}},
		{"delete at 5..2", Diagnostic{Line: 1, Col: 11, EndCol: 15, Message: "the range `5..2` runs backwards: write the first position first"}},
		{"delete at 2..", Diagnostic{Line: 1, Col: 12, EndCol: 14, Message: "expected the last position of the range after `..`"}},
		{"delete at ..2", Diagnostic{Line: 1, Col: 11, EndCol: 13, Message: "expected a list position before `..`"}},
		{"delete at 2 5", Diagnostic{Line: 1, Col: 13, EndCol: 14, Message: "unexpected `5` after `delete at 2`"}},
		{"delete at 2..5 7", Diagnostic{Line: 1, Col: 16, EndCol: 17, Message: "unexpected `7` after the range"}},
		{"update id 3", Diagnostic{Line: 1, Col: 12, EndCol: 0, Message: "expected `key K` after `update id 3`"}},
		{"update 3 key 4", Diagnostic{Line: 1, Col: 8, EndCol: 9, Message: "expected `id ID key K` after `update`, got `3`"}},
		{"update id 3 key x", Diagnostic{Line: 1, Col: 17, EndCol: 18, Message: "expected a sort key (a whole number) after `key`, got `x`"}},
		{"stream 0 every 3", Diagnostic{Line: 1, Col: 8, EndCol: 9, Message: "a stream inserts at least 1 record each time; to end one, write `stream stop`"}},
		{"stream 1", Diagnostic{Line: 1, Col: 9, EndCol: 0, Message: "expected `every T` after `stream 1`"}},
		{"stream 1 every 0", Diagnostic{Line: 1, Col: 16, EndCol: 17, Message: "a stream's interval is from 1 to 1_000_000_000_000 ticks, got 0"}},
		{"stream stop now", Diagnostic{Line: 1, Col: 13, EndCol: 16, Message: "unexpected `now` after `stream stop`"}},
		{"wait 0", Diagnostic{Line: 1, Col: 6, EndCol: 7, Message: "`wait` takes from 1 to 1_000_000_000_000 ticks, got 0"}},
		// setup
		{"profile", Diagnostic{Line: 1, Col: 8, EndCol: 0, Message: "expected a profile name (like `offset` or `celigo`) after `profile`"}},
		{"profile Celigo", Diagnostic{Line: 1, Col: 9, EndCol: 15, Message: "profile names are lower case: `celigo`"}},
		{"profile limit=5", Diagnostic{Line: 1, Col: 9, EndCol: 16, Message: "expected a profile name after `profile`, like `offset` or `celigo`, got `limit=5`"}},
		{"profile celigo limit", Diagnostic{Line: 1, Col: 16, EndCol: 21, Message: "expected OPTION=VALUE, like `limit=50`, got `limit`"}},
		{"profile celigo limit=", Diagnostic{Line: 1, Col: 16, EndCol: 22, Message: "expected OPTION=VALUE, like `limit=50`, got `limit=`"}},
		{"order newest", Diagnostic{Line: 1, Col: 7, EndCol: 13, Message: "expected `newest-first` or `oldest-first` after `order`, got `newest`"}},
		{"order newestfirst", Diagnostic{Line: 1, Col: 7, EndCol: 18, Message: "expected `newest-first` or `oldest-first` after `order`, got `newestfirst`; did you mean `newest-first`?"}},
		{"sort id", Diagnostic{Line: 1, Col: 6, EndCol: 8, Message: "the list sorts by `created` (the creation tick), optionally rounded (`created/60`) and with `, id` as tiebreaker; got `id`"}},
		{"sort created/x", Diagnostic{Line: 1, Col: 14, EndCol: 15, Message: "expected a bucket size after `/` in `sort created/x`, got `x`"}},
		{"sort created/0", Diagnostic{Line: 1, Col: 14, EndCol: 15, Message: "a sort bucket is from 1 to 1_000_000 ticks, got 0"}},
		{"sort created, name", Diagnostic{Line: 1, Col: 15, EndCol: 19, Message: "expected `id` after the comma in `sort created, name`, got `name`"}},
		{"sort created,", Diagnostic{Line: 1, Col: 14, EndCol: 0, Message: "expected `id` after the comma in `sort created,`, got nothing"}},
		{"sort created id", Diagnostic{Line: 1, Col: 14, EndCol: 16, Message: "expected `/N` or `, id` in `sort created id`, got `id`"}},
		{"records", Diagnostic{Line: 1, Col: 8, EndCol: 0, Message: "expected a record count (like `1000`, `1_000_000` or `10k`) after `records`"}},
		{"seed -1", Diagnostic{Line: 1, Col: 6, EndCol: 8, Message: "expected a seed (a whole number from 0 to 18446744073709551615) after `seed`, got `-1`"}},
		{"records 5 6", Diagnostic{Line: 1, Col: 11, EndCol: 12, Message: "unexpected `6` after `records 5`"}},
		{"records 1\nrecords 2", Diagnostic{Line: 2, Col: 1, EndCol: 8, Message: "`records` is already set on line 1"}},
		{"next\nprofile offset", Diagnostic{Line: 2, Col: 1, EndCol: 8, Message: "setup lines come before the first step (line 1)"}},
		{"nxt\nrecords 2", Diagnostic{Line: 2, Col: 1, EndCol: 8, Message: "setup lines come before the first step (line 1)"}},
	} {
		d := diags(t, c.text)
		if assert.NotEmpty(t, d, c.text) {
			assert.Equal(t, c.want, d[len(d)-1], c.text)
		}
	}
}

// targetErr is ParseTarget's message for a malformed target, whatever its
// words.
func targetErr(target string) string {
	if _, _, err := reqtarget.Parse(target); err != nil {
		return err.Error()
	}
	return "ParseTarget accepts " + target
}

func TestParseKeepsGoing(t *testing.T) {
	// Every problem is reported, in source order, and good lines between
	// bad ones do not hide them.
	d := diags(t, `profile offset limit
records lots
GET /w?page=x&limit=y    # values are the contract's business: no error
next
nxt
walk max -1
`)
	var got []string
	for _, x := range d {
		got = append(got, x.String())
	}
	assert.Equal(t, []string{
		"line 1, col 16: expected OPTION=VALUE, like `limit=50`, got `limit`",
		"line 2, col 9: expected a record count, got `lots`",
		"line 5, col 1: unknown step `nxt`; did you mean `next`?",
		"line 6, col 10: expected a number of pages, got `-1`",
	}, got)
	pe := &ParseError{Diags: d}
	assert.Equal(t, "line 1, col 16: expected OPTION=VALUE, like `limit=50`, got `limit` (and 3 more)", pe.Error())
}

func TestParseClientNames(t *testing.T) {
	s := mustParse(t, "@default next\n@Bob-2_x walk\n")
	assert.Equal(t, "", s.Steps[0].Client, "@default is the default client")
	assert.Equal(t, "Bob-2_x", s.Steps[1].Client)
}

func TestParseTargets(t *testing.T) {
	s := mustParse(t, "GET /workflow?page=-1\nGET /v1/flows/{flowId}/errors?pageSize=100\nHEAD http://h/x?page=0&per_page=5&offset=0&skip=1&other=abc\n")
	assert.Equal(t, "/workflow?page=-1", s.Steps[0].Target)
	assert.Equal(t, "/v1/flows/{flowId}/errors?pageSize=100", s.Steps[1].Target)
	assert.Equal(t, "HEAD", s.Steps[2].Method)
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"} {
		assert.Equal(t, m, mustParse(t, m+" /x").Steps[0].Method)
	}
}

func TestSuggest(t *testing.T) {
	assert.Equal(t, "next", suggest("nxet", stepWords), "a swap of two letters is one edit")
	assert.Equal(t, "", suggest("xyz", stepWords))
	assert.Equal(t, "stream", suggest("straem", stepWords))
	assert.Equal(t, "", suggest("ab", []string{"abcd"}), "short words need to be within one edit")
	assert.Equal(t, 3, editDistance("kitten", "sitting"))
	assert.Equal(t, "", suggest(strings.Repeat("x", 1<<20), stepWords), "a long word is no typo, and costs nothing")
}

func TestParseLargeInput(t *testing.T) {
	// Error reporting stays linear: a pasted document full of bad lines. The
	// first maxDiagnostics problems are listed, then one that counts the rest.
	text := strings.Repeat("this is not a step\n", 20_000)
	d := diags(t, text)
	require.Len(t, d, maxDiagnostics+1)
	assert.Equal(t, Diagnostic{Line: 101, Col: 1, Message: "and 19900 more problems from here on, not listed: fix the first 100 to see them"}, d[100])
	_, err := Parse(text)
	assert.True(t, strings.HasPrefix(err.Error(), "line 1, col 1: "), err.Error())
	assert.True(t, strings.HasSuffix(err.Error(), "(and 19999 more)"), err.Error())

	// Unclosed bodies: each ends at the next step line, not at the end of
	// the text (which would make this quadratic).
	text = strings.Repeat("POST /x {\n  \"p\": 1,\n", 50_000)
	d = diags(t, text)
	assert.Len(t, d, maxDiagnostics+1)
	assert.Equal(t, Diagnostic{Line: 3, Col: 9, EndCol: 10, Message: "this JSON body is never closed: expected a matching `}`"}, d[1])

	// Malformed bodies: each error is placed by counting within its body
	// (counting from the start of the text instead would be quadratic:
	// BenchmarkParseMalformedBodies measures it).
	text = strings.Repeat("POST /x {"+strings.Repeat(" ", 400)+",}\n", 50_000)
	d = diags(t, text)
	assert.Len(t, d, maxDiagnostics+1)
	assert.Equal(t, Diagnostic{Line: 100, Col: 410, Message: d[0].Message}, d[99])
	assert.Equal(t, "and 49900 more problems from here on, not listed: fix the first 100 to see them", d[100].Message)
}
