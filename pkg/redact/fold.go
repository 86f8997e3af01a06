package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is a text in the form names are compared in (lower case, accents
// and other marks removed, "ß" as "ss") with, for each of its bytes, where
// the rune it came from starts and ends in the original text, so that a
// match found in the folded text replaces the right original bytes.
type folded struct {
	text       string
	start, end []int
}

// fold folds s, keeping the map back to s.
func fold(s string) folded {
	var b strings.Builder
	f := folded{}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		before := b.Len()
		b.WriteString(foldRune(r))
		for range b.Len() - before {
			f.start = append(f.start, i)
			f.end = append(f.end, i+n)
		}
		i += n
	}
	f.text = b.String()
	return f
}

// foldString folds s alone.
func foldString(s string) string { return fold(s).text }

// special are letters that carry no combining mark to remove but are
// written without them in plain ASCII.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i",
	'’': "'", '‘': "'", '‐': "-", '‑': "-", '–': "-", '—': "-",
}

// foldRune is a rune in compared form: lower case without marks.
func foldRune(r rune) string {
	if s, ok := special[r]; ok {
		return s
	}
	if r < utf8.RuneSelf {
		return string(unicode.ToLower(r))
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
	return b.String()
}

// span is a byte range [from, to) of the original text.
type span struct{ from, to int }

// original maps the folded byte range [i, j) back to the original text.
func (f folded) original(i, j int) span { return span{f.start[i], f.end[j-1]} }
