package sim

import "strconv"

// stepSpec is one kind of step: its keyword, the shape of its arguments,
// how the parser reads it, how the validator checks one built in code, and
// how it is written back as text. The parser (stepLine), the validator
// (validator.step), the formatter (stepText) and the editor's language
// tables (LanguageJSON, keywordHelp) all read stepSpecs, so a new kind of
// step is one entry here, its Step fields and what the engine does with it.
type stepSpec struct {
	word string // the keyword; a request starts with its method instead, and is called "request"
	// shared: the step changes the list for every client, so it takes no
	// @client (the mutations).
	shared bool
	// syntax is the arguments' shape and help what the step does, as the
	// editor shows them on hover and in completion (docs/language.md's words).
	syntax, help string
	// needs is what must follow the keyword ("" when it may stand alone),
	// for `expected … after` on a bare keyword.
	needs string
	// parse reads the line's words (ws[0] is the keyword; l is the line
	// without its comment) into st, whose Kind, Line and Client are set; it
	// reports problems at their column and returns false after one.
	parse func(p *parser, i int, l string, ws []word, st *Step) bool
	// check returns what is wrong with a step built in code: what parse
	// would have refused, in plain words.
	check func(st *Step) []string
	// text writes the step as parse reads it, without its client; nil:
	// the keyword alone.
	text func(st *Step) string
}

// stepSpecs is the table of step kinds, indexed by StepKind. The order of
// the keywords is the order the editor lists them in.
var stepSpecs = [...]stepSpec{
	StepRequest: {
		word: "request",
		// Parsed by requestLine: a request line starts with its method.
		check: requestProblems,
		text: func(st *Step) string {
			s := st.Method + " " + st.Target
			if st.Body != "" {
				s += " " + foldBody(st.Body)
			}
			return s
		},
	},
	StepNext: {
		word: "next", syntax: "[@client] next",
		help:  "Follow the last response to its next page, the way the contract says (a Link header, a cursor, a page number).",
		parse: parseAlone,
	},
	StepPrev: {
		word: "prev", syntax: "[@client] prev",
		help:  "Follow the last response to its previous page.",
		parse: parseAlone,
	},
	StepFirst: {
		word: "first", syntax: "[@client] first",
		help:  "Go back to the first page, or send the contract's first request.",
		parse: parseAlone,
	},
	StepWalk: {
		word: "walk", syntax: "[@client] walk [max N | cap N]",
		help:  "Follow next until there is none: one client's pass over the list. `max N` stops after N pages; `cap N` errors out past N pages, like a CLI.",
		parse: (*parser).walk,
		check: func(st *Step) []string { return problem(walkProblem(int64(st.MaxPages), st.Cap)) },
		text: func(st *Step) string {
			switch {
			case st.Cap:
				return "walk cap " + strconv.Itoa(st.MaxPages)
			case st.MaxPages != 0:
				return "walk max " + strconv.Itoa(st.MaxPages)
			}
			return "walk"
		},
	},
	StepHeader: {
		word: "header", syntax: "[@client] header Name: value",
		help:  "A header the client sends on every request from now on.",
		parse: (*parser).header,
		check: func(st *Step) []string { return problem(headerProblem(st.Name, st.Value)) },
		text:  func(st *Step) string { return "header " + headerText(st.Name, st.Value) },
	},
	StepInsert: {
		word: "insert", shared: true, syntax: "insert N [at POSITION]",
		help:  "N new records arrive, at the head (the newest) or at a list position.",
		needs: "a number of records",
		parse: (*parser).insert,
		check: func(st *Step) []string {
			out := problem(insertProblem(st.Count))
			if st.At < -1 {
				out = append(out, "an insert goes at a list position (0 is the head) or at -1 for the newest end, got "+fmtNumber(st.At))
			}
			return out
		},
		text: func(st *Step) string {
			s := "insert " + itoa(st.Count)
			if st.At >= 0 {
				s += " at " + itoa(st.At)
			}
			return s
		},
	},
	StepDelete: {
		word: "delete", shared: true, syntax: "delete id ID | delete at P[..Q]",
		help:  "Delete a record by id, or the records at list positions P to Q (inclusive).",
		needs: "`id ID`, `at P` or `at P..Q`",
		parse: (*parser).delete,
		check: func(st *Step) []string {
			switch {
			case st.ID < 0:
				return problem("record ids start at 1, got " + fmtNumber(st.ID))
			case st.ID > 0:
			case st.From < 0:
				return problem("list positions start at 0, got " + fmtNumber(st.From))
			case st.To < st.From:
				return problem("the range " + fmtNumber(st.From) + ".." + fmtNumber(st.To) + " runs backwards")
			}
			return nil
		},
		text: func(st *Step) string {
			switch {
			case st.ID > 0:
				return "delete id " + itoa(st.ID)
			case st.From == st.To:
				return "delete at " + itoa(st.From)
			}
			return "delete at " + itoa(st.From) + ".." + itoa(st.To)
		},
	},
	StepUpdate: {
		word: "update", shared: true, syntax: "update id ID key K",
		help:  "Give a record a new sort key: it moves in the list.",
		needs: "`id ID key K`",
		parse: (*parser).update,
		check: func(st *Step) []string {
			if st.ID < 1 {
				return problem("record ids start at 1, got " + fmtNumber(st.ID))
			}
			return nil
		},
		text: func(st *Step) string { return "update id " + itoa(st.ID) + " key " + itoa(st.Key) },
	},
	StepStream: {
		word: "stream", shared: true, syntax: "stream N every T | stream stop",
		help:  "From now on N records arrive every T ticks (the clock moves one tick per step and by `wait`).",
		needs: "`N every T` or `stop`",
		parse: (*parser).stream,
		check: func(st *Step) []string {
			if st.Count == 0 {
				if st.Every != 0 {
					return problem("a stream with no records is `stream stop`, which has no interval; got every " + fmtNumber(st.Every))
				}
				return nil
			}
			return append(problem(insertProblem(st.Count)), problem(everyProblem(st.Every))...)
		},
		text: func(st *Step) string {
			if st.Count == 0 {
				return "stream stop"
			}
			return "stream " + itoa(st.Count) + " every " + itoa(st.Every)
		},
	},
	StepWait: {
		word: "wait", shared: true, syntax: "wait T",
		help:  "Advance the clock by T ticks: streams keep inserting meanwhile.",
		needs: "a number of ticks",
		parse: (*parser).wait,
		check: func(st *Step) []string { return problem(waitProblem(st.Ticks)) },
		text:  func(st *Step) string { return "wait " + itoa(st.Ticks) },
	},
}

// stepWords are the step keywords, in the table's order.
var stepWords = func() []string {
	var out []string
	for k, s := range stepSpecs {
		if s.word != "" && StepKind(k) != StepRequest {
			out = append(out, s.word)
		}
	}
	return out
}()

// clientStepWords are the keywords a client may be named on: the steps
// that are not shared.
var clientStepWords = func() []string {
	var out []string
	for k, s := range stepSpecs {
		if s.word != "" && StepKind(k) != StepRequest && !s.shared {
			out = append(out, s.word)
		}
	}
	return out
}()

// stepKindOf is the kind whose keyword is w, or 0.
func stepKindOf(w string) StepKind {
	for k, s := range stepSpecs {
		if s.word == w && StepKind(k) != StepRequest {
			return StepKind(k)
		}
	}
	return 0
}

// specOf is kind k's entry, or nil for a kind no step has.
func specOf(k StepKind) *stepSpec {
	if k == 0 || int(k) >= len(stepSpecs) {
		return nil
	}
	return &stepSpecs[k]
}

// stepKeyword is kind k's keyword ("request" for a request).
func stepKeyword(k StepKind) string {
	if s := specOf(k); s != nil {
		return s.word
	}
	return ""
}

// problem is msg as a list of problems: none when msg is "".
func problem(msg string) []string {
	if msg == "" {
		return nil
	}
	return []string{msg}
}

// parseAlone reads a keyword that takes nothing after it.
func parseAlone(p *parser, i int, _ string, ws []word, _ *Step) bool { return p.noMore(i, ws, 1) }

// stepText writes a step on one line, as Format does, without a request's
// header lines: `next`, `@bob GET /x?page=2 {"p": 1}`, `delete at 2..5`.
func stepText(st *Step) string {
	s := ""
	if st.Client != "" {
		s = "@" + st.Client + " "
	}
	spec := specOf(st.Kind)
	if spec == nil {
		// Not a step Parse makes; a comment keeps the text parseable and
		// the gap visible. Validate reports the step.
		return s + "# unknown step kind " + strconv.Itoa(int(st.Kind))
	}
	if spec.text == nil {
		return s + spec.word
	}
	return s + spec.text(st)
}
