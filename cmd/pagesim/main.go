// Command pagesim runs paging scenarios. (Minimal stand-in written by the web
// branch so that `pagesim serve` works; the CLI branch's main.go replaces it.)
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		os.Exit(serveCmd(os.Args[2:]))
	}
	fmt.Fprintln(os.Stderr, "usage: pagesim serve [-addr 127.0.0.1:8080] [-dir dist]")
	os.Exit(2)
}
