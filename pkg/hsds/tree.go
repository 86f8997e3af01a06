package hsds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// node is one JSON value with the offset where it starts, so that every
// problem found in it can name its line.
type node struct {
	off   int64
	kind  byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' true or false, 'z' null
	text  string
	keys  []string
	vals  []*node
	items []*node
}

// maxDepth bounds the nesting of the JSON read: HSDS nests five or six
// levels deep; anything far deeper is not HSDS.
const maxDepth = 64

// parseJSON reads data into a tree of nodes. A syntax error stops it:
// nothing after it can be read.
func parseJSON(data []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	p := &parser{d: d, data: data}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	off := p.start(d.InputOffset())
	if _, err := d.Token(); err != io.EOF {
		return nil, p.fail(off, "more JSON after the end of the first value")
	}
	return n, nil
}

type parser struct {
	d    *json.Decoder
	data []byte
}

// fail is a problem at offset off.
func (p *parser) fail(off int64, format string, args ...any) error {
	return &offsetError{off: off, msg: fmt.Sprintf(format, args...)}
}

// offsetError is a problem at a byte offset of the input.
type offsetError struct {
	off int64
	msg string
}

func (e *offsetError) Error() string { return e.msg }

// start skips the blanks, commas and colons before the value at off.
func (p *parser) start(off int64) int64 {
	for off < int64(len(p.data)) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *parser) value(depth int) (*node, error) {
	off := p.start(p.d.InputOffset())
	tok, err := p.d.Token()
	if err != nil {
		return nil, p.syntax(err, off)
	}
	n := &node{off: off}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return nil, p.fail(off, "nested more than %d levels deep; HSDS is not", maxDepth)
		}
		if t == '{' {
			n.kind = 'o'
			for p.d.More() {
				koff := p.start(p.d.InputOffset())
				k, err := p.d.Token()
				if err != nil {
					return nil, p.syntax(err, koff)
				}
				key, _ := k.(string)
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys, n.vals = append(n.keys, key), append(n.vals, v)
			}
		} else {
			n.kind = 'a'
			for p.d.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
		}
		if _, err := p.d.Token(); err != nil {
			return nil, p.syntax(err, p.d.InputOffset())
		}
	case string:
		if !utf8.ValidString(t) {
			return nil, p.fail(off, "invalid UTF-8 in a string; save the file as UTF-8")
		}
		n.kind, n.text = 's', t
	case json.Number:
		n.kind, n.text = 'n', t.String()
	case bool:
		n.kind = 'b'
		if t {
			n.text = "true"
		} else {
			n.text = "false"
		}
	case nil:
		n.kind = 'z'
	}
	return n, nil
}

// syntax turns the decoder's error into a problem at its offset, in
// words that do not speak of Go.
func (p *parser) syntax(err error, off int64) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return p.fail(se.Offset, "not valid JSON: %s", strings.TrimPrefix(se.Error(), "invalid character "))
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return p.fail(int64(len(p.data)), "not valid JSON: the file ends in the middle of a value")
	}
	return p.fail(off, "not valid JSON")
}

// get returns the value of key in an object, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// has reports whether an object has any of the keys.
func (n *node) has(keys ...string) bool {
	for _, k := range keys {
		if n.get(k) != nil {
			return true
		}
	}
	return false
}

// kindName names a node's kind for messages.
func (n *node) kindName() string {
	return map[byte]string{'o': "an object", 'a': "a list", 's': "text", 'n': "a number", 'b': "true or false", 'z': "null"}[n.kind]
}

// lineOf returns the 1-based line and column of offset off in data.
func lineOf(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}
