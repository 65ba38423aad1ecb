package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNpmPackage packs the npm package the build wrote (PAGESIM_NPM, which
// ./build.sh test sets), installs the tarball into a throwaway site the way
// a documentation site would (offline: the package has no dependencies),
// and loads the element from it twice: with a script tag from the installed
// folder, and imported by name into a bundle (esbuild resolves the name
// through package.json's exports as Vite, webpack and Rollup do).
func TestNpmPackage(t *testing.T) {
	ctx := tab(t)
	pkg := os.Getenv("PAGESIM_NPM")
	if pkg == "" {
		t.Skip("PAGESIM_NPM names the built npm package (./build.sh test sets it)")
	}
	npm, err := exec.LookPath("npm")
	require.NoError(t, err)
	tmp := t.TempDir()
	run := func(dir string, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "npm_config_cache="+filepath.Join(tmp, "npm-cache"), "npm_config_update_notifier=false")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s %s:\n%s", name, strings.Join(args, " "), out)
		return string(out)
	}

	out := run(tmp, npm, "pack", pkg, "--pack-destination", tmp)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tarball := strings.TrimSpace(lines[len(lines)-1])
	require.True(t, strings.HasSuffix(tarball, ".tgz"), out)

	site := filepath.Join(tmp, "site")
	require.NoError(t, os.MkdirAll(filepath.Join(site, "src"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(site, "package.json"), []byte(`{"name": "docs-site", "private": true}`), 0o644))
	run(site, npm, "install", "--offline", "--no-audit", "--no-fund", filepath.Join(tmp, tarball))

	var meta struct {
		Name    string
		Version string
		Exports map[string]any
	}
	b, err := os.ReadFile(filepath.Join(site, "node_modules", "paging-playground", "package.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &meta))
	assert.Equal(t, "paging-playground", meta.Name)
	assert.Regexp(t, `^\d+\.\d+\.\d+$`, meta.Version)
	assert.Contains(t, meta.Exports, ".")

	// A site renders its pages on the server first: importing the package
	// there must work and define nothing.
	assert.Equal(t, "function\n", run(site, "node", "--input-type=module", "-e",
		`import { setBasePath } from 'paging-playground'; console.log(typeof setBasePath);`))

	// The npm-built page: the package imported by name and bundled, told
	// where its files are served.
	require.NoError(t, os.WriteFile(filepath.Join(site, "src", "main.js"), []byte(
		"import { setBasePath } from 'paging-playground';\nsetBasePath('/node_modules/paging-playground/');\n"), 0o644))
	res := api.Build(api.BuildOptions{
		EntryPoints:   []string{filepath.Join(site, "src", "main.js")},
		Bundle:        true,
		Format:        api.FormatESModule,
		Outfile:       filepath.Join(site, "assets", "main.js"),
		AbsWorkingDir: site,
		Write:         true,
		LogLevel:      api.LogLevelError,
	})
	require.Empty(t, res.Errors)

	page := func(head, body string) []byte {
		return []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title><link rel="icon" href="data:,">` + head + `</head><body>` + body + `</body></html>`)
	}
	require.NoError(t, os.WriteFile(filepath.Join(site, "plain.html"), page(
		`<script src="node_modules/paging-playground/paging-playground.js"></script>`,
		`<paging-playground id="p" preset="offset-insert-drift" readonly></paging-playground>`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(site, "built.html"), page(
		`<script type="module" src="/assets/main.js"></script>`,
		`<paging-playground id="p" compare="offset,cursor">
  records 20
  GET /items?limit=5
  insert 1
  walk
</paging-playground>`), 0o644))
	files := http.FileServer(http.Dir(site))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()

	for _, p := range []string{"/plain.html", "/built.html"} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+p)), p)
		waitState(t, ctx, "p", "ok")
		assert.Greater(t, eval[int](t, ctx, `document.getElementById('p').steps`), 2, p)
		assert.Contains(t, eval[string](t, ctx, `document.getElementById('p').shadowRoot.querySelector('.summary').textContent`), "profile", p)
	}
}
