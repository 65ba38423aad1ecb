//go:build js

package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The browser build refuses a declared contract with the reason, at its base.
func TestDeclaredContractsAreNotInTheBrowserBuild(t *testing.T) {
	assert.Equal(t, []Diagnostic{{Line: 1, Col: 10, EndCol: 16, Message: declaredNotInBrowser}}, Check("contract offset\n"))
}
