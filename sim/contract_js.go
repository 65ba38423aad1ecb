//go:build js

package sim

// The browser build leaves declared contracts out for now (contract.go and
// knobs.go add about 38 KB brotli to a WASM at its size ceiling): a
// scenario that declares one is refused there with this reason, and runs
// in pagesim.
const declaredNotInBrowser = "declared contracts run in pagesim (the command line) for now: the browser build leaves them out to stay within its size budget"

func declaredProblems(*ContractDecl) []knobProblem {
	return []knobProblem{{knob: -1, msg: declaredNotInBrowser}}
}

func declaredProfile(*ContractDecl) (*Profile, bool) { return nil, false }
