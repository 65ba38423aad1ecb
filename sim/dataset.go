package sim

// Dataset is the ordered list of live records.
type Dataset struct{}
