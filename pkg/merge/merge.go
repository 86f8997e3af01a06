// Package merge is a three-way merge of casework's record files (case,
// worker and resource YAML) that knows their shape, for git's merge
// driver: lists of dated entries are append-only, so both sides' entries
// are kept, in time order; lists of items with an id are merged item by
// item; other fields merge three-way, and the same field changed
// differently on both sides is a conflict, marked in the file as git
// marks one, with the field's path in the marker. Nothing of either side
// is ever dropped.
package merge

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"go.yaml.in/yaml/v3"
)

// Conflict is a field both sides changed, differently.
type Conflict struct {
	// Path is the field's key path: "phase", "plan.goals[G1].status".
	Path string
}

// Kind returns a pointer to a new value of the record type that path (a
// path inside the repository, with forward slashes) holds, or nil when
// path is not a case, worker or resource file.
func Kind(p string) any {
	dir, file := path.Split(p)
	parent := path.Base(path.Dir(strings.TrimSuffix(dir, "/")))
	switch {
	case file == "case.yaml" && parent == "cases":
		return &casefile.Case{}
	case path.Ext(file) == ".yaml" && path.Base(dir) == "workers":
		return &casefile.Worker{}
	case path.Ext(file) == ".yaml" && path.Base(dir) == "resources":
		return &casefile.Resource{}
	}
	return nil
}

// Files merges the base, ours and theirs versions of the record file at
// path. The result is canonical (as `casework fmt` writes it) with the
// comments of both sides. When fields conflict, the result holds each
// conflict between marker lines, ours first, and conflicts lists them; the
// caller reports failure so that git stops. An error means a version could
// not be read as a record file at all.
func Files(p string, base, ours, theirs []byte) ([]byte, []Conflict, error) {
	if Kind(p) == nil {
		return nil, nil, fmt.Errorf("%s is not a case, worker or resource file", p)
	}
	b, err := parse(p, "the common ancestor", base)
	if err != nil {
		return nil, nil, err
	}
	o, err := parse(p, "ours", ours)
	if err != nil {
		return nil, nil, err
	}
	t, err := parse(p, "theirs", theirs)
	if err != nil {
		return nil, nil, err
	}
	m := &merger{}
	mergedOurs := m.node(b, o, t, "")
	if len(m.conflicts) == 0 {
		out, err := canonical(p, mergedOurs)
		return out, nil, err
	}
	// The same merge with theirs preferred in each conflict gives the
	// other side of every conflict; the two differ only there.
	mt := &merger{preferTheirs: true}
	mergedTheirs := mt.node(b, o, t, "")
	left, err := canonical(p, mergedOurs)
	if err != nil {
		return nil, nil, err
	}
	right, err := canonical(p, mergedTheirs)
	if err != nil {
		return nil, nil, err
	}
	return markConflicts(left, right), m.conflicts, nil
}

// parse reads one version; an empty file (a file both sides added) is
// nil.
func parse(p, which string, data []byte) (*yaml.Node, error) {
	doc, err := casefile.Parse(p, data)
	if err != nil {
		return nil, fmt.Errorf("%s (%s): %w", p, which, err)
	}
	return doc.Root(), nil
}

// canonical encodes n and formats it as `casework fmt` does.
func canonical(p string, n *yaml.Node) ([]byte, error) {
	if n == nil {
		return nil, nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}}); err != nil {
		return nil, err
	}
	enc.Close()
	out, err := casefile.Format(p, buf.Bytes(), Kind(p))
	if err != nil {
		return nil, fmt.Errorf("the merged file does not load: %w", err)
	}
	return out, nil
}

// merger merges node trees and collects conflicts.
type merger struct {
	preferTheirs bool
	conflicts    []Conflict
	prints       map[*yaml.Node]string // fingerprints already spelled out
}

// print returns n's fingerprint, spelling it out once per node.
func (m *merger) print(n *yaml.Node) string {
	if p, ok := m.prints[n]; ok {
		return p
	}
	if m.prints == nil {
		m.prints = map[*yaml.Node]string{}
	}
	p := fingerprint(n)
	m.prints[n] = p
	return p
}

// same reports whether two values hold the same data, whatever their
// comments and style.
func (m *merger) same(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a == b || m.print(a) == m.print(b)
}

// node merges one value three-way; b, o or t is nil where that version
// does not have it. where is the value's key path, for conflicts.
func (m *merger) node(b, o, t *yaml.Node, where string) *yaml.Node {
	switch {
	case m.same(o, t):
		return o
	case m.same(b, o):
		return t
	case m.same(b, t):
		return o
	}
	switch {
	case isKind(o, yaml.MappingNode) && isKind(t, yaml.MappingNode) && (b == nil || b.Kind == yaml.MappingNode):
		return m.mapping(b, o, t, where)
	case isKind(o, yaml.SequenceNode) && isKind(t, yaml.SequenceNode) && (b == nil || b.Kind == yaml.SequenceNode):
		switch {
		case dated(b, o, t):
			return m.union(b, o, t)
		case identified(b, o, t):
			return m.byID(b, o, t, where)
		}
	}
	m.conflicts = append(m.conflicts, Conflict{Path: where})
	if m.preferTheirs {
		return t
	}
	return o
}

// mapping merges three mappings key by key, in ours' key order with keys
// only theirs has after them.
func (m *merger) mapping(b, o, t *yaml.Node, where string) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: o.Tag, Style: o.Style}
	copyComments(o, out)
	var keys []*yaml.Node
	seen := map[string]bool{}
	for _, n := range []*yaml.Node{o, t, b} {
		if n == nil {
			continue
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !seen[k.Value] {
				seen[k.Value] = true
				keys = append(keys, k)
			}
		}
	}
	for _, k := range keys {
		bv, ov, tv := value(b, k.Value), value(o, k.Value), value(t, k.Value)
		merged := m.node(bv, ov, tv, join(where, k.Value))
		if merged == nil {
			continue // removed on one side, unchanged on the other
		}
		key := k
		if ok := keyNode(o, k.Value); ok != nil {
			key = ok
		}
		out.Content = append(out.Content, key, merged)
	}
	return out
}

// byID merges lists of mappings that carry an id (goals, actions),
// matching items by id: ours' order, then items only theirs has.
func (m *merger) byID(b, o, t *yaml.Node, where string) *yaml.Node {
	out := &yaml.Node{Kind: yaml.SequenceNode, Tag: o.Tag, Style: o.Style}
	copyComments(o, out)
	var ids []string
	seen := map[string]bool{}
	for _, n := range []*yaml.Node{o, t, b} {
		if n == nil {
			continue
		}
		for _, item := range n.Content {
			if id := idOf(item); !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, id := range ids {
		merged := m.node(itemByID(b, id), itemByID(o, id), itemByID(t, id), fmt.Sprintf("%s[%s]", where, id))
		if merged != nil {
			out.Content = append(out.Content, merged)
		}
	}
	return out
}

// union merges append-only lists of dated entries: every entry of ours
// and theirs (and of the ancestor, should a side have removed one), each
// once, in time order. Entries with the same time keep the order they had
// on their side, ours first.
func (m *merger) union(b, o, t *yaml.Node) *yaml.Node {
	out := &yaml.Node{Kind: yaml.SequenceNode, Tag: o.Tag, Style: o.Style}
	copyComments(o, out)
	have := map[string]bool{}
	var left, right []*yaml.Node
	for _, e := range o.Content {
		if k := m.print(e); !have[k] {
			have[k] = true
			left = append(left, e)
		}
	}
	for _, n := range []*yaml.Node{t, b} {
		if n == nil {
			continue
		}
		for _, e := range n.Content {
			if k := m.print(e); !have[k] {
				have[k] = true
				right = append(right, e)
			}
		}
	}
	i, j := 0, 0
	for i < len(left) || j < len(right) {
		if j == len(right) || (i < len(left) && !atOf(right[j]).Before(atOf(left[i]))) {
			out.Content = append(out.Content, left[i])
			i++
		} else {
			out.Content = append(out.Content, right[j])
			j++
		}
	}
	return out
}

// dated reports whether the lists hold entries with an `at` time: the
// append-only lists (history, assessments, reviews, approvals, consents,
// risks, referrals, spend, ...).
func dated(lists ...*yaml.Node) bool {
	any := false
	for _, l := range lists {
		if l == nil {
			continue
		}
		for _, item := range l.Content {
			if item.Kind != yaml.MappingNode || value(item, "at") == nil {
				return false
			}
			any = true
		}
	}
	return any
}

// identified reports whether the lists hold mappings with a unique id.
func identified(lists ...*yaml.Node) bool {
	any := false
	for _, l := range lists {
		if l == nil {
			continue
		}
		ids := map[string]bool{}
		for _, item := range l.Content {
			id := idOf(item)
			if id == "" || ids[id] {
				return false
			}
			ids[id] = true
			any = true
		}
	}
	return any
}

func idOf(item *yaml.Node) string {
	if item.Kind != yaml.MappingNode {
		return ""
	}
	if v := value(item, "id"); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

func itemByID(list *yaml.Node, id string) *yaml.Node {
	if list == nil {
		return nil
	}
	for _, item := range list.Content {
		if idOf(item) == id {
			return item
		}
	}
	return nil
}

// atOf returns an entry's time; an unreadable one sorts first.
func atOf(e *yaml.Node) time.Time {
	v := value(e, "at")
	if v == nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, v.Value)
	if err != nil {
		return time.Time{}
	}
	return t
}

// value returns the value of key in mapping n, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	if k := keyIndex(n, key); k >= 0 {
		return n.Content[k+1]
	}
	return nil
}

func keyNode(n *yaml.Node, key string) *yaml.Node {
	if k := keyIndex(n, key); k >= 0 {
		return n.Content[k]
	}
	return nil
}

func keyIndex(n *yaml.Node, key string) int {
	if n == nil || n.Kind != yaml.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func isKind(n *yaml.Node, k yaml.Kind) bool { return n != nil && n.Kind == k }

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

func copyComments(from, to *yaml.Node) {
	to.HeadComment, to.LineComment, to.FootComment = from.HeadComment, from.LineComment, from.FootComment
}

// fingerprint spells out a value's data, without comments or style: two
// entries with the same fingerprint are the same entry. Keys of mappings
// are sorted, so that key order does not matter.
func fingerprint(n *yaml.Node) string {
	var b strings.Builder
	writeFingerprint(&b, n)
	return b.String()
}

func writeFingerprint(b *strings.Builder, n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			writeFingerprint(b, c)
		}
	case yaml.MappingNode:
		type kv struct{ k, v string }
		var pairs []kv
		for i := 0; i+1 < len(n.Content); i += 2 {
			pairs = append(pairs, kv{n.Content[i].Value, fingerprint(n.Content[i+1])})
		}
		slices.SortFunc(pairs, func(a, b kv) int { return strings.Compare(a.k, b.k) })
		b.WriteString("{")
		for _, p := range pairs {
			b.WriteString(strconv.Quote(p.k))
			b.WriteString(":")
			b.WriteString(p.v)
			b.WriteString(",")
		}
		b.WriteString("}")
	case yaml.SequenceNode:
		b.WriteString("[")
		for _, c := range n.Content {
			writeFingerprint(b, c)
			b.WriteString(",")
		}
		b.WriteString("]")
	default:
		b.WriteString(n.ShortTag())
		b.WriteString(strconv.Quote(n.Value))
	}
}
