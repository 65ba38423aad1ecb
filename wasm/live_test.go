package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type liveAnswer struct {
	Status  int        `json:"status"`
	Headers [][]string `json:"headers"`
	Body    string     `json:"body"`
	Step    int        `json:"step"`
}

// The client pane's calls: a session on the Celigo contract, a request of a
// named client answered with the contract's Link header, and a report whose
// walk is that client's.
func TestLiveCalls(t *testing.T) {
	live = nil
	decodeError(t, liveRequestJSON("GET", "/x", "", ""))
	decodeError(t, liveStartJSON("profile nosuch\n"))

	var start struct{ Profile string }
	require.NoError(t, json.Unmarshal(liveStartJSON("profile celigo\nrecords 150\n"), &start))
	assert.Equal(t, "celigo", start.Profile)

	var a liveAnswer
	b := liveRequestJSON("GET", "https://api.integrator.io/v1/integrations?limit=100", "Authorization: Bearer t\nX-Pagesim-Client: pane\n", "")
	require.NoError(t, json.Unmarshal(b, &a), string(b))
	assert.Equal(t, 200, a.Status)
	assert.Equal(t, 0, a.Step)
	require.NotEmpty(t, a.Headers)
	assert.Equal(t, "Link", a.Headers[0][0])
	assert.Contains(t, a.Headers[0][1], `skip=100&limit=100>; rel="next"`)
	var items []map[string]int64
	require.NoError(t, json.Unmarshal([]byte(a.Body), &items))
	assert.Len(t, items, 100)

	var tr struct {
		Walks []struct {
			Client string
			Missed struct{ Count int64 }
		}
	}
	require.NoError(t, json.Unmarshal(liveReportJSON(), &tr))
	require.Len(t, tr.Walks, 1)
	assert.Equal(t, "pane", tr.Walks[0].Client)
	assert.Equal(t, int64(50), tr.Walks[0].Missed.Count, "150 records, one page of 100 read, the next one offered")
	// rows and step read the report under liveKey.
	var step struct {
		Client   string `json:"client"`
		Response struct {
			Body []map[string]int64 `json:"body"`
		} `json:"response"`
	}
	require.NoError(t, json.Unmarshal(stepJSON(liveKey, 0), &step))
	assert.Equal(t, "pane", step.Client)
	assert.Len(t, step.Response.Body, 100)
	assert.Contains(t, string(rowsJSON(liveKey, 0, 1)), `"client":"pane"`)
}
