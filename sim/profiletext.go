//go:build !js

package sim

// A profile's Summary and Rules, and its options' Help, are text that only
// native code reads: the profile list and the editor's tables that web/build
// writes into start.json and language.json, `pagesim profiles`, and the
// traces of the CLI and the API. In the Profile literals they would cost the
// WASM ~12 KB brotli, so each catalogue file's text sits in a native-only
// NAME_rules.go beside it, registered by profile name with profileText, and
// register copies it into the profile. The page's worker hands the WASM
// start.json's rules once as it starts (SetRules), so that the WASM's traces
// carry them too.

// withTexts says whether this build has the profiles' summaries and rules.
const withTexts = true

// profileTexts holds the text of each profile by name. Package variables
// are all set before any init function runs, so the registrations (the
// NAME_rules.go files' `var _ = profileText(…)`) are all here when the
// profiles register.
var profileTexts = map[string]*Profile{}

// profileText registers the Summary and Rules of the profile t.Name.
func profileText(t *Profile) bool {
	if profileTexts[t.Name] != nil {
		panic("profileText: " + t.Name + " twice") // a programming error, caught by every test run
	}
	profileTexts[t.Name] = t
	return true
}

// withText gives p the Summary and Rules registered for it, where its
// literal has none (a test's stand-in profile writes its own).
func withText(p *Profile) {
	if t := profileTexts[p.Name]; t != nil && p.Summary == "" && p.Rules == nil {
		p.Summary, p.Rules = t.Summary, t.Rules
	}
}
