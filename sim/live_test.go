package sim

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/internal/json"
	"pagingplayground/internal/reqtarget"
)

func newLive(t *testing.T, text string) *Live {
	t.Helper()
	s, err := Parse(text)
	require.NoError(t, err)
	l, err := NewLive(s)
	require.NoError(t, err)
	return l
}

// offsetWalk is an offset client's loop as API docs write it: ask for the
// next page while offset+limit < total (the offset profile's rule).
func offsetWalk(t *testing.T, l *Live, client string, limit int) {
	t.Helper()
	for off, total := 0, 1; off < total; off += limit {
		r, err := l.Do(client, "GET", "/items?offset="+strconv.Itoa(off)+"&limit="+strconv.Itoa(limit), nil, "")
		require.NoError(t, err)
		require.Equal(t, 200, r.Status, string(r.Body))
		v, err := json.Parse(string(r.Body))
		require.NoError(t, err)
		n, _ := v.Get("total")
		tot, ok := n.Int()
		require.True(t, ok)
		total = int(tot)
	}
}

// The offset drift every offset page describes: one record inserted at the
// head after page 1 pushes page 1's last record onto page 2. With 50
// records, pages of 10 and one insert, the client reads 51 records in 6
// pages (offset 50 still holds one) and sees one twice; nothing is missed.
func TestLiveOffsetClientUnderAnInsertSeesADuplicate(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 50\nwait 1\ninsert 1\n")
	offsetWalk(t, l, "", 10)
	tr := l.Report()
	require.Len(t, tr.Walks, 1)
	w := tr.Walks[0]
	assert.Equal(t, "default", w.Client)
	assert.True(t, w.Complete)
	assert.Equal(t, int64(1), w.Duplicates.Count)
	assert.Equal(t, []int64{41}, w.Duplicates.IDs, "page 1 (newest first) ends on id 41; the insert pushes it to page 2")
	assert.Equal(t, int64(0), w.Missed.Count)
	assert.Equal(t, int64(1), w.Inserted.Count)
	assert.Equal(t, 6, w.Requests)
	assert.Equal(t, 6, tr.Summary.Requests)
}

// The insert happens between the first and the second request, as the
// package comment promises: the trace reads request, insert, request, ...
func TestLiveScriptWaitsForRequests(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 50\nwait 2\ninsert 3\n")
	var kinds []string
	for i := 0; i < 3; i++ {
		_, err := l.Do("a", "GET", "/items?offset=0&limit=5", nil, "")
		require.NoError(t, err)
	}
	for _, st := range l.Report().Steps {
		kinds = append(kinds, st.Kind)
	}
	assert.Equal(t, []string{"wait", "request", "request", "insert", "request"}, kinds)
}

// A live session gives the same verdict as a whole run of the same
// requests with the same mutation between them: it is the same engine.
func TestLiveMatchesAWholeRun(t *testing.T) {
	whole, err := RunText("profile page\nrecords 30\nGET /items?page=1&per_page=7\ndelete at 0..1\nGET /items?page=2&per_page=7\nGET /items?page=3&per_page=7\nGET /items?page=4&per_page=7\n")
	require.NoError(t, err)
	l := newLive(t, "profile page\nrecords 30\nwait 1\ndelete at 0..1\n")
	for p := 1; p <= 4; p++ {
		_, err := l.Do("", "GET", "/items?page="+strconv.Itoa(p)+"&per_page=7", nil, "")
		require.NoError(t, err)
	}
	live := l.Report()
	require.Len(t, whole.Walks, 1)
	require.Len(t, live.Walks, 1)
	a, b := whole.Walks[0], live.Walks[0]
	assert.Equal(t, a.Missed, b.Missed)
	assert.Equal(t, a.Duplicates, b.Duplicates)
	assert.Equal(t, a.Deleted, b.Deleted)
	assert.Equal(t, a.Verdict, b.Verdict)
	assert.Equal(t, int64(2), a.Missed.Count, "deleting two records ahead of the client shifts two past it")
}

// A client that stops while the server offers a next page ended the walk
// itself: what it never read is missed. 50 records, two pages of 10 read:
// 30 missed. The report leaves the session as it was: the client goes on
// and finishes a consistent walk.
func TestLiveReportJudgesWalksAsTheClientLeftThem(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 50\n")
	for _, off := range []string{"0", "10"} {
		_, err := l.Do("", "GET", "/items?offset="+off+"&limit=10", nil, "")
		require.NoError(t, err)
	}
	w := l.Report().Walks[0]
	assert.True(t, w.Complete)
	assert.Equal(t, int64(30), w.Missed.Count)
	assert.Contains(t, w.Verdict, "still offered a next page")

	for _, off := range []string{"20", "30", "40"} {
		_, err := l.Do("", "GET", "/items?offset="+off+"&limit=10", nil, "")
		require.NoError(t, err)
	}
	tr := l.Report()
	require.Len(t, tr.Walks, 1)
	assert.True(t, tr.Walks[0].Consistent)
	assert.Equal(t, int64(50), tr.Walks[0].Distinct)
	assert.Equal(t, 1, tr.Summary.Consistent)
}

// A stream inserts on the clock the requests move: `stream 1 every 1`
// adds one record per tick, so five requests see five arrivals (the stream
// step itself takes the tick before the first request).
func TestLiveStreamRunsOnTheRequestClock(t *testing.T) {
	l := newLive(t, "profile cursor\nrecords 10\nstream 1 every 1\n")
	for i := 0; i < 5; i++ {
		_, err := l.Do("", "GET", "/items?limit=2", nil, "")
		require.NoError(t, err)
	}
	assert.Equal(t, int64(15), l.Report().Summary.FinalSize)
}

func TestLiveClientsAreToldApart(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 20\n")
	offsetWalk(t, l, "alice", 10)
	offsetWalk(t, l, "bob", 20)
	tr := l.Report()
	require.Len(t, tr.Walks, 2)
	assert.Equal(t, "alice", tr.Walks[0].Client)
	assert.Equal(t, 2, tr.Walks[0].Requests)
	assert.Equal(t, "bob", tr.Walks[1].Client)
	assert.Equal(t, 1, tr.Walks[1].Requests)
}

func TestLiveLimits(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 5\n")
	for i := 0; i < MaxLiveClients; i++ {
		_, err := l.Do("c"+strconv.Itoa(i), "GET", "/items", nil, "")
		require.NoError(t, err)
	}
	_, err := l.Do("one-too-many", "GET", "/items", nil, "")
	assert.ErrorIs(t, err, ErrLiveClients)
	_, err = l.Do("c0", "GET", "/items", nil, "")
	assert.NoError(t, err, "a known client still gets through")

	_, err = l.Do("c0", "GET", "/items?offset=%zz", nil, "")
	var te *reqtarget.Error
	assert.True(t, errors.As(err, &te), "an unreadable target is a TargetError, got %v", err)

	for l.e.requests < MaxRequests {
		_, err = l.Do("c0", "GET", "/items", nil, "")
		require.NoError(t, err)
	}
	_, err = l.Do("c0", "GET", "/items", nil, "")
	assert.ErrorIs(t, err, ErrLiveLimit)
}

func TestNewLiveRefusesAMalformedScenario(t *testing.T) {
	s, err := Parse("profile offset\nrecords 5\n")
	require.NoError(t, err)
	s.Setup.Profile = "no-such-profile"
	_, err = NewLive(s)
	assert.Error(t, err)
}

func TestLiveRequestNamesTheClientByHeader(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 5\n")
	_, err := l.Request("GET", "/items", []Header{{"x-pagesim-client", "carol"}, {"Accept", "application/json"}}, "")
	require.NoError(t, err)
	st := l.Report().Steps[0]
	assert.Equal(t, "carol", st.Client)
	assert.Equal(t, []Header{{"Accept", "application/json"}}, st.Request.Header, "the contract does not see the client header")
}

// A live request has no line of the scenario: its step says where it came
// from instead, counting each client's requests, with the line of the
// client's code when the client sent it (the page's sandbox does); the
// contract never sees the line header.
func TestLiveRequestsSayWhereTheyCameFrom(t *testing.T) {
	l := newLive(t, "profile offset\nrecords 50\n")
	_, err := l.Request("GET", "/items?offset=0&limit=10", []Header{{Name: "X-Pagesim-Line", Value: "12"}}, "")
	require.NoError(t, err)
	_, err = l.Request("GET", "/items?offset=10&limit=10", []Header{{Name: "X-Pagesim-Client", Value: "bob"}}, "")
	require.NoError(t, err)
	_, err = l.Request("GET", "/items?offset=10&limit=10", []Header{{Name: "x-pagesim-line", Value: "7"}}, "")
	require.NoError(t, err)
	_, err = l.Request("GET", "/items?offset=20&limit=10", []Header{{Name: "X-Pagesim-Line", Value: "-3"}}, "")
	require.NoError(t, err)
	_, err = l.Do("", "GET", "/items?offset=%zz", nil, "")
	require.Error(t, err)
	tr := l.Report()
	var origins []string
	for _, st := range tr.Steps {
		assert.Equal(t, 0, st.Line, "no scenario line")
		origins = append(origins, st.Origin)
		if st.Request != nil {
			for _, h := range st.Request.Header {
				assert.NotEqual(t, "x-pagesim-line", strings.ToLower(h.Name), "the contract never sees it")
			}
		}
	}
	assert.Equal(t, []string{
		"client request 1, code line 12",
		"client request 1", // bob's first
		"client request 2, code line 7",
		"client request 3", // a line that is not a line is left out
		"client request 4", // not sent: the target cannot be read
	}, origins)
	assert.Contains(t, string(tr.StepJSON(0)), `"origin":"client request 1, code line 12"`)
}

// Retry-After counts ticks, and a live session says what a tick is there.
// Two requests per five ticks (window (t-5, t]): requests at ticks 1 and 2
// (counting from the first request) pass; at tick 3 the oldest (1) leaves
// the window at tick 6, so the 429
// says Retry-After: 3, then 2 and 1 as the client's own retries move the
// clock; the request at tick 6 passes. Waiting in real time moves nothing.
func TestLiveRetryAfterCountsTicks(t *testing.T) {
	l := newLive(t, "profile offset rate-limit=2 rate-window=5\nrecords 50\n")
	var statuses []int
	var retries []string
	for i := 0; i < 6; i++ {
		r, err := l.Do("", "GET", "/items?offset=0&limit=10", nil, "")
		require.NoError(t, err)
		statuses = append(statuses, r.Status)
		retries = append(retries, firstHeader(r.Header, "Retry-After"))
	}
	assert.Equal(t, []int{200, 200, 429, 429, 429, 200}, statuses)
	assert.Equal(t, []string{"", "", "3", "2", "1", ""}, retries)
	steps := l.Report().Steps
	st := steps[2]
	assert.Equal(t, int64(2), st.Tick-steps[0].Tick, "one tick per request")
	assert.Contains(t, st.Reason, "retry after 3 ticks (Retry-After: 3 counts ticks of the simulator's clock, not seconds)")
	assert.Contains(t, st.Reason, "In a live session the clock moves one tick per request (of any client) and with the scenario's script, never with real time")
	assert.Contains(t, st.Reason, "the 3rd request from now is the first let through")
	assert.Contains(t, l.Report().Steps[3].Reason, "the 2nd request from now")
	assert.Contains(t, l.Report().Steps[4].Reason, "the 1st request from now")
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		assert.Equal(t, want, ordinal(n))
	}
}
