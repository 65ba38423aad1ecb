//go:build js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The WASM leaves the generic models' and the catalogue's summaries and
// rules out (profiletext.go): the page reads them from start.json.
func TestTheWASMHasNoCatalogueText(t *testing.T) {
	for _, name := range []string{"offset", "github", "stripe", "drf-page"} {
		p, ok := LookupProfile(name)
		if assert.True(t, ok, name) {
			assert.Empty(t, p.Summary, name)
			assert.Empty(t, p.Rules, name)
		}
	}
}
