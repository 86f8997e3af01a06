package validate

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/merge"
)

// conflictFindings reports each merge conflict left in a file (see
// pkg/merge): the field and both values, where showing them reveals
// nothing about a person.
func conflictFindings(rel string, data []byte) []Finding {
	var out []Finding
	for _, c := range merge.Conflicts(data) {
		field := c.Field
		if field == "" {
			field = "a field"
		}
		out = append(out, at(rel, c.Line, 1, Error, casefile.RuleMergeConflict,
			"merge conflict: both sides changed %s: %s (ours) and %s (theirs); keep the right one, delete the other and the marker lines (<<<<<<<, =======, >>>>>>>), then commit",
			field, shown(field, c.Ours), shown(field, c.Theirs)))
	}
	return out
}

// plainValue is a value safe to repeat in a message: a phase, an ID, a
// status, a date, a number.
var plainValue = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:+-]{0,40}$`)

// personal are the parts of a case whose values are about people: never
// repeated in messages.
var personal = []string{"client", "household", "network"}

// shown describes one side of a conflict.
func shown(field string, lines []string) string {
	switch len(lines) {
	case 0:
		return "removed"
	case 1:
	default:
		return fmt.Sprintf("%d lines", len(lines))
	}
	_, v, ok := strings.Cut(lines[0], ": ")
	v = strings.Trim(strings.TrimSpace(strings.SplitN(v, " #", 2)[0]), `"'`)
	for _, p := range personal {
		if field == p || strings.HasPrefix(field, p+".") || strings.HasPrefix(field, p+"[") {
			return "a value (not shown: it is about a person; see the file)"
		}
	}
	if !ok || !plainValue.MatchString(v) {
		return "a text (see the file)"
	}
	return fmt.Sprintf("%q", v)
}
