package sim

// A Preset is a named scenario with a note on what to notice: the playground's
// preset list and the workshop's lessons.
type Preset struct {
	Name   string // "codefresh-jump-refused"
	Vendor string // "" for generic lessons, else the vendor it reproduces
	Title  string // a short title for the picker
	Notice string // what to notice, a few sentences
	Text   string // the scenario
}

var presets []Preset

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
