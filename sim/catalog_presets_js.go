//go:build js

package sim

// The catalogue's contracts are left out of the WASM for now: they are
// hand-written servers, about 80 KB brotli together, over the size budget.
// They come back as they are ported onto declared contracts (data, not code).
// Until then the js build has no catalogue presets either.
const catalogPresetsFile = ""
