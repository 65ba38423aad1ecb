package web

import (
	"net/http"
	"strings"
	"time"
)

// Timeouts of the playground's server (NewServer). The site is static files
// a browser fetches at once: nothing legitimate takes long to send its
// headers, has a body to send, or sits idle for minutes.
const (
	ReadHeaderTimeout = 5 * time.Second  // a request's line and headers
	ReadTimeout       = 10 * time.Second // the whole request
	WriteTimeout      = 60 * time.Second // the whole response: the WASM is 3 MB unencoded, and a client that stops reading is cut off here
	IdleTimeout       = 15 * time.Second // a keep-alive connection between requests
	MaxHeaderBytes    = 16 << 10
	// MaxRanges is how many byte ranges one request may ask for; past it
	// the Range header is ignored and the whole file is sent, as RFC 9110
	// allows: a thousand one-byte ranges would make a thousand-part answer.
	MaxRanges = 8
)

// NewServer is an http.Server for h with the timeouts above: a client that
// promises a body and never sends it, holds a keep-alive connection open or
// stops reading is cut off, so such clients cannot hold the server's
// connections for long.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// refuse answers requests the site has no use for before anything is read
// from their body: a body (GET and HEAD take none; 413 and the connection is
// closed, so a body promised and never sent holds nothing). It trims a Range
// header with more than MaxRanges ranges. It reports whether it answered.
func refuse(w http.ResponseWriter, r *http.Request) bool {
	if r.ContentLength != 0 || len(r.TransferEncoding) > 0 {
		w.Header().Set("Connection", "close")
		http.Error(w, "this server takes no request bodies", http.StatusRequestEntityTooLarge)
		return true
	}
	if rg := r.Header.Get("Range"); rg != "" && (strings.Count(rg, ",") >= MaxRanges || len(r.Header.Values("Range")) > 1) {
		r.Header.Del("Range")
	}
	return false
}
