package casefile

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

const frontMatterFence = "---\n"

// ParseNote reads a contact note: YAML front matter between '---' lines,
// then the Markdown body.
func ParseNote(path string, data []byte) (*Note, error) {
	if !bytes.HasPrefix(data, []byte(frontMatterFence)) {
		return nil, &PosError{Path: path, Line: 1, Col: 1, Msg: "a note starts with front matter: a '---' line, then at, by and kind, then '---'", Rule: RuleNoteFrontMatter}
	}
	rest := data[len(frontMatterFence):]
	end := bytes.Index(rest, []byte("\n"+frontMatterFence))
	if end < 0 {
		return nil, &PosError{Path: path, Line: 1, Col: 1, Msg: "the note's front matter has no closing '---' line", Rule: RuleNoteFrontMatter}
	}
	doc, err := Parse(path, rest[:end+1])
	if err != nil {
		shiftLine(err, 1)
		return nil, err
	}
	var n Note
	if errs := doc.Decode(&n); len(errs) > 0 {
		for _, e := range errs {
			e.Line++
		}
		return nil, errs.WithPath(path)
	}
	n.Body = string(rest[end+1+len(frontMatterFence):])
	return &n, nil
}

func shiftLine(err error, by int) {
	if pe, ok := err.(*PosError); ok && pe.Line > 0 {
		pe.Line += by
	}
}

// FormatNote writes a note as front matter and body.
func FormatNote(n *Note) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(frontMatterFence)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	enc.Close()
	buf.WriteString(frontMatterFence)
	body := strings.TrimRight(n.Body, "\n") + "\n"
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("the note is empty")
	}
	buf.WriteString(body)
	return buf.Bytes(), nil
}
