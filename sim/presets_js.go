//go:build js

package sim

// The WASM carries no preset text: the page and the element read the
// presets (and the profiles' rules cards) from the build's start.json, which
// web/build writes natively (PresetsJSON, ProfilesJSON), and a challenge's
// kept lines and expectations come back with the scenario to check
// (CheckChallenge). In the js build Presets() is empty; the sim tests under
// Node load the text files themselves (presets_js_test.go).
const (
	presetsFile        = ""
	catalogPresetsFile = ""
)
