//go:build js && wasm

package main

import (
	"errors"
	"strconv"

	"github.com/hack-pad/safejs"
)

func main() {
	if err := register(); err != nil {
		// Nothing to recover to: say so on the console the page shows.
		println("pagesim: " + err.Error())
		return
	}
	select {} // keep the functions alive; JavaScript calls them
}

// funcs holds the exported functions so that they are not released.
var funcs []safejs.Func

// register sets globalThis.pagesim = {run, rows, step, export, check, compare,
// lesson, liveStart, liveRequest, liveReport, setRules}.
func register() error {
	global := safejs.Global()
	objectCtor, err := global.Get("Object")
	if err != nil {
		return err
	}
	obj, err := objectCtor.New()
	if err != nil {
		return err
	}
	exports := []struct {
		name string
		fn   func(args []safejs.Value) []byte
	}{
		{"run", func(args []safejs.Value) []byte { return runJSON(stringArg(args, 0)) }},
		{"check", func(args []safejs.Value) []byte { return checkJSON(stringArg(args, 0)) }},
		{"rows", func(args []safejs.Value) []byte {
			return rowsJSON(stringArg(args, 0), intArg(args, 1), intArg(args, 2))
		}},
		{"step", func(args []safejs.Value) []byte { return stepJSON(stringArg(args, 0), intArg(args, 1)) }},
		{"export", func(args []safejs.Value) []byte {
			emit := funcArg(args, 2)
			return exportTrace(stringArg(args, 0), stringArg(args, 1), func(b []byte) {
				if _, err := emit.Invoke(string(b)); err != nil {
					panic(err)
				}
			})
		}},
		{"compare", func(args []safejs.Value) []byte { return compareJSON(stringArg(args, 0), namesArg(args, 1)) }},
		{"lesson", func(args []safejs.Value) []byte {
			return lessonJSON(stringArg(args, 0), stringArg(args, 1), stringArg(args, 2))
		}},
		{"liveStart", func(args []safejs.Value) []byte { return liveStartJSON(stringArg(args, 0)) }},
		{"liveRequest", func(args []safejs.Value) []byte {
			return liveRequestJSON(stringArg(args, 0), stringArg(args, 1), stringArg(args, 2), stringArg(args, 3))
		}},
		{"liveReport", func([]safejs.Value) []byte { return liveReportJSON() }},
		{"setRules", func(args []safejs.Value) []byte { return setRules(stringArg(args, 0)) }},
	}
	for _, e := range exports {
		fn := e.fn
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			return string(guard(func() []byte { return fn(args) }))
		})
		if err != nil {
			return err
		}
		funcs = append(funcs, f)
		if err := obj.Set(e.name, f.Value()); err != nil {
			return err
		}
	}
	if err := obj.Set("version", version); err != nil {
		return err
	}
	return global.Set("pagesim", obj)
}

// version is set at build time with -ldflags=-X main.version=...
var version = "dev"

// stringArg returns argument i as a string; a missing or non-string
// argument is a panic that guard turns into an error object.
func stringArg(args []safejs.Value, i int) string {
	if i >= len(args) || args[i].Type() != safejs.TypeString {
		panic(errors.New("argument " + strconv.Itoa(i+1) + " must be a string"))
	}
	s, err := args[i].String()
	if err != nil {
		panic(err)
	}
	return s
}

// funcArg reads a function argument.
func funcArg(args []safejs.Value, i int) safejs.Value {
	if i >= len(args) || args[i].Type() != safejs.TypeFunction {
		panic(errors.New("argument " + strconv.Itoa(i+1) + " must be a function"))
	}
	return args[i]
}

// intArg reads a whole-number argument.
func intArg(args []safejs.Value, i int) int {
	if i >= len(args) || args[i].Type() != safejs.TypeNumber {
		panic(errors.New("argument " + strconv.Itoa(i+1) + " must be a number"))
	}
	n, err := args[i].Int()
	if err != nil {
		panic(err)
	}
	return n
}

// namesArg reads profile names given as an array of strings or as one string
// "a,b,c".
func namesArg(args []safejs.Value, i int) []string {
	if i >= len(args) {
		return nil
	}
	v := args[i]
	if v.Type() == safejs.TypeString {
		return splitNames(stringArg(args, i))
	}
	n, err := v.Length()
	if err != nil {
		panic(errors.New("argument " + strconv.Itoa(i+1) + " must be a list of profile names"))
	}
	names := make([]string, 0, n)
	for j := 0; j < n; j++ {
		e, err := v.Index(j)
		if err != nil {
			panic(err)
		}
		if e.Type() != safejs.TypeString {
			panic(errors.New("profile names must be strings"))
		}
		s, err := e.String()
		if err != nil {
			panic(err)
		}
		names = append(names, s)
	}
	return names
}
