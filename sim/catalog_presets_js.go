//go:build js

package sim

// The catalogue's contracts still written as Go servers are left out of the
// WASM: as code they are about 80 KB brotli together, over the size budget.
// They come back as they are ported onto declared contracts (data, not
// code), their presets moving to catalog_presets.txt, which the js build has.
const catalogNativePresetsFile = ""

func nativeCatalogPresets() []Preset { return nil }
