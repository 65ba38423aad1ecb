package sim

import (
	goparser "go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The WASM build's size budget is 650 KB brotli, and the Go runtime takes
// most of it. fmt, encoding/json and net/url would each cost 40–116 KB, and
// embed brings io/fs and time (presets_text.go is generated instead), so the
// simulator does without them: this test keeps it that way, in package sim
// and in the internal packages (the codecs) compiled into it.
func TestLeanImports(t *testing.T) {
	allowed := map[string]bool{
		"errors": true, "strings": true, "strconv": true, "slices": true, "sort": true,
		"math": true, "math/bits": true, "unicode": true, "unicode/utf8": true,
	}
	internal, err := filepath.Glob("../internal/*/*.go")
	require.NoError(t, err)
	require.NotEmpty(t, internal)
	own, err := filepath.Glob("*.go")
	require.NoError(t, err)
	require.NotEmpty(t, own)
	for _, f := range append(own, internal...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		parsed, err := goparser.ParseFile(token.NewFileSet(), f, nil, goparser.ImportsOnly)
		require.NoError(t, err)
		for _, imp := range parsed.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			ok := allowed[path] || strings.HasPrefix(path, "pagingplayground/internal/")
			assert.True(t, ok, "%s imports %s, which the WASM budget does not allow in the simulator", f, path)
		}
	}
}

// determinismScenario exercises ties, streams, positional inserts, deletes
// and updates: everything that could leak nondeterminism into a trace.
func determinismScenario() *Scenario {
	s := scenario("offset", 200,
		get("/items?offset=0&limit=15"),
		Step{Kind: StepStream, Count: 2, Every: 3},
		next(), Step{Kind: StepInsert, Count: 4, At: 7}, next(),
		Step{Kind: StepUpdate, ID: 150, Key: 3}, deleteAt(2),
		as("bob", get("/items?offset=0&limit=15")), next(), walkAll(),
		Step{Kind: StepWait, Ticks: 10}, as("bob", walkAll()))
	s.Setup.Sort = sortSpec{Bucket: 9}
	s.Setup.Seed = 42
	return s
}

// The same scenario gives byte-identical JSON twice in one process and in a
// fresh process (map iteration order and memory layout differ between them).
func TestTraceJSONIsDeterministicAcrossProcesses(t *testing.T) {
	if os.Getenv("PAGESIM_PRINT_TRACE") == "1" {
		os.Stdout.Write(execute(determinismScenario()).JSON())
		return
	}
	want := execute(determinismScenario()).JSON()
	assert.Equal(t, string(want), string(execute(determinismScenario()).JSON()))
	if exe, err := os.Executable(); err == nil && exec.Command(exe, "-test.run=^$").Run() == nil {
		for range 2 {
			cmd := exec.Command(exe, "-test.run=^TestTraceJSONIsDeterministicAcrossProcesses$")
			cmd.Env = append(os.Environ(), "PAGESIM_PRINT_TRACE=1")
			out, err := cmd.Output()
			require.NoError(t, err)
			got := strings.TrimSuffix(string(out), "PASS\n")
			assert.Equal(t, string(want), got)
		}
	} else {
		t.Log("no subprocess support here (js/wasm): compared within one process only")
	}
}
