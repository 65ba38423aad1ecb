package sim

import (
	"strconv"

	"pagingplayground/internal/reqtarget"
)

// Validate checks a parsed scenario against the profiles and the limits
// before any work starts. Problems are a *ParseError.
func (s *Scenario) Validate() error { return validate(s) }

// Run validates and executes a scenario and returns its trace. A refused
// request is part of the trace, not an error.
func Run(s *Scenario) (*Trace, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	t := execute(s)
	t.Expectations = evaluate(s.Expects, t)
	displayTrace(t)
	return t, nil
}

// Compare runs the scenario once per profile, each with the profile's own
// defaults (the scenario's profile options are dropped), for side-by-side
// views. Scenarios that navigate with next/prev/first/walk compare best: a
// request written for one contract means little to another.
func Compare(s *Scenario, names []string) ([]*Trace, error) {
	out := make([]*Trace, 0, len(names))
	for _, name := range names {
		c := *s
		c.Setup.Profile = name
		c.Setup.Options = nil
		t, err := Run(&c)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// engine runs one scenario. Everything it does is a function of the scenario:
// no clock, no randomness but the seeded kind, no map iteration in output.
type engine struct {
	s       *Scenario
	prof    *Profile
	srv     server
	opts    *options
	w       world
	d       *listData
	t       *Trace
	clients []*client
	walks   []*walk
	graves  []grave // deleted runs, in deletion order

	stream struct {
		count, every, next int64 // next: tick of the next batch; count 0: off
	}
	rate struct {
		limit, window int64
		sent          []int64 // ticks of the requests in the current window
	}
	requests int
	aborted  bool   // the run stopped at a limit or a budget (stop)
	stopWhy  string // why, for the walks it leaves open
	line     int    // the scenario line of the step running, 0 for a live request
	spent    spent  // what the run has used of its budgets (budget.go)
	rel      string // "next", "prev" or "first" while a client follows its last response

	openWalks int // clients with a walk open
}

type client struct {
	name     string
	headers  headerList // sent with every request
	lastReq  *request   // the last request answered 2xx, which next/prev follow
	lastResp *response
	walk     int         // open walk, -1 if none
	served   *offsetPage // the last offset-style page it was served (response.Served)
	session  *pageSpan   // the session pages its walk has covered since its last page 1
	// onward: its last page went on from the one before by its own
	// arithmetic; ended: its last walk, when that one ended complete (-1 if
	// not). A client that asks on past the end it was told of continues
	// that walk, and what it is served counts in it (see walkRole).
	onward bool
	ended  int
}

// pageSpan is the pages lo..hi of a session cursor.
type pageSpan struct{ lo, hi int64 }

type grave struct {
	run
	tick int64
}

// resolveOptions merges the scenario's overrides into the profile's defaults.
func resolveOptions(p *Profile, set []Option) *options {
	o := &options{specs: p.Options, vals: make([]string, len(p.Options))}
	for i, s := range p.Options {
		o.vals[i] = s.Default
	}
	for _, x := range set {
		for i, s := range p.Options {
			if s.Name == x.Name {
				o.vals[i] = x.Value
			}
		}
	}
	return o
}

func execute(s *Scenario) *Trace {
	e := newEngine(s)
	for i := range s.Steps {
		if e.aborted {
			break
		}
		e.step(&s.Steps[i])
	}
	e.finish()
	return e.t
}

// newEngine sets up the world, the server and an empty trace for s. A whole
// run (execute) and a live session (Live) share it.
func newEngine(s *Scenario) *engine {
	p, _ := scenarioProfile(&s.Setup)
	sortKey := s.Setup.Sort
	if sortKey.Bucket < 1 {
		sortKey.Bucket = 1
	}
	e := &engine{s: s, prof: p, opts: resolveOptions(p, s.Setup.Options)}
	e.d = newDataset(s.Setup.Records, sortKey.Bucket, s.Setup.Seed)
	e.w = world{data: e.d, now: s.Setup.Records, seed: s.Setup.Seed, order: s.Setup.Order, sort: sortKey}
	e.srv = p.newServer(e.opts)
	e.rate.limit, e.rate.window = e.opts.Int("rate-limit"), max(1, e.opts.Int("rate-window"))
	e.t = &Trace{Profile: p.Name, Vendor: p.Vendor, Setup: TraceSetup{
		Records: s.Setup.Records, Order: orderName(s.Setup.Order), Sort: sortName(sortKey),
		Seed: s.Setup.Seed, Rules: p.Rules,
	}}
	e.t.Steps = make([]TraceStep, 0, len(s.Steps)+16)
	for i, spec := range p.Options {
		e.t.Setup.Options = append(e.t.Setup.Options, Option{Name: spec.Name, Value: e.opts.vals[i]})
	}
	return e
}

// finish closes the walks still open when the scenario ends and sums up.
func (e *engine) finish() {
	for _, c := range e.clients {
		why := "the scenario ended before the walk reached the end"
		if e.aborted {
			why = e.stopWhy
		} else if c.walk >= 0 {
			if steps := e.walks[c.walk].steps; len(steps) > 0 && !e.t.Steps[steps[len(steps)-1]].Accepted {
				why = "its last request was refused (" + strconv.Itoa(e.t.Steps[steps[len(steps)-1]].Response.Status) + ")"
			}
		}
		e.closeWalk(c, false, why)
	}
	e.summarise()
}

func orderName(o Order) string {
	if o == OldestFirst {
		return "oldest-first"
	}
	return "newest-first"
}

func sortName(k sortSpec) string {
	s := "created"
	if k.Bucket > 1 {
		s += "/" + strconv.FormatInt(k.Bucket, 10)
	}
	if k.Tiebreak {
		s += ", id"
	}
	return s
}

func (e *engine) client(name string) *client {
	if name == "" {
		name = "default"
	}
	for _, c := range e.clients {
		if c.name == name {
			return c
		}
	}
	c := &client{name: name, walk: -1, ended: -1}
	e.clients = append(e.clients, c)
	return c
}

// advance moves the clock, letting the background stream insert what falls due.
func (e *engine) advance(dt int64) {
	end := addSat(e.w.now, dt)
	if e.stream.count > 0 && e.stream.next <= end {
		var batches, total int64
		first := int64(-1)
		for e.stream.next <= end {
			if !e.charge(0, 0, 0, streamBatchWork) {
				return
			}
			e.w.now = e.stream.next
			id, _ := e.d.insert(e.stream.count, e.w.now, false, 0)
			if first < 0 {
				first = id
			}
			batches++
			total += e.stream.count
			e.stream.next = addSat(e.stream.next, e.stream.every)
			if batches >= 100_000 { // a wait of 10^9 ticks with a stream every tick
				e.stream.next = addSat(end, 1)
			}
		}
		text := "the stream inserted " + plural(total, "record") + ": " + idRange(first, total)
		if batches > 1 {
			text = "the stream inserted " + plural(total, "record") + " in " + strconv.FormatInt(batches, 10) + " batches: " + idRange(first, total)
		}
		e.w.now = end
		e.addMutation("insert", 0, "stream", text, e.w.Position(first+total-1), total)
		return
	}
	e.w.now = end
}

// addMutation records a step that sent no request, and returns it (nil when
// the run has stopped at a budget).
func (e *engine) addMutation(kind string, line int, source, text string, at, count int64) *TraceStep {
	if !e.charge(0, 1, int64(len(source)+len(text)), 1) {
		return nil
	}
	e.t.Steps = append(e.t.Steps, TraceStep{
		Index: len(e.t.Steps), Line: line, Tick: e.w.now, Kind: kind, Source: source,
		Size: e.d.Len(), Walk: -1, Text: text, At: at, Count: count, Position: -1,
	})
	return &e.t.Steps[len(e.t.Steps)-1]
}

func (e *engine) step(st *Step) {
	e.line = st.Line
	if st.Kind == StepWait {
		e.advance(st.Ticks)
		e.addMutation("wait", st.Line, stepText(st), "the clock moved "+plural(st.Ticks, "tick"), -1, 0)
		return
	}
	e.advance(1)
	src := stepText(st)
	switch st.Kind {
	case StepRequest:
		c := e.client(st.Client)
		req, err := e.newRequest(c, st.Method, st.Target, st.Headers, st.Body)
		if err != nil {
			e.clientNote(c, st.Line, src, "the request was not sent: "+err.Error())
			return
		}
		e.send(c, req, st.Line, src)
	case StepNext, StepPrev, StepFirst:
		c := e.client(st.Client)
		rel := "next"
		if st.Kind == StepPrev {
			rel = "prev"
		} else if st.Kind == StepFirst {
			rel = "first"
		}
		e.follow(c, rel, st.Line, src)
	case StepWalk:
		e.walkStep(e.client(st.Client), st)
	case StepHeader:
		c := e.client(st.Client)
		c.headers.set(st.Name, st.Value)
		text := c.name + " sends " + st.Name + ": " + st.Value + " from now on"
		if st.Value == "" {
			text = c.name + " no longer sends " + st.Name
		}
		if ts := e.addMutation("header", st.Line, src, text, -1, 0); ts != nil {
			ts.Client = c.name
		}
	case StepInsert:
		e.insert(st, src)
	case StepDelete:
		e.delete(st, src)
	case StepUpdate:
		e.update(st, src)
	case StepStream:
		e.stream.count, e.stream.every = st.Count, max(1, st.Every)
		e.stream.next = e.w.now + e.stream.every
		verb := " arrive every "
		if st.Count == 1 {
			verb = " arrives every "
		}
		text := "from now on " + plural(st.Count, "record") + verb + plural(st.Every, "tick")
		if st.Count == 0 {
			text = "the stream stopped"
		}
		e.addMutation("stream", st.Line, src, text, -1, 0)
	}
}

// newRequest builds a request as client c sends it: its own headers first,
// then the request's, which replace client headers of the same name.
func (e *engine) newRequest(c *client, method, target string, hs []Header, body string) (*request, error) {
	path, q, err := reqtarget.Parse(target)
	if err != nil {
		return nil, err
	}
	req := &request{Client: c.name, Method: method, Target: target, Path: path, Query: q, Body: body}
	req.Header = mergeHeaders(c.headers.list(), hs)
	return req, nil
}

// clientNote records something that happened on the client without a request
// being sent: nothing to follow, a walk cap reached.
//
//go:noinline
func (e *engine) clientNote(c *client, line int, src, text string) {
	if ts := e.addMutation("client", line, src, text, -1, 0); ts != nil {
		ts.Client = c.name
	}
}

// send delivers one request and records the exchange.
func (e *engine) send(c *client, req *request, line int, src string) *response {
	e.requests++
	if e.requests > MaxRequests {
		e.stop(StoppedRequests, "its limit of "+grouped(MaxRequests)+" requests")
		return nil
	}
	req.Line = line
	resp := e.limit()
	if resp == nil {
		resp = e.srv.Serve(&e.w, req)
	}
	if resp.IDName == "" {
		resp.IDName = "id"
	}
	text := len(req.Target) + len(req.Body) + len(src)
	if !e.charge(int64(len(resp.Items)), 1, int64(text)+headersSize(req.Header)+headersSize(resp.Header),
		int64(1+len(resp.Items)+len(req.Header)+len(e.rate.sent))) {
		return nil
	}
	accepted := resp.Status >= 200 && resp.Status < 300 && !resp.Refused
	if s := resp.Served; s != nil && accepted {
		var why string
		resp.Walk, why = c.role(req.Path, s, e.rel)
		resp.Reason = join(resp.Reason, why)
	}
	// One allocation for both halves of the exchange; the ids returned are
	// kept as runs (idList), and the response as what rebuilds its body.
	ids := idListOf(resp.Items)
	x := &struct {
		req  TraceRequest
		resp TraceResponse
	}{TraceRequest{Method: req.Method, URL: req.Target, Header: req.Header, Body: req.Body},
		TraceResponse{Status: resp.Status, Header: resp.Header, bare: resp.Bare, itemsKey: resp.ItemsKey,
			idName: resp.IDName, idString: resp.IDString, fields: resp.Fields, ids: ids,
			moved: e.d.notAsCreated(resp.Items), data: e.d}}
	ts := TraceStep{
		Index: len(e.t.Steps), Line: line, Tick: e.w.now, Kind: "request", Client: c.name, Source: src,
		Request:  &x.req,
		Response: &x.resp,
		Accepted: accepted,
		Reason:   resp.Reason, Interp: resp.Interp, Total: resp.Total, HasNext: resp.HasNext,
		Cost: resp.Cost, Walk: -1, Position: resp.Position, At: -1, ids: ids,
	}
	e.t.Steps = append(e.t.Steps, ts)
	e.track(c, len(e.t.Steps)-1, resp)
	e.t.Steps[len(e.t.Steps)-1].Size = e.d.Len()
	if ts.Accepted && !resp.aside {
		// The client follows only its last response, which the trace does
		// not keep (TraceResponse.Body rebuilds a body from its ids).
		c.lastReq, c.lastResp = req, resp
	}
	return resp
}

// limit answers 429 when the optional rate limit is exhausted.
func (e *engine) limit() *response {
	if e.rate.limit <= 0 {
		return nil
	}
	keep := e.rate.sent[:0]
	for _, t := range e.rate.sent {
		if t > e.w.now-e.rate.window {
			keep = append(keep, t)
		}
	}
	e.rate.sent = keep
	if int64(len(keep)) < e.rate.limit {
		e.rate.sent = append(e.rate.sent, e.w.now)
		return nil
	}
	retry := keep[0] + e.rate.window - e.w.now
	msg := "rate limit: " + plural(e.rate.limit, "request") + " per " + plural(e.rate.window, "tick") + "; retry after " + plural(retry, "tick")
	// Retry-After counts ticks, as every time in a scenario does (the HTTP
	// header counts seconds; the simulator has no seconds).
	why := msg + " (Retry-After: " + strconv.FormatInt(retry, 10) + " counts ticks of the simulator's clock, not seconds)"
	return &response{
		Status: 429, Header: []Header{{"Retry-After", strconv.FormatInt(retry, 10)}},
		Fields: []bodyField{{"error", strVal(msg)}}, Reason: why, Position: -1,
		Total: TotalReport{Kind: "absent", True: e.d.Len()}, HasNext: NextReport{Kind: "none"},
	}
}

// follow sends the request the client's last response offers for rel.
func (e *engine) follow(c *client, rel string, line int, src string) (*response, bool) {
	if c.lastReq == nil && rel != "first" {
		e.clientNote(c, line, src, c.name+" has no page to follow yet: send a request or `first` before `"+rel+"`")
		return nil, false
	}
	req, ok, why := e.srv.Follow(c.lastReq, c.lastResp, rel)
	if !ok {
		e.clientNote(c, line, src, why)
		if rel == "next" {
			// The client sees no next page, whatever the server's flag says
			// (a client trusting a capped total): as far as it knows, the
			// walk is complete, and what it never saw it missed. why is the
			// client's own reason; it is not "no next page" when the
			// response offered one.
			e.closeWalk(c, true, why)
		}
		return nil, false
	}
	req.Client = c.name
	req.Header = withClientHeaders(c.headers.list(), req.Header)
	e.rel = rel
	resp := e.send(c, req, line, src)
	e.rel = ""
	return resp, true
}

// role is the simulator's bookkeeping of walks, not part of any contract:
// whether what a server reports it served (s, at path) continues client c's
// walk, starts a new one, or re-reads ground it has covered; why says so
// when it is not what the client would expect. rel is how the client asked
// ("next", "prev", "first", or "" for a request written out).
func (c *client) role(path string, s *servedPage, rel string) (walkRel, string) {
	switch {
	case s.Start:
		return walkFirst, ""
	case s.Cursor:
		return walkContinue, "" // a cursor names a place in the walk that issued it
	case s.Session:
		return c.sessionRole(s.Page)
	}
	var prev offsetPage
	ok := c.served != nil
	if ok {
		prev = *c.served
	}
	cur := offsetPage{path, s.Offset, s.Limit, s.Offset, s.Limit}
	if s.Asked > 0 {
		cur.asked = s.Asked
	}
	if s.Step > 0 {
		cur.step = s.Step
	}
	if !ok {
		c.served = new(offsetPage) // one per client, overwritten by each page
	}
	*c.served = cur
	role, why := walkRole(prev, ok, cur, rel, s.at)
	end := prev.offset + prev.limit
	c.onward = role == walkContinue && cur.asked > prev.asked
	if c.onward && s.Valid != "" && prev.step > prev.limit && cur.offset > end {
		why = "the walk goes on from there, and the records from " + s.at(end) + " up to it are never read"
	}
	if why != "" {
		why = s.Valid + why
	}
	return role, why
}

// sessionRole says whether page of a session cursor extends the client's
// walk: page 1 starts one, a page beyond those covered since extends it
// (either way: Codefresh's negative pages are new ground too), a page among
// them re-reads.
func (c *client) sessionRole(page int64) (walkRel, string) {
	cw := c.session
	switch {
	case page == 1:
		c.session = &pageSpan{1, 1}
		return walkFirst, ""
	case cw == nil:
		c.session = &pageSpan{page, page}
	case page > cw.hi:
		cw.hi = page
	case page < cw.lo:
		cw.lo = page
	default:
		return walkNone, "page " + itoa(page) + " goes back over pages this client's walk has seen"
	}
	return walkContinue, ""
}

// walkStep follows next until there is none, a page cap, or a refusal. A 429
// is waited out (Retry-After) and retried, as a polite client does.
func (e *engine) walkStep(c *client, st *Step) {
	src := stepText(st)
	pages := 0 // the walk's pages: a cap counts those read before this step too
	rel := "next"
	if c.walk < 0 {
		rel = "first" // no walk open: start a new pass from the first page
	} else {
		pages = e.walks[c.walk].pages
	}
	for !e.aborted {
		if st.MaxPages > 0 && pages >= st.MaxPages {
			if _, more, _ := e.srv.Follow(c.lastReq, c.lastResp, "next"); more && c.walk >= 0 {
				if st.Cap {
					msg := "the walk needed more than " + plural(int64(st.MaxPages), "page") + ": a client with this cap errors out here"
					if e.prof.Vendor == "Celigo" {
						msg += " (Celigo's CLI \"auto-paginates up to 50 pages\" and errors out if more are needed)"
					}
					e.clientNote(c, st.Line, src, msg)
					e.t.Summary.Errors = append(e.t.Summary.Errors, "line "+strconv.Itoa(st.Line)+": "+msg)
					e.closeWalk(c, false, "the client's page cap was reached with pages left")
				} else {
					e.clientNote(c, st.Line, src, "stopped after "+plural(int64(st.MaxPages), "page")+" as asked; more pages remain")
				}
			}
			return
		}
		resp, sent := e.follow(c, rel, st.Line, src)
		if !sent || resp == nil {
			return
		}
		if resp.Status == 429 {
			retry, _ := strconv.ParseInt(firstHeader(resp.Header, "Retry-After"), 10, 64)
			e.advance(max(1, retry))
			continue
		}
		pages++
		if resp.Status < 200 || resp.Status >= 300 {
			// A refusal ends the loop, as it would a client's; the walk stays
			// open, so the scenario can go on with it another way (a cursor
			// past Flashduty's 10,000 window).
			return
		}
		if c.walk < 0 {
			return // the last page closed the walk
		}
		rel = "next"
		e.advance(1)
	}
}

func firstHeader(hs []Header, name string) string {
	for _, h := range hs {
		if equalFoldASCII(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

func (e *engine) insert(st *Step, src string) {
	n := e.d.Len()
	if st.At < 0 {
		first, rank := e.d.insert(st.Count, e.w.now, false, 0)
		pos := e.w.toPos(rank, st.Count)
		where := "at the head"
		if e.w.order == OldestFirst {
			where = "at the end"
		}
		atEdge := pos == 0 // new records go to the head of a newest-first list
		if e.w.order == OldestFirst {
			atEdge = pos+st.Count == e.d.Len() // and to the end of an oldest-first one
		}
		if !atEdge { // an update gave some record a key above the clock
			where = "at position " + strconv.FormatInt(pos, 10)
		}
		e.addMutation("insert", st.Line, src, "inserted "+plural(st.Count, "record")+" "+where+": "+idRange(first, st.Count), pos, st.Count)
		return
	}
	p := min(st.At, n)
	// The new records take the key of the record that will precede them in
	// ascending (key, id) order; being newer (higher ids) they sort right
	// after it. Inside a run of equal keys they land at the run's edge.
	pred := p - 1
	if e.w.order == NewestFirst {
		pred = n - 1 - p
	}
	var key int64
	switch {
	case n == 0:
		key = floorDiv(e.w.now, e.d.bucket)
	case pred < 0:
		key = e.d.at(0).Key - 1
	default:
		key = e.d.at(pred).Key
	}
	first, rank := e.d.insert(st.Count, e.w.now, true, key)
	pos := e.w.toPos(rank, st.Count)
	text := "inserted " + plural(st.Count, "record") + " at position " + strconv.FormatInt(pos, 10) + ": " + idRange(first, st.Count)
	if pos != st.At {
		text += " (asked for " + strconv.FormatInt(st.At, 10) + "; equal keys put them at the edge of their run)"
	}
	e.addMutation("insert", st.Line, src, text, pos, st.Count)
}

func (e *engine) delete(st *Step, src string) {
	if st.ID > 0 {
		if !e.d.live(st.ID) {
			e.addMutation("delete", st.Line, src, "record "+strconv.FormatInt(st.ID, 10)+" does not exist: nothing deleted", -1, 0)
			return
		}
		pos := e.w.Position(st.ID)
		r := e.d.rankOfID(st.ID)
		e.bury(e.d.remove(r, r+1))
		e.addMutation("delete", st.Line, src, "deleted record "+strconv.FormatInt(st.ID, 10)+" at position "+strconv.FormatInt(pos, 10), pos, 1)
		return
	}
	n := e.d.Len()
	from, to := st.From, min(st.To, n-1)
	if from > to {
		e.addMutation("delete", st.Line, src, "no record at position "+strconv.FormatInt(st.From, 10)+" (the list has "+plural(n, "record")+"): nothing deleted", -1, 0)
		return
	}
	lo, hi := from, to+1
	if e.w.order == NewestFirst {
		lo, hi = n-1-to, n-from
	}
	gone := e.d.remove(lo, hi)
	e.bury(gone)
	count := to - from + 1
	text := "deleted record " + strconv.FormatInt(gone[0].lo, 10) + " at position " + strconv.FormatInt(from, 10)
	if count > 1 {
		text = "deleted " + plural(count, "record") + " at positions " + strconv.FormatInt(from, 10) + "–" + strconv.FormatInt(to, 10)
	}
	e.addMutation("delete", st.Line, src, text, from, count)
}

func (e *engine) bury(gone []run) {
	// Each walk open now reads these graves when it closes (report).
	e.charge(0, 0, 0, int64(len(gone)*e.openWalks)*graveWork)
	for _, g := range gone {
		e.graves = append(e.graves, grave{run: g, tick: e.w.now})
	}
}

func (e *engine) update(st *Step, src string) {
	if !e.d.live(st.ID) {
		e.addMutation("update", st.Line, src, "record "+strconv.FormatInt(st.ID, 10)+" does not exist: nothing updated", -1, 0)
		return
	}
	old := e.d.record(st.ID)
	from := e.w.Position(st.ID)
	e.d.setKey(st.ID, st.Key)
	e.t.moved = append(e.t.moved, idAt{st.ID, len(e.t.Steps)})
	to := e.w.Position(st.ID)
	text := "record " + strconv.FormatInt(st.ID, 10) + " moved from position " + strconv.FormatInt(from, 10) + " to " + strconv.FormatInt(to, 10) +
		" (key " + strconv.FormatInt(old.Key, 10) + " → " + strconv.FormatInt(st.Key, 10) + ")"
	e.addMutation("update", st.Line, src, text, to, 1)
}

func (e *engine) summarise() { e.summariseInto(e.t) }

// summariseInto counts t's steps and walks into t.Summary (which it adds to).
func (e *engine) summariseInto(t *Trace) {
	s := &t.Summary
	for _, st := range t.Steps {
		if st.Kind != "request" {
			continue
		}
		s.Requests++
		s.Rows += st.Cost.Rows
		if st.Accepted {
			s.Accepted++
		} else {
			s.Refused++
		}
	}
	s.Walks = len(t.Walks)
	for _, w := range t.Walks {
		s.Unreached += w.Unreached
		switch w.Outcome {
		case WalkConsistent:
			s.Consistent++
		case WalkRefused:
			s.RefusedWalks++
		}
	}
	s.FinalSize = e.d.Len()
}

func plural(n int64, word string) string {
	s := count(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}

// count writes a count as people read it, digits grouped by commas:
// 10,101. (fmtNumber writes numbers as the scenario language does: 10_101.)
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	b := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		b = append(b, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// idRange writes ids first..first+n-1 as "id 7" or "ids 7–9".
func idRange(first, n int64) string {
	if n == 1 {
		return "id " + strconv.FormatInt(first, 10)
	}
	return "ids " + strconv.FormatInt(first, 10) + "–" + strconv.FormatInt(first+n-1, 10)
}
