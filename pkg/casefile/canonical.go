package casefile

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Canonicalize rebuilds the document from v (the document's decoded data)
// in canonical form: keys in struct field order (map keys sorted), block
// style, and every scalar written as casework writes it. Each comment of
// the old document moves to the same key, value or list item in the new
// one; the comments of a key that canonical form leaves out (an empty
// value) move to the key that followed it in the file, so no comment is
// ever lost. A comment at the top of the file stays at the top.
func (d *Document) Canonicalize(v any) error {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return err
	}
	if old := d.Root(); old != nil {
		header := takeHeader(old)
		moveComments(old, &n)
		if first := firstKey(&n); first != nil {
			first.HeadComment = joinComments(header, first.HeadComment)
		}
	}
	root := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{&n}}
	copyComments(d.root, root)
	d.root = root
	return nil
}

// moveComments copies the comments of the tree from onto the matching
// nodes of the tree to: mapping entries are matched by key, list items by
// position.
func moveComments(from, to *yaml.Node) {
	copyComments(from, to)
	switch {
	case from.Kind == yaml.MappingNode && to.Kind == yaml.MappingNode:
		var lost []string
		for i := 0; i+1 < len(from.Content); i += 2 {
			k, val := from.Content[i], from.Content[i+1]
			j := indexOfKey(to, k.Value)
			if j < 0 {
				lost = append(lost, allComments(k)...)
				lost = append(lost, allComments(val)...)
				continue
			}
			moveComments(k, to.Content[j])
			moveComments(val, to.Content[j+1])
			if len(lost) > 0 {
				to.Content[j].HeadComment = joinComments(append(lost, to.Content[j].HeadComment)...)
				lost = nil
			}
		}
		if len(lost) > 0 {
			last := to
			if len(to.Content) > 0 {
				last = to.Content[len(to.Content)-2]
			}
			last.FootComment = joinComments(append([]string{last.FootComment}, lost...)...)
		}
	case from.Kind == yaml.SequenceNode && to.Kind == yaml.SequenceNode:
		for i := 0; i < len(from.Content) && i < len(to.Content); i++ {
			moveComments(from.Content[i], to.Content[i])
		}
	default:
		var nested []string
		for _, c := range from.Content {
			nested = append(nested, allComments(c)...)
		}
		if len(nested) > 0 {
			to.FootComment = joinComments(append([]string{to.FootComment}, nested...)...)
		}
	}
}

// takeHeader removes and returns the comment above the first key of a
// mapping: at the top of a file, that is the file's header, which stays at
// the top whichever key comes first.
func takeHeader(m *yaml.Node) string {
	first := firstKey(m)
	if first == nil {
		return ""
	}
	header := first.HeadComment
	first.HeadComment = ""
	return header
}

func firstKey(m *yaml.Node) *yaml.Node {
	if m.Kind != yaml.MappingNode || len(m.Content) == 0 {
		return nil
	}
	return m.Content[0]
}

func copyComments(from, to *yaml.Node) {
	to.HeadComment, to.LineComment, to.FootComment = from.HeadComment, from.LineComment, from.FootComment
}

// allComments lists every comment in the tree n, in document order.
func allComments(n *yaml.Node) []string {
	out := []string{n.HeadComment, n.LineComment}
	for _, c := range n.Content {
		out = append(out, allComments(c)...)
	}
	return append(out, n.FootComment)
}

// joinComments joins the non-empty comments, one block after another.
func joinComments(cs ...string) string {
	var kept []string
	for _, c := range cs {
		if c != "" {
			kept = append(kept, c)
		}
	}
	return strings.Join(kept, "\n")
}

// Format returns a file's bytes in canonical form, comments kept. out is a
// pointer to the type the file holds (Case, Worker, Resource); the file
// is decoded strictly into it, and problems come back with path and
// position. Formatting a file twice gives the same bytes.
//
// The file is parsed once. Its canonical form is compared with its bytes
// first: a file already canonical (as every file casework wrote is) comes
// back as it is, without the checks that guard a write (Marshal's parse
// and decode of the new bytes), since nothing will be written.
func Format(path string, data []byte, out any) ([]byte, error) {
	doc, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if errs := doc.Decode(out); len(errs) > 0 {
		return nil, errs.WithPath(path)
	}
	// A file without comments is canonical when it is what encoding its
	// data gives: one encode, where the canonical form would take two and
	// a parse (yaml.v3 builds a node from a value by encoding and parsing).
	// The fast encoder writes the same bytes as Encode at a fraction of
	// the cost, or says it cannot; when it can, and they differ, so would
	// Encode's.
	if plain, ok := encodeFastPooled(out, data); ok {
		if plain {
			return data, nil
		}
	} else if plain, err := Encode(out); err == nil && bytes.Equal(plain, data) {
		return data, nil
	}
	if err := doc.Canonicalize(out); err != nil {
		return nil, err
	}
	if same, err := doc.Bytes(); err == nil && bytes.Equal(same, data) {
		return data, nil
	}
	formatted, err := doc.Marshal(out)
	if err != nil {
		return nil, &PosError{Path: path, Msg: err.Error(), Rule: RuleCannotFormat}
	}
	return formatted, nil
}

// Encode writes v as casework writes a file (block style, two-space
// indent), without comments: the bytes NewDocument and Document.Bytes
// give, without building the node tree first (a third of the cost).
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
