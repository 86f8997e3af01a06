package merge

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"go.yaml.in/yaml/v3"
)

// The lines that mark a conflict, as git writes them: ours between the
// first two, theirs between the last two. casework puts the field's key
// path after the first and the last.
const (
	markOurs   = "<<<<<<< ours"
	markSep    = "======="
	markTheirs = ">>>>>>> theirs"
)

// Marked is one conflict found in a file: where it starts and both
// sides' lines.
type Marked struct {
	Line         int // the line of the opening marker, from 1
	Field        string
	Ours, Theirs []string
}

// markConflicts writes left (the merge with ours kept in each conflict)
// with the lines where right (theirs kept) differs between markers.
func markConflicts(left, right []byte) []byte {
	a, b := lines(left), lines(right)
	var out bytes.Buffer
	for _, h := range diff(a, b) {
		if h.same {
			for _, l := range a[h.a0:h.a1] {
				out.WriteString(l + "\n")
			}
			continue
		}
		field := fieldAt(left, h.a0+1, h.a1)
		if field == "" {
			field = fieldAt(right, h.b0+1, h.b1)
		}
		label := ""
		if field != "" {
			label = ": " + field
		}
		out.WriteString(markOurs + label + "\n")
		for _, l := range a[h.a0:h.a1] {
			out.WriteString(l + "\n")
		}
		out.WriteString(markSep + "\n")
		for _, l := range b[h.b0:h.b1] {
			out.WriteString(l + "\n")
		}
		out.WriteString(markTheirs + label + "\n")
	}
	return out.Bytes()
}

func lines(data []byte) []string {
	s := strings.TrimSuffix(string(data), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// The markers as git writes them, whatever the label after them; a diff3
// conflict also has the ancestor's lines after markBase.
const (
	anyOurs   = casefile.ConflictMarker
	anyTheirs = ">>>>>>>"
	markBase  = "|||||||"
)

// HasMarkers reports whether data holds conflict markers (casework's or
// git's own).
func HasMarkers(data []byte) bool {
	_, ok := casefile.ConflictMarkerLine(data)
	return ok
}

// label returns the field a marker line names after "ours: ", if any.
func label(l string) string {
	_, f, _ := strings.Cut(l, "ours: ")
	return strings.TrimSpace(f)
}

// Conflicts lists the conflicts marked in data, naming each field from the
// file's structure (or the marker's label when the structure cannot be
// read).
func Conflicts(data []byte) []Marked {
	var (
		found           []Marked
		cur             *Marked
		inTheirs        bool
		inBase          bool
		ours, theirs    []string
		oursAt, theirAt []int // line numbers, in each side's text, of each conflict's first line
	)
	for i, l := range lines(data) {
		switch {
		case strings.HasPrefix(l, anyOurs):
			found = append(found, Marked{Line: i + 1, Field: label(l)})
			cur, inTheirs, inBase = &found[len(found)-1], false, false
			oursAt, theirAt = append(oursAt, len(ours)+1), append(theirAt, len(theirs)+1)
		case cur != nil && strings.HasPrefix(l, markBase):
			inBase = true
		case cur != nil && l == markSep:
			inTheirs, inBase = true, false
		case cur != nil && strings.HasPrefix(l, anyTheirs):
			cur = nil
		case cur != nil && inBase:
		case cur != nil && inTheirs:
			cur.Theirs = append(cur.Theirs, l)
			theirs = append(theirs, l)
		case cur != nil:
			cur.Ours = append(cur.Ours, l)
			ours = append(ours, l)
		default:
			ours, theirs = append(ours, l), append(theirs, l)
		}
	}
	o, t := []byte(strings.Join(ours, "\n")+"\n"), []byte(strings.Join(theirs, "\n")+"\n")
	for i := range found {
		m := &found[i]
		if f := fieldAt(o, oursAt[i], oursAt[i]+len(m.Ours)-1); f != "" {
			m.Field = f
		} else if f := fieldAt(t, theirAt[i], theirAt[i]+len(m.Theirs)-1); f != "" {
			m.Field = f
		}
	}
	return found
}

// fieldAt returns the key path of the first key on lines first..last
// (from 1) of the YAML text data; "" when there is none or data does not
// parse.
func fieldAt(data []byte, first, last int) string {
	if last < first {
		return ""
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 {
		return ""
	}
	found := ""
	var walk func(n *yaml.Node, where string)
	walk = func(n *yaml.Node, where string) {
		if found != "" {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := join(where, k.Value)
				if k.Line >= first && k.Line <= last {
					found = p
					return
				}
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				p := fmt.Sprintf("%s[%d]", where, i)
				if id := idOf(item); id != "" {
					p = fmt.Sprintf("%s[%s]", where, id)
				}
				if item.Line >= first && item.Line <= last && item.Kind != yaml.MappingNode {
					found = p
					return
				}
				walk(item, p)
			}
		}
	}
	walk(root.Content[0], "")
	return found
}

// Sides returns the two files a marked file stands for: with each
// conflict resolved for ours, and for theirs.
func Sides(data []byte) (ours, theirs []byte) {
	var o, t []string
	state := 0 // 0 outside, 1 ours, 2 theirs, 3 the ancestor's
	for _, l := range lines(data) {
		switch {
		case state == 0 && strings.HasPrefix(l, anyOurs):
			state = 1
		case state == 1 && strings.HasPrefix(l, markBase):
			state = 3
		case (state == 1 || state == 3) && l == markSep:
			state = 2
		case state == 2 && strings.HasPrefix(l, anyTheirs):
			state = 0
		case state == 3:
		case state == 1:
			o = append(o, l)
		case state == 2:
			t = append(t, l)
		default:
			o, t = append(o, l), append(t, l)
		}
	}
	return []byte(strings.Join(o, "\n") + "\n"), []byte(strings.Join(t, "\n") + "\n")
}
