package caseload

import (
	"fmt"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// BenchmarkCompute is an agency of 50 workers and 5,000 cases with a
// year of history each.
func BenchmarkCompute(b *testing.B) {
	var workers []casefile.Worker
	for i := range 50 {
		workers = append(workers, casefile.Worker{ID: fmt.Sprintf("w-%02d", i), FTE: 1, Team: fmt.Sprint(i % 5)})
	}
	var cases []*casefile.Case
	start := day(b, "2025-01-01")
	for i := range 5000 {
		opened := start.AddDays(i % 365).String()
		c := newCase(b, fmt.Sprintf("C-%05d", i), workers[i%50].ID, opened).
			assess(start.AddDays(i%365+3).Time().Format(time.RFC3339), "care-management").
			assign(start.AddDays(i%365+40).Time().Format(time.RFC3339), workers[(i+1)%50].ID)
		if i%3 == 0 {
			c.move(start.AddDays(i%365+90).Time().Format(time.RFC3339), "closed")
		}
		cases = append(cases, c.c)
	}
	m, now := month(b, "2025-09"), day(b, "2026-03-02").Time()
	b.ResetTimer()
	for b.Loop() {
		Compute(cases, workers, agency, m, now)
	}
}
