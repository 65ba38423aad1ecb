package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// declaredContract is docs/language.md's example of a declared contract:
// Stripe-like names on the cursor base. 25 records in pages of 10 take
// three requests (10, 10, 5); the client continues with the parameter the
// contract names, starting_after, and stops when has_more is false.
const declaredContract = `contract cursor
  path /v1/customers
  after starting_after
  next.cursor next_page
  next.flag has_more
  items data
  id-prefix cus_
records 25
GET /v1/customers?limit=10
walk
`

// A contract declared in the scenario runs in the page (the WASM has the
// declared contracts) as it does in pagesim, and in an embed.
func TestDeclaredContractRunsInThePageAndAnEmbed(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "")
	typeScenario(t, ctx, declaredContract)
	require.Equal(t, "ok", waitShown(t, ctx), "no diagnostics: %v", texts(t, ctx, "#diagnostics li"))
	rows := texts(t, ctx, "#steps tr.step")
	require.Len(t, rows, 3, "three pages: 10, 10 and 5 records")
	for i, n := range []string{"10 records", "10 records", "5 records"} {
		assert.Contains(t, rows[i], "accepted", "row %d", i+1)
		assert.Contains(t, rows[i], n, "row %d", i+1)
	}
	assert.Contains(t, rows[0], "GET /v1/customers?limit=10")
	assert.Contains(t, rows[1], "GET /v1/customers?limit=10&starting_after=", "the client sends the declared cursor parameter")
	rules := strings.Join(texts(t, ctx, "#rule-list li"), "\n")
	assert.Contains(t, rules, "A contract declared in the scenario on the cursor base")
	assert.Contains(t, texts(t, ctx, "#summary")[0], "3 accepted")

	// The same text in an embed on the docs page.
	runEmbed(t, ctx, "declared", declaredContract)
	shown := eval[string](t, ctx, `document.getElementById('declared').shadowRoot.textContent`)
	assert.Contains(t, shown, "starting_after=")
}
