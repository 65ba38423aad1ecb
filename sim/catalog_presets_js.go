//go:build js

package sim

// The catalogue's contracts still written as Go servers are left out of the
// WASM: as code they are about 80 KB brotli together, over the size budget.
// They come back as they are ported onto declared contracts (data, not
// code), and their presets move to catalog_presets.txt. Until contract.go is
// in the js build, the ported ones stay out too.
const (
	catalogPresetsFile       = ""
	catalogNativePresetsFile = ""
)
