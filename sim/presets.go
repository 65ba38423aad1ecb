package sim

import (
	"strings"

	"pagingplayground/internal/json"
)

//go:generate go run ./internal/presetgen

// A Preset is a named scenario with a note on what to notice: the playground's
// preset list and the workshop's lessons.
type Preset struct {
	Name   string // "codefresh-jump-refused"
	Vendor string // "" for generic lessons, else the vendor it reproduces
	Title  string // a short title for the picker
	Notice string // what to notice, a few sentences

	// Workshop lessons: a question to ask the room, a change to try, and for
	// a challenge its goal (the scenario's `expect` lines check it: the
	// starting scenario fails them, an edit makes them pass).
	Question  string
	Try       string
	Hint      string // a nudge toward the answer, shown only when asked (Try is the answer)
	Challenge string

	// A challenge's invariants, outside the text the learner edits (see
	// CheckChallenge): lines the scenario must keep, and the expectations that
	// decide it.
	Keep   []string
	Expect []string

	Text string // the scenario
}

// The presets live in one text file, presets.txt: each starts with a line
// `=== NAME`, then a header block of comment lines, then the scenario:
//
//	=== codefresh-jumps-refused
//	# title: A short title
//	# vendor: Codefresh          (absent for generic lessons)
//	# notice: What to notice, over as many
//	#   comment lines as it takes.
//	# question: A question for the room        (optional, as the next two)
//	# try: A change to try in the scenario
//	# hint: A nudge toward it, for a challenge (optional)
//	# challenge: A goal the lesson's checks decide
//	# keep: records 200        (a line the challenge needs; one per line)
//	# expect: consistent       (a check that decides it; one per line)
//	profile codefresh
//	...
//
// The file's order is the order they are taught in: generic lessons, then
// each vendor's seed in the order its text goes. The file reaches the
// program as the constant presetsFile in presets_text.go, which
// `go generate ./sim` writes from it (a test checks that it is current):
// //go:embed would bring io/fs, time and syscall into the WASM. Native
// builds only: the WASM carries no preset (see presets_js.go).

var presets = loadPresets(presetsFile)

func loadPresets(file string) []Preset {
	var out []Preset
	chunks := strings.Split(file, "\n=== ")
	for _, c := range chunks[1:] {
		name, body, _ := strings.Cut(c, "\n")
		out = append(out, parsePreset(strings.TrimSpace(name), strings.TrimRight(body, "\n")+"\n"))
	}
	return out
}

// parsePreset splits a preset file into its header fields and its scenario.
func parsePreset(name, file string) Preset {
	p := Preset{Name: name}
	var field *string
	rest := file
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		if !strings.HasPrefix(line, "#") {
			break
		}
		rest = after
		text := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		key, value, ok := strings.Cut(text, ":")
		switch {
		case ok && key == "title":
			field = &p.Title
		case ok && key == "vendor":
			field = &p.Vendor
		case ok && key == "notice":
			field = &p.Notice
		case ok && key == "question":
			field = &p.Question
		case ok && key == "try":
			field = &p.Try
		case ok && key == "hint":
			field = &p.Hint
		case ok && key == "challenge":
			field = &p.Challenge
		case ok && key == "keep":
			p.Keep = append(p.Keep, strings.TrimSpace(value))
			field = nil
			continue
		case ok && key == "expect":
			p.Expect = append(p.Expect, strings.TrimSpace(value))
			field = nil
			continue
		default:
			value = text
		}
		if field != nil && strings.TrimSpace(value) != "" {
			*field = strings.TrimSpace(*field + " " + strings.TrimSpace(value))
		}
	}
	p.Text = strings.TrimLeft(rest, "\n")
	return p
}

// Presets lists the presets in the order they are taught.
func Presets() []Preset { return presets }

// LookupPreset returns the preset called name.
func LookupPreset(name string) (Preset, bool) {
	for _, p := range presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// PresetsJSON encodes the presets:
// [{"name","vendor","title","notice","question","try","hint","challenge","keep","expect","text"}].
func PresetsJSON() []byte {
	w := &json.Writer{}
	w.Open('[')
	for _, p := range presets {
		w.Open('{')
		w.Key("name")
		w.Str(p.Name)
		w.Key("vendor")
		w.Str(p.Vendor)
		w.Key("title")
		w.Str(p.Title)
		w.Key("notice")
		w.Str(p.Notice)
		w.Key("question")
		w.Str(p.Question)
		w.Key("try")
		w.Str(p.Try)
		w.Key("hint")
		w.Str(p.Hint)
		w.Key("challenge")
		w.Str(p.Challenge)
		if p.Challenge != "" {
			for _, l := range [...]struct {
				key  string
				list []string
			}{{"keep", p.Keep}, {"expect", p.Expect}} {
				w.Key(l.key)
				w.Open('[')
				for _, s := range l.list {
					w.Str(s)
				}
				w.Close(']')
			}
		}
		w.Key("text")
		w.Str(p.Text)
		w.Close('}')
	}
	w.Close(']')
	return w.B
}
