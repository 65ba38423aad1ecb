// Package web serves the playground's built site (dist/, made by
// ./build.sh build): the page, its bundled JavaScript and CSS, Go's
// wasm_exec.js and the simulator's WASM.
//
// Handler loads the files once. It answers GET and HEAD only, with the right
// MIME type (application/wasm for the WASM, which streaming compilation
// requires), picks the precompressed .br or .gz copy the client accepts
// (with Vary: Accept-Encoding), and lets browsers keep content-hashed assets
// for a year while index.html is revalidated on every load.
package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// An asset is one file in its plain and precompressed forms.
type asset struct {
	ctype    string
	variants map[string]variant // by Content-Encoding: "", "br", "gzip"
	hashed   bool               // the name carries a content hash: cache for good
}

type variant struct {
	data []byte
	etag string
}

// hashedName matches names like main-3FQ2KD7A.js and pagesim-1A2B3C4D.wasm.
var hashedName = regexp.MustCompile(`-[0-9A-Z]{8}\.[a-z]+$`)

// CSP keeps every page to its own origin: no inline script or style, no eval
// (WASM compilation is allowed), nothing framed but embed.html.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// SandboxCSP is the client pane's sandbox worker's own policy (a worker
// created from a script URL runs under the policy sent with its script): no
// request can leave it (default-src 'none', so connect-src 'none'), no
// script URL loads in it, and it may compile the user's code
// ('unsafe-eval', for this worker only; the page itself has no eval).
const SandboxCSP = "default-src 'none'; script-src 'unsafe-eval'"

// EmbedCSP is CSP for embed.html, the page other sites put in an iframe.
var EmbedCSP = strings.Replace(CSP, "frame-ancestors 'none'", "frame-ancestors *", 1)

var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".wasm": "application/wasm",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".json": "application/json",
	".txt":  "text/plain; charset=utf-8",
}

// Handler serves the site in fsys (the contents of dist/). It fails when
// fsys has no index.html.
func Handler(fsys fs.FS) (http.Handler, error) {
	assets := map[string]*asset{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		enc := ""
		name := p
		switch {
		case strings.HasSuffix(p, ".br"):
			enc, name = "br", strings.TrimSuffix(p, ".br")
		case strings.HasSuffix(p, ".gz"):
			enc, name = "gzip", strings.TrimSuffix(p, ".gz")
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		a := assets[name]
		if a == nil {
			ct := types[path.Ext(name)]
			if ct == "" {
				ct = mime.TypeByExtension(path.Ext(name))
			}
			if ct == "" {
				ct = "application/octet-stream"
			}
			a = &asset{ctype: ct, variants: map[string]variant{}, hashed: hashedName.MatchString(name)}
			assets[name] = a
		}
		sum := sha256.Sum256(data)
		tag := hex.EncodeToString(sum[:8])
		if enc != "" {
			tag += "-" + enc
		}
		a.variants[enc] = variant{data: data, etag: `"` + tag + `"`}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name, a := range assets {
		if _, ok := a.variants[""]; !ok { // a stray .br without its file
			delete(assets, name)
		}
	}
	if assets["index.html"] == nil {
		return nil, errors.New("no index.html: build the site first (./build.sh build)")
	}
	return &server{assets: assets}, nil
}

type server struct {
	assets map[string]*asset
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		h.Set("Connection", "close") // whatever body it brought is not read
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if refuse(w, r) {
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	a := s.assets[name]
	if a == nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	enc := negotiate(r.Header.Get("Accept-Encoding"), a)
	v := a.variants[enc]
	h.Set("Content-Type", a.ctype)
	if len(a.variants) > 1 {
		h.Set("Vary", "Accept-Encoding")
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("ETag", v.etag)
	if a.hashed {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if strings.HasPrefix(name, "sandbox-worker-") {
		h.Set("Content-Security-Policy", SandboxCSP)
	}
	if !strings.HasPrefix(a.ctype, "text/html") {
		// Documentation sites on other origins load the element's script,
		// worker, stylesheet and WASM from here: the WASM is fetched (CORS),
		// and pages with Cross-Origin-Embedder-Policy need CORP to load any.
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	if strings.HasPrefix(a.ctype, "text/html") {
		if name == "embed.html" { // made to be framed, by any site
			h.Set("Content-Security-Policy", EmbedCSP)
		} else {
			h.Set("Content-Security-Policy", CSP)
		}
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
	}
	// ServeContent answers If-None-Match with 304 and HEAD without a body;
	// Range requests are not offered on encoded variants.
	if enc != "" {
		r.Header.Del("Range")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(v.data))
}

// negotiate picks the encoding to send: brotli, then gzip, then none, among
// those the asset has and the client accepts with a non-zero q.
func negotiate(accept string, a *asset) string {
	if accept == "" || len(a.variants) == 1 {
		return ""
	}
	ok := map[string]bool{}
	star := false
	for _, part := range strings.Split(accept, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, val, found := strings.Cut(strings.TrimSpace(p), "=")
			if found && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
					q = f
				}
			}
		}
		if coding == "*" {
			star = q > 0
			continue
		}
		ok[coding] = q > 0
	}
	for _, enc := range []string{"br", "gzip"} {
		if _, has := a.variants[enc]; !has {
			continue
		}
		if accepted, named := ok[enc]; (named && accepted) || (!named && star) {
			return enc
		}
	}
	return ""
}
