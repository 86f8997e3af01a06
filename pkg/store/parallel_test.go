package store

import (
	"runtime/debug"
	"testing"
)

// TestLessGarbage: the collector is set to GOGC 400 and a 1 GiB soft
// limit while in force, and back as it was after; what the environment
// sets is left alone.
func TestLessGarbage(t *testing.T) {
	for _, tc := range []struct {
		name, gogc, gomemlimit string
		wantPercent            int
		wantLimit              int64
	}{
		{"nothing set", "", "", 400, bulkMemoryLimit},
		{"GOGC set", "100", "", 100, bulkMemoryLimit},
		{"GOMEMLIMIT set", "", "2GiB", 400, 1 << 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.gomemlimit)
			percent := debug.SetGCPercent(100)
			limit := debug.SetMemoryLimit(1 << 40)
			defer debug.SetGCPercent(percent)
			defer debug.SetMemoryLimit(limit)
			restore := LessGarbage()
			gotPercent := debug.SetGCPercent(-1)
			debug.SetGCPercent(gotPercent)
			gotLimit := debug.SetMemoryLimit(-1)
			restore()
			if gotPercent != tc.wantPercent || gotLimit != tc.wantLimit {
				t.Fatalf("in force: GOGC %d, limit %d; want %d, %d", gotPercent, gotLimit, tc.wantPercent, tc.wantLimit)
			}
			if p, l := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1); p != 100 || l != 1<<40 {
				t.Fatalf("after: GOGC %d, limit %d; want 100, %d", p, l, int64(1<<40))
			}
			debug.SetGCPercent(100)
		})
	}
}
