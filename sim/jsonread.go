package sim

import "errors"

// JSON is a parsed JSON value. Objects keep their members in order.
type JSON struct {
	Kind    JSONKind
	Str     string   // a string's value, or a number's text as written
	Bool    bool     // a boolean's value
	Items   []JSON   // an array's elements
	Members []Member // an object's members, in order
	Offset  int      // byte offset in the input where the value starts
}

// Member is one name/value pair of a JSON object.
type Member struct {
	Name   string
	Value  JSON
	Offset int // byte offset of the name
}

type JSONKind uint8

const (
	JSONNull JSONKind = iota
	JSONBool
	JSONNumber
	JSONString
	JSONArray
	JSONObject
)

// JSONError is malformed JSON at a byte offset.
type JSONError struct {
	Offset int
	Msg    string
}

func (e *JSONError) Error() string { return e.Msg }

// ParseJSON parses one JSON value (RFC 8259) with nothing but white space after it.
// (Stub: being written.)
func ParseJSON(text string) (JSON, error) { return JSON{}, errors.New("not written yet") }

// Get returns an object's member called name.
func (v JSON) Get(name string) (JSON, bool) {
	for _, m := range v.Members {
		if m.Name == name {
			return m.Value, true
		}
	}
	return JSON{}, false
}
