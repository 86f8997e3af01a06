package cmdutil

import (
	"bytes"
	"testing"
	"time"
)

func TestProgressSilentWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf, "validating")
	p.Update(1, 10)
	p.Update(10, 10)
	p.Done()
	if buf.Len() != 0 || IsTerminal(&buf) {
		t.Errorf("wrote %q to a buffer", buf.String())
	}
}

// TestProgressOnATerminal drives the progress line with a clock of its
// own: what is drawn depends on the time between updates, never on how
// fast the machine runs the test.
func TestProgressOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	p := &Progress{w: &buf, what: "validating", on: true, now: func() time.Time { return clock }}
	p.Update(3, 10) // the first update is drawn
	clock = clock.Add(progressEvery - time.Millisecond)
	p.Update(4, 10) // too soon: not drawn
	clock = clock.Add(time.Millisecond)
	p.Update(5, 10)  // progressEvery after the last drawn: drawn
	p.Update(6, 10)  // at the same instant: not drawn
	p.Update(10, 10) // the last is always drawn
	p.Done()
	want := "\rvalidating: 3/10 (30%)\rvalidating: 5/10 (50%)\rvalidating: 10/10 (100%)\r\033[K"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
