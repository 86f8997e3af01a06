package redact

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casework/casework/pkg/casefile"
)

// minPart is the shortest part of a name or address that is scrubbed on
// its own: shorter ones ("Li", "de") would blank out ordinary words.
const minPart = 3

// dobLayouts are the ways a date of birth is commonly written in notes.
var dobLayouts = []string{casefile.DateLayout, "02/01/2006", "01/02/2006", "02.01.2006", "2 January 2006", "January 2, 2006"}

// Scrubber replaces a client's identifying values inside free text.
type Scrubber struct {
	patterns []*regexp.Regexp
}

// NewScrubber returns a Scrubber for the values of cl: every identifying
// field whole (name, date of birth in common layouts, gender, phone,
// e-mail, address, language, and the representative's fields), each part
// of the client's and representative's names and of the address with at
// least three letters, and phone numbers however their digits are
// grouped. Matching ignores letter case and only takes whole words, so
// "Ana" is scrubbed from "met Ana today" but not from "banana".
func NewScrubber(cl *casefile.Client) *Scrubber {
	var terms []string
	whole := []string{cl.Name, cl.Gender, cl.Email, cl.Address, cl.Language}
	phones := []string{cl.Phone}
	names := []string{cl.Name}
	if r := cl.Representative; r != nil {
		whole = append(whole, r.Name, r.Relationship, r.Email)
		phones = append(phones, r.Phone)
		names = append(names, r.Name)
	}
	terms = append(terms, whole...)
	for _, n := range names {
		terms = append(terms, strings.FieldsFunc(n, notLetter)...)
	}
	terms = append(terms, strings.Split(cl.Address, ",")...)
	if !cl.DOB.IsZero() {
		for _, layout := range dobLayouts {
			terms = append(terms, cl.DOB.Time().Format(layout))
		}
	}
	s := &Scrubber{}
	for _, t := range uniqueLongestFirst(terms) {
		s.patterns = append(s.patterns, regexp.MustCompile(`(?i)`+regexp.QuoteMeta(t)))
	}
	for _, p := range phones {
		if re := phonePattern(p); re != nil {
			s.patterns = append(s.patterns, re)
		}
	}
	return s
}

// Text returns s with every identifying value replaced by Mark.
func (s *Scrubber) Text(text string) string {
	for _, re := range s.patterns {
		text = replaceWords(re, text)
	}
	return text
}

// replaceWords replaces the matches of re that are whole words: not
// preceded or followed by a letter or digit.
func replaceWords(re *regexp.Regexp, text string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(text, -1) {
		if !wordEdge(text, m[0], m[1]) {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(Mark)
		last = m[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func wordEdge(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return (start == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// uniqueLongestFirst trims the terms and keeps those with at least minPart
// letters or digits, longest first so that a whole value is replaced
// before its parts.
func uniqueLongestFirst(terms []string) []string {
	var out []string
	for _, t := range terms {
		t = strings.TrimSpace(t)
		if strings.IndexFunc(t, isWordRune) < 0 || countWordRunes(t) < minPart || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

func countWordRunes(s string) int {
	n := 0
	for _, r := range s {
		if isWordRune(r) {
			n++
		}
	}
	return n
}

// phoneTail is how many final digits identify a phone number however it
// is written: +44 20 7946 0958 and (020) 7946-0958 share their last seven.
const phoneTail = 7

// phonePattern matches a phone number written with any spacing, dashes,
// dots or brackets, and with or without its country or area code: any
// run of digits ending in the number's last seven digits. It is nil when
// the number has too few digits to be a phone number.
func phonePattern(phone string) *regexp.Regexp {
	var digits []string
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits = append(digits, string(r))
		}
	}
	if len(digits) < 5 {
		return nil
	}
	tail := digits[max(0, len(digits)-phoneTail):]
	return regexp.MustCompile(`[+(]?(?:\d[\s().-]*)*?` + strings.Join(tail, `[\s().-]*`))
}
