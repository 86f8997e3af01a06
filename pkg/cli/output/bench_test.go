package output

import (
	"fmt"
	"io"
	"testing"
)

// BenchmarkWriteTable writes a case list of 10,000 rows, as `case list`
// does for a large agency.
func BenchmarkWriteTable(b *testing.B) {
	t := &Tabular{Header: []string{"id", "client", "phase", "worker", "opened", "next due"}}
	for i := range 10000 {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("C-2026-%010d", i), fmt.Sprintf("Client Number %d", i), "monitoring", fmt.Sprintf("w-%04d", i%200), "2026-01-02", "2026-03-04 (overdue)"})
	}
	for b.Loop() {
		if err := WriteTable(io.Discard, t); err != nil {
			b.Fatal(err)
		}
	}
}
