package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"pagingplayground/sim"
)

// TestNoHTMLInjection: the page's sources never parse text as HTML. All
// text (scenarios from shared links, URLs, headers, reasons) goes through
// textContent and createElement.
func TestNoHTMLInjection(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("src", "*.js"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	banned := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|srcdoc|\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"\x60]`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for i, line := range strings.Split(string(b), "\n") {
			assert.False(t, banned.MatchString(line), "%s:%d: %s", f, i+1, strings.TrimSpace(line))
		}
	}
}

// TestNoInlineScriptOrStyle: the page works under its Content-Security-Policy
// (script-src 'self', style-src 'self'): no inline script, handler or style.
func TestNoInlineScriptOrStyle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("src", "index.html"))
	require.NoError(t, err)
	html := string(b)
	assert.NotRegexp(t, `<script(?:\s[^>]*)?>\s*[^<\s]`, html, "inline script")
	assert.NotRegexp(t, `\son[a-z]+\s*=`, html, "inline event handler")
	assert.NotRegexp(t, `<style|\sstyle\s*=`, html, "inline style")
	for _, p := range []string{"{{main}}", "{{style}}", "{{worker}}", "{{pagesim}}", "{{wasm_exec}}", "{{wasmSize}}"} {
		assert.Contains(t, html, p)
	}
}

// TestEmbedPagesUnderTheCSP: the iframe page and the demo documentation page
// load the element with one script tag and nothing inline.
func TestEmbedPagesUnderTheCSP(t *testing.T) {
	for _, name := range []string{"embed.html", "docs.html"} {
		b, err := os.ReadFile(filepath.Join("src", name))
		require.NoError(t, err)
		html := string(b)
		assert.NotRegexp(t, `<script(?:\s[^>]*)?>\s*[^<\s]`, html, name+": inline script")
		assert.NotRegexp(t, `\son[a-z]+\s*=`, html, name+": inline event handler")
		assert.NotRegexp(t, `<style|\sstyle\s*=`, html, name+": inline style")
		// The element needs one script tag; docs.html has one more, its API example.
		scripts := map[string]int{"embed.html": 1, "docs.html": 2}[name]
		assert.Equal(t, scripts, strings.Count(html, "<script"), name+": script tags")
		assert.Contains(t, html, `<script defer src="paging-playground.js"></script>`, name)
	}
}

// TestOnlyTheSandboxCompilesCode: the client pane's sandbox worker is the
// one place that turns text into code (the user's client, under its own
// CSP with 'unsafe-eval'); nothing else in the page does.
func TestOnlyTheSandboxCompilesCode(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("src", "*.js"))
	require.NoError(t, err)
	compiles := regexp.MustCompile(`AsyncFunction|GeneratorFunction|\.constructor\s*\(`)
	found := false
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		if filepath.Base(f) == "sandbox-worker.js" {
			found = compiles.Match(b)
			continue
		}
		assert.False(t, compiles.Match(b), "%s compiles code", f)
	}
	assert.True(t, found, "the sandbox compiles the user's code with the AsyncFunction constructor")
}

// TestSandboxHasItsOwnPolicy: the sandbox worker's script is sent with a
// policy that lets nothing leave it.
func TestSandboxHasItsOwnPolicy(t *testing.T) {
	assert.Equal(t, "default-src 'none'; script-src 'unsafe-eval'", SandboxCSP)
	assert.NotContains(t, CSP, "'unsafe-eval'", "the page itself never evaluates text")
}

// TestClientPresets: each client-bug preset's scenario runs under the
// profile it needs, and the Celigo preset is Celigo's listAll unchanged
// (the file the Node test in cmd/pagesim runs).
func TestClientPresets(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("src", "clientpresets.json"))
	require.NoError(t, err)
	var presets []struct{ Name, Title, Needs, Scenario, Code string }
	require.NoError(t, json.Unmarshal(b, &presets))
	require.NotEmpty(t, presets)
	for _, p := range presets {
		assert.Contains(t, p.Scenario, "profile "+p.Needs+"\n", p.Name)
		if _, ok := sim.LookupProfile(p.Needs); ok {
			assert.Empty(t, sim.Check(p.Scenario), p.Name)
		}
		assert.NotEmpty(t, p.Code, p.Name)
	}
	listAll, err := os.ReadFile(filepath.Join("..", "cmd", "pagesim", "testdata", "clients", "celigo", "listall.mjs"))
	require.NoError(t, err)
	assert.Equal(t, string(listAll), presets[0].Code, "Celigo's listAll as its pagination page writes it")
}
