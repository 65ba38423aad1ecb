package sim

import "errors"

// Link is one link-value of an RFC 8288 Link header.
type Link struct {
	URL    string   // the target between < and >, as written
	Rel    []string // the rel values (space-separated in the header), lower-cased
	Params []Param  // the other parameters in order, values unquoted
}

// ParseLink parses a Link header field value into its links.
// (Stub: being written.)
func ParseLink(header string) ([]Link, error) { return nil, errors.New("not written yet") }

// FormatLink writes links as a Link header field value.
// (Stub: being written.)
func FormatLink(links []Link) string { return "" }

// FindLink returns the first link whose rel includes rel.
func FindLink(links []Link, rel string) (Link, bool) {
	for _, l := range links {
		for _, r := range l.Rel {
			if r == rel {
				return l, true
			}
		}
	}
	return Link{}, false
}
