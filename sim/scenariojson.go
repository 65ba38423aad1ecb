package sim

import (
	"slices"
	"strconv"
	"strings"

	"pagingplayground/internal/json"
)

// The JSON form of a scenario is for programs that generate scenarios:
// `pagesim run` and `pagesim serve -api` read it (RunJSON, ScenarioFromJSON);
// the page and its links carry the text. The WASM does not use it, so the
// linker leaves it out of the browser's build. It says what the text says, one member per setup line and one object
// per step, named as in the text (docs/language.md shows every shape):
//
//	{"profile":"celigo","options":[["limit","100"]],"records":1000,
//	 "order":"newest-first","sort":"created, id","seed":0,
//	 "steps":[{"request":"GET /v1/integrations?limit=100","headers":[["X-A","1"]]},
//	          {"next":true,"client":"bob"},{"walk":{"max":50,"cap":true}},{"wait":10}]}
//
// Text and JSON round-trip: formatScenario(ScenarioFromJSON(s.JSON())) is formatScenario(s).
// Lines are not kept: they belong to the text.

// jsonSafeInt is the largest integer a JavaScript number holds exactly. Seeds
// above it are written as strings so that a browser does not round them.
const jsonSafeInt = 1<<53 - 1

// JSON encodes the scenario in its JSON form. Every setup member is written,
// defaults included, so that the shape does not vary.
func (s *Scenario) JSON() []byte {
	w := &json.Writer{}
	setup := &s.Setup
	w.Open('{')
	if d := setup.Contract; d != nil {
		// A declared contract takes the place of profile and options.
		w.Key("contract")
		w.Open('{')
		w.Key("base")
		w.Str(d.Base)
		w.Key("knobs")
		writePairs(w, d.Knobs)
		w.Close('}')
	} else {
		w.Key("profile")
		if setup.Profile == "" {
			w.Str("offset")
		} else {
			w.Str(setup.Profile)
		}
		w.Key("options")
		writePairs(w, setup.Options)
	}
	w.Key("records")
	w.Int(setup.Records)
	w.Key("order")
	w.Str(orderName(setup.Order))
	w.Key("sort")
	w.Str(sortName(setup.Sort))
	w.Key("seed")
	if setup.Seed <= jsonSafeInt {
		w.Uint(setup.Seed)
	} else {
		w.Str(strconv.FormatUint(setup.Seed, 10))
	}
	w.Key("steps")
	w.Open('[')
	for i := range s.Steps {
		writeStepJSON(w, &s.Steps[i])
	}
	w.Close(']')
	if len(s.Expects) > 0 {
		w.Key("expect")
		w.Open('[')
		for _, x := range s.Expects {
			w.Str(strings.TrimPrefix(x.String(), "expect "))
		}
		w.Close(']')
	}
	w.Close('}')
	return w.B
}

func writeStepJSON(w *json.Writer, st *Step) {
	w.Open('{')
	switch st.Kind {
	case StepRequest:
		w.Key("request")
		w.Str(st.Method + " " + st.Target)
		if len(st.Headers) > 0 {
			w.Key("headers")
			writeHeaders(w, st.Headers)
		}
		if st.Body != "" {
			w.Key("body")
			// The body is embedded as the JSON value it is. One that is
			// not JSON (only code can make one; Validate reports it) is
			// written as a string so the output stays JSON.
			if body := foldBody(st.Body); isJSON(body) {
				w.Raw([]byte(body))
			} else {
				w.Str(st.Body)
			}
		}
	case StepNext, StepPrev, StepFirst:
		w.Key(stepKeyword(st.Kind))
		w.Bool(true)
	case StepWalk:
		w.Key("walk")
		if st.MaxPages == 0 && !st.Cap {
			w.Bool(true)
			break
		}
		w.Open('{')
		w.Key("max")
		w.Int(int64(st.MaxPages))
		if st.Cap {
			w.Key("cap")
			w.Bool(true)
		}
		w.Close('}')
	case StepHeader:
		w.Key("header")
		w.Open('[')
		w.Str(st.Name)
		w.Str(st.Value)
		w.Close(']')
	case StepInsert:
		w.Key("insert")
		w.Int(st.Count)
		if st.At >= 0 {
			w.Key("at")
			w.Int(st.At)
		}
	case StepDelete:
		w.Key("delete")
		w.Open('{')
		if st.ID > 0 {
			w.Key("id")
			w.Int(st.ID)
		} else {
			w.Key("from")
			w.Int(st.From)
			w.Key("to")
			w.Int(st.To)
		}
		w.Close('}')
	case StepUpdate:
		w.Key("update")
		w.Open('{')
		w.Key("id")
		w.Int(st.ID)
		w.Key("key")
		w.Int(st.Key)
		w.Close('}')
	case StepStream:
		w.Key("stream")
		if st.Count == 0 {
			w.Str("stop")
			break
		}
		w.Open('{')
		w.Key("count")
		w.Int(st.Count)
		w.Key("every")
		w.Int(st.Every)
		w.Close('}')
	case StepWait:
		w.Key("wait")
		w.Int(st.Ticks)
	default:
		// Not a step; the reader refuses it, as Validate does.
		w.Key("unknown")
		w.Int(int64(st.Kind))
	}
	if st.Client != "" {
		w.Key("client")
		w.Str(st.Client)
	}
	w.Close('}')
}

func isJSON(s string) bool {
	_, err := json.Parse(s)
	return err == nil
}

// ScenarioFromJSON reads the JSON form. Problems are a *ParseError whose
// diagnostics point into data and name the member, as in
// `steps[3].walk.max: expected a whole number, got "x"`. Like Parse, it checks
// shapes and syntax; Validate checks the profile and the limits.
func ScenarioFromJSON(data []byte) (*Scenario, error) {
	s, _, err := readScenarioJSON(data)
	return s, err
}

// CheckJSON reads a scenario written in the JSON form and validates it
// (`pagesim serve -api scenario.json`): problems are a *ParseError pointing
// into data, as RunJSON's are.
func CheckJSON(data []byte) (*Scenario, error) {
	s, r, err := readScenarioJSON(data)
	if err == nil {
		if err = s.Validate(); err != nil {
			err = r.place(err)
		}
	}
	return s, err
}

// RunJSON runs a scenario written in the JSON form (`pagesim run
// scenario.json`), as RunText runs the text: problems are a *ParseError
// pointing into data, and each warning points at the step it is about in
// data, named by its member path (`steps[2]: offset does not read …`).
func RunJSON(data []byte) (*Trace, error) {
	s, r, err := readScenarioJSON(data)
	if err != nil {
		return nil, err
	}
	t, err := Run(s)
	if t == nil {
		return nil, r.place(err)
	}
	// The warnings are found in the canonical text, which reads as s does
	// (asText checked it), and mapped back to the steps in data.
	text := formatScenario(s)
	if back, perr := Parse(text); perr == nil {
		starts := formattedStarts(s)
		for _, d := range warnings(back, text) {
			off, path, _ := r.whereInJSON(starts, d.Line)
			line, col := json.LineCol(r.text, off)
			t.Warnings = append(t.Warnings, Diagnostic{Line: line, Col: col, Message: path + ": " + d.Message, Severity: SeverityWarning})
		}
	}
	return t, err
}

// place gives the problems Validate reports by member path (`profile: …`,
// `options[0]: …`, `contract.knobs[3]: …`, with no line) the line and
// column of that member's value in the document, as the reader's own
// problems have.
func (r *jsonReader) place(err error) error {
	pe, ok := err.(*ParseError)
	doc, jerr := json.Parse(r.text)
	if !ok || jerr != nil {
		return err
	}
	for i := range pe.Diags {
		d := &pe.Diags[i]
		path, _, found := strings.Cut(d.Message, ": ")
		if d.Line != 0 || !found {
			continue
		}
		v, ok := doc, true
		for _, part := range strings.Split(path, ".") {
			name, index, _ := strings.Cut(part, "[")
			if v, ok = v.Get(name); !ok {
				break
			}
			if n, err := strconv.Atoi(strings.TrimSuffix(index, "]")); err == nil {
				if ok = v.Kind == json.Array && n >= 0 && n < len(v.Items); !ok {
					break
				}
				v = v.Items[n]
			}
		}
		if ok {
			d.Line, d.Col = r.lineCol(v.Offset)
		}
	}
	return err
}

// readScenarioJSON is ScenarioFromJSON, with the reader that knows where
// each step is in data.
func readScenarioJSON(data []byte) (*Scenario, *jsonReader, error) {
	text := string(data)
	doc, err := json.Parse(text)
	if err != nil {
		off := 0
		if je, ok := err.(*json.Error); ok {
			off = je.Offset
		}
		line, col := json.LineCol(text, off)
		return nil, nil, &ParseError{Diags: []Diagnostic{{Line: line, Col: col, Message: "malformed JSON: " + err.Error()}}}
	}
	r := &jsonReader{text: text}
	s := r.scenario(doc)
	if err := r.diags.err(); err != nil {
		return nil, nil, err
	}
	s = r.asText(s)
	if err := r.diags.err(); err != nil {
		return nil, nil, err
	}
	return s, r, nil
}

// jsonReader reads the JSON form, collecting every problem.
type jsonReader struct {
	text   string
	diags  diagList
	stepAt []jsonStep                   // where each step read is in the document
	at     struct{ off, line, col int } // the last position counted (lineCol)
}

// lineCol is LineCol, counting on from the last position asked when it can:
// problems come in document order, and a document with 100,000 of them stays
// linear.
func (r *jsonReader) lineCol(off int) (int, int) {
	off = max(0, min(off, len(r.text)))
	a := &r.at
	if a.line == 0 || off < a.off {
		a.off, a.line, a.col = 0, 1, 1
	}
	for _, c := range r.text[a.off:off] {
		if c == '\n' {
			a.line, a.col = a.line+1, 1
		} else {
			a.col++
		}
	}
	a.off = off
	return a.line, a.col
}

func (r *jsonReader) failAt(off int, path, msg string) {
	line, col := r.lineCol(off)
	r.diags.add(Diagnostic{Line: line, Col: col, Message: path + ": " + msg})
}

func (r *jsonReader) fail(v json.Value, path, msg string) { r.failAt(v.Offset, path, msg) }

// got describes a value for "expected X, got Y".
func got(v json.Value) string {
	switch v.Kind {
	case json.Bool:
		return strconv.FormatBool(v.Bool)
	case json.Number:
		return v.Str
	case json.String:
		return string(json.AppendString(nil, v.Str))
	case json.Array:
		return "an array"
	case json.Object:
		return "an object"
	}
	return "null"
}

func (r *jsonReader) int(v json.Value, path string) (int64, bool) {
	if n, ok := v.Int(); ok {
		return n, true
	}
	r.fail(v, path, "expected a whole number, got "+got(v))
	return 0, false
}

func (r *jsonReader) str(v json.Value, path string) (string, bool) {
	if v.Kind == json.String {
		return v.Str, true
	}
	r.fail(v, path, "expected a string, got "+got(v))
	return "", false
}

// object checks that v is an object whose members are among allowed, each
// once. required members must be there.
func (r *jsonReader) object(v json.Value, path string, allowed, required []string) bool {
	if v.Kind != json.Object {
		r.fail(v, path, "expected an object with "+memberList(allowed)+", got "+got(v))
		return false
	}
	ok := true
	for i, m := range v.Members {
		switch {
		case !slices.Contains(allowed, m.Name):
			r.failAt(m.Offset, path, "unknown member "+quoteJSON(m.Name)+" (expected "+memberList(allowed)+")")
			ok = false
		case firstMember(v, m.Name) < i:
			r.failAt(m.Offset, path, "member "+quoteJSON(m.Name)+" appears twice")
			ok = false
		}
	}
	for _, name := range required {
		if _, has := v.Get(name); !has {
			r.fail(v, path, "missing member "+quoteJSON(name))
			ok = false
		}
	}
	return ok
}

func firstMember(v json.Value, name string) int {
	return slices.IndexFunc(v.Members, func(m json.Member) bool { return m.Name == name })
}

func quoteJSON(s string) string { return string(json.AppendString(nil, s)) }

func memberList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteJSON(n)
	}
	return strings.Join(q, ", ")
}

// pair reads a [name, value] array of two strings.
func (r *jsonReader) pair(v json.Value, path string) (string, string, bool) {
	if v.Kind != json.Array || len(v.Items) != 2 || v.Items[0].Kind != json.String || v.Items[1].Kind != json.String {
		r.fail(v, path, "expected [name, value], two strings, got "+got(v))
		return "", "", false
	}
	return v.Items[0].Str, v.Items[1].Str, true
}

var setupMembers = []string{"profile", "options", "contract", "records", "order", "sort", "seed", "steps", "expect"}

// writePairs writes options or knobs as [[name, value], ...].
func writePairs(w *json.Writer, pairs []Option) {
	w.Open('[')
	for _, o := range pairs {
		w.Open('[')
		w.Str(o.Name)
		w.Str(o.Value)
		w.Close(']')
	}
	w.Close(']')
}

// contract reads {"base": "cursor", "knobs": [["path", "/v1/x"], ...]};
// Validate judges the base and the knobs.
func (r *jsonReader) contract(v json.Value) *contractDecl {
	if !r.object(v, "contract", []string{"base", "knobs"}, []string{"base"}) {
		return nil
	}
	d := &contractDecl{}
	for _, m := range v.Members {
		switch m.Name {
		case "base":
			d.Base, _ = r.str(m.Value, "contract.base")
		case "knobs":
			if m.Value.Kind != json.Array {
				r.fail(m.Value, "contract.knobs", "expected an array of [knob, value] pairs, got "+got(m.Value))
				continue
			}
			for i, k := range m.Value.Items {
				if name, value, ok := r.pair(k, "contract.knobs["+strconv.Itoa(i)+"]"); ok {
					d.Knobs = append(d.Knobs, Option{Name: name, Value: value})
				}
			}
		}
	}
	return d
}

func (r *jsonReader) scenario(doc json.Value) *Scenario {
	s := &Scenario{Setup: Setup{Profile: "offset", Sort: defaultSort}}
	if !r.object(doc, "scenario", setupMembers, nil) {
		return s
	}
	setup := &s.Setup
	for _, m := range doc.Members {
		v := m.Value
		switch m.Name {
		case "profile":
			if name, ok := r.str(v, "profile"); ok {
				if !isProfileName(name) {
					r.fail(v, "profile", "expected a profile name like \"offset\" or \"celigo\", got "+got(v))
				} else {
					setup.Profile = name
				}
			}
		case "contract":
			if firstMember(doc, "profile") >= 0 || firstMember(doc, "options") >= 0 {
				r.fail(v, "contract", "a scenario runs against a profile or a declared contract, not both: drop \"profile\" and \"options\"")
				continue
			}
			setup.Profile, setup.Contract = "", r.contract(v)
		case "options":
			if v.Kind != json.Array {
				r.fail(v, "options", "expected an array of [name, value] pairs, got "+got(v))
				continue
			}
			for i, o := range v.Items {
				path := "options[" + strconv.Itoa(i) + "]"
				name, value, ok := r.pair(o, path)
				if !ok {
					continue
				}
				if name == "" || value == "" || strings.ContainsAny(name, "= \t\r\n") || strings.ContainsAny(value, " \t\r\n") {
					r.fail(o, path, "an option is a name and a value, like [\"limit\", \"50\"], with no white space and no `=` in the name")
					continue
				}
				setup.Options = append(setup.Options, Option{Name: name, Value: value})
			}
		case "records":
			setup.Records, _ = r.int(v, "records")
		case "order":
			switch order, _ := r.str(v, "order"); {
			case order == "newest-first":
				setup.Order = NewestFirst
			case order == "oldest-first":
				setup.Order = OldestFirst
			case v.Kind == json.String:
				r.fail(v, "order", "expected \"newest-first\" or \"oldest-first\", got "+got(v))
			}
		case "sort":
			if text, ok := r.str(v, "sort"); ok {
				key, _, _, msg := parseSort(text)
				if msg != "" {
					r.fail(v, "sort", msg)
				} else {
					setup.Sort = key
				}
			}
		case "seed":
			// A number, or a string of digits for seeds JavaScript would round.
			n, err := strconv.ParseUint(v.Str, 10, 64)
			if v.Kind != json.Number && v.Kind != json.String || err != nil {
				r.fail(v, "seed", "expected a whole number from 0 to 18446744073709551615, got "+got(v))
			}
			setup.Seed = n
		case "expect":
			if v.Kind != json.Array {
				r.fail(v, "expect", "expected an array of expectations like \"consistent\" or \"rows < 5000\", got "+got(v))
				continue
			}
			for i, xv := range v.Items {
				path := "expect[" + strconv.Itoa(i) + "]"
				if text, ok := r.str(xv, path); ok {
					x, _, msg := parseExpect(strings.Fields(text))
					if msg != "" {
						r.fail(xv, path, msg)
						continue
					}
					s.Expects = append(s.Expects, x)
				}
			}
		case "steps":
			if v.Kind != json.Array {
				r.fail(v, "steps", "expected an array of steps, got "+got(v))
				continue
			}
			for i, sv := range v.Items {
				if st, ok := r.step(sv, "steps["+strconv.Itoa(i)+"]"); ok {
					s.Steps = append(s.Steps, st)
					r.stepAt = append(r.stepAt, jsonStep{i, sv.Offset})
				}
			}
		}
	}
	return s
}

// stepMembers lists, for each step member, the other members a step of that
// kind may have.
var stepMembers = []struct {
	name   string
	kind   StepKind
	others []string
}{
	{"request", StepRequest, []string{"headers", "body", "client"}},
	{"next", StepNext, []string{"client"}},
	{"prev", StepPrev, []string{"client"}},
	{"first", StepFirst, []string{"client"}},
	{"walk", StepWalk, []string{"client"}},
	{"header", StepHeader, []string{"client"}},
	{"insert", StepInsert, []string{"at"}},
	{"delete", StepDelete, nil},
	{"update", StepUpdate, nil},
	{"stream", StepStream, nil},
	{"wait", StepWait, nil},
}

func (r *jsonReader) step(v json.Value, path string) (Step, bool) {
	var st Step
	kinds := make([]string, len(stepMembers))
	for i, k := range stepMembers {
		kinds[i] = k.name
	}
	if v.Kind != json.Object {
		r.fail(v, path, "expected a step, an object like {\"next\": true}, got "+got(v))
		return st, false
	}
	// The step's kind is the member named after it: exactly one.
	k := -1
	for _, m := range v.Members {
		for i, sk := range stepMembers {
			if m.Name != sk.name {
				continue
			}
			if k >= 0 {
				r.failAt(m.Offset, path, "a step does one thing: it has both "+quoteJSON(stepMembers[k].name)+" and "+quoteJSON(m.Name))
				return st, false
			}
			k = i
		}
	}
	if k < 0 {
		r.fail(v, path, "expected a step member: one of "+memberList(kinds))
		return st, false
	}
	sk := stepMembers[k]
	if !r.object(v, path, append([]string{sk.name}, sk.others...), nil) {
		return st, false
	}
	st.Kind = sk.kind
	kv, _ := v.Get(sk.name)
	kpath := path + "." + sk.name
	ok := true
	if cv, has := v.Get("client"); has {
		st.Client, ok = r.str(cv, path+".client")
		if ok && !isClientName(st.Client) {
			r.fail(cv, path+".client", "a client name has letters, digits, `-` and `_` only, got "+got(cv))
			ok = false
		}
		if st.Client == "default" {
			st.Client = "" // as `@default` in the text
		}
	}
	switch st.Kind {
	case StepRequest:
		ok = r.request(v, kv, path, &st) && ok
	case StepNext, StepPrev, StepFirst:
		if kv.Kind != json.Bool || !kv.Bool {
			r.fail(kv, kpath, "expected true, got "+got(kv))
			ok = false
		}
	case StepWalk:
		switch {
		case kv.Kind == json.Bool && kv.Bool:
		case r.object(kv, kpath, []string{"max", "cap"}, nil):
			if mv, has := kv.Get("max"); has {
				n, good := r.int(mv, kpath+".max")
				ok = ok && good
				st.MaxPages = int(n) // int is 64 bits on every target, wasm included
			}
			if cv, has := kv.Get("cap"); has {
				if cv.Kind != json.Bool {
					r.fail(cv, kpath+".cap", "expected true or false, got "+got(cv))
					ok = false
				}
				st.Cap = cv.Bool
			}
		default:
			ok = false
		}
	case StepHeader:
		var good bool
		st.Name, st.Value, good = r.pair(kv, kpath)
		ok = ok && good
	case StepInsert:
		var good bool
		st.Count, good = r.int(kv, kpath)
		ok = ok && good
		st.At = -1
		if av, has := v.Get("at"); has {
			st.At, good = r.int(av, path+".at")
			ok = ok && good
		}
	case StepDelete:
		switch {
		case kv.Kind == json.Object && firstMember(kv, "id") >= 0:
			ok = r.object(kv, kpath, []string{"id"}, nil) && ok
			st.ID, ok = r.intMember(kv, kpath, "id", ok)
		case r.object(kv, kpath, []string{"id", "from", "to"}, []string{"from", "to"}):
			st.From, ok = r.intMember(kv, kpath, "from", ok)
			st.To, ok = r.intMember(kv, kpath, "to", ok)
		default:
			ok = false
		}
	case StepUpdate:
		if !r.object(kv, kpath, []string{"id", "key"}, []string{"id", "key"}) {
			return st, false
		}
		st.ID, ok = r.intMember(kv, kpath, "id", ok)
		st.Key, ok = r.intMember(kv, kpath, "key", ok)
	case StepStream:
		if kv.Kind == json.String && kv.Str == "stop" {
			break
		}
		if kv.Kind == json.String {
			r.fail(kv, kpath, "expected \"stop\" or {\"count\": N, \"every\": T}, got "+got(kv))
			return st, false
		}
		if !r.object(kv, kpath, []string{"count", "every"}, []string{"count", "every"}) {
			return st, false
		}
		st.Count, ok = r.intMember(kv, kpath, "count", ok)
		st.Every, ok = r.intMember(kv, kpath, "every", ok)
	case StepWait:
		var good bool
		st.Ticks, good = r.int(kv, kpath)
		ok = ok && good
	}
	return st, ok
}

// intMember reads the number member name of object v; ok carries the
// step's state so far.
func (r *jsonReader) intMember(v json.Value, path, name string, ok bool) (int64, bool) {
	m, has := v.Get(name)
	if !has {
		return 0, ok
	}
	n, good := r.int(m, path+"."+name)
	return n, ok && good
}

// request reads {"request": "METHOD TARGET", "headers": [...], "body": ...}.
func (r *jsonReader) request(v, kv json.Value, path string, st *Step) bool {
	kpath := path + ".request"
	line, ok := r.str(kv, kpath)
	if !ok {
		return false
	}
	f := strings.Fields(line)
	if len(f) != 2 || strings.ContainsAny(line, "\r\n") {
		r.fail(kv, kpath, "expected \"METHOD TARGET\", like \"GET /items?page=2\" (a body goes in \"body\"), got "+got(kv))
		return false
	}
	st.Method, st.Target = f[0], f[1]
	if hv, has := v.Get("headers"); has {
		if hv.Kind != json.Array {
			r.fail(hv, path+".headers", "expected an array of [name, value] pairs, got "+got(hv))
			ok = false
		}
		for i, h := range hv.Items {
			name, value, good := r.pair(h, path+".headers["+strconv.Itoa(i)+"]")
			ok = ok && good
			st.Headers = append(st.Headers, Header{Name: name, Value: value})
		}
	}
	if bv, has := v.Get("body"); has {
		if bv.Kind != json.Object && bv.Kind != json.Array {
			r.fail(bv, path+".body", bodyKindProblem+", got "+got(bv))
			return false
		}
		// The body as written: ParseJSON accepted it, so its brackets close.
		end, _ := bracketsEnd(r.text[bv.Offset:], 0)
		st.Body = foldBody(r.text[bv.Offset : bv.Offset+end])
	}
	if !ok {
		return false
	}
	for _, msg := range requestProblems(st) {
		r.fail(kv, kpath, msg)
		ok = false
	}
	return ok
}
