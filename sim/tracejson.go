package sim

// responseBody encodes a response's body as the client receives it.
func responseBody(r *Response) []byte {
	w := &jw{b: make([]byte, 0, 64+len(r.Items)*32)}
	if r.Bare {
		writeItems(w, r)
		return w.b
	}
	w.open('{')
	if r.ItemsKey != "" {
		w.key(r.ItemsKey)
		writeItems(w, r)
	}
	for _, f := range r.Fields {
		w.key(f.Name)
		w.val(f.Value)
	}
	w.close('}')
	return w.b
}

func writeItems(w *jw, r *Response) {
	w.open('[')
	for _, it := range r.Items {
		w.open('{')
		w.key(r.IDName)
		w.int(it.ID)
		w.key("created")
		w.int(it.Created)
		if it.Key != it.Created {
			w.key("key")
			w.int(it.Key)
		}
		w.close('}')
	}
	w.close(']')
}

// JSON encodes the trace with the field names documented in trace.go. The
// same trace gives the same bytes natively and in WASM.
func (t *Trace) JSON() []byte { return t.EncodeJSON(-1) }

// EncodeJSON is JSON with the response bodies of the first requests only,
// as long as they hold at most maxItems records in all (every body when
// maxItems is negative); later bodies are null, and "bodiesOmitted" counts
// them. A browser asks for one step in full with StepJSON.
func (t *Trace) EncodeJSON(maxItems int) []byte {
	w := &jw{b: make([]byte, 0, 4096)}
	w.open('{')
	w.key("profile")
	w.str(t.Profile)
	w.key("vendor")
	w.str(t.Vendor)

	w.key("setup")
	w.open('{')
	w.key("records")
	w.int(t.Setup.Records)
	w.key("order")
	w.str(t.Setup.Order)
	w.key("sort")
	w.str(t.Setup.Sort)
	w.key("seed")
	w.uint(t.Setup.Seed)
	w.key("options")
	w.open('[')
	for _, o := range t.Setup.Options {
		w.open('{')
		w.key("name")
		w.str(o.Name)
		w.key("value")
		w.str(o.Value)
		w.close('}')
	}
	w.close(']')
	w.key("rules")
	writeRules(w, t.Setup.Rules)
	w.close('}')

	w.key("steps")
	w.open('[')
	items, omitted := maxItems, 0
	for i := range t.Steps {
		s := &t.Steps[i]
		full := s.Request == nil || maxItems < 0 || (omitted == 0 && len(s.Records) <= items)
		if s.Request != nil && full && maxItems >= 0 {
			items -= len(s.Records)
		}
		if !full {
			omitted++
		}
		writeStep(w, s, full)
	}
	w.close(']')
	w.key("bodiesOmitted")
	w.int(int64(omitted))

	w.key("walks")
	w.open('[')
	for i := range t.Walks {
		writeWalk(w, &t.Walks[i])
	}
	w.close(']')

	s := &t.Summary
	w.key("summary")
	w.open('{')
	w.key("requests")
	w.int(int64(s.Requests))
	w.key("accepted")
	w.int(int64(s.Accepted))
	w.key("refused")
	w.int(int64(s.Refused))
	w.key("walks")
	w.int(int64(s.Walks))
	w.key("consistent")
	w.int(int64(s.Consistent))
	w.key("rows")
	w.int(s.Rows)
	w.key("finalSize")
	w.int(s.FinalSize)
	w.key("errors")
	w.open('[')
	for _, e := range s.Errors {
		w.str(e)
	}
	w.close(']')
	w.close('}')
	w.key("expectations")
	w.open('[')
	for _, x := range t.Expectations {
		w.open('{')
		w.key("text")
		w.str(x.Text)
		w.key("met")
		w.bool(x.Met)
		w.key("why")
		w.str(x.Why)
		w.close('}')
	}
	w.close(']')
	w.close('}')
	return w.b
}

func writeHeaders(w *jw, hs []Header) {
	w.open('[')
	for _, h := range hs {
		w.open('[')
		w.str(h.Name)
		w.str(h.Value)
		w.close(']')
	}
	w.close(']')
}

// StepJSON encodes step i in full, body included; nil when out of range.
func (t *Trace) StepJSON(i int) []byte {
	if i < 0 || i >= len(t.Steps) {
		return nil
	}
	w := &jw{}
	writeStep(w, &t.Steps[i], true)
	return w.b
}

func writeStep(w *jw, s *TraceStep, body bool) {
	w.open('{')
	w.key("i")
	w.int(int64(s.Index))
	w.key("line")
	w.int(int64(s.Line))
	w.key("tick")
	w.int(s.Tick)
	w.key("kind")
	w.str(s.Kind)
	w.key("client")
	w.str(s.Client)
	w.key("source")
	w.str(s.Source)
	w.key("size")
	w.int(s.Size)
	if s.Request != nil {
		w.key("request")
		w.open('{')
		w.key("method")
		w.str(s.Request.Method)
		w.key("url")
		w.str(s.Request.URL)
		w.key("headers")
		writeHeaders(w, s.Request.Header)
		w.key("body")
		w.str(s.Request.Body)
		w.close('}')
		w.key("response")
		w.open('{')
		w.key("status")
		w.int(int64(s.Response.Status))
		w.key("headers")
		writeHeaders(w, s.Response.Header)
		w.key("body")
		if body {
			w.raw(s.Response.Body())
		} else {
			w.null()
		}
		w.close('}')
		w.key("accepted")
		w.bool(s.Accepted)
		w.key("reason")
		w.str(s.Reason)
		w.key("interpretation")
		w.str(s.Interp)
		w.key("records")
		w.open('[')
		for _, id := range s.Records {
			w.int(id)
		}
		w.close(']')
		w.key("position")
		w.int(s.Position)
		w.key("total")
		w.open('{')
		w.key("kind")
		w.str(s.Total.Kind)
		w.key("reported")
		w.int(s.Total.Reported)
		w.key("true")
		w.int(s.Total.True)
		w.close('}')
		w.key("hasNext")
		w.open('{')
		w.key("kind")
		w.str(s.HasNext.Kind)
		w.key("reported")
		w.bool(s.HasNext.Reported)
		w.key("true")
		w.bool(s.HasNext.True)
		w.close('}')
		w.key("cost")
		w.open('{')
		w.key("rows")
		w.int(s.Cost.Rows)
		w.key("seek")
		w.bool(s.Cost.Seek)
		w.key("walkRows")
		w.int(s.Cost.WalkRows)
		w.close('}')
		w.key("walk")
		w.int(int64(s.Walk))
		w.key("page")
		w.int(int64(s.Page))
	} else {
		w.key("text")
		w.str(s.Text)
		w.key("at")
		w.int(s.At)
		w.key("count")
		w.int(s.Count)
	}
	w.close('}')
}

func writeIDSet(w *jw, name string, s IDSet) {
	w.key(name)
	w.open('{')
	w.key("count")
	w.int(s.Count)
	w.key("ids")
	w.open('[')
	for _, id := range s.IDs {
		w.int(id)
	}
	w.close(']')
	w.close('}')
}

func writeWalk(w *jw, r *WalkReport) {
	w.open('{')
	w.key("client")
	w.str(r.Client)
	w.key("steps")
	w.open('[')
	for _, i := range r.Steps {
		w.int(int64(i))
	}
	w.close(']')
	w.key("complete")
	w.bool(r.Complete)
	w.key("stopped")
	w.str(r.Stopped)
	w.key("seen")
	w.int(r.Seen)
	w.key("distinct")
	w.int(r.Distinct)
	writeIDSet(w, "duplicates", r.Duplicates)
	writeIDSet(w, "missed", r.Missed)
	writeIDSet(w, "inserted", r.Inserted)
	w.key("insertedSeen")
	w.int(r.InsertedSeen)
	writeIDSet(w, "deleted", r.Deleted)
	w.key("deletedSeen")
	w.int(r.DeletedSeen)
	w.key("consistent")
	w.bool(r.Consistent)
	w.key("rows")
	w.int(r.Rows)
	w.key("requests")
	w.int(int64(r.Requests))
	w.key("strip")
	w.open('[')
	for _, s := range r.Strip {
		w.open('{')
		w.key("s")
		w.str(s.State.String())
		w.key("n")
		w.int(s.Count)
		w.close('}')
	}
	w.close(']')
	w.key("verdict")
	w.str(r.Verdict)
	w.close('}')
}
