package web

import (
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkLoopbackLoad is the server's load test (./build.sh bench runs it
// with a fixed count): b.N requests for the page from 8 keep-alive clients
// over loopback, reporting requests per second and the 99th percentile
// latency. Bounded in count by -benchtime=Nx and in time by each client's
// 10 s timeout; it talks to 127.0.0.1 only.
func BenchmarkLoopbackLoad(b *testing.B) {
	addr := serveBench(b)
	const clients = 8
	lat := make([]time.Duration, b.N)
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 1}}
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				t0 := time.Now()
				resp, err := c.Get("http://" + addr + "/")
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

func serveBench(b *testing.B) string {
	h, err := Handler(site())
	if err != nil {
		b.Fatal(err)
	}
	srv := NewServer(h)
	ln, err := listenLoopback()
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	b.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}
