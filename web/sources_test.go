package web

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		assert.Equal(t, 1, strings.Count(html, "<script"), name+": one script tag")
		assert.Contains(t, html, `<script defer src="paging-playground.js"></script>`, name)
	}
}
