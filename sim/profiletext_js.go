//go:build js

package sim

// The WASM carries no profile summaries or rules (see profiletext.go): the
// page reads them from start.json, and its worker hands the rules to
// SetRules as it starts.
func withText(*Profile) {}

const withTexts = false
