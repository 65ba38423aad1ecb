package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withTestProfiles puts throwaway profiles in place of the real ones for one
// test, so the tests here depend on no real profile, and puts the real ones
// back after it.
func withTestProfiles(t *testing.T) {
	t.Helper()
	saved := profiles
	t.Cleanup(func() { profiles = saved })
	profiles = nil
	register(&Profile{Name: "test-profile", Summary: "a profile for tests", Options: []OptionSpec{
		{Name: "limit", Default: "20", Min: 1, Max: 100},
		{Name: "max-limit", Default: "100", Min: 1, Max: maxPageSize},
		{Name: "over-max", Default: "refuse", Enum: []string{"refuse", "clamp"}},
		{Name: "rate", Default: ""},
	}})
	register(&Profile{Name: "test-bare", Summary: "no options"})
	register(&Profile{Name: "offset", Summary: "stands in for the generic model", Options: []OptionSpec{{Name: "limit", Min: 1, Max: 10}}})
}

// validateText parses text and validates it, returning the diagnostics.
func validateText(t *testing.T, text string) []Diagnostic {
	t.Helper()
	s := mustParse(t, text)
	err := s.Validate()
	if err == nil {
		return nil
	}
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	return pe.Diags
}

func TestValidateProfile(t *testing.T) {
	withTestProfiles(t)
	assert.Empty(t, validateText(t, "profile test-profile\nnext\n"))
	assert.Empty(t, validateText(t, "next\n"), "no profile line is offset")
	assert.NoError(t, (&Scenario{Setup: Setup{Sort: defaultSort}}).Validate(), "an empty profile is offset")

	// The span is the name: `profile ` is 8 characters, the name 11.
	assert.Equal(t, []Diagnostic{{Line: 2, Col: 9, EndCol: 20,
		Message: "unknown profile `test-profle`; did you mean `test-profile`? (known profiles: test-profile, test-bare, offset)"}},
		validateText(t, "# lesson 1\nprofile test-profle\n"))
	assert.Equal(t, []Diagnostic{{Line: 1, Col: 9, EndCol: 15,
		Message: "unknown profile `stripe` (known profiles: test-profile, test-bare, offset)"}},
		validateText(t, "profile stripe\n"))

	s := &Scenario{Setup: Setup{Profile: "nope", Sort: defaultSort}}
	assert.EqualError(t, s.Validate(), "line 0, col 0: profile: unknown profile `nope` (known profiles: test-profile, test-bare, offset)")
}

func TestValidateNoProfiles(t *testing.T) {
	saved := profiles
	t.Cleanup(func() { profiles = saved })
	profiles = nil
	assert.Equal(t, []Diagnostic{{Line: 1, Col: 9, EndCol: 15, Message: "unknown profile `offset` (no profiles are built in)"}},
		validateText(t, "profile offset\n"))
}

func TestValidateOptions(t *testing.T) {
	withTestProfiles(t)
	assert.Empty(t, validateText(t, "profile test-profile limit=1 max-limit=10000 over-max=clamp rate=10/60\n"))
	for _, c := range []struct {
		text string
		want Diagnostic
	}{
		{"profile test-profile limt=5", Diagnostic{Line: 1, Col: 22, EndCol: 26,
			Message: "profile `test-profile` has no option `limt`; did you mean `limit`? (its options: limit, max-limit, over-max, rate)"}},
		{"profile test-profile page=5", Diagnostic{Line: 1, Col: 22, EndCol: 26,
			Message: "profile `test-profile` has no option `page` (its options: limit, max-limit, over-max, rate)"}},
		{"profile test-bare limit=5", Diagnostic{Line: 1, Col: 19, EndCol: 24, Message: "profile `test-bare` takes no options, got `limit`"}},
		{"profile test-profile limit=101", Diagnostic{Line: 1, Col: 28, EndCol: 31, Message: "`limit` is from 1 to 100, got 101"}},
		{"profile test-profile limit=0", Diagnostic{Line: 1, Col: 28, EndCol: 29, Message: "`limit` is from 1 to 100, got 0"}},
		{"profile test-profile limit=ten", Diagnostic{Line: 1, Col: 28, EndCol: 31, Message: "expected a whole number from 1 to 100 for `limit`, got `ten`"}},
		{"profile test-profile over-max=clap", Diagnostic{Line: 1, Col: 31, EndCol: 35, Message: "expected `refuse`, `clamp` for `over-max`, got `clap`; did you mean `clamp`?"}},
		{"profile test-profile limit=5 limit=6", Diagnostic{Line: 1, Col: 30, EndCol: 35, Message: "option `limit` is set twice"}},
		{"profile  test-profile   éé=1", Diagnostic{Line: 1, Col: 25, EndCol: 27, Message: "profile `test-profile` has no option `éé` (its options: limit, max-limit, over-max, rate)"}},
	} {
		d := validateText(t, c.text)
		if assert.Len(t, d, 1, c.text) {
			assert.Equal(t, c.want, d[0], c.text)
		}
	}

	// Options from JSON or code have no position: the message says which.
	s := &Scenario{Setup: Setup{Profile: "test-profile", Sort: defaultSort, Options: []Option{{Name: "limit", Value: "5"}, {Name: "limit", Value: "500"}}}}
	assert.EqualError(t, s.Validate(), "line 0, col 0: options[1]: option `limit` is set twice")
	s.Setup.Options = s.Setup.Options[1:]
	assert.EqualError(t, s.Validate(), "line 0, col 0: options[0]: `limit` is from 1 to 100, got 500")
}

func TestValidateLimits(t *testing.T) {
	withTestProfiles(t)
	ok := Setup{Profile: "test-profile", Sort: defaultSort}
	for _, c := range []struct {
		name  string
		setup Setup
		steps []Step
		want  string
	}{
		{"records", Setup{Records: maxRecords + 1, Sort: defaultSort}, nil, "records: records must be from 0 to 1_000_000_000_000, got 1_000_000_000_001"},
		{"negative records", Setup{Records: -1, Sort: defaultSort}, nil, "records: records must be from 0 to 1_000_000_000_000, got -1"},
		{"bucket", Setup{}, nil, "sort: a sort bucket is from 1 to 1_000_000 ticks, got 0"},
		{"bucket max", Setup{Sort: sortSpec{Bucket: maxBucket + 1}}, nil, "sort: a sort bucket is from 1 to 1_000_000 ticks, got 1_000_001"},
		{"order", Setup{Order: 2, Sort: defaultSort}, nil, "order: expected newest-first or oldest-first, got order 2"},
		{"count", ok, []Step{{Kind: StepInsert, Count: maxInsert + 1, At: -1}}, "steps[0]: a step inserts from 1 to 1_000_000_000 records, got 1_000_000_001"},
		{"zero insert", ok, []Step{{Kind: StepInsert, At: -1}}, "steps[0]: a step inserts from 1 to 1_000_000_000 records, got 0"},
		{"insert at", ok, []Step{{Kind: StepInsert, Count: 1, At: -2}}, "steps[0]: an insert goes at a list position (0 is the head) or at -1 for the newest end, got -2"},
		{"stream count", ok, []Step{{Kind: StepStream, Count: maxInsert + 1, Every: 1}}, "steps[0]: a step inserts from 1 to 1_000_000_000 records, got 1_000_000_001"},
		{"stream every", ok, []Step{{Kind: StepWait, Ticks: 1}, {Kind: StepStream, Count: 1}}, "steps[1]: a stream's interval is from 1 to 1_000_000_000_000 ticks, got 0"},
		{"stream stop", ok, []Step{{Kind: StepStream, Every: 3}}, "steps[0]: a stream with no records is `stream stop`, which has no interval; got every 3"},
		{"walk pages", ok, []Step{{Kind: StepWalk, MaxPages: maxWalkPages + 1}}, "steps[0]: a walk's page limit is from 1 to 100_000, got 100_001"},
		{"walk cap 0", ok, []Step{{Kind: StepWalk, Cap: true}}, "steps[0]: a walk's page limit is from 1 to 100_000, got 0"},
		{"walk negative", ok, []Step{{Kind: StepWalk, MaxPages: -1}}, "steps[0]: a walk's page limit is from 1 to 100_000, got -1"},
		{"wait", ok, []Step{{Kind: StepWait}}, "steps[0]: `wait` takes from 1 to 1_000_000_000_000 ticks, got 0"},
		// Every step is a tick, and every wait its ticks: 4 steps and
		// maxTicks-3 ticks of waits is one too many, found at the last wait.
		{"clock", ok, []Step{{Kind: StepWait, Ticks: maxTicks - 6}, {Kind: StepWait, Ticks: 1}, {Kind: StepWait, Ticks: 1}, {Kind: StepWait, Ticks: 1}},
			"steps[3]: the clock would pass 1_000_000_000_000 ticks: wait less"},
		{"delete id", ok, []Step{{Kind: StepDelete, ID: -1}}, "steps[0]: record ids start at 1, got -1"},
		{"delete from", ok, []Step{{Kind: StepDelete, From: -1, To: 2}}, "steps[0]: list positions start at 0, got -1"},
		{"delete range", ok, []Step{{Kind: StepDelete, From: 3, To: 2}}, "steps[0]: the range 3..2 runs backwards"},
		{"update id", ok, []Step{{Kind: StepUpdate, Key: 3}}, "steps[0]: record ids start at 1, got 0"},
		{"kind", ok, []Step{{}}, "steps[0]: unknown step kind 0"},
		{"client", ok, []Step{{Kind: StepNext, Client: "a b"}}, "steps[0]: a client name has letters, digits, `-` and `_` only, got `a b`"},
		{"mutation client", ok, []Step{{Kind: StepWait, Ticks: 1, Client: "bob"}}, "steps[0]: `wait` changes the list for every client: it has no client, got `bob`"},
		{"header name", ok, []Step{{Kind: StepHeader, Name: "X A"}}, "steps[0]: expected a header name (a word like `X-Session-Id`), got `X A`"},
		{"method", ok, []Step{{Kind: StepRequest, Method: "get", Target: "/x"}}, "steps[0]: expected a method (GET, POST, PUT, PATCH, DELETE, HEAD), got `get`"},
		{"target", ok, []Step{{Kind: StepRequest, Method: "GET", Target: "x"}}, "steps[0]: bad request target `x`: " + targetErr("x")},
		{"request header", ok, []Step{{Kind: StepRequest, Method: "GET", Target: "/x", Headers: []Header{{"", "v"}}}}, "steps[0]: expected a header name (a word like `X-Session-Id`), got ``"},
	} {
		s := &Scenario{Setup: c.setup, Steps: c.steps}
		err := s.Validate()
		var pe *ParseError
		if assert.ErrorAs(t, err, &pe, c.name) && assert.Len(t, pe.Diags, 1, c.name) {
			assert.Equal(t, Diagnostic{Message: c.want}, pe.Diags[0], c.name)
		}
	}

	// At the limits themselves all is well.
	s := &Scenario{Setup: Setup{Records: maxRecords, Sort: sortSpec{Bucket: maxBucket}}, Steps: []Step{
		{Kind: StepInsert, Count: maxInsert, At: -1},
		{Kind: StepStream, Count: maxInsert, Every: maxTicks},
		{Kind: StepWalk, MaxPages: maxWalkPages, Cap: true},
		{Kind: StepWait, Ticks: maxTicks - 5},
		{Kind: StepStream},
	}}
	assert.NoError(t, s.Validate())

	steps := make([]Step, maxSteps+1)
	for i := range steps {
		steps[i] = Step{Kind: StepNext}
	}
	err := (&Scenario{Setup: Setup{Sort: defaultSort}, Steps: steps}).Validate()
	assert.EqualError(t, err, "line 0, col 0: steps: a scenario has at most 100_000 steps, got 100_001")

	// From text, it has a line: the first step too many.
	_, err = RunText("profile offset\n" + strings.Repeat("next\n", maxSteps+1))
	assert.EqualError(t, err, "line 100002, col 1: a scenario has at most 100_000 steps, got 100_001: this is step 100_001")
}

func TestValidateBody(t *testing.T) {
	withTestProfiles(t)
	s := &Scenario{Setup: Setup{Sort: defaultSort}, Steps: []Step{{Kind: StepRequest, Method: "POST", Target: "/x", Body: `{"p":}`}}}
	err := s.Validate()
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "line 0, col 0: steps[0]: malformed JSON body: "), err.Error())
}

func TestValidateStepsFromText(t *testing.T) {
	withTestProfiles(t)
	// A parsed scenario's step problems are at the step's line. Parse
	// catches all it can, so build the problem after parsing.
	s := mustParse(t, "profile test-profile\n\nwait 3\nnext\n")
	s.Steps[1].Client = "a b"
	var pe *ParseError
	require.ErrorAs(t, s.Validate(), &pe)
	assert.Equal(t, []Diagnostic{{Line: 4, Col: 1, Message: "a client name has letters, digits, `-` and `_` only, got `a b`"}}, pe.Diags)
}

func TestCheck(t *testing.T) {
	withTestProfiles(t)
	assert.Nil(t, Check("profile test-profile limit=5\nnext\n"))
	assert.Equal(t, []Diagnostic{{Line: 1, Col: 28, EndCol: 31, Message: "`limit` is from 1 to 100, got 500"}}, Check("profile test-profile limit=500\n"))
	assert.Equal(t, []Diagnostic{{Line: 1, Col: 1, EndCol: 4, Message: "unknown step `nxt`; did you mean `next`?"}}, Check("nxt\n"))
}
