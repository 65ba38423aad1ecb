// Command pagesim runs paging scenarios from the command line: the same
// simulator the playground runs in the browser, with a text table instead of
// pictures.
//
//	pagesim run FILE          run a scenario, text or JSON (- reads standard input)
//	pagesim run --preset NAME run a preset
//	pagesim run -json FILE    print the trace as JSON
//	pagesim run -q FILE       the table without the profile's rules
//	pagesim profiles          list the server profiles with their options
//	pagesim presets           list the presets
//	pagesim serve             serve the playground
//	pagesim serve -api FILE   serve a scenario's paging contract to real clients
//
// The table fits the terminal's width (-width N sets it; when the output is
// not a terminal, $COLUMNS or 120; narrower than the table needs, each
// step is a short block instead of a row). Everything is written through one
// buffer: a million-record run is a few large writes, not one per cell.
//
// Exit status: 0 when the scenario ran (a refused request is a result, not a
// failure), 1 when it is malformed (every problem is printed as
// FILE:LINE:COL: message), 2 for a usage error.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"

	"pagingplayground/sim"
)

const usage = `usage:
  pagesim run [-json] [-q] [-width N] FILE   run a scenario (text, or the JSON form); FILE - reads standard input
  pagesim run [flags] --preset NAME          run a preset (pagesim presets lists them)
  pagesim profiles [-width N]                list the server profiles with their options
  pagesim presets                            list the presets
  pagesim serve [-addr HOST:PORT] [-dir DIR] serve the playground (./build.sh serve builds it first)
  pagesim serve -api FILE [-addr HOST:PORT]   serve the scenario's paging contract over HTTP
`

func main() {
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	code := pagesim(os.Args[1:], os.Stdin, out, os.Stderr)
	out.Flush()
	os.Exit(code)
}

// pagesim runs the command with its arguments and returns the exit status.
// stdout should be buffered (main passes a bufio.Writer): the table is
// written a line at a time.
func pagesim(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "run":
		return runCmd(args[1:], stdin, stdout, stderr)
	case "profiles":
		return profilesCmd(args[1:], stdout, stderr)
	case "presets":
		return presetsCmd(args[1:], stdout, stderr)
	case "serve":
		if wantsAPI(args[1:]) {
			return serveAPICmd(args[1:], stdout, stderr)
		}
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
	quiet := fs.Bool("q", false, "leave out the profile's rules")
	width := fs.Int("width", 0, "wrap the table at `N` columns (default: the terminal's width)")
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

	var trace *sim.Trace
	var err error
	if isJSONForm(text) {
		trace, err = sim.RunJSON([]byte(text))
	} else {
		trace, err = sim.RunText(text)
	}
	if err != nil {
		var pe *sim.ParseError
		if !errors.As(err, &pe) {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return 1
		}
		for _, d := range pe.Diags {
			printDiagnostic(stderr, name, d)
		}
		return 1
	}
	for _, d := range trace.Warnings {
		printDiagnostic(stderr, name, d)
	}
	if *asJSON {
		stdout.Write(trace.JSON())
		fmt.Fprintln(stdout)
		return 0
	}
	writeTrace(stdout, trace, tableOpts{width: termWidth(*width), quiet: *quiet})
	return 0
}

// isJSONForm reports whether a scenario file is written in the JSON form
// (docs/language.md): its first character, after white space, is `{`, which
// no line of the text form starts with.
func isJSONForm(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	return strings.HasPrefix(t, "{")
}

// printDiagnostic writes FILE:LINE:COL: message, or FILE:LINE:COL: warning:
// message for input the contract ignores (the run goes on).
func printDiagnostic(w io.Writer, name string, d sim.Diagnostic) {
	msg := d.Message
	if d.Severity == sim.SeverityWarning {
		msg = "warning: " + msg
	}
	if d.Line > 0 {
		fmt.Fprintf(w, "%s:%d:%d: %s\n", name, d.Line, d.Col, msg)
	} else {
		fmt.Fprintf(w, "%s: %s\n", name, msg)
	}
}

// termWidth is the width to fit: the flag's when given, else the terminal's
// when standard output is one, else $COLUMNS, else 120.
func termWidth(flagWidth int) int {
	if flagWidth > 0 {
		return max(flagWidth, 40)
	}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			return max(w, 40)
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return max(w, 40)
	}
	return 120
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

// profilesCmd lists the profiles, each with its summary and the options a
// scenario may set on its profile line, with their defaults and ranges.
func profilesCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pagesim profiles", flag.ContinueOnError)
	fs.SetOutput(stderr)
	width := fs.Int("width", 0, "wrap at `N` columns (default: the terminal's width)")
	if fs.Parse(args) != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "pagesim: unexpected %q\n%s", fs.Arg(0), usage)
		return 2
	}
	p := printer{w: stdout, width: termWidth(*width)}
	for i, pr := range sim.Profiles() {
		if i > 0 {
			p.blank()
		}
		p.hang("", "    ", pr.Name+" ("+vendorText(pr.Vendor)+"): "+pr.Summary)
		var names []string
		for _, o := range pr.Options {
			names = append(names, o.Name+"="+o.Default)
		}
		w := 0
		for _, n := range names {
			w = max(w, len(n))
		}
		for j, o := range pr.Options {
			p.para("    "+names[j]+strings.Repeat(" ", w-len(names[j])+2), o.Help+" ("+optionRange(o)+")")
		}
	}
	return 0
}

// optionRange says what values an option takes: "1 to 1,000", "clamp or refuse".
func optionRange(o sim.OptionSpec) string {
	if len(o.Enum) > 0 {
		return strings.Join(o.Enum[:len(o.Enum)-1], ", ") + cond(len(o.Enum) > 1, " or ", "") + o.Enum[len(o.Enum)-1]
	}
	return group(o.Min) + " to " + group(o.Max)
}

func cond(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// presetsCmd lists the presets, one a line, in aligned columns.
func presetsCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "pagesim: unexpected %q\n%s", args[0], usage)
		return 2
	}
	rows := [][]string{}
	for _, pr := range sim.Presets() {
		rows = append(rows, []string{pr.Name, vendorText(pr.Vendor), pr.Title})
	}
	if len(rows) > 0 {
		p := printer{w: stdout}
		p.table(rows, colWidths(rows))
	}
	return 0
}

func vendorText(s string) string {
	if s == "" {
		return "generic"
	}
	return s
}
