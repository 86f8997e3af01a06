package dupes

import "strings"

// NYSIIS is the New York State Identification and Intelligence System
// phonetic code of one word (Taft, 1970), without the original's
// truncation to six letters, and with Y after the first letter a vowel:
// spellings that sound alike share it ("Jon" and "John" are JAN, "Smith"
// and "Smyth" SNAT). It expects a word as
// Normalize leaves it (lower case, accents folded); a word holding
// anything but ASCII letters is its own code, so names in other scripts
// still block on their exact spelling.
func NYSIIS(word string) string {
	if word == "" {
		return ""
	}
	s := []byte(strings.ToUpper(word))
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return word
		}
	}
	// Beginnings.
	switch {
	case hasPrefix(s, "MAC"):
		s = append([]byte("MCC"), s[3:]...)
	case hasPrefix(s, "KN"):
		s = s[1:]
	case hasPrefix(s, "K"):
		s = append([]byte("C"), s[1:]...)
	case hasPrefix(s, "PH"), hasPrefix(s, "PF"):
		s = append([]byte("FF"), s[2:]...)
	case hasPrefix(s, "SCH"):
		s = append([]byte("SSS"), s[3:]...)
	}
	// Endings.
	switch {
	case hasSuffix(s, "EE"), hasSuffix(s, "IE"):
		s = append(s[:len(s)-2], 'Y')
	case hasSuffix(s, "DT"), hasSuffix(s, "RT"), hasSuffix(s, "RD"), hasSuffix(s, "NT"), hasSuffix(s, "ND"):
		s = append(s[:len(s)-2], 'D')
	}
	key := []byte{s[0]}
	for i := 1; i < len(s); i++ {
		var add string
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case c == 'E' && next == 'V':
			add, i = "AF", i+1
		case isVowel(c):
			add = "A"
		case c == 'Q':
			add = "G"
		case c == 'Z':
			add = "S"
		case c == 'M':
			add = "N"
		case c == 'K' && next == 'N':
			add = "N"
		case c == 'K':
			add = "C"
		case c == 'S' && next == 'C' && i+2 < len(s) && s[i+2] == 'H':
			add, i = "SSS", i+2
		case c == 'P' && next == 'H':
			add, i = "FF", i+1
		case c == 'H' && (!isVowel(s[i-1]) || next == 0 || !isVowel(next)), c == 'W' && isVowel(s[i-1]):
			// Silent: the previous letter again (a vowel as A).
			add = string(s[i-1])
			if isVowel(s[i-1]) {
				add = "A"
			}
		default:
			add = string(c)
		}
		for j := 0; j < len(add); j++ {
			if add[j] != key[len(key)-1] {
				key = append(key, add[j])
			}
		}
	}
	if len(key) > 1 && key[len(key)-1] == 'S' {
		key = key[:len(key)-1]
	}
	if hasSuffix(key, "AY") {
		key = append(key[:len(key)-2], 'Y')
	}
	if len(key) > 1 && key[len(key)-1] == 'A' {
		key = key[:len(key)-1]
	}
	return string(key)
}

// isVowel reports whether c is a vowel; Y after the first letter counts as
// one (a common change to the original, so Smith and Smyth share a code).
func isVowel(c byte) bool {
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y'
}

func hasPrefix(s []byte, p string) bool { return len(s) >= len(p) && string(s[:len(p)]) == p }

func hasSuffix(s []byte, p string) bool { return len(s) >= len(p) && string(s[len(s)-len(p):]) == p }
