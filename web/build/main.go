// Command build assembles the playground's static site: the WASM built by
// build.sh, Go's wasm_exec.js, the page's JavaScript and CSS bundled and
// minified by esbuild, and index.html, each with .br and .gz copies beside it.
// Asset names carry a content hash so the server can let browsers cache them
// for good; index.html names them.
//
//	go run ./web/build -wasm build/pagesim.wasm -out dist -max-wasm-br 665600
//
// With -max-wasm-br it fails when the brotli-compressed WASM is over budget.
// The WASM is served without its file and line tables and the program's
// function names (package wasmlines: a Go traceback in the browser's
// console then shows unnamed frames at ?:0); -keep-lines serves it whole.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/andybalholm/brotli"

	"github.com/evanw/esbuild/pkg/api"
	"pagingplayground/sim"
	"pagingplayground/web/build/wasmlines"
)

func main() {
	wasmPath := flag.String("wasm", "build/pagesim.wasm", "the WASM built with GOOS=js GOARCH=wasm")
	out := flag.String("out", "dist", "output directory (emptied first)")
	src := flag.String("src", "web/src", "the page's sources")
	budget := flag.Int64("max-wasm-br", 0, "fail when the WASM is larger than this many bytes brotli-compressed (0: no check)")
	compress := flag.Bool("compress", true, "write the .br and .gz copies (false: a quick build for trying a change)")
	npm := flag.String("npm", "", "also write the npm package (the element and its files, package.json) into this directory")
	keepLines := flag.Bool("keep-lines", false, "serve the WASM with its file and line tables and function names (tracebacks with names and file:line, for debugging; about 120 KB brotli more)")
	flag.Parse()
	skipCompression = !*compress
	stripLines = !*keepLines
	if err := build(os.Stdout, *wasmPath, *src, *out, *budget); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	if *npm != "" {
		if err := writePackage(*out, filepath.Join(*src, "..", "package"), *npm); err != nil {
			fmt.Fprintln(os.Stderr, "build: npm package:", err)
			os.Exit(1)
		}
	}
}

// skipCompression is -compress=false.
var skipCompression bool

// stripLines is -keep-lines=false: the served WASM goes without its file and
// line tables and the program's function names (see package wasmlines),
// which only tracebacks read.
var stripLines bool

type file struct {
	name string
	data []byte
	br   []byte
	gz   []byte
}

func build(report io.Writer, wasmPath, src, out string, budget int64) error {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return err
	}
	if stripLines {
		stripped, st, err := wasmlines.Strip(wasm)
		if err != nil {
			return fmt.Errorf("%s: %w (build with -keep-lines to serve it as it is)", wasmPath, err)
		}
		wasm = stripped
		fmt.Fprintf(report, "WASM: the file and line tables and names of %d functions dropped (%d bytes zeroed)\n", st.Funcs, st.Zeroed)
	}
	goroot := runtime.GOROOT()
	if env := os.Getenv("GOROOT"); env != "" {
		goroot = env
	}
	wasmExec, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("wasm_exec.js: %w", err)
	}

	files := []*file{
		{name: hashed("pagesim", ".wasm", wasm), data: wasm},
		{name: hashed("wasm_exec", ".js", wasmExec), data: wasmExec},
	}
	bundled, err := bundle(src)
	if err != nil {
		return err
	}
	files = append(files, bundled...)
	start, err := startData()
	if err != nil {
		return err
	}
	files = append(files, &file{name: hashed("start", ".json", start), data: start})
	views, err := presetViews()
	if err != nil {
		return err
	}
	files = append(files, views...)
	// The editor's tables: keywords, profiles, options and parameters, from
	// the simulator itself (sim.LanguageJSON); the editor bundle reads them.
	language := sim.LanguageJSON()
	files = append(files, &file{name: hashed("language", ".json", language), data: language})

	names := map[string]string{}
	for _, f := range files {
		names[stem(f.name)] = f.name
	}
	fill := func(name, text string) (string, error) {
		for _, k := range []string{"pagesim", "wasm_exec", "main", "worker", "sandbox-worker", "style", "embed", "embedpage", "start", "cm", "language"} {
			if names[k] == "" {
				return "", errors.New("no output for " + k)
			}
			text = strings.ReplaceAll(text, "{{"+k+"}}", names[k])
		}
		text = strings.ReplaceAll(text, "{{wasmSize}}", strconv.Itoa(len(wasm)))
		if i := strings.Index(text, "{{"); i >= 0 {
			return "", fmt.Errorf("%s: unknown placeholder at %q", name, text[i:min(len(text), i+30)])
		}
		return text, nil
	}
	// The custom element's script keeps one name (documentation pages link
	// to it) and learns the hashed names of the rest.
	// The npm package's module entry is the same element as an ES module.
	for _, f := range files {
		switch {
		case stem(f.name) == "element":
			js, err := fill("element.js", string(f.data))
			if err != nil {
				return err
			}
			f.name, f.data = "paging-playground.js", []byte(js)
		case f.name == "package.mjs":
			js, err := fill("package.js", string(f.data))
			if err != nil {
				return err
			}
			f.name, f.data = "paging-playground.mjs", []byte(js)
		}
	}
	for _, page := range []string{"index.html", "embed.html", "docs.html"} {
		tmpl, err := os.ReadFile(filepath.Join(src, page))
		if err != nil {
			return err
		}
		html, err := fill(page, string(tmpl))
		if err != nil {
			return err
		}
		files = append(files, &file{name: page, data: []byte(html)})
	}
	for _, plain := range []string{"favicon.svg", "docs.css", "docs.js", "clientpresets.json"} {
		if b, err := os.ReadFile(filepath.Join(src, plain)); err == nil {
			files = append(files, &file{name: plain, data: b})
		}
	}

	compressAll(files)

	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(out, f.name), f.data, 0o644); err != nil {
			return err
		}
		if f.br != nil {
			if err := os.WriteFile(filepath.Join(out, f.name+".br"), f.br, 0o644); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(out, f.name+".gz"), f.gz, 0o644); err != nil {
				return err
			}
		}
	}

	tw := tabwriter.NewWriter(report, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tbytes\tgzip\tbrotli\t")
	var vs [3]int // the presets' views, summed up in one line
	for _, f := range files {
		if strings.HasPrefix(f.name, "view.") {
			vs[0], vs[1], vs[2] = vs[0]+len(f.data), vs[1]+len(f.gz), vs[2]+len(f.br)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", out+"/"+f.name, len(f.data), len(f.gz), len(f.br))
	}
	fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", out+"/view.*.json ("+strconv.Itoa(len(views))+" files)", vs[0], vs[1], vs[2])
	tw.Flush()

	wasmBr := int64(len(files[0].br))
	fmt.Fprintf(report, "WASM brotli: %d bytes = %.1f KB", wasmBr, float64(wasmBr)/1024)
	if budget > 0 {
		fmt.Fprintf(report, " (budget %d bytes = %.1f KB)", budget, float64(budget)/1024)
	}
	fmt.Fprintln(report)
	if budget > 0 && wasmBr > budget {
		return fmt.Errorf("the WASM is %d bytes brotli, over the budget of %d by %d bytes", wasmBr, budget, wasmBr-budget)
	}
	return nil
}

// bundle runs esbuild over the page's entry points.
func bundle(src string) ([]*file, error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return nil, err
	}
	sandbox := filepath.Join(filepath.Dir(abs), "sandbox")
	if _, err := os.Stat(filepath.Join(sandbox, "node_modules", "parse-link-header")); err != nil {
		return nil, errors.New("web/sandbox/node_modules is missing: run npm ci in web/sandbox (./build.sh does)")
	}
	res := api.Build(api.BuildOptions{
		EntryPoints: []string{filepath.Join(abs, "main.js"), filepath.Join(abs, "worker.js"), filepath.Join(abs, "sandbox-worker.js"), filepath.Join(abs, "style.css"),
			filepath.Join(abs, "element.js"), filepath.Join(abs, "embed.css"), filepath.Join(abs, "embedpage.css"),
			filepath.Join(abs, "cm.js")}, // the editor, loaded after the first paint
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		Outdir:            "/out",
		EntryNames:        "[name]-[hash]",
		LegalComments:     api.LegalCommentsNone,
		Charset:           api.CharsetUTF8,
		LogLevel:          api.LogLevelWarning,
		Write:             false,
		// The client pane's sandbox bundles parse-link-header (and acorn)
		// from web/sandbox, installed there from its lockfile by npm ci;
		// parse-link-header's two Node built-ins come from web/sandbox/shims.
		NodePaths: []string{filepath.Join(sandbox, "shims"), filepath.Join(sandbox, "node_modules")},
		Define: map[string]string{
			"process.env.PARSE_LINK_HEADER_MAXLEN":                   "undefined",
			"process.env.PARSE_LINK_HEADER_THROW_ON_MAXLEN_EXCEEDED": "undefined",
		},
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, errors.New("esbuild:\n" + strings.Join(msgs, ""))
	}
	// The npm package's module entry: an ES module (import.meta.url tells it
	// where its files are), named package.mjs here.
	mod := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(abs, "package.js")},
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatESModule,
		Target:            api.ES2020,
		Outdir:            "/out",
		OutExtension:      map[string]string{".js": ".mjs"},
		LegalComments:     api.LegalCommentsNone,
		Charset:           api.CharsetUTF8,
		LogLevel:          api.LogLevelWarning,
		Write:             false,
	})
	if len(mod.Errors) > 0 {
		msgs := api.FormatMessages(mod.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, errors.New("esbuild:\n" + strings.Join(msgs, ""))
	}
	var files []*file
	for _, o := range append(res.OutputFiles, mod.OutputFiles...) {
		files = append(files, &file{name: filepath.Base(o.Path), data: o.Contents})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, nil
}

// compressAll makes the .br and .gz copies of every text file and the WASM,
// in parallel: brotli at its best quality is slow on the WASM.
func compressAll(files []*file) {
	if skipCompression {
		return
	}
	var wg sync.WaitGroup
	for _, f := range files {
		if !compressible(f.name) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			bw := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
			bw.Write(f.data)
			bw.Close()
			f.br = b.Bytes()
			var g bytes.Buffer
			gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
			gw.Write(f.data)
			gw.Close()
			f.gz = g.Bytes()
		}()
	}
	wg.Wait()
}

func compressible(name string) bool {
	switch filepath.Ext(name) {
	case ".wasm", ".js", ".css", ".html", ".svg", ".json":
		return true
	}
	return false
}

// hashed names a file after its content: pagesim-1a2b3c4d.wasm.
func hashed(stem, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return stem + "-" + strings.ToUpper(hex.EncodeToString(sum[:4])) + ext
}

// stem is a hashed name without its hash and extension: "main" for
// main-ABCD1234.js.
func stem(name string) string {
	name = strings.TrimSuffix(name, filepath.Ext(name))
	if i := strings.LastIndexByte(name, '-'); i >= 0 {
		return name[:i]
	}
	return name
}

// startData is what the page shows before its WASM has started: the first
// preset's scenario and its trace's compact head, with the preset and
// profile lists, which the page and the element read only from here (the
// WASM carries no preset text and no rules cards but a run's own). The
// trace comes from the same simulator run natively, and runs are
// deterministic, so it is byte for byte what the WASM will compute once it
// is ready; the page then runs it again and nothing changes on screen.
func startData() ([]byte, error) {
	presets := sim.Presets()
	if len(presets) == 0 {
		return nil, errors.New("no presets")
	}
	t, err := sim.RunText(presets[0].Text)
	if err != nil {
		return nil, fmt.Errorf("preset %s: %w", presets[0].Name, err)
	}
	text, _ := json.Marshal(presets[0].Text)
	var b bytes.Buffer
	b.WriteString(`{"text":`)
	b.Write(text)
	b.WriteString(`,"presets":`)
	b.Write(sim.PresetsJSON())
	b.WriteString(`,"profiles":`)
	b.Write(sim.ProfilesJSON())
	b.WriteString(`,"view":`)
	b.Write(sim.NewView(t).HeadJSON(60)) // as the WASM's run answers: the compact head and the first rows
	b.WriteString("}")
	return b.Bytes(), nil
}

// presetViews are the first screens of the presets, one file each,
// view.NAME.json: the compact head a run of the preset answers, as in
// start.json's "view", run natively (runs are deterministic). A link that
// names a preset (#preset=NAME, #lesson=NAME, or a permalink to a preset's
// text) draws its first screen from one before the WASM has started. Their
// names carry no hash, so that the page can ask for one as it starts, beside
// start.json; the server has browsers revalidate them.
func presetViews() ([]*file, error) {
	var files []*file
	for _, p := range sim.Presets() {
		t, err := sim.RunText(p.Text)
		if err != nil {
			return nil, fmt.Errorf("preset %s: %w", p.Name, err)
		}
		files = append(files, &file{name: "view." + p.Name + ".json", data: sim.NewView(t).HeadJSON(60)})
	}
	return files, nil
}

// writePackage makes the npm package from a built site: the element's two
// entries (the classic script and the ES module) and the files they load
// (the worker, wasm_exec.js, the WASM, the stylesheet and start.json, whose
// presets and profiles the WASM does not carry), under their built names,
// with package.json and README.md from tmpl.
// `npm pack DIR` packs it.
func writePackage(site, tmpl, dir string) error {
	entries, err := os.ReadDir(site)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	copyFile := func(from, to string) error {
		b, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == "paging-playground.js", name == "paging-playground.mjs",
			hashedAs(name, "worker", ".js"), hashedAs(name, "wasm_exec", ".js"),
			hashedAs(name, "pagesim", ".wasm"), hashedAs(name, "embed", ".css"), hashedAs(name, "start", ".json"):
			if err := copyFile(filepath.Join(site, name), filepath.Join(dir, name)); err != nil {
				return err
			}
			n++
		}
	}
	if n != 7 {
		return fmt.Errorf("%s: found %d of the element's 7 files", site, n)
	}
	for _, name := range []string{"package.json", "README.md"} {
		if err := copyFile(filepath.Join(tmpl, name), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// hashedAs says whether name is stem-HASH.ext.
func hashedAs(name, stemName, ext string) bool {
	return strings.HasSuffix(name, ext) && strings.HasPrefix(name, stemName+"-") && stem(name) == stemName
}
