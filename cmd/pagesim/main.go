// Command pagesim runs paging scenarios from the command line: the same
// simulator the playground runs in the browser, with a text table instead of
// pictures.
//
//	pagesim run FILE          run a scenario (- reads standard input)
//	pagesim run --preset NAME run a preset
//	pagesim run -json FILE    print the trace as JSON
//	pagesim profiles          list the server profiles
//	pagesim presets           list the presets
//	pagesim serve             serve the playground
//
// Exit status: 0 when the scenario ran (a refused request is a result, not a
// failure), 1 when it is malformed (every problem is printed as
// FILE:LINE:COL: message), 2 for a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"pagingplayground/sim"
)

const usage = `usage:
  pagesim run [-json] FILE          run a scenario; FILE - reads standard input
  pagesim run [-json] --preset NAME run a preset (pagesim presets lists them)
  pagesim profiles                  list the server profiles
  pagesim presets                   list the presets
  pagesim serve [flags]             serve the playground
`

func main() {
	os.Exit(pagesim(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// pagesim runs the command with its arguments and returns the exit status.
func pagesim(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "run":
		return runCmd(args[1:], stdin, stdout, stderr)
	case "profiles":
		return listCmd(args[1:], stdout, stderr, profileLines)
	case "presets":
		return listCmd(args[1:], stdout, stderr, presetLines)
	case "serve":
		return serveCmd(args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "pagesim: unknown command %q\n%s", args[0], usage)
	return 2
}

func runCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pagesim run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the trace as JSON")
	preset := fs.String("preset", "", "run the preset called `NAME`")
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	// Flags may come after the file too: pagesim run x.scenario -json.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}

	var name, text string
	switch {
	case *preset != "" && len(files) > 0:
		fmt.Fprintf(stderr, "pagesim run: give a FILE or --preset, not both\n")
		return 2
	case *preset != "":
		p, ok := sim.LookupPreset(*preset)
		if !ok {
			fmt.Fprintf(stderr, "pagesim run: no preset %q (%s)\n", *preset, presetNames())
			return 2
		}
		name, text = "preset "+p.Name, p.Text
	case len(files) == 1:
		var data []byte
		var err error
		if files[0] == "-" {
			name = "<stdin>"
			data, err = io.ReadAll(stdin)
		} else {
			name = files[0]
			data, err = os.ReadFile(files[0])
		}
		if err != nil {
			fmt.Fprintf(stderr, "pagesim run: %v\n", err)
			return 2
		}
		text = string(data)
	default:
		fmt.Fprintf(stderr, "pagesim run: give one FILE (- for standard input) or --preset NAME\n%s", usage)
		return 2
	}

	trace, err := sim.RunText(text)
	if err != nil {
		var pe *sim.ParseError
		if !errors.As(err, &pe) {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return 1
		}
		for _, d := range pe.Diags {
			if d.Line > 0 {
				fmt.Fprintf(stderr, "%s:%d:%d: %s\n", name, d.Line, d.Col, d.Message)
			} else {
				fmt.Fprintf(stderr, "%s: %s\n", name, d.Message)
			}
		}
		return 1
	}
	if *asJSON {
		stdout.Write(trace.JSON())
		fmt.Fprintln(stdout)
		return 0
	}
	writeTrace(stdout, trace)
	return 0
}

func presetNames() string {
	var names []string
	for _, p := range sim.Presets() {
		names = append(names, p.Name)
	}
	if len(names) == 0 {
		return "there are none yet"
	}
	return "presets: " + strings.Join(names, ", ")
}

// listCmd prints a list, one item a line, in aligned columns.
func listCmd(args []string, stdout, stderr io.Writer, lines func() [][]string) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "pagesim: unexpected %q\n%s", args[0], usage)
		return 2
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, l := range lines() {
		fmt.Fprintln(tw, strings.Join(l, "\t"))
	}
	tw.Flush()
	return 0
}

func profileLines() [][]string {
	var out [][]string
	for _, p := range sim.Profiles() {
		out = append(out, []string{p.Name, vendorText(p.Vendor), p.Summary})
	}
	return out
}

func presetLines() [][]string {
	var out [][]string
	for _, p := range sim.Presets() {
		out = append(out, []string{p.Name, vendorText(p.Vendor), p.Title})
	}
	return out
}

func vendorText(s string) string {
	if s == "" {
		return "generic"
	}
	return s
}
