package sim

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withoutLines returns a copy of s with every position zeroed: what Format
// cannot keep.
func withoutLines(s *Scenario) *Scenario {
	c := *s
	c.Setup.Line, c.Setup.Col = 0, 0
	c.Setup.Options = append([]Option(nil), s.Setup.Options...)
	for i := range c.Setup.Options {
		c.Setup.Options[i].Line, c.Setup.Options[i].Col = 0, 0
	}
	c.Steps = append([]Step(nil), s.Steps...)
	for i := range c.Steps {
		c.Steps[i].Line = 0
	}
	return &c
}

// roundTripCorpus is scenarios in every line kind and spelling; text, JSON and
// format tests all run over it.
var roundTripCorpus = []string{
	"",
	"GET /items\n",
	"profile codefresh\nrecords 500\nGET /workflow?page=1\nGET /workflow?page=2\nGET /workflow?page=1\nGET /workflow?page=4\n",
	"profile codefresh\nrecords 1_000\n@ci1 header X-Pagination-Session-Id: wf1+step1\n@ci2 header X-Pagination-Session-Id: wf2+step1\n@ci1 GET /workflow?page=1\n@ci2 GET /workflow?page=1\n@ci1 next\n@ci2 next\n@ci1 header X-Pagination-Session-Id:\n",
	"profile celigo limit=100\nrecords 10k\norder oldest-first\nsort created/60, id\nseed 7\nGET https://api.integrator.io/v1/integrations?limit=100\n  Authorization: Bearer t\n  X-Empty:\nwalk cap 50\n",
	"profile celigo-errors\nrecords 437\nGET /v1/flows/{flowId}/errors?pageSize=100\nwalk\nprev\nfirst\nwalk max 2\n",
	"sort created\nrecords 1m\ninsert 3\ninsert 2 at 5\ndelete id 7\ndelete at 4\ndelete at 2..5\nupdate id 3 key 99\nupdate id 4 key -2\nstream 1 every 3\nwait 10\nstream stop\n",
	"records 1_500_000\n@a next\n@b prev\n@c first\n",
	"records 2b\nsort created/5\nGET /x?offset=10&limit=5#frag\n",
	"profile flashduty\nrecords 25k\nPOST /incident/list {\"p\": 1, \"limit\": 20}\nPOST /incident/list\n  X-A: 1\n  {\n    \"p\": 2,\n    \"limit\": 20\n  }\n",
	"profile flashduty-cursor\nPOST /alert/list {\"limit\":100,\"search_after_ctx\":\"658bcbae6ab5a67b3b800230\"}\n  X-A: <&>\n@bob POST /x [1, {\"a\": [true, null, \"\\u00e9 # x\"]}]\n",
}

func TestFormatCanonical(t *testing.T) {
	s := mustParse(t, `# a comment
  profile   celigo   limit=100
sort created ,id
records 10000
order newest-first

	@default   walk max 3   # three pages
@bob   GET   /x?page=1
	X-A:   1
header X-B:
delete at 3 .. 3
delete at 3 ..4
stream 2 every 1
`)
	assert.Equal(t, `profile celigo limit=100
records 10k

walk max 3
@bob GET /x?page=1
  X-A: 1
header X-B:
delete at 3
delete at 3..4
stream 2 every 1
`, formatScenario(s))

	assert.Equal(t, "profile offset\n", formatScenario(&Scenario{Setup: Setup{Sort: defaultSort}}), "the profile line is always written")
	assert.Equal(t, "profile offset\nrecords 999\norder oldest-first\nsort created/60\nseed 3\n",
		formatScenario(&Scenario{Setup: Setup{Records: 999, Order: OldestFirst, Sort: sortSpec{Bucket: 60}, Seed: 3}}))
	assert.Equal(t, "profile offset\n\nPOST /x {\"p\": 1}\n",
		formatScenario(&Scenario{Setup: Setup{Sort: defaultSort}, Steps: []Step{{Kind: StepRequest, Method: "POST", Target: "/x", Body: "{\n \"p\": 1\n}"}}}),
		"a body built with line breaks is written on one line")
}

func TestFmtCount(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0", 999: "999", 1000: "1k", 1500: "1_500", 10_000: "10k", 999_000: "999k", 1_000_000: "1m",
		1_500_000: "1_500_000", 2_000_000_000: "2b", 1_000_000_000_000: "1_000_000_000_000",
	} {
		assert.Equal(t, want, fmtCount(n))
		assert.Equal(t, n, mustParse(t, "records "+want).Setup.Records, want)
	}
	assert.Equal(t, "-1_000", fmtNumber(-1000))
	assert.Equal(t, "-100", fmtNumber(-100))
}

// checkFormatRoundTrip checks Parse(formatScenario(s)) == s but for lines, and that
// formatting is stable.
func checkFormatRoundTrip(t *testing.T, s *Scenario) {
	t.Helper()
	text := formatScenario(s)
	back, err := Parse(text)
	require.NoError(t, err, "reparsing:\n%s", text)
	assert.Equal(t, withoutLines(s), withoutLines(back), "round trip of:\n%s", text)
	assert.Equal(t, text, formatScenario(back), "formatting is stable")
}

func TestFormatRoundTrip(t *testing.T) {
	for _, text := range roundTripCorpus {
		checkFormatRoundTrip(t, mustParse(t, text))
	}
}

// randomScenario builds a valid scenario with random values in every field a
// step kind uses, bodies aside.
func randomScenario(r *rand.Rand) *Scenario {
	n := func(max int64) int64 { return r.Int64N(max) }
	pick := func(list ...string) string { return list[r.IntN(len(list))] }
	s := &Scenario{Setup: Setup{
		Profile: pick("offset", "page", "codefresh", "celigo-errors"),
		Records: []int64{0, n(1000), n(maxRecords + 1), 25_000, 3_000_000}[r.IntN(5)],
		Order:   Order(r.IntN(2)),
		Sort:    sortSpec{Bucket: 1 + n(maxBucket), Tiebreak: r.IntN(2) == 0},
		Seed:    r.Uint64(),
	}}
	if r.IntN(3) == 0 {
		s.Setup.Sort.Bucket = 1
	}
	for range r.IntN(3) {
		s.Setup.Options = append(s.Setup.Options, Option{Name: pick("limit", "max-limit", "over-max"), Value: pick("1", "clamp", "10/60")})
	}
	client := func() string { return pick("", "", "bob", "ci-1", "A_b") }
	for range r.IntN(30) {
		st := Step{Kind: StepKind(1 + r.IntN(int(StepWait)))}
		switch st.Kind {
		case StepRequest:
			st.Client = client()
			st.Method = pick(methods...)
			st.Target = pick("/items", "/workflow?page=-1", "https://h/v1/x?limit=100&skip=0", "/x?page=2&per_page=5&offset=0&pageSize=9")
			for range r.IntN(3) {
				st.Headers = append(st.Headers, Header{pick("X-A", "Authorization", "x_y"), pick("", "1", "Bearer a b")})
			}
		case StepNext, StepPrev, StepFirst:
			st.Client = client()
		case StepWalk:
			st.Client = client()
			if r.IntN(2) == 0 {
				st.MaxPages = 1 + r.IntN(maxWalkPages)
				st.Cap = r.IntN(2) == 0
			}
		case StepHeader:
			st.Client = client()
			st.Name = pick("X-Pagination-Session-Id", "A")
			st.Value = pick("", "abc", "wf1+step 2")
		case StepInsert:
			st.Count = 1 + n(maxInsert)
			st.At = -1
			if r.IntN(2) == 0 {
				st.At = n(1e12)
			}
		case StepDelete:
			if r.IntN(2) == 0 {
				st.ID = 1 + n(1e12)
			} else {
				st.From = n(1e6)
				st.To = st.From + n(3)
			}
		case StepUpdate:
			st.ID = 1 + n(1e9)
			st.Key = n(1e12) - 5e11
		case StepStream:
			if r.IntN(3) > 0 {
				st.Count = 1 + n(maxInsert)
				st.Every = 1 + n(maxTicks)
			}
		case StepWait:
			st.Ticks = 1 + n(1e6)
		}
		s.Steps = append(s.Steps, st)
	}
	return s
}

func newTestRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

func TestFormatRoundTripRandom(t *testing.T) {
	r := newTestRand()
	for i := range 500 {
		s := randomScenario(r)
		t.Run(strconv.Itoa(i), func(t *testing.T) { checkFormatRoundTrip(t, s) })
	}
}

func FuzzParse(f *testing.F) {
	for _, text := range roundTripCorpus {
		f.Add(text)
	}
	f.Add("GET /x {\"a\":\n")
	f.Add("delete at 1..\n@\n\t{")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Parse(text)
		if err != nil {
			for _, d := range err.(*ParseError).Diags {
				if d.Line < 1 || d.Col < 1 || d.EndCol != 0 && d.EndCol <= d.Col {
					t.Fatalf("bad position %+v for:\n%q", d, text)
				}
			}
			return
		}
		checkFormatRoundTrip(t, s)
	})
}
