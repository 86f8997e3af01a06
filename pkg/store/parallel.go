package store

import (
	"runtime"
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
