//go:build js

package sim

import "os"

// The js build carries no preset text (presets_js.go); its tests, run under
// Node, read the same files the native build compiles in, so that every
// preset test runs there too.
func init() {
	read := func(name string) string {
		b, err := os.ReadFile(name)
		if err != nil {
			panic("sim tests under Node: " + err.Error())
		}
		return string(b)
	}
	presets = append(loadPresets(read("presets.txt")), loadPresets(read("catalog_presets.txt"))...)
}
