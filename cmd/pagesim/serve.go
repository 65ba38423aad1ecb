package main

import (
	"fmt"
	"os"
)

// serveCmd serves the playground. (Stub: the web engineer's serve.go
// replaces this file.)
func serveCmd(args []string) int { fmt.Fprintln(os.Stderr, "serve: not built yet"); return 2 }
