package casefile

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

const frontMatterFence = "---\n"

// ParseNote reads a contact note: YAML front matter between '---' lines,
// then the Markdown body. It is as strict as a record: the size limit and
// UTF-8 are checked for the whole file, the front matter is decoded
// strictly, and the note must write back as itself (a note with an empty
// body, say, is refused), so that nothing is loaded that casework could
// not have written.
func ParseNote(path string, data []byte) (*Note, error) {
	n, err := parseNote(path, data)
	if err != nil {
		return nil, err
	}
	if err := noteRoundTrips(path, n); err != nil {
		return nil, err
	}
	return n, nil
}

// noteRoundTrips checks that n writes back and reads again as itself.
func noteRoundTrips(path string, n *Note) error {
	out, err := FormatNote(n)
	if err != nil {
		return &PosError{Path: path, Msg: err.Error() + "; write the note's text after the closing '---' line", Rule: RuleEmptyFile}
	}
	back, err := parseNote(path, out)
	if err != nil || !back.At.Equal(n.At) || back.By != n.By || back.Kind != n.Kind || back.Body != normalBody(n.Body) {
		return &PosError{Path: path, Line: 1, Col: 1, Msg: "the note does not read back as written; check its front matter (at, by, kind) and that its text follows the closing '---' line", Rule: RuleNoteFrontMatter}
	}
	return nil
}

func parseNote(path string, data []byte) (*Note, error) {
	if err := checkSize(path, data); err != nil {
		return nil, err
	}
	if err := checkUTF8(path, data); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(frontMatterFence)) {
		return nil, &PosError{Path: path, Line: 1, Col: 1, Msg: "a note starts with front matter: a '---' line, then at, by and kind, then '---'", Rule: RuleNoteFrontMatter}
	}
	rest := data[len(frontMatterFence):]
	end := bytes.Index(rest, []byte("\n"+frontMatterFence))
	if end < 0 {
		return nil, &PosError{Path: path, Line: 1, Col: 1, Msg: "the note's front matter has no closing '---' line", Rule: RuleNoteFrontMatter}
	}
	doc, err := parse(path, rest[:end+1], 1)
	if err != nil {
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

// normalBody is the body as FormatNote writes it: one newline at the end.
func normalBody(body string) string {
	return strings.TrimRight(body, "\n") + "\n"
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
	body := normalBody(n.Body)
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("the note is empty")
	}
	buf.WriteString(body)
	return buf.Bytes(), nil
}
