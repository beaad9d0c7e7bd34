//go:build unix

package bench

import (
	"syscall"
	"time"
)

// dedupCPUTime is the CPU time (user + system, all threads, so garbage
// collection included) the process has used: the fair cost measure on a
// shared machine, where wall time depends on other load.
func dedupCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
