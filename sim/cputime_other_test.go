//go:build js || wasip1 || windows

package sim

import "time"

// cpuTime is unknown here: the hostile tests bound wall time only.
func cpuTime() (time.Duration, bool) { return 0, false }
