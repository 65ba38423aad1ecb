package wasmlines

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildProg builds testdata/prog for js/wasm (needs go and node).
func buildProg(t *testing.T) []byte {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("builds and runs a WASM: a native test")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed (./build.sh installs it)")
	}
	out := filepath.Join(t.TempDir(), "prog.wasm")
	cmd := exec.Command("go", "build", "-o", out, "./testdata/prog")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, string(b))
	w, err := os.ReadFile(out)
	require.NoError(t, err)
	return w
}

// runProg runs a WASM of testdata/prog under Node.
func runProg(t *testing.T, module []byte, args ...string) (stdout, stderr string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "prog.wasm")
	require.NoError(t, os.WriteFile(p, module, 0o644))
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	cmd := exec.Command("node", append([]string{"--stack-size=8192", filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec_node.js"), p}, args...)...)
	cmd.Stdout, cmd.Stderr = out, errOut
	_ = cmd.Run() // "boom" exits 2
	return out.String(), errOut.String()
}

// The stripped program computes what the original does (allocation, garbage
// collection, a stack grown and copied 5,000 frames deep, a recovered
// panic: what runs on the tables kept), and only file and line are gone: the
// runtime answers line 0 and a traceback reads ?:0, with the functions'
// names still there.
func TestStripKeepsTheProgramAndDropsLines(t *testing.T) {
	orig := buildProg(t)
	stripped, st, err := Strip(orig)
	require.NoError(t, err)
	assert.Equal(t, len(orig), len(stripped), "the layout is kept: every address stays valid")
	assert.Greater(t, st.Funcs, 1000)
	assert.Greater(t, st.Zeroed, 10_000)

	out, _ := runProg(t, orig)
	assert.Equal(t, "sum 1088890 kept 200 depth 5000 recovered line 14\n", out) // main.go:14 is runtime.Caller's line
	out, _ = runProg(t, stripped)
	assert.Equal(t, "sum 1088890 kept 200 depth 5000 recovered line 0\n", out)

	_, trace := runProg(t, stripped, "boom")
	assert.Contains(t, trace, "panic: boom")
	assert.Contains(t, trace, "main.boom()\n\t?:0")
	assert.Contains(t, trace, "main.main()\n\t?:0")
	assert.NotContains(t, trace, "main.go")
	_, trace = runProg(t, orig, "boom")
	assert.Contains(t, trace, "prog/main.go:34")

	again, st2, err := Strip(stripped)
	require.NoError(t, err, "a stripped module strips again")
	assert.Equal(t, 0, st2.Zeroed)
	assert.Equal(t, stripped, again)
}

// Anything but a Go WASM it knows is refused, never guessed at.
func TestStripRefusesWhatItDoesNotKnow(t *testing.T) {
	for name, m := range map[string][]byte{
		"empty":           nil,
		"not wasm":        []byte("hello, world"),
		"no data section": []byte("\x00asm\x01\x00\x00\x00"),
		"no pclntab":      []byte("\x00asm\x01\x00\x00\x00\x0b\x08\x01\x00\x41\x00\x0b\x02\x01\x02"),
		"truncated":       []byte("\x00asm\x01\x00\x00\x00\x0b\x08\x01\x00\x41\x00\x0b\x09\x01\x02"),
	} {
		_, _, err := Strip(m)
		assert.Error(t, err, name)
	}
}

// A pc-value table is pairs of varints, ended by a zero value delta that is
// not the first.
func TestTableLen(t *testing.T) {
	tab := []byte{0xff, 0x00, 0x02, 0x04, 0x03, 0x00, 0x00}
	n, ok := tableLen(tab, 1) // (0, 2) (4, 3) end: a zero first delta is a value
	assert.True(t, ok)
	assert.Equal(t, 5, n)
	_, ok = tableLen(tab[:4], 1) // runs off the end
	assert.False(t, ok)
}
