package sim

// headerList is a list of headers where setting a name replaces the header of
// that name (case-insensitive) and moves it to the end, and setting it to ""
// removes it: a client's sticky headers, and a request's headers as the
// client's merge with its own. Every operation is O(1) amortized, so 10,000
// `header` steps cost what they say (copying the list for each was
// quadratic: 17 s natively).
type headerList struct {
	hs   []Header       // in the order set; removed entries have Name ""
	at   map[string]int // lower-case name -> index in hs; built past a few entries
	gone int            // removed entries in hs
}

const headerMapAt = 8 // below this many entries a scan beats a map

func headerKey(name string) string { return asciiLower(name) } // header names are ASCII tokens

func (l *headerList) find(name string) int {
	if l.at != nil {
		if i, ok := l.at[headerKey(name)]; ok {
			return i
		}
		return -1
	}
	for i, h := range l.hs {
		if h.Name != "" && equalFoldASCII(h.Name, name) {
			return i
		}
	}
	return -1
}

func (l *headerList) set(name, value string) {
	if i := l.find(name); i >= 0 {
		l.hs[i] = Header{}
		l.gone++
		if l.at != nil {
			delete(l.at, headerKey(name))
		}
	}
	if value != "" {
		l.hs = append(l.hs, Header{name, value})
		if l.at != nil {
			l.at[headerKey(name)] = len(l.hs) - 1
		}
	}
	if l.gone > headerMapAt && l.gone > len(l.hs)/2 {
		l.hs, l.gone = l.list(), 0
		l.at = nil
	}
	if l.at == nil && len(l.hs) > headerMapAt {
		l.index()
	}
}

// index builds the name map. With repeated names the last one wins, which
// only mergeHeaders' base could have, and it has none.
func (l *headerList) index() {
	l.at = make(map[string]int, len(l.hs))
	for i, h := range l.hs {
		if h.Name != "" {
			l.at[headerKey(h.Name)] = i
		}
	}
}

// list returns the headers in order, in a new slice.
func (l *headerList) list() []Header {
	out := make([]Header, 0, len(l.hs)-l.gone)
	for _, h := range l.hs {
		if h.Name != "" {
			out = append(out, h)
		}
	}
	return out
}

// len is how many headers the list holds.
func (l *headerList) len() int { return len(l.hs) - l.gone }

// mergeHeaders is base with each of over set on it in turn (headerList.set).
func mergeHeaders(base, over []Header) []Header {
	if len(over) == 0 {
		return append([]Header(nil), base...)
	}
	l := headerList{hs: append(make([]Header, 0, len(base)+len(over)), base...)}
	if len(base) > headerMapAt {
		l.index()
	}
	for _, h := range over {
		l.set(h.Name, h.Value)
	}
	return l.list()
}

// withClientHeaders puts in front of a request's headers those of the
// client's that it lacks (or has empty), last client header first.
func withClientHeaders(client, req []Header) []Header {
	if len(client) == 0 {
		return req
	}
	has := func(name string) bool { return firstHeader(req, name) != "" }
	if len(req) > headerMapAt {
		m := make(map[string]bool, len(req))
		for _, h := range req {
			k := headerKey(h.Name)
			if _, seen := m[k]; !seen {
				m[k] = h.Value != ""
			}
		}
		has = func(name string) bool { return m[headerKey(name)] }
	}
	out := make([]Header, 0, len(client)+len(req))
	for i := len(client) - 1; i >= 0; i-- {
		if !has(client[i].Name) {
			out = append(out, client[i])
		}
	}
	return append(out, req...)
}
