package sim

import (
	"errors"
	"strconv"
	"strings"
)

// A Live session serves requests one at a time as they arrive, instead of
// running a scenario's own requests all at once: `pagesim serve -api` answers
// real HTTP clients with it, and the page's client pane answers the fetch
// calls of code a user wrote. It is the same engine as Run, so a live request
// is judged exactly as a scenario's request would be: it is a request step of
// its client, it opens, continues and closes that client's walks, and the
// report is a Trace.
//
// The clock. Every live request takes one tick. The scenario's steps are a
// script played on the same clock: they run in order, each taking its tick
// as in a whole run, as soon as the clock allows, and `wait N` holds the rest
// of the script back until N more ticks have passed, that is, until N live
// requests have been served. So
//
//	profile offset
//	records 50
//	wait 1     # let the client's first request through
//	insert 5   # then five records arrive at the head
//
// inserts the five records between the client's first and second requests.
// A `stream` keeps inserting on the clock as the requests advance it. Request
// steps in the script (GET, next, walk) run too, as requests of their own
// clients. A Live session is not safe for concurrent use.
type Live struct {
	e        *engine
	next     int            // the next script step
	resumeAt int64          // the tick a `wait` holds the script until
	sent     map[string]int // live requests per client, for their origin
}

// MaxLiveClients is how many distinct clients one live session tells apart.
const MaxLiveClients = 64

// ErrLiveLimit is returned once a live session has served MaxRequests
// requests: the run is over, as a whole run stops there.
var ErrLiveLimit = errors.New("the simulated run has served its limit of " + strconv.Itoa(MaxRequests) + " requests; start a new session")

// ErrLiveClients is returned for a client past the first MaxLiveClients.
var ErrLiveClients = errors.New("too many clients: a live session tells at most " + strconv.Itoa(MaxLiveClients) + " apart")

// NewLive validates s and starts a live session on it; the script steps due
// at the start (everything before the first wait) run at once.
func NewLive(s *Scenario) (*Live, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	l := &Live{e: newEngine(s), sent: map[string]int{}}
	l.resumeAt = l.e.w.now
	l.play()
	return l, nil
}

// play runs the script steps whose time has come.
func (l *Live) play() {
	e := l.e
	for l.next < len(e.s.Steps) && e.w.now >= l.resumeAt && !e.aborted {
		st := &e.s.Steps[l.next]
		l.next++
		if st.Kind == StepWait {
			l.resumeAt = addSat(e.w.now, st.Ticks)
			e.addMutation("wait", st.Line, stepText(st), "the script waits "+plural(st.Ticks, "tick")+" (one per live request)", -1, 0)
			continue
		}
		e.step(st)
	}
}

// LiveResponse is the answer to one live request, as a client receives it.
type LiveResponse struct {
	Status int
	Header []Header
	Body   []byte // JSON
	Step   int    // its index in the trace's steps
}

// Do serves one request of the named client ("" is "default"): the clock
// moves one tick, the request is answered under the scenario's contract and
// recorded as that client's request step, and the script steps that fall due
// run. target is the request target as sent (/items?offset=10 or an
// absolute URL); headers are those the client sent, in order; body is raw
// JSON or "". An error means nothing was served: the session is at its
// limit (ErrLiveLimit, ErrLiveClients) or, for any other error, the target
// cannot be read (also recorded in the trace as a note of that client).
//
// A live request has no line of the scenario: its step's Origin says where
// it came from instead, "client request N" (the client's Nth request).
func (l *Live) Do(client, method, target string, headers []Header, body string) (*LiveResponse, error) {
	return l.do(client, 0, method, target, headers, body)
}

// do is Do for a request sent from line codeLine of the client's code (0:
// not known), which its origin names.
func (l *Live) do(client string, codeLine int, method, target string, headers []Header, body string) (*LiveResponse, error) {
	e := l.e
	if e.aborted || e.requests >= MaxRequests {
		return nil, ErrLiveLimit
	}
	if client == "" {
		client = "default"
	}
	if len(e.clients) >= MaxLiveClients && !l.known(client) {
		return nil, ErrLiveClients
	}
	l.play()
	e.line = 0 // a live request has no line
	e.advance(1)
	c := e.client(client)
	l.sent[client]++
	origin := "client request " + strconv.Itoa(l.sent[client])
	if codeLine > 0 {
		origin += ", code line " + strconv.Itoa(codeLine)
	}
	src := method + " " + target
	at := len(e.t.Steps)
	req, err := e.newRequest(c, method, target, headers, body)
	if err != nil {
		e.clientNote(c, 0, src, "the request was not sent: "+err.Error())
		l.setOrigin(at, origin)
		return nil, err
	}
	resp := e.send(c, req, 0, src)
	l.setOrigin(at, origin)
	if resp == nil {
		return nil, ErrLiveLimit
	}
	if retry := firstHeader(resp.Header, "Retry-After"); retry != "" && at < len(e.t.Steps) {
		// Waiting in real time moves no tick: only requests (of any
		// client) and the script do.
		st := &e.t.Steps[at]
		if n, err := strconv.Atoi(retry); err == nil && n > 0 {
			st.Reason = join(st.Reason, "In a live session the clock moves one tick per request (of any client) and with the scenario's script, never with real time, so waiting does not help: the "+ordinal(n)+" request from now is the first let through, if no other client sends one meanwhile.")
		}
	}
	out := &LiveResponse{Status: resp.Status, Header: resp.Header, Body: responseBody(resp), Step: len(e.t.Steps) - 1}
	l.play()
	return out, nil
}

// ordinal writes n as "1st", "2nd", "3rd", "4th", ...
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// setOrigin gives the step at index i, when one was recorded there, its
// origin.
func (l *Live) setOrigin(i int, origin string) {
	if i < len(l.e.t.Steps) {
		l.e.t.Steps[i].Origin = origin
	}
}

// ClientHeader names the client of a live request (Live.Request): over
// HTTP and from the page's client pane alike, a request that sends
// `X-Pagesim-Client: alice` is a request step of client alice. Requests
// without it are the client "default".
const ClientHeader = "X-Pagesim-Client"

// lineHeader gives the line of the client's code that sent a live request
// (Live.Request), when the client knows it: the page's sandbox reads it
// from the stack of each fetch call. The request's step then says so in
// its origin ("client request 3, code line 12").
const lineHeader = "X-Pagesim-Line"

// Request is Do with the client named by the ClientHeader among headers,
// and the line of its code by the lineHeader; the contract sees neither.
func (l *Live) Request(method, target string, headers []Header, body string) (*LiveResponse, error) {
	client := ""
	line := 0
	kept := make([]Header, 0, len(headers))
	for _, h := range headers {
		switch {
		case strings.EqualFold(h.Name, ClientHeader):
			client = h.Value
		case strings.EqualFold(h.Name, lineHeader):
			if n, err := strconv.Atoi(strings.TrimSpace(h.Value)); err == nil && n > 0 && n <= 1_000_000 {
				line = n
			}
		default:
			kept = append(kept, h)
		}
	}
	return l.do(client, line, method, target, kept, body)
}

func (l *Live) known(name string) bool {
	for _, c := range l.e.clients {
		if c.name == name {
			return true
		}
	}
	return false
}

// Report is the trace so far, with every client's walks judged as the
// client left them: a walk whose last page still offered a next page counts
// as ended by the client (it stopped reading), so what it never read is
// missed, as with a scenario's client that sees no next page. A walk whose
// last request was refused stays incomplete. The session goes on unchanged:
// a client that sends more requests continues its walk, and a later report
// judges it again.
func (l *Live) Report() *Trace {
	e := l.e
	t := *e.t
	t.Steps = e.t.Steps[:len(e.t.Steps):len(e.t.Steps)]
	t.Walks = append([]WalkReport(nil), e.t.Walks...)
	for _, c := range e.clients {
		if c.walk < 0 {
			continue
		}
		wk := e.walks[c.walk]
		complete, why := true, "it stopped while the server still offered a next page"
		if n := len(wk.steps); n > 0 && !e.t.Steps[wk.steps[n-1]].Accepted {
			complete, why = false, "its last request was refused ("+itoa(int64(e.t.Steps[wk.steps[n-1]].Response.Status))+")"
		}
		t.Walks[wk.index] = e.report(wk, complete, why)
	}
	t.Summary = Summary{Errors: append([]string(nil), e.t.Summary.Errors...)}
	e.summariseInto(&t)
	t.Expectations = evaluate(e.s.Expects, &t)
	displayTrace(&t)
	return &t
}
