package sim

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"pagingplayground/internal/json"
	"pagingplayground/internal/reqtarget"
)

// warnings are the input of a scenario that its contract ignores or refuses:
// a path or method it does not serve (the server answers 404 or 405, as the
// real API would, and the warning names what it serves), a query parameter
// it does not read, a body (or a body member) it does not read (the server
// ignores them, as most APIs do). The warning says so where it was typed,
// with a did-you-mean. text is the scenario as written, for columns;
// steps built in code point at column 1 of their line.
func warnings(s *Scenario, text string) []Diagnostic {
	p, ok := scenarioProfile(&s.Setup)
	if !ok || p.reads == nil {
		return nil
	}
	name := p.Name
	rd := p.reads
	var out []Diagnostic
	lineStarts := lineOffsets(text)
	for i := range s.Steps {
		st := &s.Steps[i]
		if st.Kind != StepRequest {
			continue
		}
		at := newLocator(text, lineStarts, st)
		path, query, err := reqtarget.Parse(st.Target)
		if err != nil {
			continue
		}
		methods, body, verb := rd.methods(), rd.Body, "lists with "
		for _, o := range rd.Own {
			if o.Path == path {
				methods, body, verb = o.Methods, o.Body, "serves "+path+" with "
			}
		}
		if len(rd.Paths) > 0 && !servesPath(rd.Paths, path) {
			msg := name + " serves " + strings.Join(rd.Paths, ", ") + ", not `" + path + "`"
			if sg := suggest(path, rd.Paths); sg != "" {
				msg += "; did you mean `" + sg + "`?"
			}
			msg += " (the server answers 404)"
			out = append(out, at.warn(at.target, len(pathPart(st.Target)), msg))
		} else if !slices.Contains(methods, st.Method) {
			status := rd.MethodStatus
			if status == 0 {
				status = 405
			}
			msg := name + " " + verb + strings.Join(methods, " or ") + ", not " + st.Method + " (the server answers " + strconv.Itoa(status) + ")"
			out = append(out, at.warn(at.method, len(st.Method), msg))
		}
		for _, q := range query {
			if slices.Contains(rd.Params, q.Name) {
				continue
			}
			off, n := at.param(q.Name)
			var msg string
			switch {
			case slices.Contains(body, q.Name):
				msg = name + " reads `" + q.Name + "` from the JSON body, not the query string"
			default:
				msg = name + " does not read `" + q.Name + "`: " + cond(rd.Unread != "", rd.Unread, "the server ignores it")
				if sg := suggest(q.Name, rd.Params); sg != "" {
					msg += "; did you mean `" + sg + "`?"
				} else if len(rd.Params) > 0 {
					msg += " (it reads " + strings.Join(rd.Params, ", ") + ")"
				}
			}
			out = append(out, at.warn(off, n, msg))
		}
		if st.Body == "" {
			continue
		}
		if body == nil {
			msg := name + " reads no request body: the server ignores it"
			if len(rd.Params) > 0 {
				msg += " (it reads the query string: " + strings.Join(rd.Params, ", ") + ")"
			}
			out = append(out, at.warn(at.body, 1, msg))
			continue
		}
		b, err := json.Parse(st.Body)
		if err != nil || b.Kind != json.Object {
			continue
		}
		for _, m := range b.Members {
			if slices.Contains(body, m.Name) {
				at.bodyMember(m.Name)
				continue
			}
			msg := name + " does not read the body member `" + m.Name + "`: the server " + cond(verb[0] == 's' && body != nil, "refuses", "ignores") + " it"
			if sg := suggest(m.Name, body); sg != "" {
				msg += "; did you mean `" + sg + "`?"
			} else {
				msg += " (it reads " + strings.Join(body, ", ") + ")"
			}
			out = append(out, at.warn(at.bodyMember(m.Name), len(m.Name)+2, msg))
		}
	}
	return out
}

// pathPart is a target up to its query or fragment.
func pathPart(target string) string {
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		return target[:i]
	}
	return target
}

// lineOffsets are the byte offsets where the lines of text start.
func lineOffsets(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// locator finds the parts of a request step in the scenario text, as byte
// offsets into text (-1 when not found).
type locator struct {
	text                 string
	line                 int // the step's line, 1-based; 0 when built in code
	method, target, body int
	next                 int // where to look for the next body member
}

func newLocator(text string, starts []int, st *Step) *locator {
	at := &locator{text: text, line: st.Line, method: -1, target: -1, body: -1}
	if st.Line < 1 || st.Line > len(starts) {
		return at
	}
	from := starts[st.Line-1]
	end := len(text)
	if st.Line < len(starts) {
		end = starts[st.Line]
	}
	l := text[from:end]
	if i := strings.Index(l, st.Method+" "); i >= 0 {
		at.method = from + i
		if j := strings.Index(l[i:], st.Target); j >= 0 {
			at.target = from + i + j
		}
	}
	if st.Body != "" {
		// The body starts at the first bracket after the target (on the
		// request line or below it); its lines are joined in Step.Body, so
		// members are found by name from there (bodyMember).
		start := from
		if at.target >= 0 {
			start = at.target + len(st.Target)
		}
		if i := strings.IndexByte(text[start:], st.Body[0]); i >= 0 {
			at.body = start + i
			at.next = at.body
		}
	}
	return at
}

// param finds the query parameter called name in the target: its offset and
// length in bytes.
func (at *locator) param(name string) (int, int) {
	if at.target < 0 {
		return -1, 0
	}
	t := at.text[at.target:]
	if i := strings.IndexAny(t, " \t\r\n"); i >= 0 {
		t = t[:i]
	}
	q := strings.IndexByte(t, '?')
	if q < 0 {
		return -1, 0
	}
	off := q + 1
	for _, piece := range strings.Split(t[q+1:], "&") {
		raw, _, _ := strings.Cut(piece, "=")
		if raw == name || unescapeQuiet(raw) == name {
			return at.target + off, len(raw)
		}
		off += len(piece) + 1
	}
	return -1, 0
}

func unescapeQuiet(s string) string {
	_, q, err := reqtarget.Parse("/?" + s + "=")
	if err != nil || len(q) == 0 {
		return s
	}
	return q[0].Name
}

// bodyMember finds the next member called name of the body, in the order
// written: the offset of its quoted name in text.
func (at *locator) bodyMember(name string) int {
	if at.body < 0 {
		return -1
	}
	quoted := string(json.AppendString(nil, name))
	i := strings.Index(at.text[at.next:], quoted)
	if i < 0 {
		return -1
	}
	off := at.next + i
	at.next = off + len(quoted)
	return off
}

// warn is a warning at byte off of the text spanning n bytes; at column 1
// of the step's line when off is unknown.
func (at *locator) warn(off, n int, msg string) Diagnostic {
	d := Diagnostic{Line: at.line, Col: 1, Message: msg, Severity: SeverityWarning}
	if off < 0 || off > len(at.text) {
		return d
	}
	d.Line, d.Col = json.LineCol(at.text, off)
	end := min(off+n, len(at.text))
	if n := utf8.RuneCountInString(at.text[off:end]); n > 0 {
		d.EndCol = d.Col + n
	}
	return d
}
