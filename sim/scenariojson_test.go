package sim

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	jsonv "pagingplayground/internal/json"
)

func mustFromJSON(t *testing.T, data string) *Scenario {
	t.Helper()
	s, err := ScenarioFromJSON([]byte(data))
	require.NoError(t, err, "reading:\n%s", data)
	return s
}

// jsonDiags reads a malformed JSON form and returns its diagnostics as strings.
func jsonDiags(t *testing.T, data string) []string {
	t.Helper()
	s, err := ScenarioFromJSON([]byte(data))
	require.Error(t, err, "reading:\n%s", data)
	require.Nil(t, s)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	var out []string
	for _, d := range pe.Diags {
		out = append(out, d.String())
	}
	return out
}

func TestScenarioJSONShape(t *testing.T) {
	s := mustParse(t, `profile celigo limit=100
records 1000
GET /v1/integrations?limit=100
  X-A: 1
@bob next
prev
first
walk
walk max 3
walk cap 50
POST /incident/list {"p": 1, "limit": 20}
insert 3
insert 3 at 5
delete id 7
delete at 2..5
delete at 4
update id 3 key 99
stream 1 every 3
stream stop
wait 10
@bob header X-Pagination-Session-Id: abc
header X-Pagination-Session-Id:
`)
	want := `{"profile":"celigo","options":[["limit","100"]],"records":1000,"order":"newest-first","sort":"created, id","seed":0,"steps":[` +
		`{"request":"GET /v1/integrations?limit=100","headers":[["X-A","1"]]},` +
		`{"next":true,"client":"bob"},{"prev":true},{"first":true},` +
		`{"walk":true},{"walk":{"max":3}},{"walk":{"max":50,"cap":true}},` +
		`{"request":"POST /incident/list","body":{"p": 1, "limit": 20}},` +
		`{"insert":3},{"insert":3,"at":5},` +
		`{"delete":{"id":7}},{"delete":{"from":2,"to":5}},{"delete":{"from":4,"to":4}},` +
		`{"update":{"id":3,"key":99}},` +
		`{"stream":{"count":1,"every":3}},{"stream":"stop"},` +
		`{"wait":10},` +
		`{"header":["X-Pagination-Session-Id","abc"],"client":"bob"},{"header":["X-Pagination-Session-Id",""]}]}`
	assert.Equal(t, want, string(s.JSON()))
	assert.True(t, json.Valid(s.JSON()))

	back := mustFromJSON(t, want)
	assert.Equal(t, withoutLines(s), back)
}

func TestScenarioJSONDefaults(t *testing.T) {
	// Every member may be left out; the defaults are the text's.
	s := mustFromJSON(t, `{}`)
	assert.Equal(t, &Scenario{Setup: Setup{Profile: "offset", Sort: defaultSort}}, s)
	s = mustFromJSON(t, `{"steps":[{"insert":1}]}`)
	assert.Equal(t, []Step{{Kind: StepInsert, Count: 1, At: -1}}, s.Steps)

	s = mustFromJSON(t, `{"sort":"created/60","order":"oldest-first","seed":"18446744073709551615","steps":[{"next":true,"client":"default"},{"walk":{}}]}`)
	assert.Equal(t, sortSpec{Bucket: 60}, s.Setup.Sort)
	assert.Equal(t, OldestFirst, s.Setup.Order)
	assert.Equal(t, uint64(18446744073709551615), s.Setup.Seed)
	assert.Equal(t, "", s.Steps[0].Client, "\"default\" is the default client, as @default is")
	assert.Equal(t, Step{Kind: StepWalk}, s.Steps[1])

	// Seeds beyond what a JavaScript number holds exactly are strings.
	assert.Contains(t, string((&Scenario{Setup: Setup{Seed: 1 << 53, Sort: defaultSort}}).JSON()), `"seed":"9007199254740992"`)
	assert.Contains(t, string((&Scenario{Setup: Setup{Seed: 1<<53 - 1, Sort: defaultSort}}).JSON()), `"seed":9007199254740991`)
	assert.Equal(t, uint64(9007199254740991), mustFromJSON(t, `{"seed":9007199254740991}`).Setup.Seed)
}

func TestScenarioJSONBodies(t *testing.T) {
	// A body is embedded as a value; pretty-printed, it is folded like a body
	// written over lines in the text.
	s := mustFromJSON(t, "{\"steps\":[{\"request\":\"POST /x\",\"body\":{\n  \"p\": 1,\n  \"q\": \"a<b\"\n}},{\"request\":\"POST /y\",\"body\":[1,2]}]}")
	assert.Equal(t, `{"p": 1, "q": "a<b"}`, s.Steps[0].Body)
	assert.Equal(t, `[1,2]`, s.Steps[1].Body)
	assert.Equal(t, []string{`line 1, col 39: steps[0].body: a body is a JSON object or array, got "text"`},
		jsonDiags(t, `{"steps":[{"request":"POST /z","body":"text"}]}`))

	// A body that is not JSON can only come from code; it is written as a
	// string so that the output stays JSON.
	bad := &Scenario{Setup: Setup{Sort: defaultSort}, Steps: []Step{{Kind: StepRequest, Method: "POST", Target: "/x", Body: `{"p":`}}}
	assert.Contains(t, string(bad.JSON()), `"body":"{\"p\":"`)
	assert.True(t, json.Valid(bad.JSON()))
}

// TestScenarioJSONRoundTrip: text → JSON → text and JSON → text → JSON are
// identities on the corpus.
func TestScenarioJSONRoundTrip(t *testing.T) {
	for _, text := range roundTripCorpus {
		s := mustParse(t, text)
		canonical := formatScenario(s)
		js := s.JSON()
		require.True(t, json.Valid(js), string(js))
		fromJSON := mustFromJSON(t, string(js))
		assert.Equal(t, withoutLines(s), fromJSON, text)
		assert.Equal(t, canonical, formatScenario(fromJSON), "text → JSON → text")
		assert.Equal(t, string(js), string(mustParse(t, formatScenario(fromJSON)).JSON()), "JSON → text → JSON")
	}
}

func TestScenarioJSONRoundTripRandom(t *testing.T) {
	r := newTestRand()
	for range 300 {
		s := randomScenario(r)
		js := s.JSON()
		require.True(t, json.Valid(js), string(js))
		back := mustFromJSON(t, string(js))
		assert.Equal(t, withoutLines(s), back)
		assert.Equal(t, string(js), string(back.JSON()))
	}
}

func TestScenarioFromJSONErrors(t *testing.T) {
	for _, c := range []struct {
		data string
		want []string
	}{
		{`{"profile": 1}`, []string{"line 1, col 13: profile: expected a string, got 1"}},
		{`{"profile": "Celigo"}`, []string{`line 1, col 13: profile: expected a profile name like "offset" or "celigo", got "Celigo"`}},
		{`{"profle": "x"}`, []string{`line 1, col 2: scenario: unknown member "profle" (expected "profile", "options", "contract", "records", "order", "sort", "seed", "steps", "expect")`}},
		{`[]`, []string{`line 1, col 1: scenario: expected an object with "profile", "options", "contract", "records", "order", "sort", "seed", "steps", "expect", got an array`}},
		{`{"records": 1.5}`, []string{"line 1, col 13: records: expected a whole number, got 1.5"}},
		{`{"records": 1, "records": 2}`, []string{`line 1, col 16: scenario: member "records" appears twice`}},
		{`{"order": "newest"}`, []string{`line 1, col 11: order: expected "newest-first" or "oldest-first", got "newest"`}},
		{`{"sort": "created/x"}`, []string{"line 1, col 10: sort: expected a bucket size after `/` in `sort created/x`, got `x`"}},
		{`{"seed": -1}`, []string{"line 1, col 10: seed: expected a whole number from 0 to 18446744073709551615, got -1"}},
		{`{"options": [["limit"]]}`, []string{`line 1, col 14: options[0]: expected [name, value], two strings, got an array`}},
		{`{"options": [["limit", "5 0"]]}`, []string{"line 1, col 14: options[0]: an option is a name and a value, like [\"limit\", \"50\"], with no white space and no `=` in the name"}},
		{`{"steps": {}}`, []string{"line 1, col 11: steps: expected an array of steps, got an object"}},
		{`{"steps": [1]}`, []string{`line 1, col 12: steps[0]: expected a step, an object like {"next": true}, got 1`}},
		{`{"steps": [{}]}`, []string{`line 1, col 12: steps[0]: expected a step member: one of "request", "next", "prev", "first", "walk", "header", "insert", "delete", "update", "stream", "wait"`}},
		{`{"steps": [{"next": true, "walk": true}]}`, []string{`line 1, col 27: steps[0]: a step does one thing: it has both "next" and "walk"`}},
		{`{"steps": [{"next": false}]}`, []string{"line 1, col 21: steps[0].next: expected true, got false"}},
		{`{"steps": [{"insert": 1, "client": "bob"}]}`, []string{`line 1, col 26: steps[0]: unknown member "client" (expected "insert", "at")`}},
		{`{"steps": [{"next": true, "client": "a b"}]}`, []string{"line 1, col 37: steps[0].client: a client name has letters, digits, `-` and `_` only, got \"a b\""}},
		{`{"steps": [{"walk": {"max": "x"}}]}`, []string{`line 1, col 29: steps[0].walk.max: expected a whole number, got "x"`}},
		{`{"steps": [{"walk": {"cap": 1}}]}`, []string{`line 1, col 29: steps[0].walk.cap: expected true or false, got 1`}},
		{`{"steps": [{"walk": {"pages": 1}}]}`, []string{`line 1, col 22: steps[0].walk: unknown member "pages" (expected "max", "cap")`}},
		{`{"steps": [{"walk": 5}]}`, []string{`line 1, col 21: steps[0].walk: expected an object with "max", "cap", got 5`}},
		{`{"steps": [{"header": ["X"]}]}`, []string{`line 1, col 23: steps[0].header: expected [name, value], two strings, got an array`}},
		{`{"steps": [{"insert": "3"}]}`, []string{`line 1, col 23: steps[0].insert: expected a whole number, got "3"`}},
		{`{"steps": [{"insert": 3, "at": null}]}`, []string{`line 1, col 32: steps[0].at: expected a whole number, got null`}},
		{`{"steps": [{"delete": {"from": 1}}]}`, []string{`line 1, col 23: steps[0].delete: missing member "to"`}},
		{`{"steps": [{"delete": {"id": 1, "to": 2}}]}`, []string{`line 1, col 33: steps[0].delete: unknown member "to" (expected "id")`}},
		{`{"steps": [{"update": {"id": 1}}]}`, []string{`line 1, col 23: steps[0].update: missing member "key"`}},
		{`{"steps": [{"stream": "start"}]}`, []string{`line 1, col 23: steps[0].stream: expected "stop" or {"count": N, "every": T}, got "start"`}},
		{`{"steps": [{"stream": {"count": 1}}]}`, []string{`line 1, col 23: steps[0].stream: missing member "every"`}},
		{`{"steps": [{"wait": true}]}`, []string{`line 1, col 21: steps[0].wait: expected a whole number, got true`}},
		{`{"steps": [{"request": "GET"}]}`, []string{`line 1, col 24: steps[0].request: expected "METHOD TARGET", like "GET /items?page=2" (a body goes in "body"), got "GET"`}},
		{`{"steps": [{"request": "get /x"}]}`, []string{`line 1, col 24: steps[0].request: expected a method (GET, POST, PUT, PATCH, DELETE, HEAD), got ` + "`get`"}},
		{`{"steps": [{"request": "GET /x", "headers": [["X A", "1"]]}]}`, []string{"line 1, col 24: steps[0].request: expected a header name (a word like `X-Session-Id`), got `X A`"}},
		{`{"steps": [{"request": "GET /x", "headers": [["X", " 1"]]}]}`, []string{"line 1, col 24: steps[0].request: header `X`: a value has no line breaks, no white space around it and no ` #` (which starts a comment)"}},
		{`{"steps": [{"request": "GET /x", "headers": {}}]}`, []string{`line 1, col 45: steps[0].headers: expected an array of [name, value] pairs, got an object`}},
		// Every problem is reported, at its line and column.
		{"{\n  \"records\": \"x\",\n  \"steps\": [\n    {\"nxt\": true},\n    {\"next\": true},\n    {\"wait\": -}\n  ]\n}", []string{
			"line 6, col 14: malformed JSON: " + jsonErrText(`{"wait": -}`, 9),
		}},
		{"{\n  \"records\": \"x\",\n  \"steps\": [\n    {\"nxt\": true},\n    {\"next\": true},\n    {\"wait\": \"é\"}\n  ]\n}", []string{
			`line 2, col 14: records: expected a whole number, got "x"`,
			`line 4, col 5: steps[0]: expected a step member: one of "request", "next", "prev", "first", "walk", "header", "insert", "delete", "update", "stream", "wait"`,
			`line 6, col 14: steps[2].wait: expected a whole number, got "é"`,
		}},
	} {
		assert.Equal(t, c.want, jsonDiags(t, c.data), c.data)
	}
}

// jsonErrText is ParseJSON's message for a malformed text, whatever its words.
func jsonErrText(text string, wantOffset int) string {
	_, err := jsonv.Parse(text)
	if je, ok := err.(*jsonv.Error); ok && je.Offset == wantOffset {
		return je.Msg
	}
	return "ParseJSON gave another error: " + err.Error()
}

func TestScenarioFromJSONThenValidate(t *testing.T) {
	withTestProfiles(t)
	// The reader checks what the text parser checks (the ranges of steps),
	// at the step in the JSON; Validate checks the profile's options.
	assert.Equal(t, []string{
		"line 1, col 64: steps[0]: a step inserts from 1 to 1_000_000_000 records, got 0",
		"line 1, col 77: steps[1]: a walk's page limit is from 1 to 100_000, got 0",
	}, jsonDiags(t, `{"profile":"test-profile","options":[["limit","500"]],"steps":[{"insert":0},{"walk":{"cap":true}}]}`))
	s := mustFromJSON(t, `{"profile":"test-profile","options":[["limit","500"]],"steps":[{"insert":1}]}`)
	var pe *ParseError
	require.ErrorAs(t, s.Validate(), &pe)
	require.Len(t, pe.Diags, 1)
	assert.Equal(t, "options[0]: `limit` is from 1 to 100, got 500", pe.Diags[0].Message)
}

// The reader used to accept what the text parser refuses and write it as
// something else: {"delete":{"id":-1}} became `delete at 0`, deleting the
// first record. A step the text would read differently is refused too.
func TestScenarioFromJSONMeansWhatTheTextMeans(t *testing.T) {
	for data, want := range map[string]string{
		`{"steps":[{"delete":{"id":-1}}]}`:                                   "steps[0]: ",
		`{"steps":[{"request":"GET /x","headers":[["X-A","a\n  X-B: b"]]}]}`: "steps[0]",
		`{"steps":[{"header":["X-A","a\u001b[201~"]}]}`:                      "steps[0]: ",
	} {
		d := jsonDiags(t, data)
		require.NotEmpty(t, d, data)
		assert.Contains(t, d[0], want, data)
		t.Log(d[0])
	}
}

func TestBracketsEnd(t *testing.T) {
	for text, want := range map[string]int{
		`{"a":[1,"]}"]} ,`: 14,
		`[1,"\"]"]`:        9,
		`{"a":`:            -1,
	} {
		end, _ := bracketsEnd(text, 0)
		assert.Equal(t, want, end, text)
	}
	end, depth := bracketsEnd(`{"a": [1,`, 0)
	assert.Equal(t, [2]int{-1, 2}, [2]int{end, depth})
	end, _ = bracketsEnd(`2]}`, depth)
	assert.Equal(t, 3, end, "a scan goes on at the depth where the last stopped")
}

func FuzzScenarioFromJSON(f *testing.F) {
	for _, text := range roundTripCorpus {
		if s, err := Parse(text); err == nil {
			f.Add(string(s.JSON()))
		}
	}
	f.Add(`{"steps":[{"request":"POST /x","body":{"a":[1,"]"]}},{"walk":{"max":3,"cap":true}},{"stream":"stop"}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		s, err := ScenarioFromJSON([]byte(data))
		if err != nil {
			return
		}
		js := s.JSON()
		require.True(t, json.Valid(js), string(js))
		back, err := ScenarioFromJSON(js)
		require.NoError(t, err, string(js))
		assert.Equal(t, s, back)
		// Whatever the JSON form accepts, the text can say, unless
		// Validate refuses it.
		if s.Validate() == nil {
			text := formatScenario(s)
			fromText, err := Parse(text)
			require.NoError(t, err, text)
			assert.Equal(t, s, withoutLines(fromText), text)
		}
	})
}

// stepsEqual and sameSetup must compare every field but positions: a field
// added later and left out would let the JSON form mean more than the text.
func TestJSONTextComparesEveryField(t *testing.T) {
	change := func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Int, reflect.Int64:
			v.SetInt(v.Int() + 1)
		case reflect.Uint8, reflect.Uint64:
			v.SetUint(v.Uint() + 1)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		case reflect.Struct:
			v.Field(0).Set(reflect.ValueOf(int64(7)).Convert(v.Field(0).Type()))
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
		default:
			t.Fatalf("no way to change a %v", v.Kind())
		}
	}
	st := reflect.TypeOf(Step{})
	for i := range st.NumField() {
		if st.Field(i).Name == "Line" {
			continue
		}
		a, b := Step{}, Step{}
		change(reflect.ValueOf(&b).Elem().Field(i))
		assert.False(t, stepsEqual(&a, &b), "Step.%s", st.Field(i).Name)
	}
	su := reflect.TypeOf(Setup{})
	for i := range su.NumField() {
		if n := su.Field(i).Name; n == "Line" || n == "Col" {
			continue
		}
		a, b := Setup{}, Setup{}
		change(reflect.ValueOf(&b).Elem().Field(i))
		assert.False(t, sameSetup(&a, &b), "Setup.%s", su.Field(i).Name)
	}
}

// RunJSON runs the JSON form as RunText runs the text, its warnings at the
// step in the JSON they are about.
func TestRunJSONWarnsAtTheStep(t *testing.T) {
	data := "{\"profile\": \"page\", \"records\": 10,\n \"steps\": [{\"walk\": true},\n  {\"request\": \"GET /itms?page=2\"}]}"
	tr, err := RunJSON([]byte(data))
	require.NoError(t, err)
	require.Len(t, tr.Steps, 2)
	assert.Equal(t, 404, tr.Steps[1].Response.Status)
	require.Len(t, tr.Warnings, 1)
	assert.Equal(t, "line 3, col 3: warning: steps[1]: page serves /items, not `/itms`; did you mean `/items`? (the server answers 404)", tr.Warnings[0].String())
	_, err = RunJSON([]byte(`{"profile": "pgae"}`))
	require.Error(t, err)
}

// The problems Validate finds in a JSON form (an unknown profile, option or
// contract knob) are at the member they name, as the reader's own are:
// the value of "profile", the options' first pair, the contract's fourth
// knob. Columns count from 1: `{"profile": ` is 12 characters.
func TestRunJSONPlacesSetupProblems(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`{"profile": "ofset"}`, "line 1, col 13: profile: unknown profile `ofset`; did you mean `offset`?"},
		{"{\"profile\": \"offset\",\n \"options\": [[\"limt\", \"3\"]]}", "line 2, col 14: options[0]: profile `offset` has no option `limt`; did you mean `limit`?"},
		{"{\"contract\": {\"base\": \"cursor\", \"knobs\": [\n  [\"path\", \"/v1/x\"], [\"items\", \"data\"], [\"after\", \"a\"],\n  [\"next.flg\", \"has_more\"]]}}",
			"line 3, col 3: contract.knobs[3]: unknown contract knob `next.flg`; did you mean `next.flag`?"},
	} {
		_, err := RunJSON([]byte(c.data))
		var pe *ParseError
		require.ErrorAs(t, err, &pe, c.data)
		require.NotEmpty(t, pe.Diags)
		assert.True(t, strings.HasPrefix(pe.Diags[0].String(), c.want), "%s\ngot  %s", c.want, pe.Diags[0])
	}
}
