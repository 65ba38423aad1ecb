package sim

import "strconv"

// maxDiagnostics is how many problems a malformed scenario reports: the first
// ones in source order, then one more that says how many were left out. An
// editor that underlines 200,000 problems freezes, and nobody reads past the
// first screenful; fixing those shows the next.
const maxDiagnostics = 100

// diagList collects diagnostics in bounded memory: it keeps the first
// maxDiagnostics+1 in source order (stable for equal positions) and counts the
// rest, so a text with millions of problems costs what one with a hundred does.
type diagList struct {
	d       []Diagnostic
	dropped int
}

func (l *diagList) add(d Diagnostic) {
	d.Message = displayText(d.Message) // they quote what was written
	l.d = append(l.d, d)
	if len(l.d) >= 8*(maxDiagnostics+1) {
		l.compact()
	}
}

// merge adds o's diagnostics to l.
func (l *diagList) merge(o *diagList) {
	for _, d := range o.d {
		l.add(d)
	}
	l.dropped += o.dropped
}

func (l *diagList) len() int { return len(l.d) + l.dropped }

// compact sorts what is kept and drops all but the first maxDiagnostics+1.
// Sorting is stable and later additions come after what is kept, so the
// result is the first maxDiagnostics+1 of all of them in source order.
func (l *diagList) compact() {
	sortDiags(l.d)
	if n := maxDiagnostics + 1; len(l.d) > n {
		l.dropped += len(l.d) - n
		clear(l.d[n:])
		l.d = l.d[:n]
	}
}

// list returns the diagnostics to report: at most maxDiagnostics, in source
// order, and when there were more, a last one at the first left out saying
// how many.
func (l *diagList) list() []Diagnostic {
	l.compact()
	if len(l.d) <= maxDiagnostics {
		return l.d
	}
	first := l.d[maxDiagnostics]
	more := len(l.d) - maxDiagnostics + l.dropped
	out := l.d[:maxDiagnostics:maxDiagnostics]
	return append(out, Diagnostic{Line: first.Line, Col: first.Col, Message: "and " + strconv.Itoa(more) + " more problems from here on, not listed: fix the first " + strconv.Itoa(maxDiagnostics) + " to see them"})
}

// err is a *ParseError with the list, or nil when it is empty.
func (l *diagList) err() error {
	if l.len() == 0 {
		return nil
	}
	d := l.list()
	return &ParseError{Diags: d, Omitted: l.len() - len(d)}
}

// sortDiags puts diagnostics in source order, keeping the order of those at
// the same place: a merge sort, O(n log n) for a line with 64,000 problems,
// hand-written because a generic sort would add its own copy of pdqsort to
// the WASM.
func sortDiags(d []Diagnostic) {
	if len(d) < 2 {
		return
	}
	src, dst := d, make([]Diagnostic, len(d))
	for width := 1; width < len(d); width *= 2 {
		for lo := 0; lo < len(d); lo += 2 * width {
			mid, hi := min(lo+width, len(d)), min(lo+2*width, len(d))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if diagBefore(&src[j], &src[i]) {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &d[0] {
		copy(d, src)
	}
}

func diagBefore(a, b *Diagnostic) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}
