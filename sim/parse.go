package sim

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"pagingplayground/internal/json"
	"pagingplayground/internal/linkheader"
	"pagingplayground/internal/reqtarget"
)

// The scenario language is line-based: setup lines, then one step per line,
// with a request's header lines and JSON body right under it. People write it
// by hand from vendors' documents, so the parser forgives white space and
// indentation but nothing that changes meaning, and it reports every problem
// it finds (it keeps going after an error) with a column and a message that
// says what was expected and what was found. docs/language.md is the reference.

// Parse reads a scenario written in the scenario language. Errors are a
// *ParseError with every problem's line and column.
func Parse(text string) (*Scenario, error) {
	p := newParser(text)
	p.parse()
	if err := p.diags.err(); err != nil {
		return nil, err
	}
	return p.s, nil
}

var setupWords = []string{"profile", "records", "order", "sort", "seed", "contract"}
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}
var allWords = slices.Concat(stepWords, setupWords, methods) // what an unknown word may be a misspelling of

// badRequest is parser.open after a malformed request: its header and body
// lines are skipped quietly, since the request line has its error already.
const badRequest = -2

type parser struct {
	text   string
	starts []int // byte offset of each line in text
	diags  diagList
	s      *Scenario

	setupAt   [6]int // line of each setup line (by index in setupWords), 0 if absent
	knobs     bool   // the lines indented under a `contract` line are its knobs
	firstStep int    // line of the first step, even a malformed one; 0 before it

	// The request whose header and body lines may follow: an index into
	// s.Steps, -1 for none, or badRequest. A blank line or any other step
	// closes it.
	open     int
	openBody bool // the open request got its body on a line of its own: no more headers

	col struct{ line, off, col int } // the last column counted (column), line 1-based, 0 for none
}

func newParser(text string) *parser {
	text = strings.TrimPrefix(text, "\uFEFF")
	p := &parser{text: text, s: &Scenario{}, open: -1}
	p.s.Setup.Profile = "offset" // what no profile line means; Setup.Line stays 0
	p.s.Setup.Sort = defaultSort
	// Both lists are sized up front: appending to them line by line would
	// copy each a dozen times over on a 100,000-step scenario. Any line
	// that starts with something other than a blank or # may be a step.
	p.starts = make([]int, 1, strings.Count(text, "\n")+1)
	steps := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			p.starts = append(p.starts, i+1)
		} else if i == p.starts[len(p.starts)-1] && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '#' {
			steps++
		}
	}
	p.s.Steps = make([]Step, 0, min(steps, maxSteps+1))
	return p
}

// line returns line i (0-based) without its line break.
//
//go:noinline
func (p *parser) line(i int) string {
	end := len(p.text)
	if i+1 < len(p.starts) {
		end = p.starts[i+1] - 1
	}
	return strings.TrimSuffix(p.text[p.starts[i]:end], "\r")
}

// errAt reports a problem on line i (0-based) spanning the bytes off..end of
// the line; columns count characters.
func (p *parser) errAt(i int, off, end int, msg string) {
	l := p.line(i)
	off = min(off, len(l))
	end = min(max(end, off), len(l))
	col := p.column(i, l, off)
	endCol := col + utf8.RuneCountInString(l[off:end])
	if endCol == col {
		endCol = 0
	}
	p.diags.add(Diagnostic{Line: i + 1, Col: col, EndCol: endCol, Message: msg})
}

// column returns the 1-based column of byte off in line i (whose text is l).
// Problems on a line are mostly reported left to right, so it counts on from
// the last one instead of from the start: a line with 64,000 problems stays
// linear.
func (p *parser) column(i int, l string, off int) int {
	c := &p.col
	if c.line != i+1 || off < c.off {
		c.line, c.off, c.col = i+1, 0, 1
	}
	c.col += utf8.RuneCountInString(l[c.off:off])
	c.off = off
	return c.col
}

// errWord reports a problem with one word.
//
//go:noinline
func (p *parser) errWord(i int, w word, msg string) { p.errAt(i, w.off, w.end(), msg) }

// A word is a run of non-blank characters in a line and where it starts.
type word struct {
	text string
	off  int // byte offset in the line
}

func (w word) end() int { return w.off + len(w.text) }

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// words splits s (which starts at byte off of its line) at blanks.
//
//go:noinline
func words(s string, off int) []word {
	var out []word
	for i := 0; i < len(s); {
		if isBlank(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isBlank(s[j]) {
			j++
		}
		out = append(out, word{s[i:j], off + i})
		i = j
	}
	return out
}

// commentStart returns where a comment starts in l: a # at the start of the
// line or after a blank (a # inside a word, as in a URL fragment, is not
// one), or len(l).
//
//go:noinline
func commentStart(l string) int {
	for i := 0; i < len(l); i++ {
		if l[i] == '#' && (i == 0 || isBlank(l[i-1])) {
			return i
		}
	}
	return len(l)
}

func indentOf(l string) int {
	i := 0
	for i < len(l) && isBlank(l[i]) {
		i++
	}
	return i
}

func (p *parser) parse() {
	for i := 0; i < len(p.starts); i++ {
		l := p.line(i)
		in := indentOf(l)
		rest := l[in:]
		switch {
		case rest == "":
			p.open = -1 // a blank line ends a request's header block
			p.knobs = false
			continue
		case rest[0] == '#':
			continue // comments may sit among header lines
		case p.knobs && in > 0:
			p.knobLine(i, in)
			continue
		}
		p.knobs = false
		switch {
		case rest[0] == '{' || rest[0] == '[':
			i = p.bodyLine(i, in)
			continue
		}
		if name, ok := headerLike(rest); ok && !strings.HasPrefix(rest[len(name)+1:], "//") {
			p.headerLine(i, in, name)
			continue
		}
		p.open = -1
		i = p.stepLine(i, in)
	}
}

// headerLike reports whether s starts with `Name:`, Name being an HTTP token.
func headerLike(s string) (string, bool) {
	i := 0
	for i < len(s) && linkheader.IsTokenChar(s[i]) {
		i++
	}
	if i == 0 || i == len(s) || s[i] != ':' {
		return "", false
	}
	return s[:i], true
}

// headerLine reads `Name: value` under a request.
func (p *parser) headerLine(i, in int, name string) {
	l := p.line(i)
	nameWord := word{name, in}
	switch {
	case p.open == badRequest:
		return
	case p.open < 0:
		p.errWord(i, nameWord, "a header line belongs right under its request; to send `"+name+"` from now on, write `header "+name+": ...`")
		return
	case in == 0:
		p.errWord(i, nameWord, "header lines under a request are indented: write `  "+strings.TrimSpace(l[:commentStart(l)])+"`")
		return
	case p.openBody:
		p.errWord(i, nameWord, "header lines come before the request's body")
		return
	}
	if !p.valueOK(i, in+len(name)+1, l[in+len(name)+1:]) {
		return
	}
	req := &p.s.Steps[p.open]
	req.Headers = append(req.Headers, Header{Name: name, Value: headerValue(l[in+len(name)+1:])})
}

// headerValue reads what follows a header's colon: up to a comment, which
// may start right after the colon, without the blanks around it.
func headerValue(s string) string {
	s = strings.TrimLeft(s, " \t")
	return strings.TrimRight(s[:commentStart(s)], " \t")
}

// bodyLine reads a JSON body that starts a line, under a request. It returns
// the last line the body takes.
func (p *parser) bodyLine(i, in int) int {
	if p.open == badRequest {
		last, _ := p.scanBody(i, in)
		return last
	}
	if p.open < 0 {
		last, _ := p.scanBody(i, in)
		p.errAt(i, in, in+1, "a JSON body belongs right under its request (a line like `POST /items`)")
		return last
	}
	req := &p.s.Steps[p.open]
	if req.Body != "" {
		last, _ := p.scanBody(i, in)
		p.errAt(i, in, in+1, "the request on line "+strconv.Itoa(req.Line)+" already has a body")
		return last
	}
	p.openBody = true
	last, body := p.scanBody(i, in)
	p.s.Steps[p.open].Body = body
	return last
}

// scanBody reads the JSON value that starts at byte in of line i and may span
// lines, checks it, and reports anything but a comment after it. It returns
// the value's last line and its text with line breaks folded (foldBody), ""
// when malformed.
func (p *parser) scanBody(i, in int) (last int, body string) {
	start := p.starts[i] + in
	end, last := p.bodyEnd(i, in)
	if end < 0 {
		p.errAt(i, in, in+1, "this JSON body is never closed: expected a matching `"+closerFor(p.text[start])+"`")
		return last, ""
	}
	raw := p.text[start:end]
	ok := true
	if _, err := json.Parse(raw); err != nil {
		ok = false
		off := 0
		if je, isJE := err.(*json.Error); isJE {
			off = je.Offset
		}
		// Count lines within the body only: a text with many bad bodies
		// stays linear.
		li, col := json.LineCol(raw, off)
		if li == 1 {
			col += utf8.RuneCountInString(p.line(i)[:in])
		}
		p.diags.add(Diagnostic{Line: i + li, Col: col, Message: "malformed JSON body: " + err.Error()})
	}
	// What follows the value on its last line: white space or a comment.
	l := p.line(last)
	after := end - p.starts[last]
	if tail := strings.TrimLeft(l[after:], " \t"); tail != "" && tail[0] != '#' {
		off := len(l) - len(tail)
		p.errAt(last, off, off+len(tailWord(tail)), "unexpected `"+tailWord(tail)+"` after the JSON body")
	}
	if !ok {
		return last, ""
	}
	return last, foldBody(raw)
}

// bodyEnd finds the end of the JSON array or object that starts at byte in of
// line i: the byte offset in the text just past it and its last line. It only
// balances brackets outside strings; ParseJSON judges the rest. A string ends
// at the end of its line, as JSON allows no line break in one, so that an
// unclosed quote cannot swallow the scenario. A body that reaches a line that
// is clearly a step was never closed: then end is -1 and last is the line
// before the step, so one missing bracket costs one error and the steps after
// it are still read.
func (p *parser) bodyEnd(i, in int) (end, last int) {
	depth := 0
	for j := i; j < len(p.starts); j++ {
		l, base := p.line(j), p.starts[j]
		if j == i {
			l, base = l[in:], base+in
		} else if p.startsStep(l) {
			return -1, j - 1
		}
		if end, depth = bracketsEnd(l, depth); end >= 0 {
			return base + end, j
		}
	}
	return -1, len(p.starts) - 1
}

// bracketsEnd scans s for the bracket that closes the depth ones open before
// it, skipping strings; with depth 0, s starts with the opening bracket. It
// returns the offset just past that bracket, or -1 and the depth at the end
// of s.
func bracketsEnd(s string, depth int) (int, int) {
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '"':
			k += stringEnd(s[k:]) - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return k + 1, 0
			}
		}
	}
	return -1, depth
}

// stringEnd returns the offset just past the JSON string that starts s with
// its quote, or len(s) when it does not end.
func stringEnd(s string) int {
	for k := 1; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '"':
			return k + 1
		}
	}
	return len(s)
}

func tailWord(s string) string {
	if w := words(s, 0); len(w) > 0 {
		return w[0].text
	}
	return s
}

func closerFor(c byte) string {
	if c == '[' {
		return "]"
	}
	return "}"
}

// startsStep reports whether a line, unindented, starts with a keyword, a
// method or a client: a line no JSON body continues onto.
func (p *parser) startsStep(l string) bool {
	if l == "" || isBlank(l[0]) {
		return false
	}
	w := words(l, 0)[0].text
	return w[0] == '@' || slices.Contains(setupWords, w) || slices.Contains(stepWords, w) || slices.Contains(methods, w)
}

// foldBody puts a body written over several lines on one: each line break
// with the blanks around it becomes one space, or nothing next to a bracket,
// so that `{⏎  "p": 1,⏎  "limit": 20⏎}` reads `{"p": 1, "limit": 20}`. A
// body on one line is kept as written. JSON strings cannot hold a raw line
// break, so no string changes.
func foldBody(raw string) string {
	if !strings.ContainsAny(raw, "\r\n") {
		return strings.TrimSpace(raw)
	}
	var b strings.Builder
	for i, l := range strings.Split(strings.ReplaceAll(raw, "\r", ""), "\n") {
		l = strings.Trim(l, " \t")
		if l == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			prev := b.String()[b.Len()-1]
			if prev != '{' && prev != '[' && l[0] != '}' && l[0] != ']' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// stepLine reads a setup line or a step starting at byte in of line i. It
// returns the last line it took (a request's inline body may span lines).
func (p *parser) stepLine(i, in int) int {
	l := p.line(i)
	ws := words(l[in:], in)
	client := ""
	var clientWord word
	if ws[0].text[0] == '@' {
		clientWord = ws[0]
		client = ws[0].text[1:]
		if !p.checkClient(i, clientWord) {
			return i
		}
		if client == "default" {
			client = "" // the default client has a name in traces; writing it is the same as omitting it
		}
		ws = ws[1:]
		if len(ws) == 0 {
			p.errWord(i, clientWord, "expected a request or "+quoteList(clientStepWords)+" after `"+clientWord.text+"`")
			return i
		}
	}
	head := ws[0]
	if head.text == "expect" { // anywhere: neither setup nor a step
		l = l[:commentStart(l)]
		if clientWord.text != "" {
			p.errWord(i, clientWord, "`expect` is about the whole run: it takes no `"+clientWord.text+"`")
			return i
		}
		p.expect(i, words(l[head.off:], head.off))
		return i
	}
	if !slices.Contains(setupWords, head.text) && p.firstStep == 0 {
		p.firstStep = i + 1
	}
	if slices.Contains(methods, head.text) {
		return p.requestLine(i, client, head)
	}
	// Everything else ends at a comment.
	l = l[:commentStart(l)]
	ws = words(l[head.off:], head.off)
	if len(ws) == 0 {
		// The line was `@bob # ...`.
		p.errWord(i, clientWord, "expected a request or "+quoteList(clientStepWords)+" after `"+clientWord.text+"`")
		return i
	}
	if k := slices.Index(setupWords, head.text); k >= 0 {
		if clientWord.text != "" {
			p.errWord(i, clientWord, "`"+head.text+"` is a setup line: it takes no `"+clientWord.text+"`")
			return i
		}
		p.setupLine(i, k, ws)
		return i
	}
	k := stepKindOf(head.text)
	if k == 0 {
		p.unknown(i, head, ws)
		return i
	}
	spec := &stepSpecs[k]
	if spec.shared && clientWord.text != "" {
		p.errWord(i, clientWord, "`"+head.text+"` changes the list for every client: it takes no `"+clientWord.text+"`")
		return i
	}
	if spec.needs != "" && len(ws) == 1 {
		p.expectAfter(i, ws, spec.needs)
		return i
	}
	st := Step{Kind: k, Line: i + 1, Client: client}
	if !spec.parse(p, i, l, ws, &st) {
		return i
	}
	p.s.Steps = append(p.s.Steps, st)
	return i
}

func (p *parser) checkClient(i int, w word) bool {
	name := w.text[1:]
	if name == "" {
		p.errWord(i, w, "expected a client name after `@`, like `@alice`")
		return false
	}
	if !isClientName(name) {
		p.errWord(i, w, "a client name has letters, digits, `-` and `_` only, got `"+w.text+"`")
		return false
	}
	return true
}

func isClientName(s string) bool {
	for _, r := range s {
		if !(r == '-' || r == '_' || r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')) {
			return false
		}
	}
	return s != ""
}

// unknown reports a first word that is neither a keyword nor a method, with
// the likeliest intended one.
func (p *parser) unknown(i int, head word, ws []word) {
	w := head.text
	switch {
	case len(ws) > 1 && equalFoldASCII(w, "DELETE") && (strings.HasPrefix(ws[1].text, "/") || strings.Contains(ws[1].text, "://")):
		p.errWord(i, head, "methods are written in upper case: `DELETE "+ws[1].text+"`")
		return
	case slices.Contains(methods, asciiUpper(w)):
		p.errWord(i, head, "methods are written in upper case: `"+asciiUpper(w)+"`")
		return
	case isListNumber(w):
		p.errWord(i, head, "steps are not numbered: remove `"+w+"`")
		return
	case strings.HasPrefix(w, "/") || strings.Contains(w, "://"):
		p.errWord(i, head, "a request starts with its method: `GET "+w+"`")
		return
	}
	msg := "unknown step `" + w + "`"
	if s := suggest(w, allWords); s != "" {
		msg += didYouMean(s)
	} else {
		msg += ": expected a request like `GET /items`, a step (" + quoteList(stepWords) + ") or a setup line (" + quoteList(setupWords) + ")"
	}
	p.errWord(i, head, msg)
}

// isListNumber reports whether w is a list item number, `1.` or `2)`, as in a
// sequence copied from a document.
func isListNumber(w string) bool {
	last := w[len(w)-1]
	return (last == '.' || last == ')') && isDigits(w[:len(w)-1])
}

func quoteList(list []string) string {
	var b strings.Builder
	for i, s := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("`" + s + "`")
	}
	return b.String()
}

// noMore reports anything after the n words a line should have.
func (p *parser) noMore(i int, ws []word, n int) bool {
	if len(ws) > n {
		last := ws[len(ws)-1]
		p.errAt(i, ws[n].off, last.end(), "unexpected `"+ws[n].text+"` after `"+joinWords(ws[:n])+"`")
		return false
	}
	return true
}

func joinWords(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// expectAfter reports a missing word: `expected <what> after `<ws>“.
func (p *parser) expectAfter(i int, ws []word, what string) {
	last := ws[len(ws)-1]
	p.errAt(i, last.end(), last.end(), "expected "+what+" after `"+joinWords(ws)+"`")
}

// --- setup lines ---

func (p *parser) setupLine(i, k int, ws []word) {
	head := ws[0]
	if p.firstStep > 0 {
		p.errWord(i, head, "setup lines come before the first step (line "+strconv.Itoa(p.firstStep)+")")
		return
	}
	if at := p.setupAt[k]; at > 0 {
		p.errWord(i, head, "`"+head.text+"` is already set on line "+strconv.Itoa(at))
		return
	}
	p.setupAt[k] = i + 1
	setup := &p.s.Setup
	if len(ws) == 1 {
		what := map[string]string{
			"profile":  "a profile name (like `offset` or `celigo`)",
			"records":  "a record count (like `1000`, `1_000_000` or `10k`)",
			"order":    "`newest-first` or `oldest-first`",
			"sort":     "`created`, `created, id` or `created/60`",
			"seed":     "a seed number",
			"contract": "a base style (`offset`, `page` or `cursor`), then the knobs that differ on indented lines",
		}[head.text]
		p.expectAfter(i, ws, what)
		return
	}
	switch head.text {
	case "contract":
		p.contract(i, ws)
	case "profile":
		if p.s.Setup.Contract != nil {
			p.errWord(i, head, "a scenario runs against a `profile` or a declared `contract` (line "+strconv.Itoa(p.s.Setup.Contract.Line)+"), not both")
			return
		}
		p.profile(i, ws)
	case "records":
		if n, ok := p.count(i, ws[1], "a record count", true); ok && p.noMore(i, ws, 2) {
			if msg := recordsProblem(n); msg != "" {
				p.errWord(i, ws[1], msg)
				return
			}
			setup.Records = n
		}
	case "order":
		switch ws[1].text {
		case "newest-first":
			setup.Order = NewestFirst
		case "oldest-first":
			setup.Order = OldestFirst
		default:
			msg := "expected `newest-first` or `oldest-first` after `order`, got `" + ws[1].text + "`"
			if s := suggest(ws[1].text, []string{"newest-first", "oldest-first"}); s != "" {
				msg += didYouMean(s)
			}
			p.errWord(i, ws[1], msg)
			return
		}
		p.noMore(i, ws, 2)
	case "sort":
		p.sort(i, ws)
	case "seed":
		w := ws[1]
		n, err := strconv.ParseUint(strings.ReplaceAll(w.text, "_", ""), 10, 64)
		if err != nil || !digitsOK(w.text) {
			p.errWord(i, w, "expected a seed (a whole number from 0 to 18446744073709551615) after `seed`, got `"+w.text+"`")
			return
		}
		if p.noMore(i, ws, 2) {
			setup.Seed = n
		}
	}
}

func (p *parser) profile(i int, ws []word) {
	name := ws[1]
	if !isProfileName(name.text) {
		msg := "expected a profile name after `profile`, like `offset` or `celigo`, got `" + name.text + "`"
		if lower := asciiLower(name.text); isProfileName(lower) {
			msg = "profile names are lower case: `" + lower + "`"
		}
		p.errWord(i, name, msg)
		return
	}
	p.s.Setup.Profile = name.text
	p.s.Setup.Line = i + 1
	l := p.line(i)
	p.s.Setup.Col = utf8.RuneCountInString(l[:name.off]) + 1
	for _, w := range ws[2:] {
		k, v, ok := strings.Cut(w.text, "=")
		if !ok || k == "" || v == "" {
			p.errWord(i, w, "expected OPTION=VALUE, like `limit=50`, got `"+w.text+"`")
			continue
		}
		col := utf8.RuneCountInString(l[:w.off]) + 1
		p.s.Setup.Options = append(p.s.Setup.Options, Option{Name: k, Value: v, Line: i + 1, Col: col})
	}
}

// contract reads `contract BASE`; its knobs follow on indented lines.
func (p *parser) contract(i int, ws []word) {
	if at := p.setupAt[0]; at > 0 {
		p.errWord(i, ws[0], "a scenario runs against a `profile` (line "+strconv.Itoa(at)+") or a declared `contract`, not both")
		return
	}
	if !p.noMore(i, ws, 2) {
		return
	}
	l := p.line(i)
	p.s.Setup.Profile = ""
	p.s.Setup.Contract = &contractDecl{Base: ws[1].text, Line: i + 1, Col: utf8.RuneCountInString(l[:ws[1].off]) + 1}
	p.knobs = true
}

// knobLine reads `KNOB VALUE` under a `contract` line. The value is the
// rest of the line up to a comment.
func (p *parser) knobLine(i, in int) {
	l := p.line(i)
	rest := l[in:commentStartAt(l, in)]
	name, value, _ := strings.Cut(strings.TrimRight(rest, " \t"), " ")
	value = strings.TrimSpace(value)
	if findKnob(name) == nil && slices.Contains(allWords, name) {
		// An editor keeps the knobs' indent on the next line: a setup line
		// or a step typed there would read as a misspelt knob.
		p.errAt(i, in, in+len(name), "`"+name+"` is indented, so it reads as a knob of the contract block: write it at the start of the line (the block ends at the first line that is not indented)")
		return
	}
	col := utf8.RuneCountInString(l[:in]) + 1
	d := p.s.Setup.Contract
	d.Knobs = append(d.Knobs, Option{Name: name, Value: value, Line: i + 1, Col: col})
}

// commentStartAt is where a comment starts in l at or after byte from.
func commentStartAt(l string, from int) int { return from + commentStart(l[from:]) }

func isProfileName(s string) bool {
	for _, r := range s {
		if !(r == '-' || r == '_' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}

// sort reads a `sort` line.
func (p *parser) sort(i int, ws []word) {
	start := ws[1].off
	key, off, end, msg := parseSort(p.line(i)[start:ws[len(ws)-1].end()])
	if msg != "" {
		p.errAt(i, start+off, start+end, msg)
		return
	}
	p.s.Setup.Sort = key
}

// parseSort reads a sort key as the `sort` line and the JSON form write it:
// `created[/N][, id]`, blanks allowed around the slash and the comma. A
// problem is a message and the bytes of s it is about.
func parseSort(s string) (key sortSpec, off, end int, msg string) {
	pos := 0
	skip := func() {
		for pos < len(s) && isBlank(s[pos]) {
			pos++
		}
	}
	fail := func(what string) (sortSpec, int, int, string) {
		w := strings.SplitN(tailWord(s[pos:]), ",", 2)[0]
		if pos < len(s) && s[pos] == ',' {
			w = ","
		}
		if w == "" {
			return key, pos, pos, "expected " + what + " in `sort " + s + "`, got nothing"
		}
		return key, pos, pos + len(w), "expected " + what + " in `sort " + s + "`, got `" + w + "`"
	}
	if !strings.HasPrefix(s, "created") {
		w := tailWord(s)
		return key, 0, len(w), "the list sorts by `created` (the creation tick), optionally rounded (`created/60`) and with `, id` as tiebreaker; got `" + w + "`"
	}
	pos = len("created")
	key = sortSpec{Bucket: 1}
	skip()
	if pos < len(s) && s[pos] == '/' {
		pos++
		skip()
		j := pos
		for j < len(s) && !isBlank(s[j]) && s[j] != ',' {
			j++
		}
		n, ok := parseNumber(s[pos:j], true)
		if !ok {
			return fail("a bucket size after `/`")
		}
		if msg := bucketProblem(n); msg != "" {
			return key, pos, j, msg
		}
		key.Bucket = n
		pos = j
		skip()
	}
	if pos < len(s) && s[pos] == ',' {
		pos++
		skip()
		if !strings.HasPrefix(s[pos:], "id") || (pos+2 < len(s) && !isBlank(s[pos+2])) {
			return fail("`id` after the comma")
		}
		key.Tiebreak = true
		pos += 2
		skip()
	}
	if pos < len(s) {
		return fail("`/N` or `, id`")
	}
	return key, 0, 0, ""
}

// --- steps ---

// requestLine reads `METHOD TARGET [BODY]`; header and body lines may follow.
func (p *parser) requestLine(i int, client string, method word) int {
	l := p.line(i)
	st := Step{Kind: StepRequest, Line: i + 1, Client: client, Method: method.text}
	p.open = badRequest // until the request line is known to be good
	rest := l[method.end():]
	tw := words(rest[:commentStart(rest)], method.end())
	if len(tw) == 0 {
		p.errAt(i, method.end(), method.end(), "expected a request target like `/items?page=2` after `"+method.text+"`")
		return i
	}
	target := tw[0]
	if target.text[0] == '{' || target.text[0] == '[' {
		p.errWord(i, target, "expected a request target like `/items?page=2` after `"+method.text+"`, got a JSON body")
		return i
	}
	ok := p.checkTarget(i, target)
	st.Target = target.text
	last := i
	after := target.end() + indentOf(l[target.end():])
	switch {
	case after == len(l) || l[after] == '#':
	case l[after] == '{' || l[after] == '[':
		var body string
		last, body = p.scanBody(i, after)
		if body == "" {
			ok = false
		}
		st.Body = body
	default:
		w := tailWord(l[after:])
		p.errAt(i, after, after+len(w), "unexpected `"+w+"` after the target: a body is JSON (`{...}` or `[...]`), and a target has no spaces")
		ok = false
	}
	if !ok {
		if last > i {
			p.open = -1
		}
		return last
	}
	p.s.Steps = append(p.s.Steps, st)
	p.open = len(p.s.Steps) - 1
	// Header lines may follow a body on the request line, as if it were at
	// its end; not one that spans lines, which reads as a body below.
	p.openBody = last > i
	return last
}

// checkTarget checks a request target: ParseTarget accepts it. The values
// of its parameters are the contract's business (a cursor contract reads
// `page=tok_abc` as nothing at all), so they are not checked here.
func (p *parser) checkTarget(i int, t word) bool {
	if _, _, err := reqtarget.Parse(t.text); err != nil {
		// Point at the character at fault, or at the whole target.
		off, end := t.off, t.end()
		if te, ok := err.(*reqtarget.Error); ok && te.Offset > 0 {
			off, end = t.off+te.Offset, t.off+te.Offset+1
		}
		p.errAt(i, off, end, "bad request target `"+t.text+"`: "+err.Error())
		return false
	}
	return true
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// walk reads `walk`, `walk max N` and `walk cap N`.
func (p *parser) walk(i int, _ string, ws []word, st *Step) bool {
	if len(ws) == 1 {
		return true
	}
	switch ws[1].text {
	case "max", "cap":
		st.Cap = ws[1].text == "cap"
	default:
		msg := "expected `max N` or `cap N` after `walk`, got `" + ws[1].text + "`"
		if isDigits(ws[1].text) {
			msg += ": write `walk max " + ws[1].text + "` to stop quietly after " + ws[1].text + " pages, `walk cap " + ws[1].text + "` to fail when more are needed"
		}
		p.errWord(i, ws[1], msg)
		return false
	}
	if len(ws) == 2 {
		p.expectAfter(i, ws, "a number of pages")
		return false
	}
	n, ok := p.count(i, ws[2], "a number of pages", true)
	if !ok {
		return false
	}
	if msg := walkProblem(n, true); msg != "" {
		p.errWord(i, ws[2], msg)
		return false
	}
	st.MaxPages = int(n)
	return p.noMore(i, ws, 3)
}

// header reads `header Name: value` and `header Name:`.
func (p *parser) header(i int, l string, ws []word, st *Step) bool {
	head := ws[0]
	rest := l[head.end():]
	in := indentOf(rest)
	rest = rest[in:]
	off := head.end() + in
	if rest == "" {
		p.errAt(i, head.end(), head.end(), "expected `Name: value` after `header`")
		return false
	}
	name, ok := headerLike(rest)
	if !ok {
		w := tailWord(rest)
		p.errAt(i, off, off+len(w), "expected `Name: value` after `header` (a header name is a word like `X-Session-Id`, then a colon), got `"+w+"`")
		return false
	}
	st.Name = name
	st.Value = headerValue(rest[len(name)+1:])
	return p.valueOK(i, off+len(name)+1, rest[len(name)+1:])
}

// valueOK reports a control character in a header's value (raw, which starts
// at byte off of line i) at its column: RFC 9110 forbids them, and a curl
// line carrying ESC or ^K can run a command when pasted into a terminal.
func (p *parser) valueOK(i, off int, raw string) bool {
	raw = raw[:commentStart(raw)]
	j := controlIndex(raw)
	if j < 0 {
		return true
	}
	p.errAt(i, off+j, off+j+1, controlProblem(raw[j]))
	return false
}

// insert reads `insert N` and `insert N at P`.
func (p *parser) insert(i int, _ string, ws []word, st *Step) bool {
	st.At = -1
	n, ok := p.count(i, ws[1], "a number of records", true)
	if !ok {
		return false
	}
	if msg := insertProblem(n); msg != "" {
		p.errWord(i, ws[1], msg)
		return false
	}
	st.Count = n
	if len(ws) == 2 {
		return true
	}
	if ws[2].text != "at" {
		p.errWord(i, ws[2], "expected `at P` after `insert "+ws[1].text+"`, got `"+ws[2].text+"`")
		return false
	}
	if len(ws) == 3 {
		p.expectAfter(i, ws[:3], "a list position (0 is the head)")
		return false
	}
	if st.At, ok = p.count(i, ws[3], "a list position (0 is the head)", true); !ok {
		return false
	}
	return p.noMore(i, ws, 4)
}

// delete reads `delete id ID`, `delete at P` and `delete at P..Q`.
func (p *parser) delete(i int, _ string, ws []word, st *Step) bool {
	switch ws[1].text {
	case "id":
		return p.recordID(i, ws, 2, &st.ID) && p.noMore(i, ws, 3)
	case "at":
		return p.positions(i, ws, st)
	}
	msg := "expected `id ID`, `at P` or `at P..Q` after `delete`, got `" + ws[1].text + "`"
	if strings.HasPrefix(ws[1].text, "/") || strings.Contains(ws[1].text, "://") {
		msg = "`delete` removes records from the list (`delete id 7`, `delete at 3`); to send an HTTP DELETE, write the method in upper case: `DELETE " + ws[1].text + "`"
	}
	p.errWord(i, ws[1], msg)
	return false
}

// update reads `update id ID key K`.
func (p *parser) update(i int, _ string, ws []word, st *Step) bool {
	if ws[1].text != "id" {
		p.errWord(i, ws[1], "expected `id ID key K` after `update`, got `"+ws[1].text+"`")
		return false
	}
	if !p.recordID(i, ws, 2, &st.ID) {
		return false
	}
	if len(ws) == 3 || ws[3].text != "key" {
		if len(ws) == 3 {
			p.expectAfter(i, ws, "`key K`")
		} else {
			p.errWord(i, ws[3], "expected `key K` after `"+joinWords(ws[:3])+"`, got `"+ws[3].text+"`")
		}
		return false
	}
	if len(ws) == 4 {
		p.expectAfter(i, ws, "a sort key")
		return false
	}
	w := ws[4]
	neg := strings.HasPrefix(w.text, "-")
	n, ok := parseNumber(strings.TrimPrefix(w.text, "-"), false)
	if !ok || w.text == "-" {
		p.errWord(i, w, "expected a sort key (a whole number) after `key`, got `"+w.text+"`")
		return false
	}
	if neg {
		n = -n
	}
	st.Key = n
	return p.noMore(i, ws, 5)
}

// stream reads `stream N every T` and `stream stop`.
func (p *parser) stream(i int, _ string, ws []word, st *Step) bool {
	if ws[1].text == "stop" {
		return p.noMore(i, ws, 2)
	}
	n, ok := p.count(i, ws[1], "a number of records or `stop`", true)
	if !ok {
		return false
	}
	if n == 0 {
		p.errWord(i, ws[1], "a stream inserts at least 1 record each time; to end one, write `stream stop`")
		return false
	}
	if msg := insertProblem(n); msg != "" {
		p.errWord(i, ws[1], msg)
		return false
	}
	st.Count = n
	if len(ws) == 2 || ws[2].text != "every" {
		if len(ws) == 2 {
			p.expectAfter(i, ws, "`every T`")
		} else {
			p.errWord(i, ws[2], "expected `every T` after `"+joinWords(ws[:2])+"`, got `"+ws[2].text+"`")
		}
		return false
	}
	if len(ws) == 3 {
		p.expectAfter(i, ws, "a number of ticks")
		return false
	}
	if st.Every, ok = p.ticks(i, ws[3]); !ok {
		return false
	}
	if msg := everyProblem(st.Every); msg != "" {
		p.errWord(i, ws[3], msg)
		return false
	}
	return p.noMore(i, ws, 4)
}

// wait reads `wait T`.
func (p *parser) wait(i int, _ string, ws []word, st *Step) bool {
	var ok bool
	if st.Ticks, ok = p.ticks(i, ws[1]); !ok {
		return false
	}
	if msg := waitProblem(st.Ticks); msg != "" {
		p.errWord(i, ws[1], msg)
		return false
	}
	return p.noMore(i, ws, 2)
}

// recordID reads the record id at ws[k].
func (p *parser) recordID(i int, ws []word, k int, id *int64) bool {
	if len(ws) <= k {
		p.expectAfter(i, ws, "a record id")
		return false
	}
	n, ok := p.count(i, ws[k], "a record id", true)
	if !ok {
		return false
	}
	if n == 0 {
		p.errWord(i, ws[k], "record ids start at 1")
		return false
	}
	*id = n
	return true
}

// positions reads `at P` or `at P..Q` (blanks allowed around the dots) of a delete.
func (p *parser) positions(i int, ws []word, st *Step) bool {
	if len(ws) == 2 {
		p.expectAfter(i, ws, "a list position (0 is the head) or a range `P..Q`")
		return false
	}
	l := p.line(i)
	start := ws[2].off
	first, second, isRange := strings.Cut(l[start:ws[len(ws)-1].end()], "..")
	fws := words(first, start)
	if len(fws) == 0 {
		p.errAt(i, start, start+2, "expected a list position before `..`")
		return false
	}
	if len(fws) > 1 {
		p.errWord(i, fws[1], "unexpected `"+fws[1].text+"` after `delete at "+fws[0].text+"`")
		return false
	}
	var ok bool
	if st.From, ok = p.count(i, fws[0], "a list position (0 is the head)", true); !ok {
		return false
	}
	st.To = st.From
	if !isRange {
		return true
	}
	dots := start + len(first)
	tws := words(second, dots+2)
	if len(tws) == 0 {
		p.errAt(i, dots, dots+2, "expected the last position of the range after `..`")
		return false
	}
	if st.To, ok = p.count(i, tws[0], "the last position of the range", true); !ok {
		return false
	}
	if len(tws) > 1 {
		p.errWord(i, tws[1], "unexpected `"+tws[1].text+"` after the range")
		return false
	}
	if st.To < st.From {
		p.errAt(i, fws[0].off, tws[0].end(), "the range `"+fws[0].text+".."+tws[0].text+"` runs backwards: write the first position first")
		return false
	}
	return true
}

// count reads a non-negative number at w (see parseNumber).
func (p *parser) count(i int, w word, what string, suffix bool) (int64, bool) {
	n, ok := parseNumber(w.text, suffix)
	if !ok {
		msg := "expected " + what + ", got `" + w.text + "`"
		if looksNumeric(w.text, suffix) {
			msg = "`" + w.text + "` is too large"
		}
		p.errWord(i, w, msg)
		return 0, false
	}
	return n, true
}

// ticks reads a number of ticks: a plain number, since `5m` would read as
// five minutes and ticks have no unit.
func (p *parser) ticks(i int, w word) (int64, bool) {
	if n, ok := parseNumber(w.text, true); ok && !digitsOK(w.text) {
		p.errWord(i, w, "ticks have no unit (`"+w.text+"` would be "+fmtNumber(n)+" ticks, not minutes or seconds): write a plain number")
		return 0, false
	}
	return p.count(i, w, "a number of ticks", false)
}

// looksNumeric reports whether s is written as a number (parseNumber's
// syntax), whatever its size.
func looksNumeric(s string, suffix bool) bool {
	if suffix && s != "" && strings.IndexByte("kmbKMB", s[len(s)-1]) >= 0 {
		s = s[:len(s)-1]
	}
	return digitsOK(s)
}

// fmtNumber writes n with _ between groups of three digits.
func fmtNumber(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
		s = s[1:]
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('_')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// digitsOK reports whether s is digits with single _ between them, as Go writes
// 1_000_000.
func digitsOK(s string) bool {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return false
	}
	return isDigits(strings.ReplaceAll(s, "_", ""))
}

// parseNumber reads a non-negative whole number as the language writes them:
// digits with _ separators (1_000_000) and, where suffix allows, a k, m or b
// suffix for thousands, millions and billions (10k, 1m, 1b). ok is false for
// anything else and for numbers beyond int64.
func parseNumber(s string, suffix bool) (int64, bool) {
	mul := int64(1)
	if suffix && s != "" {
		switch s[len(s)-1] {
		case 'k', 'K':
			mul = 1e3
		case 'm', 'M':
			mul = 1e6
		case 'b', 'B':
			mul = 1e9
		}
		if mul > 1 {
			s = s[:len(s)-1]
		}
	}
	if !digitsOK(s) {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
	if err != nil || n > (1<<63-1)/mul {
		return 0, false
	}
	return n * mul, true
}

// --- checks shared with validate ---
//
// Each returns "" when the value is fine, else a message; Parse reports it at
// the number, validate at the step (for scenarios from JSON or code).

func recordsProblem(n int64) string {
	return rangeProblem(n, 0, maxRecords, "records must be", "")
}

//go:noinline
func insertProblem(n int64) string {
	return rangeProblem(n, 1, maxInsert, "a step inserts", " records")
}

func bucketProblem(n int64) string {
	return rangeProblem(n, 1, maxBucket, "a sort bucket is", " ticks")
}

// walkProblem checks a walk's page limit; 0 means none, unless the walk is
// limited (`walk max N`, `walk cap N`).
func walkProblem(n int64, limited bool) string {
	if n == 0 && !limited {
		return ""
	}
	return rangeProblem(n, 1, maxWalkPages, "a walk's page limit is", "")
}

func everyProblem(n int64) string {
	return rangeProblem(n, 1, maxTicks, "a stream's interval is", " ticks")
}

func waitProblem(n int64) string {
	return rangeProblem(n, 1, maxTicks, "`wait` takes", " ticks")
}

// rangeProblem says "<what> from lo to hi<unit>, got n" when n is outside.
func rangeProblem(n, lo, hi int64, what, unit string) string {
	if lo <= n && n <= hi {
		return ""
	}
	return what + " from " + fmtNumber(lo) + " to " + fmtNumber(hi) + unit + ", got " + fmtNumber(n)
}

// --- suggestions ---

// suggest returns the word of list closest to w, when it is close enough to be
// a likely typo: a different case, or an edit distance of 1 for short words and
// 2 for longer ones.
func suggest(w string, list []string) string {
	limit := 1
	if len(w) > 4 {
		limit = 2
	}
	best, bestD := "", limit+1
	lw := asciiLower(w)
	for _, s := range list {
		if len(s) < len(w)-limit || len(s) > len(w)+limit {
			continue // too far apart in length alone: skip the quadratic work
		}
		if d := editDistance(lw, asciiLower(s)); d < bestD {
			best, bestD = s, d
		}
	}
	if bestD <= limit && best != w {
		return best
	}
	return ""
}

// editDistance is the Damerau–Levenshtein distance (optimal string alignment)
// between a and b, in bytes: a swap of two letters, the commonest typo,
// counts once.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
