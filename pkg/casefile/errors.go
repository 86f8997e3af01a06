package casefile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/safetext"
)

// PosError is a problem found at a position in a file. Line and Col are
// 1-based; zero means the position is unknown. Rule is the kind of
// problem (RuleYAMLSyntax, ...), set where the problem is found.
type PosError struct {
	Path string
	Line int
	Col  int
	Msg  string
	Rule string
}

// Error formats the problem as "path:line:col: msg", leaving out the parts
// that are unknown. Control characters in the path (a directory may be
// named with a newline and a CI workflow command) and the message are
// escaped.
func (e *PosError) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(safetext.Escape(e.Path))
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, "%d:", e.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(safetext.Escape(e.Msg))
	return b.String()
}

// Errors is a list of positioned problems found in one or more files.
type Errors []*PosError

// Error reports the first problem, and how many more there are.
func (es Errors) Error() string {
	switch len(es) {
	case 0:
		return "no errors"
	case 1:
		return es[0].Error()
	}
	return fmt.Sprintf("%s (and %d more problems; run 'casework validate' to see all)", es[0].Error(), len(es)-1)
}

// Sort orders the problems by path, line and column.
func (es Errors) Sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// WithPath sets the path of every problem that has none.
func (es Errors) WithPath(path string) Errors {
	for _, e := range es {
		if e.Path == "" {
			e.Path = path
		}
	}
	return es
}

// Err returns nil for an empty list, so callers can return it as an error.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
