package main

// `pagesim serve -api SCENARIO` serves a scenario's paging contract over
// HTTP, so that real client code (curl, an SDK's auto-pagination, a loop from
// an API's docs) walks the simulated list while the scenario's mutations and
// streams change it. Every request is a request step of a sim.Live session;
// the clock and how the scenario's steps interleave with live requests are
// described on sim.Live. GET /_pagesim/report returns the trace and each
// client's walk verdicts as JSON.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"pagingplayground/internal/linkheader"
	"pagingplayground/sim"
)

const (
	clientHeader = sim.ClientHeader
	reportPath   = "/_pagesim/report"
	resetPath    = "/_pagesim/reset"
	maxBody      = 1 << 20
)

// apiServer answers HTTP requests from one live session at a time.
type apiServer struct {
	name string // the scenario's file name or preset, for messages
	scen *sim.Scenario

	mu   sync.Mutex
	live *sim.Live
}

func newAPIServer(name, text string) (*apiServer, error) {
	var s *sim.Scenario
	var err error
	if isJSONForm(text) {
		s, err = sim.CheckJSON([]byte(text)) // problems at their line and column
	} else if s, err = sim.Parse(text); err == nil {
		err = s.Validate()
	}
	if err != nil {
		return nil, err
	}
	l, err := sim.NewLive(s)
	if err != nil {
		return nil, err
	}
	return &apiServer{name: name, scen: s, live: l}, nil
}

// ServeHTTP never lets a panic take the server down: the request gets a 500
// saying so and the session goes on.
func (a *apiServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeError(w, http.StatusInternalServerError, fmt.Sprintf("pagesim: internal error serving this request: %v", v))
		}
	}()
	switch r.URL.Path {
	case reportPath:
		a.report(w, r)
		return
	case resetPath:
		a.reset(w, r)
		return
	}
	a.serve(w, r)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// passHeaders are the request headers the contract sees: all but the ones
// HTTP itself uses to move the message, in a stable order.
func passHeaders(h http.Header) []sim.Header {
	names := make([]string, 0, len(h))
	for name := range h {
		switch strings.ToLower(name) {
		case "host", "connection", "content-length", "transfer-encoding", "accept-encoding",
			"keep-alive", "te", "trailer", "upgrade", "proxy-connection":
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	var out []sim.Header
	for _, name := range names {
		for _, v := range h[name] {
			out = append(out, sim.Header{Name: name, Value: v})
		}
	}
	return out
}

func (a *apiServer) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "pagesim: could not read the request body: "+err.Error())
		return
	}
	if len(body) > maxBody {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("pagesim: a request body is at most %d bytes", maxBody))
		return
	}
	target := r.RequestURI
	if !strings.HasPrefix(target, "/") { // absolute form, as sent to a proxy
		target = r.URL.RequestURI()
	}
	resp, err := a.request(r.Method, target, passHeaders(r.Header), string(body))
	switch {
	case errors.Is(err, sim.ErrLiveLimit):
		writeError(w, http.StatusServiceUnavailable, "pagesim: "+err.Error()+" (POST "+resetPath+" starts one)")
		return
	case errors.Is(err, sim.ErrLiveClients):
		writeError(w, http.StatusTooManyRequests, "pagesim: "+err.Error()+" (name clients with the "+clientHeader+" header)")
		return
	case err != nil: // the target cannot be read
		writeError(w, http.StatusBadRequest, "the request target cannot be read: "+err.Error())
		return
	}
	origin := "http://" + r.Host
	hasType := false
	for _, h := range resp.Header {
		v := h.Value
		if strings.EqualFold(h.Name, "Link") {
			v = localLinks(v, origin)
		}
		if strings.EqualFold(h.Name, "Content-Type") {
			hasType = true
		}
		w.Header().Add(h.Name, v)
	}
	if !hasType {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.Header().Set("X-Pagesim-Step", fmt.Sprint(resp.Step))
	w.WriteHeader(resp.Status)
	w.Write(localURLs(resp.Body, origin))
}

// request serves one request of the session; the lock is released even if
// the simulator panics (ServeHTTP turns that into a 500), so one bad request
// cannot stall the ones after it.
func (a *apiServer) request(method, target string, hs []sim.Header, body string) (*sim.LiveResponse, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.live.Request(method, target, hs, body)
}

// localLinks points the absolute URLs of a Link header at this server: the
// contract writes its vendor's origin (https://api.integrator.io), and a
// real client must come back here, not go there.
func localLinks(header, origin string) string {
	links, err := linkheader.Parse(header)
	if err != nil {
		return header
	}
	for i := range links {
		links[i].URL = localURL(links[i].URL, origin)
	}
	return linkheader.Format(links)
}

// localURL replaces the scheme and authority of an absolute http(s) URL by
// origin; anything else is returned as it is.
func localURL(u, origin string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if len(u) >= len(scheme) && strings.EqualFold(u[:len(scheme)], scheme) {
			rest := u[len(scheme):]
			if i := strings.IndexAny(rest, "/?#"); i >= 0 {
				return origin + rest[i:]
			}
			return origin + "/"
		}
	}
	return u
}

// localURLs rewrites every JSON string in body that is an absolute http(s)
// URL (a next link in the body: nextPageURL, @odata.nextLink, ...) with
// localURL. The simulator writes no escapes into URLs, and a string it
// cannot read is left alone.
func localURLs(body []byte, origin string) []byte {
	if !bytes.Contains(body, []byte(`"http`)) && !bytes.Contains(body, []byte(`"HTTP`)) {
		return body
	}
	var out []byte
	for i := 0; i < len(body); {
		if body[i] != '"' {
			out = append(out, body[i])
			i++
			continue
		}
		j := i + 1
		escaped := false
		for j < len(body) && body[j] != '"' {
			if body[j] == '\\' {
				escaped = true
				j++
			}
			j++
		}
		if j >= len(body) {
			return append(out, body[i:]...)
		}
		s := string(body[i+1 : j])
		if !escaped {
			s = localURL(s, origin)
		}
		out = append(out, '"')
		out = append(out, s...)
		out = append(out, '"')
		i = j + 1
	}
	return out
}

func (a *apiServer) reset(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeError(w, http.StatusMethodNotAllowed, "pagesim: POST "+resetPath+" starts a new session")
		return
	}
	l, err := sim.NewLive(a.scen)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	a.mu.Lock()
	a.live = l
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// apiReport is what GET /_pagesim/report answers.
type apiReport struct {
	Scenario string          `json:"scenario"`
	Profile  string          `json:"profile"`
	Clients  []clientReport  `json:"clients"`
	Trace    json.RawMessage `json:"trace"`
}

// clientReport is one client's requests and the verdicts of its walks.
type clientReport struct {
	Client   string       `json:"client"`
	Requests int          `json:"requests"`
	Refused  int          `json:"refused"`
	Walks    []walkReport `json:"walks"`
}

type walkReport struct {
	Walk       int    `json:"walk"`
	Complete   bool   `json:"complete"`
	Consistent bool   `json:"consistent"`
	Outcome    string `json:"outcome"`
	Duplicates int64  `json:"duplicates"`
	Missed     int64  `json:"missed"`
	Unreached  int64  `json:"unreached"`
	Seen       int64  `json:"seen"`
	Distinct   int64  `json:"distinct"`
	Rows       int64  `json:"rows"`
	Verdict    string `json:"verdict"`
}

func (a *apiServer) report(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET")
		writeError(w, http.StatusMethodNotAllowed, "pagesim: GET "+reportPath+" returns the report")
		return
	}
	t, raw := a.snapshot()
	rep := apiReport{Scenario: a.name, Profile: t.Profile, Clients: []clientReport{}, Trace: raw}
	at := map[string]int{}
	get := func(name string) *clientReport {
		i, ok := at[name]
		if !ok {
			i = len(rep.Clients)
			at[name] = i
			rep.Clients = append(rep.Clients, clientReport{Client: name, Walks: []walkReport{}})
		}
		return &rep.Clients[i]
	}
	for _, st := range t.Steps {
		if st.Kind != "request" {
			continue
		}
		c := get(st.Client)
		c.Requests++
		if !st.Accepted {
			c.Refused++
		}
	}
	for i, wk := range t.Walks {
		c := get(wk.Client)
		c.Walks = append(c.Walks, walkReport{Walk: i, Complete: wk.Complete, Consistent: wk.Consistent, Outcome: wk.Outcome,
			Duplicates: wk.Duplicates.Count, Missed: wk.Missed.Count, Unreached: wk.Unreached, Seen: wk.Seen, Distinct: wk.Distinct,
			Rows: wk.Rows, Verdict: wk.Verdict})
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(append(b, '\n'))
}

func (a *apiServer) snapshot() (*sim.Trace, []byte) {
	a.mu.Lock()
	defer a.mu.Unlock()
	t := a.live.Report()
	return t, t.EncodeJSON(2000)
}

// wantsAPI says whether `pagesim serve` was asked for the API server.
func wantsAPI(args []string) bool {
	for _, a := range args {
		a = strings.TrimLeft(a, "-")
		if a == "api" || strings.HasPrefix(a, "api=") || a == "api-preset" || strings.HasPrefix(a, "api-preset=") {
			return true
		}
	}
	return false
}

// serveAPICmd is `pagesim serve -api FILE` or `pagesim serve -api-preset NAME`.
func serveAPICmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("pagesim serve -api", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	file := fl.String("api", "", "serve the paging contract of the scenario in `FILE` (- reads standard input)")
	preset := fl.String("api-preset", "", "serve the contract of the preset called `NAME`")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: pagesim serve -api FILE [-addr 127.0.0.1:8080]")
		fmt.Fprintln(stderr, "       pagesim serve -api-preset NAME [-addr 127.0.0.1:8080]")
		fmt.Fprintln(stderr, "Serves the scenario's paging contract over HTTP: each request is a request step on the")
		fmt.Fprintln(stderr, "simulator's clock (header "+clientHeader+" names its client); GET "+reportPath+" reports.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 || (*file == "") == (*preset == "") {
		fl.Usage()
		return 2
	}
	name, text := *file, ""
	if *preset != "" {
		p, ok := sim.LookupPreset(*preset)
		if !ok {
			fmt.Fprintf(stderr, "pagesim serve: no preset %q (%s)\n", *preset, presetNames())
			return 2
		}
		name, text = "preset "+p.Name, p.Text
	} else {
		data, err := os.ReadFile(*file)
		if *file == "-" {
			name = "<stdin>"
			data, err = io.ReadAll(os.Stdin)
		}
		if err != nil {
			fmt.Fprintln(stderr, "pagesim serve:", err)
			return 2
		}
		text = string(data)
	}
	a, err := newAPIServer(name, text)
	if err != nil {
		var pe *sim.ParseError
		if errors.As(err, &pe) {
			for _, d := range pe.Diags {
				fmt.Fprintf(stderr, "%s:%d:%d: %s\n", name, d.Line, d.Col, d.Message)
			}
			return 1
		}
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := a.listenAndServe(ctx, *addr, stdout); err != nil {
		fmt.Fprintln(stderr, "pagesim serve:", err)
		return 1
	}
	return 0
}

// listenAndServe serves until ctx ends, then shuts down cleanly: requests in
// flight finish (for up to 3 seconds), new connections are refused.
func (a *apiServer) listenAndServe(ctx context.Context, addr string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           a,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "Paging Playground API: %s/ serves %s (profile %s)\nreport: %s%s  (Ctrl-C stops)\n",
		base, a.name, a.live.Report().Profile, base, reportPath)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}
