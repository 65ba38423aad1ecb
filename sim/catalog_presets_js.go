//go:build js

package sim

// The catalogue's contracts still written as Go servers (Zendesk) are left
// out of the WASM, and so are their presets. No preset text is compiled into
// the WASM at all: the page reads the presets from start.json, which the
// native build writes (PresetsJSON), and the tests under Node read the .txt
// files from disk (presets_js_test.go).
const catalogNativePresetsFile = ""

func nativeCatalogPresets() []Preset { return nil }
