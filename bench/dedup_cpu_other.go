//go:build !unix

package bench

import "time"

// dedupCPUTime is unavailable here; docs per CPU second is then omitted.
func dedupCPUTime() time.Duration { return 0 }
