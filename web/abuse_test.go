package web

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serve starts NewServer on a loopback port with the test site and a 4 MB
// file (as big as the WASM), after adjust changes its settings.
func serve(t *testing.T, adjust func(*http.Server)) string {
	t.Helper()
	fsys := site()
	fsys["big.txt"] = &fstest.MapFile{Data: []byte(strings.Repeat("0123456789abcdef", 1<<18))}
	h, err := Handler(fsys)
	require.NoError(t, err)
	srv := NewServer(h)
	if adjust != nil {
		adjust(srv)
	}
	ln, err := listenLoopback()
	require.NoError(t, err)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
}

func TestTheServerSettings(t *testing.T) {
	s := NewServer(http.NotFoundHandler())
	assert.Equal(t, 5*time.Second, s.ReadHeaderTimeout)
	assert.Equal(t, 10*time.Second, s.ReadTimeout)
	assert.Equal(t, 60*time.Second, s.WriteTimeout)
	assert.Equal(t, 15*time.Second, s.IdleTimeout)
	assert.Equal(t, 16<<10, s.MaxHeaderBytes)
}

// Each timeout cuts off the client it is for (shortened here to keep the
// test quick): the server closes its side of the connection, so it holds
// neither a file descriptor nor a goroutine nor a buffer for it.
func TestTimeoutsCutOffSlowClients(t *testing.T) {
	var mu sync.Mutex
	open := map[net.Conn]bool{}
	accepted := 0
	addr := serve(t, func(s *http.Server) {
		s.ReadHeaderTimeout, s.ReadTimeout, s.IdleTimeout, s.WriteTimeout = 300*time.Millisecond, 500*time.Millisecond, 300*time.Millisecond, time.Second
		s.ConnState = func(c net.Conn, st http.ConnState) {
			mu.Lock()
			defer mu.Unlock()
			if st == http.StateNew {
				accepted++
			}
			if st == http.StateClosed || st == http.StateHijacked {
				delete(open, c)
			} else {
				open[c] = true
			}
		}
	})
	held := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(open)
	}
	seen := func() int {
		mu.Lock()
		defer mu.Unlock()
		return accepted
	}
	// Connects and says nothing; sends half a request; keeps a connection
	// after its request; asks for 4 MB and reads none of it.
	dial(t, addr)
	io.WriteString(dial(t, addr), "GET / HTTP/1.1\r\nHost: x\r\n")
	io.WriteString(dial(t, addr), "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	slow := dial(t, addr).(*net.TCPConn)
	slow.SetReadBuffer(4 << 10)
	io.WriteString(slow, "GET /big.txt HTTP/1.1\r\nHost: x\r\n\r\n")
	// The server took all four (counted as they come: the first can be
	// cut off before the last arrives on a loaded machine, whose test
	// process can stall for longer than a shortened timeout), then lets go
	// of every one.
	assert.Eventually(t, func() bool { return seen() == 4 }, 10*time.Second, 10*time.Millisecond, "the server has them all")
	assert.Eventually(t, func() bool { return held() == 0 }, 10*time.Second, 50*time.Millisecond, "the server lets go of them all")
}

// A body promised and never sent holds nothing: the server answers at once
// and closes the connection.
func TestBodiesAreRefusedWithoutWaitingForThem(t *testing.T) {
	addr := serve(t, nil)
	for _, req := range []string{
		"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n",
	} {
		c := dial(t, addr)
		io.WriteString(c, req)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err, req)
		assert.Contains(t, []int{http.StatusRequestEntityTooLarge, http.StatusMethodNotAllowed}, resp.StatusCode, req)
		assert.True(t, resp.Close, "the connection closes: %q", req)
	}
}

func TestManyRangesGetTheWholeFile(t *testing.T) {
	h := handler(t)
	var rs []string
	for i := range 1000 {
		rs = append(rs, strconv.Itoa(2*i)+"-"+strconv.Itoa(2*i))
	}
	r := get(t, h, "GET", "/favicon.svg", "Range", "bytes="+strings.Join(rs, ","))
	assert.Equal(t, http.StatusOK, r.StatusCode)
	assert.Equal(t, "<svg/>", body(t, r))
	r = get(t, h, "GET", "/favicon.svg", "Range", "bytes=0-1,3-4")
	assert.Equal(t, http.StatusPartialContent, r.StatusCode, "a few ranges are served")
}

// TestAbuse: hundreds of clients doing each of the above at once, and a
// normal request still answers within a second.
func TestAbuse(t *testing.T) {
	addr := serve(t, nil)
	abusers := map[string]string{
		"silent":                "",
		"half a request":        "GET / HTTP/1.1\r\nHost: x\r\n",
		"a body never sent":     "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n",
		"a big file never read": "GET /big.txt HTTP/1.1\r\nHost: x\r\n\r\n",
		"1000 ranges":           "GET /big.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=" + strings.Repeat("0-0,", 999) + "0-0\r\n\r\n",
	}
	for _, req := range abusers {
		for range 200 {
			c := dial(t, addr)
			if tc, ok := c.(*net.TCPConn); ok {
				tc.SetReadBuffer(4 << 10)
			}
			io.WriteString(c, req)
		}
	}
	// The best of three: the machine may be busy with other tests, and a
	// test process starved of CPU (nice -n 19 beside a load of 20) once
	// waited out the client's 10 s for one of them; an attempt that fails
	// counts as a miss.
	best := time.Hour
	var errs []error
	for range 3 {
		start := time.Now()
		client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true}}
		resp, err := client.Get("http://" + addr + "/")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		assert.Equal(t, "<!doctype html>page", body(t, resp))
		resp.Body.Close()
		best = min(best, time.Since(start))
	}
	t.Logf("a normal request under abuse: %v (failed attempts: %v)", best, errs)
	assert.Less(t, best, time.Second, "%v", errs)
}

func listenLoopback() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }
