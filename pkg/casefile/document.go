package casefile

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/casework/casework/pkg/safetext"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest file casework will read. A case file of many
// years stays far below it; anything larger is refused rather than loaded.
const MaxFileSize = 4 << 20

// Document is a YAML file held as a node tree, so that it can be updated in
// place: comments, key order and hand-written formatting survive.
type Document struct {
	root *yaml.Node // a DocumentNode
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads a YAML document. Problems (too large, invalid UTF-8, syntax)
// come back as a *PosError with path and position.
func Parse(path string, data []byte) (*Document, error) {
	return parse(path, data, 0)
}

// parse is Parse of data that starts after line offset of the file (a
// note's front matter starts after its first line): positions and
// messages count the file's lines.
func parse(path string, data []byte, offset int) (*Document, error) {
	if err := checkSize(path, data); err != nil {
		return nil, err
	}
	if err := checkUTF8(path, data); err != nil {
		return nil, err
	}
	if err := conflictError(path, data, offset); err != nil {
		return nil, err
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if err.Error() == "EOF" {
			return &Document{root: &yaml.Node{Kind: yaml.DocumentNode}}, nil
		}
		return nil, syntaxError(path, data, err, offset)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &PosError{Path: path, Line: extra.Line + offset, Col: 1, Msg: "more than one YAML document in the file; remove the second '---' and what follows", Rule: RuleYAMLSyntax}
	}
	if alias := findAlias(&root); alias != nil {
		return nil, &PosError{Path: path, Line: alias.Line + offset, Col: alias.Column, Msg: aliasMsg(alias.Line + offset), Rule: RuleYAMLFeature}
	}
	return &Document{root: &root}, nil
}

// checkSize refuses a file over MaxFileSize. A reader stops one byte past
// the limit: the size reported is then where it stopped.
func checkSize(path string, data []byte) error {
	if len(data) > MaxFileSize {
		return &PosError{Path: path, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte limit for casework files; split or trim it", len(data), MaxFileSize), Rule: RuleFileTooLarge}
	}
	return nil
}

// checkUTF8 refuses a file that is not UTF-8, naming where it stops being.
func checkUTF8(path string, data []byte) error {
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		return &PosError{Path: path, Line: line, Col: col, Msg: "invalid UTF-8; save the file as UTF-8", Rule: RuleYAMLSyntax}
	}
	return nil
}

// findAlias returns the first alias in the tree, without following any:
// aliases are refused before anything could expand them (alias bombs).
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// syntaxError explains a parser error in plain words where it can (see
// explainSyntax), naming the line to fix, with the parser's own text in
// brackets after it.
func syntaxError(path string, data []byte, err error, offset int) error {
	line, raw := 1, err.Error()
	if m := yamlLine.FindStringSubmatch(raw); m != nil {
		line, _ = strconv.Atoi(m[1])
		raw = m[2]
	}
	explain := explainSyntax
	if strings.Contains(raw, "control characters") {
		explain = explainControl
	}
	if strings.Contains(raw, "unknown anchor") {
		// The parser's text quotes the alias's name: not repeated.
		h, ok := explainAlias(data, offset)
		if !ok {
			h = syntaxHint{line + offset, 1, "the file uses a YAML alias ('*' and a name); casework files do not allow aliases: write the value out in full"}
		}
		return &PosError{Path: path, Line: h.line, Col: h.col, Msg: h.msg, Rule: RuleYAMLFeature}
	}
	if h, ok := explain(data, offset); ok {
		return &PosError{Path: path, Line: h.line, Col: h.col, Msg: h.msg + " [YAML syntax error: " + raw + "]", Rule: RuleYAMLSyntax}
	}
	near := ""
	if lines := bytes.Split(data, []byte("\n")); line-1 < len(lines) {
		if key, ok := keyOfLine(string(lines[line-1])); ok {
			near = " (the line of " + safetext.Excerpt(key+":") + ")"
		}
	}
	line += offset
	return &PosError{Path: path, Line: line, Col: 1, Msg: fmt.Sprintf("YAML syntax error: %s; check the indentation (2 spaces per level) and the quotes of line %d%s and the lines above it", raw, line, near), Rule: RuleYAMLSyntax}
}

func invalidUTF8At(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

// NewDocument makes a document holding v in canonical form.
func NewDocument(v any) (*Document, error) {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return nil, err
	}
	return &Document{root: &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{&n}}}, nil
}

// Root returns the top node of the document (nil for an empty file).
func (d *Document) Root() *yaml.Node {
	if len(d.root.Content) == 0 {
		return nil
	}
	return d.root.Content[0]
}

// Decode reads the document strictly into out; see Decode.
func (d *Document) Decode(out any) Errors {
	return Decode(d.root, out)
}

// Update writes v into the document, changing only what differs: values
// that are equal keep their formatting and comments, new keys go in
// canonical order next to their neighbours, and keys v no longer has are
// removed.
func (d *Document) Update(v any) error {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return err
	}
	if len(d.root.Content) == 0 {
		d.root.Content = []*yaml.Node{&n}
		return nil
	}
	merge(d.root.Content[0], &n)
	return nil
}

// Bytes encodes the document in the canonical layout: two-space indent.
func (d *Document) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d.root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Marshal updates d with v, encodes it, and checks that the bytes read back
// as exactly v, so that nothing is ever written that would not load again
// as intended.
func (d *Document) Marshal(v any) ([]byte, error) {
	if err := d.Update(v); err != nil {
		return nil, err
	}
	data, err := d.Bytes()
	if err != nil {
		return nil, err
	}
	back, err := Parse("", data)
	if err != nil {
		return nil, fmt.Errorf("internal error: encoded file does not parse: %w", err)
	}
	fresh := reflect.New(reflect.TypeOf(v).Elem())
	if errs := back.Decode(fresh.Interface()); len(errs) > 0 {
		return nil, fmt.Errorf("internal error: encoded file does not load: %w", errs)
	}
	want, _ := yaml.Marshal(v)
	got, _ := yaml.Marshal(fresh.Interface())
	if !bytes.Equal(want, got) {
		return nil, fmt.Errorf("internal error: encoded file does not round-trip")
	}
	return data, nil
}

// merge makes dst hold src's data while keeping dst's comments and the
// formatting of every value that did not change.
func merge(dst, src *yaml.Node) {
	if dst.Kind != src.Kind {
		replace(dst, src)
		return
	}
	switch dst.Kind {
	case yaml.ScalarNode:
		if !sameScalar(dst, src) {
			keepStyle := dst.ShortTag() == "!!str" && src.ShortTag() == "!!str"
			style := dst.Style
			dst.Tag, dst.Value, dst.Style = src.Tag, src.Value, src.Style
			if keepStyle {
				dst.Style = style // a quoted string stays quoted
			}
		}
	case yaml.SequenceNode:
		for i, s := range src.Content {
			if i < len(dst.Content) {
				merge(dst.Content[i], s)
			} else {
				dst.Content = append(dst.Content, s)
			}
		}
		dst.Content = dst.Content[:len(src.Content)]
	case yaml.MappingNode:
		mergeMapping(dst, src)
	default:
		replace(dst, src)
	}
}

func replace(dst, src *yaml.Node) {
	head, line, foot := dst.HeadComment, dst.LineComment, dst.FootComment
	*dst = *src
	dst.HeadComment, dst.LineComment, dst.FootComment = head, line, foot
}

func mergeMapping(dst, src *yaml.Node) {
	wanted := map[string]bool{}
	for i := 0; i+1 < len(src.Content); i += 2 {
		wanted[src.Content[i].Value] = true
	}
	// Drop keys src no longer has.
	kept := dst.Content[:0]
	for i := 0; i+1 < len(dst.Content); i += 2 {
		if wanted[dst.Content[i].Value] {
			kept = append(kept, dst.Content[i], dst.Content[i+1])
		}
	}
	dst.Content = kept
	// Merge or insert each of src's keys, after the previous one.
	insertAt := 0
	for i := 0; i+1 < len(src.Content); i += 2 {
		key, val := src.Content[i], src.Content[i+1]
		if j := indexOfKey(dst, key.Value); j >= 0 {
			merge(dst.Content[j+1], val)
			if j+2 > insertAt {
				insertAt = j + 2
			}
			continue
		}
		dst.Content = append(dst.Content[:insertAt], append([]*yaml.Node{key, val}, dst.Content[insertAt:]...)...)
		insertAt += 2
	}
}

func indexOfKey(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// sameScalar reports whether two scalars mean the same value, so that
// "1.0" and "1", or a quoted and a plain string, are left as written.
func sameScalar(a, b *yaml.Node) bool {
	if a.Value == b.Value && a.ShortTag() == b.ShortTag() {
		return true
	}
	var va, vb any
	if a.Decode(&va) != nil || b.Decode(&vb) != nil {
		return false
	}
	if fa, ok := number(va); ok {
		fb, ok := number(vb)
		return ok && fa == fb
	}
	return reflect.DeepEqual(va, vb)
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}
