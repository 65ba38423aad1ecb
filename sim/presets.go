package sim

import (
	"embed"
	"strings"
)

// A Preset is a named scenario with a note on what to notice: the playground's
// preset list and the workshop's lessons.
type Preset struct {
	Name   string // "codefresh-jump-refused"
	Vendor string // "" for generic lessons, else the vendor it reproduces
	Title  string // a short title for the picker
	Notice string // what to notice, a few sentences
	Text   string // the scenario
}

// The presets are scenario files, sim/presets/NAME.txt, each starting with a
// header block of comment lines:
//
//	# title: A short title
//	# vendor: Codefresh          (absent for generic lessons)
//	# notice: What to notice, over as many
//	#   comment lines as it takes.
//
// The scenario is the rest of the file after the header, comments included.
//
//go:embed presets/*.txt
var presetFiles embed.FS

// presetOrder is the order the presets are taught in: generic lessons, then
// each vendor's seed in the order its text goes.
var presetOrder = []string{
	"offset-insert-drift",
	"offset-delete-miss",
	"cursor-same-mutations",
	"missing-tiebreaker",

	"codefresh-legacy-any-order",
	"codefresh-jumps-refused",
	"codefresh-pages-in-order",
	"codefresh-next-and-previous",
	"codefresh-back-to-page-1",
	"codefresh-shared-cursor",
	"codefresh-session-ids",
	"codefresh-new-builds",
	"codefresh-legacy-drift",

	"celigo-link-walk-drift",
	"celigo-cli-cap",
	"celigo-errors-walk",
	"celigo-parallel-workers",
	"celigo-time-window-export",
	"celigo-migrated-links",
	"celigo-rate-limit",

	"flashduty-window-10000",
	"flashduty-switch-to-cursor",
	"flashduty-capped-total",
	"flashduty-cursor-walk",
}

var presets = loadPresets()

func loadPresets() []Preset {
	out := make([]Preset, 0, len(presetOrder))
	for _, name := range presetOrder {
		b, err := presetFiles.ReadFile("presets/" + name + ".txt")
		if err != nil {
			panic("preset " + name + ": " + err.Error())
		}
		out = append(out, parsePreset(name, string(b)))
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

// PresetsJSON encodes the presets: [{"name","vendor","title","notice","text"}].
func PresetsJSON() []byte {
	w := &jw{}
	w.open('[')
	for _, p := range presets {
		w.open('{')
		w.key("name")
		w.str(p.Name)
		w.key("vendor")
		w.str(p.Vendor)
		w.key("title")
		w.str(p.Title)
		w.key("notice")
		w.str(p.Notice)
		w.key("text")
		w.str(p.Text)
		w.close('}')
	}
	w.close(']')
	return w.b
}
