package sim

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A request for a path the profile does not serve, or with a method it does
// not serve, is answered as a real API answers it (issue 8): 404 naming the
// paths that exist, 405 with an Allow header (Flashduty: 400, its
// MethodNotAllowed), in the profile's error shape; never as if it had been
// sent to the list. The editor warns where it was typed, with a did-you-mean.
func TestUnservedPathsAndMethods(t *testing.T) {
	for _, c := range []struct {
		name, text string
		status     int
		body       string
		allow      string
		warning    string // the first warning: others may follow
	}{
		// The generic models serve GET /items only.
		{"offset path", "profile offset\nrecords 30\nGET /itms?page=2", 404,
			`{"error":"no list at /itms: this API serves /items"}`, "",
			"line 3, col 5: warning: offset serves /items, not `/itms`; did you mean `/items`? (the server answers 404)"},
		{"cursor method", "profile cursor\nrecords 30\nDELETE /items", 405,
			`{"error":"DELETE is not allowed here: the list is read with GET"}`, "GET",
			"line 3, col 1: warning: cursor lists with GET, not DELETE (the server answers 405)"},
		{"link path", "profile link\nrecords 30\nGET /item?page=1", 404,
			`{"error":"no list at /item: this API serves /items"}`, "",
			"line 3, col 5: warning: link serves /items, not `/item`; did you mean `/items`? (the server answers 404)"},
		// Codefresh lists builds at /workflow and images beside them.
		{"codefresh path", "profile codefresh\nrecords 30\nGET /workflows?page=1", 404,
			`{"error":"no list at /workflows: this API serves /workflow, /images"}`, "",
			"line 3, col 5: warning: codefresh serves /workflow, /images, not `/workflows`; did you mean `/workflow`? (the server answers 404)"},
		{"codefresh-legacy method", "profile codefresh-legacy\nrecords 30\nPOST /workflow?page=1", 405,
			`{"error":"POST is not allowed here: the list is read with GET"}`, "GET",
			"line 3, col 1: warning: codefresh-legacy lists with GET, not POST (the server answers 405)"},
		// Celigo names its resource lists; flow errors have a path pattern.
		{"celigo path", "profile celigo\nrecords 30\nGET /v1/integratons?limit=10", 404,
			`{"error":"no list at /v1/integratons: this API serves /v1/integrations, /v1/flows, /v1/connections, /v1/exports, /v1/imports, /v1/jobs, /v1/users"}`, "",
			"line 3, col 5: warning: celigo serves /v1/integrations, /v1/flows, /v1/connections, /v1/exports, /v1/imports, /v1/jobs, /v1/users, not `/v1/integratons`; did you mean `/v1/integrations`? (the server answers 404)"},
		{"celigo-errors path", "profile celigo-errors\nrecords 30\nGET /v1/flows/5f1a/errors/x", 404,
			`{"error":"no list at /v1/flows/5f1a/errors/x: this API serves /v1/flows/{flowId}/errors"}`, "",
			"line 3, col 5: warning: celigo-errors serves /v1/flows/{flowId}/errors, not `/v1/flows/5f1a/errors/x` (the server answers 404)"},
		{"celigo-migrated method", "profile celigo-migrated\nrecords 30\nPUT /v1/flows", 405,
			`{"error":"PUT is not allowed here: the list is read with GET"}`, "GET",
			"line 3, col 1: warning: celigo-migrated lists with GET, not PUT (the server answers 405)"},
		// Flashduty: POST to the incident or alert list; another method is
		// its 400 MethodNotAllowed.
		{"flashduty path", "profile flashduty\nrecords 30\nPOST /incidents/list {\"p\":1}", 404,
			`{"error":"no list at /incidents/list: this API serves /incident/list, /alert/list"}`, "",
			"line 3, col 6: warning: flashduty serves /incident/list, /alert/list, not `/incidents/list`; did you mean `/incident/list`? (the server answers 404)"},
		{"flashduty-cursor method", "profile flashduty-cursor\nrecords 30\nGET /alert/list", 400,
			`{"error":"GET is not allowed here: the list is read with POST"}`, "",
			"line 3, col 1: warning: flashduty-cursor lists with POST, not GET (the server answers 400)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr, err := RunText(c.text)
			require.NoError(t, err)
			require.Len(t, tr.Steps, 1)
			st := tr.Steps[0]
			assert.False(t, st.Accepted)
			assert.Equal(t, c.status, st.Response.Status)
			assert.Equal(t, c.body, string(st.Response.Body()))
			assert.Equal(t, c.allow, firstHeader(st.Response.Header, "Allow"))
			assert.Empty(t, st.Records(), "nothing is served as if the request were for the list")
			require.NotEmpty(t, tr.Warnings)
			assert.Equal(t, c.warning, tr.Warnings[0].String())
		})
	}
}

// The paths a profile serves are served: a flow id fills the pattern's
// segment, and an absolute URL is read by its path.
func TestServedPathsAnswer(t *testing.T) {
	for _, text := range []string{
		"profile celigo-errors\nrecords 5\nGET /v1/flows/5f1a/errors?pageSize=2",
		"profile celigo\nrecords 5\nGET https://api.integrator.io/v1/connections?limit=2",
		"profile codefresh-legacy\nrecords 5\nGET /images?page=1",
		"profile flashduty-cursor\nrecords 5\nPOST /alert/list {\"limit\":2}",
	} {
		tr, err := RunText(text)
		require.NoError(t, err)
		assert.True(t, tr.Steps[0].Accepted, text+": "+tr.Steps[0].Reason)
		assert.Empty(t, tr.Warnings, text)
	}
	assert.False(t, servesPath([]string{"/v1/flows/{flowId}/errors"}, "/v1/flows//errors"), "a pattern's segment is not empty")
}
