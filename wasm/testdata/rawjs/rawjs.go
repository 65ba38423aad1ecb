//go:build js && wasm

// Package rawjs calls syscall/js directly. It is the linter test's control:
// jsguard must report it, proving that a clean run of jsguard means something.
package rawjs

import "syscall/js"

func Get() js.Value {
	global := js.Global()
	return global.Get("pagesim")
}
