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
// panic: what runs on the tables kept), and only file, line and the
// program's function names are gone: the runtime answers line 0, a
// traceback reads ?:0 and names none of the program's functions, and the
// runtime still tells its own goroutines from the program's by their names
// (a deadlock's traceback lists the program's goroutines, not the
// collector's, which it would if their names were gone).
func TestStripKeepsTheProgramAndDropsLines(t *testing.T) {
	orig := buildProg(t)
	stripped, st, err := Strip(orig)
	require.NoError(t, err)
	assert.Equal(t, len(orig), len(stripped), "the layout is kept: every address stays valid")
	assert.Greater(t, st.Funcs, 1000)
	assert.Greater(t, st.Zeroed, 10_000)

	out, _ := runProg(t, orig)
	assert.Equal(t, "sum 1088890 kept 200 depth 5000 recovered line 16\n", out) // main.go:16 is runtime.Caller's line
	out, _ = runProg(t, stripped)
	assert.Equal(t, "sum 1088890 kept 200 depth 5000 recovered line 0\n", out)

	_, trace := runProg(t, stripped, "boom")
	assert.Contains(t, trace, "panic: boom")
	assert.Contains(t, trace, "\t?:0 +0x")
	assert.NotContains(t, trace, "main.go")
	assert.NotContains(t, trace, "main.boom")
	assert.NotContains(t, trace, "main.main")
	_, trace = runProg(t, orig, "boom")
	assert.Contains(t, trace, "main.boom()\n")
	assert.Contains(t, trace, "prog/main.go:36")

	for _, m := range [][]byte{orig, stripped} {
		_, trace = runProg(t, m, "deadlock")
		assert.Contains(t, trace, "fatal error: all goroutines are asleep - deadlock!")
		assert.Contains(t, trace, "[select (no cases)]")
		assert.NotContains(t, trace, "GC sweep wait")
	}

	// No name of the program's is left in the module.
	assert.True(t, bytes.Contains(orig, []byte("main.boom\x00")))
	assert.False(t, bytes.Contains(stripped, []byte("main.boom\x00")))

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
