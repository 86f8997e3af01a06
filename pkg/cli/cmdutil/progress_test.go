package cmdutil

import (
	"bytes"
	"strings"
	"testing"
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

func TestProgressOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := &Progress{w: &buf, what: "validating", on: true}
	p.Update(3, 10)
	p.Update(4, 10) // too soon: not drawn
	p.Update(10, 10)
	p.Done()
	got := buf.String()
	if !strings.Contains(got, "\rvalidating: 3/10 (30%)") || strings.Contains(got, "4/10") || !strings.Contains(got, "10/10 (100%)") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("got %q", got)
	}
}
