//go:build !js && !wasip1 && !windows

package sim

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used: what a hostile input costs,
// whatever else the machine is doing (wall time on a loaded machine is not).
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
