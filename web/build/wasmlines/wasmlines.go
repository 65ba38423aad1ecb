// Package wasmlines drops the file and line tables from a WebAssembly module
// built by the Go toolchain (GOOS=js GOARCH=wasm), keeping everything the
// program runs on.
//
// A Go binary carries, in its pclntab, one table per function mapping each
// code position to a source file and line, and one mapping it to the
// functions inlined there. The runtime reads them only to print a traceback
// or to answer runtime.Caller and CallersFrames; the tables it needs to run
// (stack frame sizes, stack maps, unsafe points) are others. In a WASM every
// call site is a code position, so these tables are large: an eighth of a
// program's brotli size. Strip gives each function "no table" (offset 0,
// which the runtime already handles: a traceback then reads `?:0` and shows
// no inlined frames) and zeroes the bytes no remaining table uses, the
// inline trees only the dropped index reads, and the file names, so that
// the module keeps its layout, every address in it stays valid, and the
// zeros cost nothing once compressed. It also drops the program's function
// names (see renameFuncs), which only tracebacks print.
//
// The pclntab layout is the Go 1.20+ one (header magic 0xfffffff1, 8-byte
// pointers); Strip checks what it reads and refuses anything else rather than
// guess.
package wasmlines

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Stats is what Strip did.
type Stats struct {
	Funcs  int // functions in the pclntab
	Zeroed int // bytes of tables zeroed
}

// PCDATA_InlTreeIndex and FUNCDATA_InlTree in internal/abi: the table of
// inlined frames and the inline tree it indexes.
const (
	pcdataInlTreeIndex = 2
	funcdataInlTree    = 3
)

var errFormat = errors.New("wasmlines: not a Go js/wasm module this package knows")

// Strip returns a copy of a Go WASM module without its file, line and
// inlined-frame tables.
func Strip(module []byte) ([]byte, Stats, error) {
	var st Stats
	out := append([]byte(nil), module...)
	segs, err := dataSegments(out)
	if err != nil {
		return nil, st, err
	}
	if len(segs) == 0 {
		return nil, st, errFormat
	}
	last := segs[len(segs)-1]
	mem := make([]byte, last.addr+len(last.data))
	for _, s := range segs {
		copy(mem[s.addr:], s.data)
	}

	header := []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8} // magic, pad, minLC 1, pointers of 8 bytes
	p := -1
	for off := 0; ; {
		i := bytes.Index(mem[off:], header)
		if i < 0 {
			break
		}
		if p >= 0 {
			return nil, st, errors.New("wasmlines: two pclntab headers")
		}
		p = off + i
		off = p + 1
	}
	if p < 0 || p+72 > len(mem) {
		return nil, st, errors.New("wasmlines: no Go 1.20+ pclntab")
	}
	le := binary.LittleEndian
	word := func(i int) int { return int(le.Uint64(mem[p+8+8*i:])) }
	nfunc, pctabOff, pclnOff := word(0), word(6), word(7)
	if nfunc <= 0 || pctabOff <= 0 || pclnOff <= pctabOff || p+pclnOff+8*(nfunc+1) > len(mem) {
		return nil, st, errFormat
	}
	pctab := mem[p+pctabOff : p+pclnOff]
	ftab := mem[p+pclnOff:]

	funcs := make([]fn, nfunc)
	keep := make([]bool, len(pctab)) // bytes of the tables kept
	var drop []int                   // offsets of the tables dropped
	for k := range funcs {
		entry, off := le.Uint32(ftab[8*k:]), int(le.Uint32(ftab[8*k+4:]))
		if off+44 > len(ftab) || le.Uint32(ftab[off:]) != entry {
			return nil, st, errors.New("wasmlines: function " + strconv.Itoa(k) + " does not match its entry")
		}
		f := ftab[off:]
		npcdata := int(le.Uint32(f[28:]))
		if npcdata > 16 || off+44+4*npcdata > len(ftab) {
			return nil, st, errFormat
		}
		funcs[k] = fn{at: off, npcdata: npcdata}
		tables := []struct {
			field int // byte offset in _func of the table's offset
			keep  bool
		}{{16, true}, {20, false}, {24, false}} // pcsp, pcfile, pcln
		for d := range npcdata {
			tables = append(tables, struct {
				field int
				keep  bool
			}{44 + 4*d, d != pcdataInlTreeIndex})
		}
		for _, t := range tables {
			o := int(le.Uint32(f[t.field:]))
			if o == 0 {
				continue
			}
			n, ok := tableLen(pctab, o)
			if !ok {
				return nil, st, errors.New("wasmlines: a table of function " + strconv.Itoa(k) + " runs off the pctab")
			}
			if t.keep {
				for i := o; i < o+n; i++ {
					keep[i] = true
				}
			} else {
				drop = append(drop, o)
			}
			if t.field == 44+4*pcdataInlTreeIndex {
				funcs[k].inlined = maxValue(pctab[o:o+n]) + 1
			}
		}
	}
	for _, o := range drop {
		n, _ := tableLen(pctab, o)
		for i := o; i < o+n; i++ {
			if !keep[i] && pctab[i] != 0 {
				pctab[i] = 0
				st.Zeroed++
			}
		}
	}
	// The inline trees (FUNCDATA_InlTree: 16 bytes per inlined call) are
	// read only through the index table just dropped: zero them too, unless
	// the linker shares one's bytes with another funcdata (same content,
	// same address), which stays.
	if gofunc, ok := moduleGofunc(mem, p); ok {
		other := map[uint32]bool{}
		for _, f := range funcs {
			b := ftab[f.at:]
			nfuncdata := int(b[43])
			for d := range nfuncdata {
				if o := le.Uint32(b[44+4*f.npcdata+4*d:]); d != funcdataInlTree && o != ^uint32(0) {
					other[o] = true
				}
			}
		}
		for _, f := range funcs {
			b := ftab[f.at:]
			if int(b[43]) <= funcdataInlTree || f.inlined <= 0 {
				continue
			}
			o := le.Uint32(b[44+4*f.npcdata+4*funcdataInlTree:])
			at := gofunc + int(o)
			if o == ^uint32(0) || other[o] || at+16*f.inlined > len(mem) {
				continue
			}
			for i := at; i < at+16*f.inlined; i++ {
				if mem[i] != 0 {
					mem[i] = 0
					st.Zeroed++
				}
			}
		}
	}
	for _, f := range funcs {
		b := ftab[f.at:]
		le.PutUint32(b[20:], 0)
		le.PutUint32(b[24:], 0)
		if f.npcdata > pcdataInlTreeIndex {
			le.PutUint32(b[44+4*pcdataInlTreeIndex:], 0)
		}
		// The function's compilation unit and first line: read only with
		// its file and line tables.
		le.PutUint32(b[32:], 0)
		le.PutUint32(b[36:], 0)
	}
	st.Funcs = nfunc

	// The compilation units' file lists and the file names (cutab,
	// filetab) are read only through the file tables just dropped.
	namesOff, cuOff, filesOff := word(3), word(4), word(5)
	if namesOff <= 0 || namesOff >= cuOff || cuOff > filesOff || filesOff > pctabOff {
		return nil, st, errFormat
	}
	for i := p + cuOff; i < p+pctabOff; i++ {
		if mem[i] != 0 {
			mem[i] = 0
			st.Zeroed++
		}
	}
	n, err := renameFuncs(mem[p+namesOff:p+cuOff], ftab, funcs)
	if err != nil {
		return nil, st, err
	}
	st.Zeroed += n

	// Every change wrote zeros, but for the few shared names at the start of
	// the name table, where names were: bytes between segments (zeros the
	// module leaves out) need no segment, so copy the segments back.
	for _, s := range segs {
		copy(s.data, mem[s.addr:])
	}
	if !covered(segs, p+namesOff, n) {
		return nil, st, errFormat
	}
	return out, st, nil
}

// renameFuncs rewrites the function name table (funcnametab) and each
// function's name offset. The runtime reads a few names to run: by prefix
// ("runtime." and "internal/runtime/" tell its own goroutines from the
// program's, which decides "all goroutines are asleep - deadlock!") and in
// full for reflect's call stubs; the rest only to print a traceback. So
// reflect's names stay whole, every function of the runtime's packages gets
// one shared name, "runtime.?" or "internal/runtime/?", and every other
// function none (offset 0, which the runtime reads as "": a traceback
// then shows the panic and the runtime's frames, not the program's). It
// returns how many bytes it changed; the names it writes start the table.
func renameFuncs(names, ftab []byte, funcs []fn) (int, error) {
	le := binary.LittleEndian
	old := append([]byte(nil), names...)
	clear(names)
	at := map[string]int{}
	w := 1 // offset 0 is no name
	for _, f := range funcs {
		b := ftab[f.at:]
		off := int(le.Uint32(b[4:]))
		if off == 0 {
			continue
		}
		end := bytes.IndexByte(old[min(off, len(old)):], 0)
		if off >= len(old) || end < 0 {
			return 0, errFormat
		}
		name := string(old[off : off+end])
		switch {
		case strings.HasPrefix(name, "reflect."):
		case strings.HasPrefix(name, "runtime."):
			name = "runtime.?"
		case strings.HasPrefix(name, "internal/runtime/"):
			name = "internal/runtime/?"
		default:
			name = ""
		}
		o, ok := at[name]
		if name != "" && !ok {
			if w+len(name)+1 > len(names) {
				return 0, errFormat
			}
			o = w
			at[name] = o
			w += copy(names[w:], name) + 1
		}
		le.PutUint32(b[4:], uint32(o))
	}
	n := 0
	for i := range names {
		if names[i] != old[i] {
			n++
		}
	}
	return n, nil
}

// covered says whether bytes [addr, addr+n) of memory lie in data segments.
func covered(segs []segment, addr, n int) bool {
	for _, s := range segs {
		if addr >= s.addr && addr+n <= s.addr+len(s.data) {
			return true
		}
	}
	return n == 0
}

// tableLen is the length of the pc-value table at off: pairs of a value
// delta and a pc delta (varints), ended by a zero value delta other than the
// first.
func tableLen(tab []byte, off int) (int, bool) {
	i := off
	for first := true; ; first = false {
		v, n := binary.Uvarint(tab[min(i, len(tab)):])
		if n <= 0 {
			return 0, false
		}
		i += n
		if v == 0 && !first {
			return i - off, true
		}
		_, n = binary.Uvarint(tab[min(i, len(tab)):])
		if n <= 0 {
			return 0, false
		}
		i += n
	}
}

// maxValue is the largest value of a pc-value table (values start at -1).
func maxValue(tab []byte) int {
	v, m := int64(-1), int64(-1)
	for i, first := 0, true; i < len(tab); first = false {
		u, n := binary.Uvarint(tab[i:])
		if n <= 0 || (u == 0 && !first) {
			break
		}
		i += n
		v += int64(u>>1) ^ -int64(u&1) // zigzag
		m = max(m, v)
		_, n = binary.Uvarint(tab[i:])
		if n <= 0 {
			break
		}
		i += n
	}
	return int(m)
}

// moduleGofunc finds the runtime's moduledata, the one place that points
// at the pclntab header p and its function name table, and returns its
// gofunc field: the address funcdata offsets count from.
func moduleGofunc(mem []byte, p int) (int, bool) {
	le := binary.LittleEndian
	var want [8]byte
	le.PutUint64(want[:], uint64(p))
	funcnames := uint64(p) + le.Uint64(mem[p+8+8*3:]) // pcHeader.funcnameOffset
	found := -1
	for off := 0; ; {
		i := bytes.Index(mem[off:], want[:])
		if i < 0 {
			break
		}
		at := off + i
		off = at + 8
		if at%8 != 0 || at+336 > len(mem) || le.Uint64(mem[at+8:]) != funcnames {
			continue
		}
		if found >= 0 {
			return 0, false // two candidates: leave the trees
		}
		found = at
	}
	if found < 0 {
		return 0, false
	}
	// moduledata: pcHeader, five slices, ftab, findfunctab, minpc, maxpc,
	// then text ... rodata, gofunc (Go 1.20-1.26 layout).
	gofunc := int(le.Uint64(mem[found+320:]))
	return gofunc, gofunc > 0 && gofunc < len(mem)
}

// fn is a function of the pclntab: where its _func is in the function
// table, how many pc-data tables it has, and the entries of its inline tree.
type fn struct{ at, npcdata, inlined int }

// A segment is an active data segment: its bytes (aliasing the module) and
// the memory address they are loaded at.
type segment struct {
	addr int
	data []byte
}

// dataSegments reads the module's data section.
func dataSegments(m []byte) ([]segment, error) {
	if len(m) < 8 || string(m[:4]) != "\x00asm" || binary.LittleEndian.Uint32(m[4:]) != 1 {
		return nil, errors.New("wasmlines: not a WebAssembly module")
	}
	r := reader{b: m, i: 8}
	for r.i < len(m) {
		id := r.byte()
		size := r.uint()
		if r.err || r.i+size > len(m) {
			return nil, errFormat
		}
		end := r.i + size
		if id != 11 { // not the data section
			r.i = end
			continue
		}
		var segs []segment
		for n := r.uint(); n > 0 && !r.err; n-- {
			// active, memory 0: flags 0, (i32.const ADDR end), size, bytes
			if r.uint() != 0 || r.byte() != 0x41 {
				return nil, errFormat
			}
			addr := r.uint() // a non-negative sleb128 reads as its uleb128
			if r.byte() != 0x0b {
				return nil, errFormat
			}
			l := r.uint()
			if r.err || r.i+l > end {
				return nil, errFormat
			}
			segs = append(segs, segment{addr, m[r.i : r.i+l : r.i+l]})
			r.i += l
		}
		if r.err {
			return nil, errFormat
		}
		slices.SortFunc(segs, func(a, b segment) int { return a.addr - b.addr })
		for i := 1; i < len(segs); i++ {
			if segs[i].addr < segs[i-1].addr+len(segs[i-1].data) {
				return nil, errors.New("wasmlines: data segments overlap")
			}
		}
		return segs, nil
	}
	return nil, errors.New("wasmlines: no data section")
}

type reader struct {
	b   []byte
	i   int
	err bool
}

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		r.err = true
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *reader) uint() int {
	v, n := binary.Uvarint(r.b[min(r.i, len(r.b)):])
	if n <= 0 || v > 1<<31 {
		r.err = true
		return 0
	}
	r.i += n
	return int(v)
}
