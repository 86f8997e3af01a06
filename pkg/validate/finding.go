// Package validate checks a case repository: every case, worker, resource
// and note, and the configuration, against the rules of SPEC section 5,
// and (with a base revision) that history was only ever appended to. Each
// problem is a Finding with its file, line, column and rule.
package validate

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
)

// Severity of a finding. Errors make validate fail; warnings are reported
// but do not.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem found in a file.
type Finding struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Rule     string   `json:"rule"`
}

// String formats the finding as "path:line:col: severity: message [rule]",
// control characters escaped: a file name may hold a newline and a CI
// workflow command.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", safetext.Escape(f.Path), f.Line, f.Col, f.Severity, safetext.Escape(f.Message), f.Rule)
}

// GitHub formats the finding as a GitHub Actions workflow command, which
// annotates the line in a pull request.
func (f Finding) GitHub() string {
	level := "error"
	if f.Severity == Warning {
		level = "warning"
	}
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d::%s", level, escapeProperty(safetext.Escape(f.Path)), f.Line, f.Col, escapeData(safetext.Escape(f.Message)+" ["+f.Rule+"]"))
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func Count(fs []Finding) (errs, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errs++
		} else {
			warnings++
		}
	}
	return errs, warnings
}

// Sort orders findings by path, line, column and rule.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Rule < b.Rule
	})
}

// Within keeps the findings in the given paths (files or directories,
// relative to the repository root with forward slashes); no paths keeps
// everything.
func Within(fs []Finding, paths []string) []Finding {
	if len(paths) == 0 {
		return fs
	}
	var out []Finding
	for _, f := range fs {
		for _, p := range paths {
			p = strings.TrimSuffix(p, "/")
			if p == "." || p == "" || f.Path == p || strings.HasPrefix(f.Path, p+"/") {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// FromError turns an error from parsing or decoding a file into findings:
// each positioned problem keeps its position and its rule, set where the
// problem was found (casefile.Rule*). path is used where the error names
// none. An error without a position, or without a rule, is "cannot-read".
func FromError(err error, path string) []Finding {
	var list casefile.Errors
	var one *casefile.PosError
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = casefile.Errors{one}
	default:
		return []Finding{at(path, 1, 1, Error, ruleCannotRead, "%v", err)}
	}
	out := make([]Finding, 0, len(list))
	for _, e := range list {
		p := e.Path
		if p == "" {
			p = path
		}
		rule := e.Rule
		if rule == "" {
			rule = ruleCannotRead
		}
		out = append(out, at(p, e.Line, e.Col, Error, rule, "%s", e.Msg))
	}
	return out
}

// ruleCannotRead is the rule of a file that could not be read at all.
const ruleCannotRead = "cannot-read"

// at makes a finding; an unknown position becomes 1:1 so that every
// finding reads path:line:col.
func at(path string, line, col int, sev Severity, rule, format string, args ...any) Finding {
	if line < 1 {
		line, col = 1, 1
	}
	if col < 1 {
		col = 1
	}
	return Finding{Path: path, Line: line, Col: col, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)}
}
