package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func site() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"index.html":               f("<!doctype html>page"),
		"index.html.br":            f("BR(page)"),
		"index.html.gz":            f("GZ(page)"),
		"main-ABCD2345.js":         f("js"),
		"main-ABCD2345.js.br":      f("BR(js)"),
		"main-ABCD2345.js.gz":      f("GZ(js)"),
		"style-QWER7890.css":       f("css"),
		"pagesim-0A1B2C3D.wasm":    f("\x00asm"),
		"pagesim-0A1B2C3D.wasm.br": f("BR(wasm)"),
		"pagesim-0A1B2C3D.wasm.gz": f("GZ(wasm)"),
		"favicon.svg":              f("<svg/>"),
		"orphan.js.br":             f("BR(orphan)"),
	}
}

func get(t *testing.T, h http.Handler, method, target string, hdr ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	return string(b)
}

func handler(t *testing.T) http.Handler {
	t.Helper()
	h, err := Handler(site())
	require.NoError(t, err)
	return h
}

func TestContentTypes(t *testing.T) {
	h := handler(t)
	for path, want := range map[string]string{
		"/":                      "text/html; charset=utf-8",
		"/index.html":            "text/html; charset=utf-8",
		"/main-ABCD2345.js":      "text/javascript; charset=utf-8",
		"/style-QWER7890.css":    "text/css; charset=utf-8",
		"/pagesim-0A1B2C3D.wasm": "application/wasm",
		"/favicon.svg":           "image/svg+xml",
	} {
		r := get(t, h, "GET", path)
		assert.Equal(t, http.StatusOK, r.StatusCode, path)
		assert.Equal(t, want, r.Header.Get("Content-Type"), path)
		assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"), path)
	}
}

func TestEncodingNegotiation(t *testing.T) {
	h := handler(t)
	cases := []struct{ accept, enc, body string }{
		{"", "", "\x00asm"},
		{"gzip, deflate, br, zstd", "br", "BR(wasm)"},
		{"gzip", "gzip", "GZ(wasm)"},
		{"br;q=0, gzip;q=0.8", "gzip", "GZ(wasm)"},
		{"BR", "br", "BR(wasm)"},
		{"*", "br", "BR(wasm)"},
		{"*, br;q=0", "gzip", "GZ(wasm)"},
		{"identity", "", "\x00asm"},
		{"gzip;q=0, br;q=0", "", "\x00asm"},
	}
	for _, c := range cases {
		r := get(t, h, "GET", "/pagesim-0A1B2C3D.wasm", "Accept-Encoding", c.accept)
		assert.Equal(t, c.enc, r.Header.Get("Content-Encoding"), "Accept-Encoding: %q", c.accept)
		assert.Equal(t, c.body, body(t, r), "Accept-Encoding: %q", c.accept)
		assert.Equal(t, "Accept-Encoding", r.Header.Get("Vary"))
		assert.Equal(t, "application/wasm", r.Header.Get("Content-Type"))
	}
	// A file with no compressed copies says nothing about encodings.
	r := get(t, h, "GET", "/style-QWER7890.css", "Accept-Encoding", "br")
	assert.Empty(t, r.Header.Get("Content-Encoding"))
	assert.Empty(t, r.Header.Get("Vary"))
	assert.Equal(t, "css", body(t, r))
}

func TestCaching(t *testing.T) {
	h := handler(t)
	r := get(t, h, "GET", "/main-ABCD2345.js")
	assert.Equal(t, "public, max-age=31536000, immutable", r.Header.Get("Cache-Control"))
	r = get(t, h, "GET", "/")
	assert.Equal(t, "no-cache", r.Header.Get("Cache-Control"))
	assert.Contains(t, r.Header.Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")

	// ETags differ per encoding and answer revalidation with 304.
	br := get(t, h, "GET", "/", "Accept-Encoding", "br")
	plain := get(t, h, "GET", "/")
	require.NotEmpty(t, br.Header.Get("ETag"))
	assert.NotEqual(t, br.Header.Get("ETag"), plain.Header.Get("ETag"))
	r = get(t, h, "GET", "/", "Accept-Encoding", "br", "If-None-Match", br.Header.Get("ETag"))
	assert.Equal(t, http.StatusNotModified, r.StatusCode)
	r = get(t, h, "GET", "/", "If-None-Match", br.Header.Get("ETag"))
	assert.Equal(t, http.StatusOK, r.StatusCode, "the plain copy is another entity")
}

func TestMethodsAndMissingFiles(t *testing.T) {
	h := handler(t)
	r := get(t, h, "HEAD", "/main-ABCD2345.js")
	assert.Equal(t, http.StatusOK, r.StatusCode)
	assert.Empty(t, body(t, r))
	r = get(t, h, "POST", "/")
	assert.Equal(t, http.StatusMethodNotAllowed, r.StatusCode)
	assert.Equal(t, "GET, HEAD", r.Header.Get("Allow"))
	for _, p := range []string{"/nope.js", "/../go.mod", "/orphan.js", "/src/main.js"} {
		assert.Equal(t, http.StatusNotFound, get(t, h, "GET", p).StatusCode, p)
	}
	// A trailing slash or dot segments clean to the file.
	assert.Equal(t, http.StatusOK, get(t, h, "GET", "/x/../main-ABCD2345.js").StatusCode)
}

func TestHandlerNeedsABuiltSite(t *testing.T) {
	_, err := Handler(fstest.MapFS{"main.js": &fstest.MapFile{Data: []byte("x")}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "./build.sh build")
}

func TestEveryPageGetsTheCSPAndOnlyTheEmbedMayBeFramed(t *testing.T) {
	fs := site()
	fs["docs.html"] = &fstest.MapFile{Data: []byte("<!doctype html>docs")}
	fs["embed.html"] = &fstest.MapFile{Data: []byte("<!doctype html>embed")}
	fs["paging-playground.js"] = &fstest.MapFile{Data: []byte("js")}
	h, err := Handler(fs)
	require.NoError(t, err)
	for _, p := range []string{"/", "/docs.html", "/embed.html"} {
		csp := get(t, h, "GET", p).Header.Get("Content-Security-Policy")
		assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval'", p)
		assert.Contains(t, csp, "style-src 'self';", p)
		if p == "/embed.html" {
			assert.Contains(t, csp, "frame-ancestors *", p)
		} else {
			assert.Contains(t, csp, "frame-ancestors 'none'", p)
		}
	}
	// The element's script keeps its name, so it is revalidated, not cached for good.
	assert.Equal(t, "no-cache", get(t, h, "GET", "/paging-playground.js").Header.Get("Cache-Control"))
}

// A documentation page on another origin loads the element's files from
// here. The Fetch standard lets such a page read a response (the WASM is
// fetched and compiled) only when Access-Control-Allow-Origin allows its
// origin, and a page with Cross-Origin-Embedder-Policy: require-corp loads
// a cross-origin script or stylesheet only with
// Cross-Origin-Resource-Policy: cross-origin. Pages themselves are not
// shared that way.
func TestAssetsMayBeLoadedFromOtherOrigins(t *testing.T) {
	h := handler(t)
	for _, p := range []string{"/main-ABCD2345.js", "/style-QWER7890.css", "/pagesim-0A1B2C3D.wasm", "/favicon.svg"} {
		r := get(t, h, "GET", p, "Origin", "http://docs.example", "Accept-Encoding", "br")
		assert.Equal(t, "*", r.Header.Get("Access-Control-Allow-Origin"), p)
		assert.Equal(t, "cross-origin", r.Header.Get("Cross-Origin-Resource-Policy"), p)
	}
	r := get(t, h, "GET", "/", "Origin", "http://docs.example")
	assert.Empty(t, r.Header.Get("Access-Control-Allow-Origin"), "pages are not readable by other origins")
}
