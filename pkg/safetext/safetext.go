// Package safetext makes untrusted text safe to show a person: control
// characters and the Unicode controls that reorder a line are escaped, so
// that nothing read from a repository or an argument can move the cursor,
// recolour a terminal, rewrite a line, or start a CI workflow command on a
// line of its own; and an excerpt of a file is short.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ExcerptRunes is the most characters of a file's token a message quotes.
const ExcerptRunes = 20

// Escape returns s with every control character escaped Go-style (\n,
// \t, \x1b, \u202e), as well as invalid UTF-8 bytes; printable text,
// including non-ASCII letters, is kept as it is.
func Escape(s string) string { return escape(s, false) }

// EscapeKeepNewlines is Escape, except that newlines are kept: for text
// that is laid out in lines on purpose (a multi-line table cell, a list of
// problems).
func EscapeKeepNewlines(s string) string { return escape(s, true) }

func escape(s string, keepNewlines bool) string {
	if clean(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case unsafeRune(r):
			b.WriteString(quoteRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// clean reports whether s needs no escaping: the common case, checked
// without allocating.
func clean(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return cleanSlow(s[i:], keepNewlines)
		}
		if (c < 0x20 || c == 0x7f) && !(c == '\n' && keepNewlines) {
			return false
		}
	}
	return true
}

func cleanSlow(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (unsafeRune(r) && !(r == '\n' && keepNewlines)) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports whether r is a C0 or C1 control, DEL, or one of the
// Unicode formatting characters that reorder or hide text (bidirectional
// overrides and isolates, zero-width marks, the line and paragraph
// separators).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}

func quoteRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Excerpt returns a short, neutralised quotation of a token read from an
// untrusted file: Short, in double quotes (a quote inside is escaped).
func Excerpt(s string) string {
	return `"` + strings.ReplaceAll(Short(s), `"`, `\"`) + `"`
}

// Short returns at most ExcerptRunes characters of s (an ellipsis marks
// the cut), control characters escaped.
func Short(s string) string {
	if utf8.RuneCountInString(s) <= ExcerptRunes {
		return Escape(s)
	}
	n := 0
	for i := range s {
		if n == ExcerptRunes {
			return Escape(s[:i]) + "…"
		}
		n++
	}
	return Escape(s)
}

// Token quotes a value read from an untrusted file for a message: an ID
// or name-like token (letters, digits, '-', '_', '.', up to 64
// characters) in full, anything else as an Excerpt, since a value that is
// not a token may be free text holding a client's data.
func Token(s string) string {
	if len(s) == 0 || len(s) > 64 {
		return Excerpt(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return Excerpt(s)
		}
	}
	return `"` + s + `"`
}

// Word quotes a word a user typed (a flag value or part of one) for a
// message when it is shaped like a casework name or ID: a lower-case word
// (a-z, 0-9, '-', '_') such as a priority or a status, or an upper-case ID
// with a digit (G1, M2, C-2026-7K3). Anything else may be a client's data
// typed in the wrong place, and is described as not shown.
func Word(s string) string {
	if wordShaped(s) {
		return `"` + s + `"`
	}
	return "(not shown: it is not a casework name)"
}

func wordShaped(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	lower, upper, digit := true, true, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			upper = false
		case c >= 'A' && c <= 'Z':
			lower = false
		case c >= '0' && c <= '9':
			digit = true
		case c == '-' || c == '_':
		default:
			return false
		}
	}
	return lower || upper && digit
}
