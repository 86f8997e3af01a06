package store

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Parallel calls do(i) for every i below n, spread over every core, and
// returns when all calls have returned. Loading and checking many records
// goes through it.
func Parallel(n int, do func(i int)) {
	ParallelWide(n, runtime.GOMAXPROCS(0)*2, do)
}

// ParallelWide is Parallel with width calls at a time: for calls that
// mostly wait on the file system (a stat of each file), where more calls
// in flight than cores keep the disk busy when the metadata is not cached.
func ParallelWide(n, width int, do func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(n, max(width, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				do(i)
			}
		}()
	}
	wg.Wait()
}

// bulkMemoryLimit is the soft limit on memory while LessGarbage is in
// force: the collector runs at the latest when the heap reaches it.
const bulkMemoryLimit = 1 << 30

// LessGarbage makes the garbage collector run less often until the
// returned function is called, for a run that reads and parses many files
// in parallel (validate, fmt, building the case index): parsing a 3.5 KB
// case file allocates about 1,700 times, and nearly all of it dies young
// while little stays live, so the collector's work is mostly wasted. It
// runs when the heap has grown to five times what survived the last
// collection (GOGC=400) instead of twice, and at the latest at 1 GiB (a
// soft limit), so that memory stays bounded on a county's repository. A
// GOGC or GOMEMLIMIT set in the environment is left as it is.
func LessGarbage() (restore func()) {
	gcPercent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		gcPercent = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(bulkMemoryLimit)
	}
	return func() {
		if gcPercent != -2 {
			debug.SetGCPercent(gcPercent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
