package sim

// A Scenario is what a user writes: the setup (dataset, profile, options) and the
// steps in order. Text and JSON are two spellings of it (Parse, Format,
// ScenarioFromJSON, Scenario.JSON) and they round-trip.
type Scenario struct {
	Setup   Setup
	Steps   []Step
	Expects []Expect // `expect` lines, checked against the trace (Trace.Expectations)
}

// Setup is everything before the first step that shapes the world.
type Setup struct {
	Profile string   // profile name, e.g. "offset", "codefresh"; "" means "offset"
	Options []Option // profile overrides in the order written, e.g. limit=50
	// Contract, when set, is a contract declared in the scenario (a
	// `contract BASE` block); the scenario runs against it instead of Profile.
	Contract *contractDecl
	Records  int64    // initial dataset size, 0 .. 10^12 (maxRecords)
	Order    Order    // NewestFirst (default) or OldestFirst
	Sort     sortSpec // the sort key; default created with id as tiebreaker
	Seed     uint64   // seed for anything random (tie order, streams)
	Line     int      // where the profile line is (0 when absent or built in code)
	Col      int      // where the profile's name starts on that line
}

// Option is one profile override as written: `limit=50`, `max-limit=1000`,
// `over-max=clamp`, `rate=10/60`. Values are kept as text; the profile parses
// them and reports bad values with the option's position.
type Option struct {
	Name, Value string
	Line, Col   int
}

type Order uint8

const (
	NewestFirst Order = iota // newest (highest key) first, as build and image lists are
	OldestFirst
)

// sortSpec says what the list is ordered by. The key of a record is its created
// tick divided by Bucket (1: the created tick itself). With Bucket > 1 many
// records share a key, which is how a scenario shows what a missing
// tiebreaker does. Tiebreak says whether the id breaks ties (`sort created, id`);
// without it, records with equal keys come back in an order the database is free
// to change from one query to the next.
type sortSpec struct {
	Bucket   int64 // >= 1
	Tiebreak bool
}

// defaultSort is `sort created, id`.
var defaultSort = sortSpec{Bucket: 1, Tiebreak: true}

// StepKind says what a Step does.
type StepKind uint8

const (
	StepRequest StepKind = iota + 1 // an HTTP request written out: Method, Target, Headers, Body
	StepNext                        // follow the client's last response to the next page
	StepPrev                        // ... to the previous page
	StepFirst                       // request the first page again
	StepWalk                        // follow next until there is none (MaxPages, Cap)
	StepHeader                      // set (or with Value "" remove) a header the client sends from now on
	StepInsert                      // insert Count records, at the head or at position At
	StepDelete                      // delete by ID, or positions From..To
	StepUpdate                      // give record ID the sort key Key: it moves
	StepStream                      // start a background stream: insert Count every Every ticks; Count 0 stops it
	StepWait                        // advance the clock by Ticks
)

// Step is one line (or one request with its header and body lines) of a
// scenario. Only the fields of its Kind are meaningful; the others are zero.
type Step struct {
	Kind   StepKind
	Line   int    // 1-based line of the step's first line, 0 when built in code
	Client string // "" is the default client; requests, shorthands and header only

	// StepRequest
	Method  string   // GET, POST, ...
	Target  string   // as written: /workflow?page=2 or https://host/v1/x?limit=100
	Headers []Header // lines under the request, for this request only
	Body    string   // raw JSON text of the body, "" if none

	// StepWalk: stop after MaxPages pages (0: no limit). With Cap, running out
	// of pages while a next page still exists is an error, like a CLI that
	// "auto-paginates up to 50 pages and errors out if more are needed".
	MaxPages int
	Cap      bool

	// StepHeader
	Name, Value string

	// StepInsert: Count records; At is the position (0-based, counted from the
	// head of the list in its order) or -1 for "new records" (the head of a
	// newest-first list, the tail of an oldest-first one).
	// StepStream: Count records every Every ticks.
	Count int64
	At    int64
	Every int64

	// StepDelete: ID > 0 deletes that record; otherwise positions From..To
	// (inclusive, 0-based). StepUpdate: ID and Key.
	ID       int64
	From, To int64
	Key      int64

	// StepWait
	Ticks int64
}

// Header is one HTTP header line. Order is kept everywhere.
type Header struct {
	Name, Value string
}

// Limits checked before any work starts (Validate). They keep a browser tab
// responsive whatever is typed or linked.
const (
	maxRecords   = int64(1_000_000_000_000) // initial dataset size
	maxSteps     = 100_000                  // steps written in a scenario
	MaxRequests  = 20_000                   // requests executed, walks expanded (a walk chasing a stream stops here)
	maxPageSize  = 10_000                   // any profile's page size ceiling
	maxInsert    = int64(1_000_000_000)     // records one insert or stream tick adds
	maxTicks     = int64(1_000_000_000_000) // total simulated time
	maxBucket    = int64(1_000_000)
	maxWalkPages = 100_000
)
