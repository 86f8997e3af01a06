package casefile

import (
	"fmt"
	"strings"
)

// The YAML parser's messages ("mapping values are not allowed in this
// context", "found character that cannot start any token") name a line
// that is often not the one to fix. explainSyntax looks at the text
// itself for the mistakes people make by hand (a tab, an indent that is
// not a multiple of two, a key with no space after its colon, a quote
// left open, a list item or key at the wrong depth) and says in plain
// words which line to change and how. It never quotes a value: only key
// names that look like keys.

// syntaxHint is a plain-words explanation of a syntax error.
type syntaxHint struct {
	line, col int
	msg       string
}

// level is an open block in the indentation structure: a mapping whose
// keys start at col, or a list whose '- ' markers do.
type level struct {
	col int
	seq bool
}

// explainSyntax returns a plain-words explanation of the first hand-made
// mistake in data, or ok false when it finds none (the parser's message
// is then the best there is). data starts after line offset of its file.
func explainSyntax(data []byte, offset int) (syntaxHint, bool) {
	lines := strings.Split(string(data), "\n")
	var stack []level
	opens := true // the top of the file may start a block at any depth
	blockIndent := -1
	for i, raw := range lines {
		n := i + 1 + offset
		raw = strings.TrimSuffix(raw, "\r")
		trimmed := strings.TrimLeft(raw, " ")
		indent := len(raw) - len(trimmed)
		if blockIndent >= 0 {
			if strings.TrimSpace(raw) == "" || indent > blockIndent {
				continue // the text of a block scalar (| or >)
			}
			blockIndent = -1
		}
		if lead := raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))]; strings.Contains(lead, "\t") && strings.TrimSpace(raw) != "" {
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d is indented with a tab; casework files indent with 2 spaces per level, never tabs: replace the tab with spaces", n)}, true
		}
		text := stripComment(trimmed)
		if text == "" || text == "---" || text == "..." {
			continue
		}
		if indent%2 != 0 {
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d is indented %d %s; casework files use 2 per level: indent it like the lines it belongs with (%d or %d spaces)", n, indent, plural(indent, "space", "spaces"), indent-1, indent+1)}, true
		}
		items, rest := splitItems(text)
		if key, ok := gluedKey(rest); ok {
			return syntaxHint{n, indent + 2*items + len(key) + 2, fmt.Sprintf("line %d has no space after the colon of %q; write '%s: value'", n, key, key)}, true
		}
		if quote, ok := unclosedQuote(rest); ok {
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d opens a quote (%c) that is not closed on the same line; add the closing %c at the end of the value", n, quote, quote)}, true
		}
		if open, close, ok := unclosedFlow(rest); ok {
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d opens %c that is not closed on the same line; add the closing %c, or write the items on lines of their own", n, open, close)}, true
		}
		// The indentation structure.
		isItem := items > 0
		switch {
		case len(stack) == 0:
			stack = append(stack, level{col: indent})
		case opens && indent > stack[len(stack)-1].col:
			stack = append(stack, level{col: indent, seq: isItem})
		case opens && indent == stack[len(stack)-1].col && isItem && !stack[len(stack)-1].seq:
			stack = append(stack, level{col: indent, seq: true}) // a list written flush with its key
		case indent > stack[len(stack)-1].col:
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d is indented %d spaces, deeper than the line above allows (%d at most); casework files use 2 per level: indent it like the key it belongs with", n, indent, stack[len(stack)-1].col)}, true
		}
		for len(stack) > 1 && stack[len(stack)-1].col > indent {
			stack = stack[:len(stack)-1]
		}
		top := &stack[len(stack)-1]
		if top.col != indent {
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d is indented %d spaces, which matches no line above it; indent it like the keys it belongs with", n, indent)}, true
		}
		if !isItem && top.seq && len(stack) > 1 && stack[len(stack)-2].col == indent {
			stack = stack[:len(stack)-1] // the key after a list written flush with its key
			top = &stack[len(stack)-1]
		}
		switch {
		case isItem && !top.seq:
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d is a list item ('- ') at the depth of the keys around it; indent a list 2 spaces under the key it belongs to, with every '- ' of the list in the same column", n)}, true
		case !isItem && top.seq:
			return syntaxHint{n, indent + 1, fmt.Sprintf("line %d is a key at the depth of the list's '- ' markers; indent it 2 more spaces to put it in the list item above, or start a new item with '- '", n)}, true
		}
		for k := 1; k <= items; k++ {
			stack = append(stack, level{col: indent + 2*k, seq: k < items})
		}
		opens = strings.HasSuffix(text, ":") || strings.HasSuffix(text, "-")
		if isBlockScalar(rest) {
			blockIndent = indent + 2*items
			opens = false
		}
	}
	return syntaxHint{}, false
}

// explainControl says where the control character the parser refused
// is.
func explainControl(data []byte, offset int) (syntaxHint, bool) {
	line, col, ok := controlAt(data)
	if !ok {
		return syntaxHint{}, false
	}
	return syntaxHint{line + offset, col, fmt.Sprintf("line %d holds a control character (column %d), which YAML does not allow in a file; remove it, or write it escaped in double quotes", line+offset, col)}, true
}

// controlAt returns the position of the first control character other
// than tab, newline and carriage return.
func controlAt(data []byte) (line, col int, ok bool) {
	line, col = 1, 1
	for _, c := range string(data) {
		switch {
		case c == '\n':
			line, col = line+1, 1
			continue
		case c < 0x20 && c != '\t' && c != '\r', c == 0x7f, c >= 0x80 && c < 0xa0:
			return line, col, true
		}
		col++
	}
	return 0, 0, false
}

// splitItems counts the list markers ('- ') that start text and returns
// what follows them.
func splitItems(text string) (int, string) {
	n := 0
	for {
		switch {
		case text == "-":
			return n + 1, ""
		case strings.HasPrefix(text, "- "):
			n++
			text = strings.TrimLeft(text[2:], " ")
		default:
			return n, text
		}
	}
}

// gluedKey returns the key of a text "key:value" whose colon lacks its
// space, when the key looks like a casework key.
func gluedKey(text string) (string, bool) {
	key, rest, ok := strings.Cut(text, ":")
	if !ok || rest == "" || rest[0] == ' ' || rest[0] == '/' || !keyShaped(key) {
		return "", false
	}
	return key, true
}

// valueOf returns the value part of "key: value" (or the whole text when
// it is not a key line).
func valueOf(text string) string {
	if text != "" && strings.IndexByte(`"'[{`, text[0]) >= 0 {
		return text
	}
	if _, v, ok := strings.Cut(text, ": "); ok {
		return strings.TrimLeft(v, " ")
	}
	return text
}

// unclosedQuote reports a quoted value that does not end on its line.
func unclosedQuote(text string) (byte, bool) {
	v := valueOf(text)
	if v == "" || (v[0] != '"' && v[0] != '\'') {
		return 0, false
	}
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return 0, false
		}
	}
	return q, true
}

// unclosedFlow reports a value written in brackets ([a, b] or {k: v})
// whose brackets do not close on its line.
func unclosedFlow(text string) (open, close byte, ok bool) {
	v := valueOf(text)
	if v == "" || (v[0] != '[' && v[0] != '{') {
		return 0, 0, false
	}
	var stack []byte
	var q byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case q != 0:
			if c == '\\' && q == '"' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '[' || c == '{':
			stack = append(stack, c)
		case (c == ']' || c == '}') && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return 0, 0, false
	}
	open = stack[len(stack)-1]
	close = ']'
	if open == '{' {
		close = '}'
	}
	return open, close, true
}

// keyOfLine returns the key of a line "key: value" or "- key: value",
// when it looks like a casework key: the one token of a line a message
// may quote.
func keyOfLine(line string) (string, bool) {
	_, rest := splitItems(stripComment(strings.TrimLeft(line, " ")))
	key, _, ok := strings.Cut(rest, ":")
	if !ok || !keyShaped(key) {
		return "", false
	}
	return key, true
}

// isBlockScalar reports whether a line's value starts a block scalar
// ("key: |", "- >-").
func isBlockScalar(text string) bool {
	v := valueOf(text)
	if v == "" || (v[0] != '|' && v[0] != '>') {
		return false
	}
	return strings.Trim(v[1:], "+-0123456789") == ""
}

// stripComment removes a trailing comment (" #...") outside quotes.
func stripComment(s string) string {
	if strings.HasPrefix(s, "#") {
		return ""
	}
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || s[i-1] == ' ' || s[i-1] == ':' {
				q = c
			}
		case c == '#' && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t'):
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return strings.TrimRight(s, " \t")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ConflictMarker opens each conflict git (or casework's merge driver)
// leaves in a file: "<<<<<<<" at the start of a line, whatever follows.
const ConflictMarker = "<<<<<<<"

// ConflictMarkerLine returns the line (from 1) of the first conflict
// marker in data, or ok false when there is none. It is the one test for
// a file left mid-merge: the loader refuses such a file with it, and
// validate (through pkg/merge) lists each conflict.
func ConflictMarkerLine(data []byte) (line int, ok bool) {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, ConflictMarker) {
			return i + 1, true
		}
	}
	return 0, false
}

// conflictError describes a file holding conflict markers in the words
// validate uses, without quoting either side (they may be a client's).
func conflictError(path string, data []byte, offset int) error {
	line, ok := ConflictMarkerLine(data)
	if !ok {
		return nil
	}
	return &PosError{Path: path, Line: line + offset, Col: 1, Rule: RuleMergeConflict,
		Msg: "merge conflict: git left conflict markers from this line; keep the right side of each conflict, delete the other and the marker lines (<<<<<<<, =======, >>>>>>>), then commit ('casework validate' names each conflicting field)"}
}

// aliasMsg refuses the YAML alias on line n without quoting its name,
// which may be a client's.
func aliasMsg(n int) string {
	return fmt.Sprintf("line %d uses a YAML alias ('*' and a name); casework files do not allow aliases: write the value out in full", n)
}

// explainAlias finds the line of a YAML alias ("key: *name" or
// "- *name") for the parser's "unknown anchor" error, which gives no
// useful position and quotes the alias name (it may be a client's).
func explainAlias(data []byte, offset int) (syntaxHint, bool) {
	for i, raw := range strings.Split(string(data), "\n") {
		_, rest := splitItems(stripComment(strings.TrimLeft(raw, " ")))
		if v := valueOf(rest); strings.HasPrefix(v, "*") {
			n := i + 1 + offset
			col := strings.Index(raw, v) + 1
			return syntaxHint{n, col, aliasMsg(n)}, true
		}
	}
	return syntaxHint{}, false
}
