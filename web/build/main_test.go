package main

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needEditorPackages skips a test that bundles the page when the editor's
// npm packages are not installed: ./build.sh installs them (npm ci in web/)
// before it runs the tests.
func needEditorPackages(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", "node_modules", "@codemirror", "view")); err != nil {
		t.Skip("the editor's packages are not installed: run ./build.sh build (npm ci in web/) first")
	}
}

func fakeWasm(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n)
	_, err := rand.Read(b) // incompressible
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "pagesim.wasm")
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

// needSandbox skips when the sandbox's npm packages are not installed:
// ./build.sh installs them (npm ci in web/sandbox) and sets PAGESIM_CLIENTS,
// which makes their absence a failure.
func needSandbox(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", "sandbox", "node_modules", "parse-link-header")); err != nil {
		if os.Getenv("PAGESIM_CLIENTS") != "" {
			t.Fatal("web/sandbox/node_modules is missing: npm ci failed or did not run")
		}
		t.Skip("web/sandbox/node_modules is missing: ./build.sh installs it (npm ci)")
	}
}

func TestBuildFailsOverTheWasmBudget(t *testing.T) {
	needSandbox(t)
	needEditorPackages(t)
	out := filepath.Join(t.TempDir(), "dist")
	err := build(io.Discard, fakeWasm(t, 50_000), filepath.Join("..", "src"), out, 40_000)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "over the budget of 40000")
}

func TestBuildWritesTheSite(t *testing.T) {
	needSandbox(t)
	needEditorPackages(t)
	wasm := fakeWasm(t, 20_000)
	out := filepath.Join(t.TempDir(), "dist")
	require.NoError(t, build(io.Discard, wasm, filepath.Join("..", "src"), out, 1<<20))

	html, err := os.ReadFile(filepath.Join(out, "index.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(html), "{{")
	// Every file index.html names exists, with a content hash in its name.
	refs := regexp.MustCompile(`"((?:main|worker|style|wasm_exec|pagesim)-[0-9A-Z]{8}\.(?:js|css|wasm))"`).FindAllStringSubmatch(string(html), -1)
	names := map[string]bool{}
	for _, r := range refs {
		names[r[1]] = true
		assert.FileExists(t, filepath.Join(out, r[1]))
	}
	require.Len(t, names, 5, "%s", html)
	assert.Contains(t, string(html), `data-wasm-size="20000"`)
	// The editor's bundle and its tables, loaded after the first paint.
	for _, re := range []string{`data-cm="(cm-[0-9A-Z]{8}\.js)"`, `data-language="(language-[0-9A-Z]{8}\.json)"`} {
		m := regexp.MustCompile(re).FindStringSubmatch(string(html))
		require.NotNil(t, m, re)
		assert.FileExists(t, filepath.Join(out, m[1]))
	}

	// The compressed copies decompress to the file.
	for _, r := range refs {
		plain, err := os.ReadFile(filepath.Join(out, r[1]))
		require.NoError(t, err)
		br, err := os.ReadFile(filepath.Join(out, r[1]+".br"))
		require.NoError(t, err)
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		require.NoError(t, err)
		assert.Equal(t, plain, got, r[1]+".br")
		gz, err := os.ReadFile(filepath.Join(out, r[1]+".gz"))
		require.NoError(t, err)
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		require.NoError(t, err)
		got, err = io.ReadAll(zr)
		require.NoError(t, err)
		assert.Equal(t, plain, got, r[1]+".gz")
	}
	// The bundle is minified: no comments, few lines.
	main := regexp.MustCompile(`main-[0-9A-Z]{8}\.js`).FindString(string(html))
	js, err := os.ReadFile(filepath.Join(out, main))
	require.NoError(t, err)
	assert.NotContains(t, string(js), "// ")
	assert.NotContains(t, string(js), "\n  ", "no indentation left")
}
