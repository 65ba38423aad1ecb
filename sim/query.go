package sim

import (
	"errors"
	"strings"
)

// ParseTarget splits a request target (path?query, or an absolute URL
// scheme://host/path?query) into its decoded path and query parameters.
// (Stub: being written. This version does no percent-decoding.)
func ParseTarget(target string) (path string, query []Param, err error) {
	if i := strings.Index(target, "://"); i >= 0 {
		rest := target[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return "/", nil, nil
		}
		target = rest[j:]
	}
	if !strings.HasPrefix(target, "/") {
		return "", nil, errors.New("a request target starts with / or a scheme")
	}
	path, q, _ := strings.Cut(target, "?")
	for _, kv := range strings.Split(q, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		query = append(query, Param{k, v})
	}
	return path, query, nil
}

// EncodeQuery writes parameters as a query string without the leading "?".
// (Stub: being written. This version does no percent-encoding.)
func EncodeQuery(q []Param) string {
	var b strings.Builder
	for i, p := range q {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Name + "=" + p.Value)
	}
	return b.String()
}

// TargetString builds path?query. (Stub: being written.)
func TargetString(path string, q []Param) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + EncodeQuery(q)
}
