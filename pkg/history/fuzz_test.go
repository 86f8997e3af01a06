package history

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// FuzzHistory reads histories of random entries, in and out of order, and
// checks what every reader relies on: open spans are in order and do not
// overlap, only the last may be unending, and only while the case is open;
// the phase at the last entry is the phase the sorted entries lead to; a
// closure is current exactly when the case is closed.
func FuzzHistory(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5}, byte(0))
	f.Add([]byte{5, 5, 1, 0, 2, 9, 7}, byte(1))
	f.Add([]byte{}, byte(2))
	phases := []string{"", "intake", "assessment", "closed"}
	base := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte, phase byte) {
		c := &casefile.Case{ID: "C-1", Worker: "w-ana", Phase: phases[1+int(phase)%3]}
		if phase&4 != 0 {
			c.Opened = casefile.NewDate(base)
		}
		if phase&8 != 0 {
			c.Closure = &casefile.Closure{At: base.Add(time.Duration(phase) * time.Hour), Reason: "other"}
		}
		for i := 0; i+1 < len(data); i += 2 {
			e := casefile.HistoryEntry{At: base.Add(time.Duration(data[i]) * time.Hour)}
			if data[i+1]&1 == 1 {
				e.Assign = &casefile.Assignment{From: "w-ana", To: "w-ben"}
			} else {
				e.From, e.To = phases[data[i+1]>>1&3], phases[data[i+1]>>3&3]
			}
			c.History = append(c.History, e)
		}
		h := Of(c)
		spans := h.OpenSpans()
		for i, s := range spans {
			if !s.To.IsZero() && s.To.Before(s.From) {
				t.Fatalf("span %d ends before it starts: %+v", i, s)
			}
			if s.To.IsZero() && (i != len(spans)-1 || !c.IsOpen()) {
				t.Fatalf("span %d of %d is unending (phase %s): %+v", i, len(spans), c.Phase, spans)
			}
			if i > 0 && spans[i-1].To.After(s.From) {
				t.Fatalf("spans overlap: %+v", spans)
			}
		}
		if got, want := h.PhaseAt(h.Last()), PhaseAfter(h.Entries(), len(h.Entries())); got != want {
			t.Fatalf("PhaseAt(last) = %q, PhaseAfter = %q", got, want)
		}
		if (h.CurrentClosure() != nil) != (c.Closure != nil && !c.IsOpen()) {
			t.Fatalf("current closure %v on a case in %s", h.CurrentClosure(), c.Phase)
		}
	})
}
