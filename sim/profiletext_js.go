//go:build js

package sim

// The WASM carries no profile summaries or rules (see profiletext.go): the
// page reads them from start.json.
func withText(*Profile) {}

const withTexts = false
