package sim

import (
	"pagingplayground/internal/json"
)

// responseBody encodes a response's body as the client receives it.
func responseBody(r *response) []byte {
	w := &json.Writer{B: make([]byte, 0, 64+len(r.Items)*32)}
	if r.Bare {
		writeItems(w, r)
		return w.B
	}
	w.Open('{')
	if r.ItemsKey != "" {
		w.Key(r.ItemsKey)
		writeItems(w, r)
	}
	for _, f := range r.Fields {
		w.Key(f.Name)
		writeVal(w, f.Value)
	}
	w.Close('}')
	return w.B
}

func writeItems(w *json.Writer, r *response) {
	w.Open('[')
	for _, it := range r.Items {
		w.Open('{')
		w.Key(r.IDName)
		if r.IDString != nil {
			w.Str(r.IDString(it.ID))
		} else {
			w.Int(it.ID)
		}
		w.Key("created")
		w.Int(it.Created)
		if it.Key != it.Created {
			w.Key("key")
			w.Int(it.Key)
		}
		w.Close('}')
	}
	w.Close(']')
}

// JSON encodes the trace with the field names documented in trace.go. The
// same trace gives the same bytes natively and in WASM.
func (t *Trace) JSON() []byte { return t.EncodeJSON(-1) }

// EncodeJSON is JSON with the response bodies of the first requests only,
// as long as they hold at most maxItems records in all (every body when
// maxItems is negative); later bodies are null, and "bodiesOmitted" counts
// them. A browser asks for one step in full with StepJSON.
func (t *Trace) EncodeJSON(maxItems int) []byte {
	w := &json.Writer{B: make([]byte, 0, 4096)}
	w.Open('{')
	t.writeHead(w)
	w.Key("steps")
	w.Open('[')
	items, omitted := maxItems, 0
	for i := range t.Steps {
		s := &t.Steps[i]
		full := s.Request == nil || maxItems < 0 || (omitted == 0 && s.ids.len() <= items)
		if s.Request != nil && full && maxItems >= 0 {
			items -= s.ids.len()
		}
		if !full {
			omitted++
		}
		writeStep(w, s, full)
	}
	w.Close(']')
	w.Key("bodiesOmitted")
	w.Int(int64(omitted))
	t.writeTail(w)
	w.Close('}')
	return w.B
}

// writeHead writes the members before "steps": profile, vendor, setup.
func (t *Trace) writeHead(w *json.Writer) {
	w.Key("profile")
	w.Str(t.Profile)
	w.Key("vendor")
	w.Str(t.Vendor)

	w.Key("setup")
	w.Open('{')
	w.Key("records")
	w.Int(t.Setup.Records)
	w.Key("order")
	w.Str(t.Setup.Order)
	w.Key("sort")
	w.Str(t.Setup.Sort)
	w.Key("seed")
	w.Uint(t.Setup.Seed)
	w.Key("options")
	w.Open('[')
	for _, o := range t.Setup.Options {
		w.Open('{')
		w.Key("name")
		w.Str(o.Name)
		w.Key("value")
		w.Str(o.Value)
		w.Close('}')
	}
	w.Close(']')
	w.Key("rules")
	writeRules(w, t.Setup.Rules)
	w.Close('}')
}

// writeTail writes the members after "steps": walks, summary, expectations.
func (t *Trace) writeTail(w *json.Writer) {
	w.Key("walks")
	w.Open('[')
	for i := range t.Walks {
		writeWalk(w, &t.Walks[i])
	}
	w.Close(']')

	s := &t.Summary
	w.Key("summary")
	w.Open('{')
	w.Key("requests")
	w.Int(int64(s.Requests))
	w.Key("accepted")
	w.Int(int64(s.Accepted))
	w.Key("refused")
	w.Int(int64(s.Refused))
	w.Key("walks")
	w.Int(int64(s.Walks))
	w.Key("consistent")
	w.Int(int64(s.Consistent))
	w.Key("refusedWalks")
	w.Int(int64(s.RefusedWalks))
	w.Key("unreached")
	w.Int(s.Unreached)
	w.Key("rows")
	w.Int(s.Rows)
	w.Key("finalSize")
	w.Int(s.FinalSize)
	w.Key("errors")
	w.Open('[')
	for _, e := range s.Errors {
		w.Str(e)
	}
	w.Close(']')
	w.Key("stopped")
	w.Str(s.Stopped)
	w.Key("stoppedLine")
	w.Int(int64(s.StoppedLine))
	w.Close('}')
	w.Key("expectations")
	w.Open('[')
	for _, x := range t.Expectations {
		w.Open('{')
		w.Key("text")
		w.Str(x.Text)
		w.Key("met")
		w.Bool(x.Met)
		w.Key("why")
		w.Str(x.Why)
		w.Close('}')
	}
	w.Close(']')
}

func writeHeaders(w *json.Writer, hs []Header) {
	w.Open('[')
	for _, h := range hs {
		w.Open('[')
		w.Str(h.Name)
		w.Str(h.Value)
		w.Close(']')
	}
	w.Close(']')
}

// StepJSON encodes step i in full, body included; nil when out of range.
func (t *Trace) StepJSON(i int) []byte {
	if i < 0 || i >= len(t.Steps) {
		return nil
	}
	w := &json.Writer{}
	writeStep(w, &t.Steps[i], true)
	return w.B
}

func writeStep(w *json.Writer, s *TraceStep, body bool) {
	w.Open('{')
	writeStepFields(w, s, body)
	w.Close('}')
}

// writeStepFields writes the members of a step object.
func writeStepFields(w *json.Writer, s *TraceStep, body bool) {
	w.Key("i")
	w.Int(int64(s.Index))
	w.Key("line")
	w.Int(int64(s.Line))
	if s.Origin != "" {
		w.Key("origin")
		w.Str(s.Origin)
	}
	w.Key("tick")
	w.Int(s.Tick)
	w.Key("kind")
	w.Str(s.Kind)
	w.Key("client")
	w.Str(s.Client)
	w.Key("source")
	w.Str(s.Source)
	w.Key("size")
	w.Int(s.Size)
	if s.Request != nil {
		w.Key("request")
		w.Open('{')
		w.Key("method")
		w.Str(s.Request.Method)
		w.Key("url")
		w.Str(s.Request.URL)
		w.Key("headers")
		writeHeaders(w, s.Request.Header)
		w.Key("body")
		w.Str(s.Request.Body)
		w.Key("curl")
		w.Str(s.Request.Curl())
		w.Close('}')
		w.Key("response")
		w.Open('{')
		w.Key("status")
		w.Int(int64(s.Response.Status))
		w.Key("headers")
		writeHeaders(w, s.Response.Header)
		w.Key("body")
		if body {
			w.Raw(s.Response.Body())
		} else {
			w.Null()
		}
		w.Close('}')
		w.Key("accepted")
		w.Bool(s.Accepted)
		w.Key("reason")
		w.Str(s.Reason)
		w.Key("interpretation")
		w.Str(s.Interp)
		w.Key("records")
		w.Open('[')
		for _, id := range s.ids.slice() {
			w.Int(id)
		}
		w.Close(']')
		w.Key("position")
		w.Int(s.Position)
		w.Key("total")
		w.Open('{')
		w.Key("kind")
		w.Str(s.Total.Kind)
		w.Key("reported")
		w.Int(s.Total.Reported)
		w.Key("true")
		w.Int(s.Total.True)
		w.Close('}')
		w.Key("hasNext")
		w.Open('{')
		w.Key("kind")
		w.Str(s.HasNext.Kind)
		w.Key("reported")
		w.Bool(s.HasNext.Reported)
		w.Key("true")
		w.Bool(s.HasNext.True)
		w.Close('}')
		w.Key("cost")
		w.Open('{')
		w.Key("rows")
		w.Int(s.Cost.Rows)
		w.Key("seek")
		w.Bool(s.Cost.Seek)
		w.Key("walkRows")
		w.Int(s.Cost.WalkRows)
		w.Close('}')
		w.Key("walk")
		w.Int(int64(s.Walk))
		w.Key("page")
		w.Int(int64(s.Page))
	} else {
		w.Key("text")
		w.Str(s.Text)
		w.Key("at")
		w.Int(s.At)
		w.Key("count")
		w.Int(s.Count)
	}
}

func writeIDSet(w *json.Writer, name string, s IDSet) {
	w.Key(name)
	w.Open('{')
	w.Key("count")
	w.Int(s.Count)
	w.Key("ids")
	w.Open('[')
	for _, id := range s.IDs {
		w.Int(id)
	}
	w.Close(']')
	w.Close('}')
}

func writeWalk(w *json.Writer, r *WalkReport) {
	w.Open('{')
	w.Key("client")
	w.Str(r.Client)
	w.Key("steps")
	w.Open('[')
	for _, i := range r.Steps {
		w.Int(int64(i))
	}
	w.Close(']')
	w.Key("complete")
	w.Bool(r.Complete)
	w.Key("stopped")
	w.Str(r.Stopped)
	w.Key("seen")
	w.Int(r.Seen)
	w.Key("distinct")
	w.Int(r.Distinct)
	writeIDSet(w, "duplicates", r.Duplicates)
	writeIDSet(w, "missed", r.Missed)
	w.Key("unreached")
	w.Int(r.Unreached)
	writeIDSet(w, "inserted", r.Inserted)
	w.Key("insertedSeen")
	w.Int(r.InsertedSeen)
	writeIDSet(w, "deleted", r.Deleted)
	w.Key("deletedSeen")
	w.Int(r.DeletedSeen)
	w.Key("consistent")
	w.Bool(r.Consistent)
	w.Key("outcome")
	w.Str(r.Outcome)
	w.Key("rows")
	w.Int(r.Rows)
	w.Key("requests")
	w.Int(int64(r.Requests))
	w.Key("strip")
	w.Open('[')
	for _, s := range r.Strip {
		w.Open('{')
		w.Key("s")
		w.Str(s.State.String())
		w.Key("n")
		w.Int(s.Count)
		w.Close('}')
	}
	w.Close(']')
	w.Key("verdict")
	w.Str(r.Verdict)
	w.Close('}')
}

// writeVal writes a body field's value.
func writeVal(w *json.Writer, v val) {
	switch v.kind {
	case 'i':
		w.Int(v.i)
	case 's':
		w.Str(v.s)
	case 'b':
		w.Bool(v.i != 0)
	case 'r':
		w.Raw([]byte(v.s))
	default:
		w.Null()
	}
}
