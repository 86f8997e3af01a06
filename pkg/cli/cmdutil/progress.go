package cmdutil

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Progress shows how far a long run has got (validate, render --all, gen)
// on one line of stderr that rewrites itself. It shows nothing unless
// stderr is a terminal: logs and CI output stay clean.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	what  string
	on    bool
	last  time.Time
	shown bool
	now   func() time.Time // the clock; time.Now but in tests
}

// progressEvery is how often the line is redrawn at most.
const progressEvery = 100 * time.Millisecond

// NewProgress returns a Progress writing to w about what is being done.
func NewProgress(w io.Writer, what string) *Progress {
	return &Progress{w: w, what: what, on: IsTerminal(w), now: time.Now}
}

// Progress returns a Progress on the command's stderr, silent with --quiet.
func (f *Factory) Progress(what string) *Progress {
	p := NewProgress(f.IO.ErrOut, what)
	p.on = p.on && !f.Flags.Quiet
	return p
}

// IsTerminal reports whether w is a terminal (a character device).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// Update reports done out of total. It is safe to call from many
// goroutines, and cheap when the line is not shown.
func (p *Progress) Update(done, total int) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := p.now(); done < total && now.Sub(p.last) < progressEvery {
		return
	} else {
		p.last = now
	}
	pct := 100
	if total > 0 {
		pct = done * 100 / total
	}
	fmt.Fprintf(p.w, "\r%s: %d/%d (%d%%)", p.what, done, total, pct)
	p.shown = true
}

// Done clears the line, leaving the terminal as it was.
func (p *Progress) Done() {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
