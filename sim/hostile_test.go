package sim

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input suite: text anyone can type or link, built to make the
// parser, the JSON reader or a run do as much work as the language allows.
// Each case must end with a clear result (a trace, or a list of problems)
// within a bound that is generous for a loaded 2-core machine and for WASM
// under Node (the fixed code takes a fraction of it; before the fixes these
// took from 16 s to forever, or died out of memory), and allocate less than
// hostileAlloc bytes in all, which bounds the peak from above.
const (
	hostileTime  = 30 * time.Second
	hostileAlloc = 1 << 30
)

// hostile runs fn under the bounds.
func hostile(t *testing.T, fn func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(hostileTime):
		t.Fatalf("still running after %v", hostileTime)
	}
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%v, %d MB allocated", time.Since(start).Round(time.Millisecond), alloc>>20)
	assert.Less(t, alloc, uint64(hostileAlloc), "allocated in all")
}

// problems parses text and returns its problems as the editor gets them.
func problems(t *testing.T, text string) []Diagnostic {
	t.Helper()
	var d []Diagnostic
	hostile(t, func() { d = Check(text) })
	require.NotEmpty(t, d)
	assert.LessOrEqual(t, len(d), MaxDiagnostics+1)
	return d
}

func TestHostileParser(t *testing.T) {
	t.Run("one line with 128k problems", func(t *testing.T) {
		// Each `x` is an option without a value: counting each one's column
		// from the start of the line, and sorting them by insertion, was
		// quadratic (64k of them took 16.5 s).
		d := problems(t, "profile offset"+strings.Repeat(" x", 128_000))
		assert.Equal(t, 1, d[0].Line)
		assert.Equal(t, 16, d[0].Col)
		assert.Equal(t, 16+2*99, d[99].Col)
		assert.Equal(t, "and 127900 more problems from here on, not listed: fix the first 100 to see them", d[100].Message)
	})
	t.Run("200k misspelt lines", func(t *testing.T) {
		d := problems(t, strings.Repeat("nxt\n", 200_000))
		assert.Equal(t, 100, d[99].Line)
		assert.Contains(t, d[100].Message, "and 199900 more problems")
	})
	t.Run("one enormous line", func(t *testing.T) {
		d := problems(t, "GET /"+strings.Repeat("a", 8<<20)+"?limit=x")
		assert.Equal(t, 1, d[0].Line)
	})
	t.Run("control characters and invalid UTF-8", func(t *testing.T) {
		var b strings.Builder
		for i := range 1 << 20 {
			b.WriteByte(byte(i*7919) ^ byte(i>>8))
		}
		problems(t, b.String())
	})
	t.Run("deeply nested body", func(t *testing.T) {
		d := problems(t, "POST /x "+strings.Repeat("[", 1<<20)+strings.Repeat("]", 1<<20))
		assert.Equal(t, 1, d[0].Line)
	})
}
