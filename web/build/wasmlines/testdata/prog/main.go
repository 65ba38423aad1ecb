// A program for wasmlines' tests: it works the runtime (allocation, garbage
// collection, stack growth, a recovered panic), prints what it computed and
// the line runtime.Caller reports, and panics for good with "boom" or blocks
// for good with "deadlock" (which the runtime detects by telling its own
// goroutines, the collector's, from the program's).
package main

import (
	"os"
	"runtime"
	"strconv"
)

//go:noinline
func line() int {
	_, _, l, _ := runtime.Caller(0)
	return l
}

// depth recurses n deep, so the goroutine's stack grows and is copied.
func depth(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return depth(n-1) + 1 + int(pad[n%64]) - int(byte(n))
}

func recovered() (msg string) {
	defer func() { msg = recover().(string) }()
	panic("recovered")
}

//go:noinline
func boom() { panic("boom") }

func main() {
	var keep [][]byte
	sum := 0
	for i := range 200_000 {
		s := strconv.Itoa(i)
		sum += len(s)
		if i%1000 == 0 {
			keep = append(keep, []byte(s))
		}
	}
	runtime.GC()
	os.Stdout.WriteString("sum " + strconv.Itoa(sum) + " kept " + strconv.Itoa(len(keep)) +
		" depth " + strconv.Itoa(depth(5_000)) + " " + recovered() + " line " + strconv.Itoa(line()) + "\n")
	if len(os.Args) > 1 && os.Args[1] == "boom" {
		boom()
	}
	if len(os.Args) > 1 && os.Args[1] == "deadlock" {
		go func() { select {} }()
		select {}
	}
}
