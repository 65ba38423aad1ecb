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

// validate checks a scenario against the profiles and the limits before any
// work starts. Parse has checked the syntax and the ranges of what it read, so
// for a parsed scenario this is mostly about the profile and its options; a
// scenario from JSON or from code gets every check here, and its problems,
// having no line, name the field instead ("steps[3]: ...").
func validate(s *Scenario) error {
	var v validator
	v.setup(&s.Setup)
	if len(s.Steps) > maxSteps {
		// At the first step too many, so the editor can show where.
		msg := "a scenario has at most " + fmtNumber(maxSteps) + " steps, got " + fmtNumber(int64(len(s.Steps)))
		if line := s.Steps[maxSteps].Line; line > 0 {
			v.add(line, 1, 0, msg+": this is step "+fmtNumber(maxSteps+1))
		} else {
			v.add(0, 0, 0, "steps: "+msg)
		}
	}
	// The clock moves one tick per step and by every wait. Walks add a
	// tick per page too, but MaxRequests bounds those far below maxTicks.
	clock := int64(len(s.Steps))
	for i := range s.Steps {
		st := &s.Steps[i]
		v.step(i, st)
		if st.Kind != StepWait || st.Ticks <= 0 || clock > maxTicks {
			continue
		}
		clock += min(st.Ticks, maxTicks) // no overflow: both are at most maxTicks
		if clock > maxTicks {
			v.stepErr(i, st, "the clock would pass "+fmtNumber(maxTicks)+" ticks: wait less")
		}
	}
	return v.diags.err()
}

type validator struct {
	diags diagList
}

//go:noinline
func (v *validator) add(line, col, endCol int, msg string) {
	v.diags.add(Diagnostic{Line: line, Col: col, EndCol: endCol, Message: msg})
}

// stepErr reports a problem with step i at its line, or by its index when it
// has none.
func (v *validator) stepErr(i int, st *Step, msg string) {
	if st.Line > 0 {
		v.add(st.Line, 1, 0, msg)
		return
	}
	v.add(0, 0, 0, "steps["+strconv.Itoa(i)+"]: "+msg)
}

// fieldErr reports a problem with a setup field written on no line of its
// own that Parse checks already.
//
//go:noinline
func (v *validator) fieldErr(field, msg string) {
	v.add(0, 0, 0, field+": "+msg)
}

func (v *validator) setup(setup *Setup) {
	if msg := recordsProblem(setup.Records); msg != "" {
		v.fieldErr("records", msg)
	}
	if setup.Order != NewestFirst && setup.Order != OldestFirst {
		v.fieldErr("order", "expected newest-first or oldest-first, got order "+strconv.Itoa(int(setup.Order)))
	}
	if msg := bucketProblem(setup.Sort.Bucket); msg != "" {
		v.fieldErr("sort", msg)
	}
	if d := setup.Contract; d != nil {
		v.contract(setup, d)
		return
	}
	name := setup.Profile
	if name == "" {
		name = "offset"
	}
	p, ok := LookupProfile(name)
	if !ok {
		v.profileLine(setup, unknownProfile(name))
		return
	}
	for i, o := range setup.Options {
		line, col, valCol := o.Line, o.Col, o.Col
		if line > 0 {
			valCol = col + utf8.RuneCountInString(o.Name) + 1
		}
		nameEnd := col + utf8.RuneCountInString(o.Name)
		valEnd := valCol + utf8.RuneCountInString(o.Value)
		if line == 0 {
			nameEnd, valEnd = 0, 0
		}
		where := func(msg string) string {
			if line == 0 {
				return "options[" + strconv.Itoa(i) + "]: " + msg
			}
			return msg
		}
		spec, ok := optionSpec(p, o.Name)
		if !ok {
			v.add(line, col, nameEnd, where(unknownOption(p, o.Name)))
			continue
		}
		if j := firstOption(setup.Options, o.Name); j < i {
			v.add(line, col, nameEnd, where("option `"+o.Name+"` is set twice"))
			continue
		}
		if msg := optionValueProblem(spec, o.Value); msg != "" {
			v.add(line, valCol, valEnd, where(msg))
		}
	}
}

// profileLine reports a problem with the profile at its line, or by field.
// contract checks a declared contract: its base, each knob's name and
// value, and contradictions between knobs, each at its line and column.
func (v *validator) contract(setup *Setup, d *contractDecl) {
	if setup.Profile != "" || len(setup.Options) > 0 {
		v.profileLine(setup, "a scenario runs against a `profile` or a declared `contract`, not both")
	}
	problems := declaredProblems(d)
	for _, pr := range problems {
		switch {
		case pr.knob < 0 && d.Line > 0:
			v.add(d.Line, d.Col, d.Col+utf8.RuneCountInString(d.Base), pr.msg)
		case pr.knob < 0:
			v.fieldErr("contract", pr.msg)
		default:
			k := d.Knobs[pr.knob]
			switch {
			case k.Line == 0:
				v.fieldErr("contract.knobs["+strconv.Itoa(pr.knob)+"]", pr.msg)
			case pr.value:
				col := k.Col + utf8.RuneCountInString(k.Name) + 1
				v.add(k.Line, col, col+utf8.RuneCountInString(k.Value), pr.msg)
			default:
				v.add(k.Line, k.Col, k.Col+utf8.RuneCountInString(k.Name), pr.msg)
			}
		}
	}
}

func (v *validator) profileLine(setup *Setup, msg string) {
	if setup.Line > 0 && setup.Col > 0 {
		v.add(setup.Line, setup.Col, setup.Col+utf8.RuneCountInString(setup.Profile), msg)
		return
	}
	if setup.Line > 0 {
		v.add(setup.Line, 1, 0, msg)
		return
	}
	v.fieldErr("profile", msg)
}

func unknownProfile(name string) string {
	var names []string
	for _, p := range Profiles() {
		names = append(names, p.Name)
	}
	msg := "unknown profile `" + name + "`"
	if s := suggest(name, names); s != "" {
		msg += didYouMean(s)
	}
	if len(names) == 0 {
		return msg + " (no profiles are built in)"
	}
	return msg + " (known profiles: " + strings.Join(names, ", ") + ")"
}

func optionSpec(p *Profile, name string) (OptionSpec, bool) {
	for _, o := range p.Options {
		if o.Name == name {
			return o, true
		}
	}
	return OptionSpec{}, false
}

func firstOption(opts []Option, name string) int {
	return slices.IndexFunc(opts, func(o Option) bool { return o.Name == name })
}

func unknownOption(p *Profile, name string) string {
	if len(p.Options) == 0 {
		return "profile `" + p.Name + "` takes no options, got `" + name + "`"
	}
	var names []string
	for _, o := range p.Options {
		names = append(names, o.Name)
	}
	msg := "profile `" + p.Name + "` has no option `" + name + "`"
	if s := suggest(name, names); s != "" {
		msg += didYouMean(s)
	}
	return msg + " (its options: " + strings.Join(names, ", ") + ")"
}

// optionValueProblem checks a value against its spec: one of Enum for a word
// option, else a whole number from Min to Max. A spec with neither (Min and
// Max both 0) takes any text, which its profile parses itself (`rate=10/60`).
func optionValueProblem(spec OptionSpec, value string) string {
	if len(spec.Enum) > 0 {
		if slices.Contains(spec.Enum, value) {
			return ""
		}
		msg := "expected " + quoteList(spec.Enum) + " for `" + spec.Name + "`, got `" + value + "`"
		if s := suggest(value, spec.Enum); s != "" {
			msg += didYouMean(s)
		}
		return msg
	}
	if spec.Min == 0 && spec.Max == 0 {
		return ""
	}
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		return "expected a whole number from " + strconv.FormatInt(spec.Min, 10) + " to " + strconv.FormatInt(spec.Max, 10) + " for `" + spec.Name + "`, got `" + value + "`"
	}
	if n < spec.Min || n > spec.Max {
		return "`" + spec.Name + "` is from " + strconv.FormatInt(spec.Min, 10) + " to " + strconv.FormatInt(spec.Max, 10) + ", got " + value
	}
	return ""
}

// step checks one step's fields for its kind (stepSpecs).
func (v *validator) step(i int, st *Step) {
	bad := func(msg string) { v.stepErr(i, st, msg) }
	spec := specOf(st.Kind)
	switch {
	case spec == nil:
		bad("unknown step kind " + strconv.Itoa(int(st.Kind)))
		return
	case spec.shared && st.Client != "":
		bad("`" + spec.word + "` changes the list for every client: it has no client, got `" + st.Client + "`")
	case !spec.shared && st.Client != "" && !isClientName(st.Client):
		bad("a client name has letters, digits, `-` and `_` only, got `" + st.Client + "`")
	}
	if spec.check != nil {
		for _, msg := range spec.check(st) {
			bad(msg)
		}
	}
}

// requestProblems checks what Parse checks on a request line, for requests
// that did not come from text.
func requestProblems(st *Step) []string {
	var out []string
	if !slices.Contains(methods, st.Method) {
		out = append(out, "expected a method ("+strings.Join(methods, ", ")+"), got `"+st.Method+"`")
	}
	if _, _, err := reqtarget.Parse(st.Target); err != nil {
		out = append(out, "bad request target `"+st.Target+"`: "+err.Error())
	}
	for _, h := range st.Headers {
		if msg := headerProblem(h.Name, h.Value); msg != "" {
			out = append(out, msg)
		}
	}
	if st.Body != "" {
		if _, err := json.Parse(st.Body); err != nil {
			out = append(out, "malformed JSON body: "+err.Error())
		} else if b := strings.TrimLeft(st.Body, " \t\r\n"); b[0] != '{' && b[0] != '[' {
			out = append(out, bodyKindProblem)
		}
	}
	return out
}

// bodyKindProblem: request bodies of list APIs are objects (Flashduty's
// {"p":1,"limit":20}) or arrays, and the text tells a body from the rest of
// a request line by its bracket.
const bodyKindProblem = "a body is a JSON object or array"

// headerProblem checks a header that did not come from text: the text could
// not say it.
func headerProblem(name, value string) string {
	if !linkheader.IsToken(name) {
		return "expected a header name (a word like `X-Session-Id`), got `" + name + "`"
	}
	if j := controlIndex(value); j >= 0 && value[j] != '\r' && value[j] != '\n' {
		return "header `" + name + "`: " + controlProblem(value[j])
	}
	if strings.ContainsAny(value, "\r\n") || strings.TrimSpace(value) != value || commentStart(value) < len(value) {
		return "header `" + name + "`: a value has no line breaks, no white space around it and no ` #` (which starts a comment)"
	}
	return ""
}

// controlIndex is where s has a control character a header value must not
// hold (RFC 9110, section 5.5: C0 controls but horizontal tab, and DEL), or -1.
func controlIndex(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			return i
		}
	}
	return -1
}

func controlProblem(c byte) string {
	const hex = "0123456789ABCDEF"
	return "a header value cannot hold control characters (RFC 9110), found U+00" + string([]byte{hex[c>>4], hex[c&15]})
}
