//go:build js

package sim

import "testing"

// catalogTries is empty where the catalogue is left out (see catalog_presets_js.go).
var catalogTries = map[string]struct {
	edits [][2]string
	check func(t *testing.T, tr *Trace)
}{}
