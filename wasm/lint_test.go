//go:build !(js && wasm)

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsguard builds safejs's linter (for the host) once per test run.
func jsguard(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the jsguard linter; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "jsguard")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/hack-pad/safejs/jsguard/cmd/jsguard")
	cmd.Env = append(os.Environ(), "GOOS=", "GOARCH=")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "building jsguard: %s", out)
	return bin
}

// lint runs jsguard on packages as they build for the browser.
func lint(t *testing.T, bin string, pkgs ...string) (string, error) {
	cmd := exec.Command(bin, pkgs...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// TestJSGuard: the adapter and the simulator make no unsafe syscall/js
// call (every JavaScript call goes through safejs, which returns errors
// instead of panicking).
func TestJSGuard(t *testing.T) {
	bin := jsguard(t)
	out, err := lint(t, bin, "./wasm/...", "./sim/...")
	assert.NoError(t, err, "jsguard reported:\n%s", out)

	// The control: a package with a raw syscall/js call is reported, so a
	// clean run above means something.
	out, err = lint(t, bin, "./wasm/testdata/rawjs")
	require.Error(t, err, "jsguard must report the raw syscall/js call")
	assert.Contains(t, out, "unsafe method call on syscall/js.Value found: global.Get")
}

// TestLeanImports: the browser build's own code imports none of the
// packages that would blow the WASM size budget (fmt, encoding/json,
// net/url cost 40–116 KB brotli each), and nothing in it pulls in fmt,
// encoding/json, net/url or the others at all (safejs did pull fmt in: we
// build with a copy that does not, see third_party/README.md), nor embed.
func TestLeanImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list; skipped with -short")
	}
	goList := func(format string, pkgs ...string) []string {
		cmd := exec.Command("go", append([]string{"list", "-f", format}, pkgs...)...)
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		return strings.Fields(string(out))
	}
	heavy := []string{"fmt", "encoding/json", "net/url", "net/http", "regexp", "text/template", "html/template", "log", "time/tzdata"}
	direct := goList(`{{join .Imports " "}}`, "./wasm", "./sim")
	for _, p := range heavy {
		assert.NotContains(t, direct, p, "wasm/ or sim/ imports %s", p)
	}
	deps := goList(`{{join .Deps " "}}`, "./wasm")
	for _, p := range append(heavy, "embed", "reflect", "os") {
		assert.NotContains(t, deps, p, "the WASM build pulls in %s", p)
	}
}
