package dupes

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// folds are letters that do not decompose into a base letter and an
// accent, spelled as people type them without the accent.
var folds = strings.NewReplacer("ß", "ss", "ø", "o", "ł", "l", "đ", "d", "æ", "ae", "œ", "oe", "ı", "i", "þ", "th")

// Normalize turns a name into its comparable form: lower case, accents
// removed, punctuation treated as space, words sorted (so "Smith, John"
// and "John Smith" compare equal).
func Normalize(name string) string {
	return strings.Join(tokens(name), " ")
}

// tokens are the normalised words of a name, sorted.
func tokens(name string) []string {
	s := strings.ToLower(name)
	if !isASCII(s) {
		if folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s); err == nil {
			s = folded
		}
		s = folds.Replace(s)
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\'' || r == '’' || r == '.':
			return -1 // O'Brien = OBrien, J. = J
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return ' '
	}, s)
	words := strings.Fields(s)
	slices.Sort(words)
	return words
}

// isASCII reports whether s holds only ASCII, which has no accents to fold.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
