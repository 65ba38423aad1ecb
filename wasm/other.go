//go:build !(js && wasm)

package main

import "os"

// main explains itself when built for the wrong target: this package is the
// browser build, run in a browser (or under Node in its tests).
func main() {
	os.Stderr.WriteString("pagingplayground/wasm: build with GOOS=js GOARCH=wasm\n")
	os.Exit(2)
}
