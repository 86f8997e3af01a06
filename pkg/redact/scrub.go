package redact

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/casework/casework/pkg/casefile"
)

// minPart is the shortest part of a name or address that is scrubbed on
// its own: shorter ones ("Li", "Ng", "de") would blank out ordinary words,
// so they are scrubbed only after a title ("Mr Ng") or inside the whole
// name.
const minPart = 3

// titles are the forms of address that may stand before a family name.
var titles = []string{"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sr", "sra", "srta", "mme", "mlle", "herr", "frau"}

// Person is what identifies one person of a case: the client, their
// representative, a household member or a person of their network.
type Person struct {
	Name    string
	DOB     casefile.Date
	Phone   string
	Email   string
	Address string
	// Other are further identifying values matched whole: gender,
	// language, relationship.
	Other []string
}

// Scrubber replaces the identifying values of a case's people inside free
// text. Text is compared folded (letter case ignored, accents removed:
// "Zoe Bronte" is "Zoë Brontë"), on whole words only ("Ana" is scrubbed
// from "met Ana today", not from "banana"). Phrases the agency names
// itself (Keep: its resources and providers) are never scrubbed, so that
// "Northside Food Bank" survives for a client who lives in Northside.
type Scrubber struct {
	patterns []*regexp.Regexp
	keep     []*regexp.Regexp
}

// NewScrubber returns a Scrubber for the client cl and their
// representative. Add more people with Add.
func NewScrubber(cl *casefile.Client) *Scrubber {
	s := &Scrubber{}
	s.Add(Person{Name: cl.Name, DOB: cl.DOB, Phone: cl.Phone, Email: cl.Email, Address: cl.Address,
		Other: []string{cl.Gender, cl.Language}})
	if r := cl.Representative; r != nil {
		s.Add(Person{Name: r.Name, Phone: r.Phone, Email: r.Email, Other: []string{r.Relationship}})
	}
	return s
}

// Add scrubs the values of p too: each whole value; each part of the name
// of three letters or more, and every part after a title; the hyphenated
// parts of a name apart and together; each part of the address without
// its house or flat number (the street, the locality); the date of birth
// in the layouts people write it in; and the phone number however its
// digits are grouped.
func (s *Scrubber) Add(p Person) {
	terms := append([]string{p.Name, p.Email, p.Address}, p.Other...)
	terms = append(terms, nameParts(p.Name)...)
	for _, part := range addressParts(p.Address) {
		terms = append(terms, streetForms(part)...)
	}
	terms = append(terms, dobForms(p.DOB)...)
	for _, t := range uniqueLongestFirst(terms) {
		s.patterns = append(s.patterns, phrase(t, ""))
	}
	for _, part := range strings.FieldsFunc(foldString(p.Name), notNamePart) {
		if countWordRunes(part) > 0 {
			s.patterns = append(s.patterns, phrase(part, `(?:`+strings.Join(titles, "|")+`)\.?\s+`))
		}
	}
	if re := phonePattern(p.Phone); re != nil {
		s.patterns = append(s.patterns, re)
	}
}

// Keep protects phrases from scrubbing: a match inside one of them stays.
func (s *Scrubber) Keep(phrases ...string) {
	for _, p := range phrases {
		if strings.TrimSpace(p) != "" {
			s.keep = append(s.keep, phrase(p, ""))
		}
	}
}

// Text returns text with every identifying value replaced by Mark.
func (s *Scrubber) Text(text string) string {
	if text == "" || len(s.patterns) == 0 {
		return text
	}
	f := fold(text)
	var kept []span
	for _, re := range s.keep {
		for _, m := range re.FindAllStringIndex(f.text, -1) {
			kept = append(kept, span{m[0], m[1]})
		}
	}
	var found []span
	for _, re := range s.patterns {
		for _, m := range re.FindAllStringIndex(f.text, -1) {
			if wordEdge(f.text, m[0], m[1]) && !inside(kept, m[0], m[1]) {
				found = append(found, f.original(m[0], m[1]))
			}
		}
	}
	if len(found) == 0 {
		return text
	}
	slices.SortFunc(found, func(a, b span) int { return a.from - b.from })
	var b strings.Builder
	last := 0
	for _, sp := range found {
		if sp.to <= last {
			continue
		}
		switch {
		case sp.from < last:
		case last > 0 && strings.Trim(text[last:sp.from], " -") == "":
			// Two values side by side ("Zoe" "Bronte") read as one.
		default:
			b.WriteString(text[last:sp.from])
			b.WriteString(Mark)
		}
		last = sp.to
	}
	b.WriteString(text[last:])
	return b.String()
}

// inside reports whether [i, j) lies within one of the spans.
func inside(spans []span, i, j int) bool {
	for _, sp := range spans {
		if sp.from <= i && j <= sp.to {
			return true
		}
	}
	return false
}

// phrase compiles a term, folded, to match in folded text, with any run
// of spaces and hyphens in it matching any other, after an optional
// prefix pattern.
func phrase(term, prefix string) *regexp.Regexp {
	words := strings.FieldsFunc(foldString(term), func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(prefix + strings.Join(words, `[\s-]+`))
}

// nameParts are the parts of a name: each word, and each part of a
// hyphenated or apostrophised word ("Brontë-Ng": "Brontë-Ng", "Brontë",
// "Ng"; "O'Brien": "O'Brien", "Brien").
func nameParts(name string) []string {
	var parts []string
	for _, w := range strings.Fields(name) {
		parts = append(parts, w)
		parts = append(parts, strings.FieldsFunc(w, notNamePart)...)
	}
	return parts
}

// notNamePart separates the parts of a name.
func notNamePart(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }

// addressParts are the parts of an address between commas or lines, each
// also without the house or flat number that starts it: "14 Plumtree
// Crescent, Wobbleton" gives "Plumtree Crescent" and "Wobbleton".
func addressParts(addr string) []string {
	var parts []string
	for _, p := range strings.FieldsFunc(addr, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		parts = append(parts, p)
		words := strings.Fields(p)
		for len(words) > 1 && (strings.ContainsAny(words[0], "0123456789") || isUnitWord(words[0])) {
			words = words[1:]
		}
		parts = append(parts, strings.Join(words, " "))
	}
	return parts
}

// streetTypes are the street-type words of UK and US addresses, each with
// the abbreviations people write for it, folded and without a dot.
var streetTypes = [][]string{
	{"street", "st", "str"},
	{"road", "rd"},
	{"avenue", "ave", "av"},
	{"lane", "ln"},
	{"drive", "dr", "drv"},
	{"court", "ct"},
	{"place", "pl"},
	{"crescent", "cres", "cresc", "cr"},
	{"close", "cl"},
	{"terrace", "terr", "ter", "tce"},
	{"gardens", "gdns"},
	{"grove", "gr", "gro"},
	{"square", "sq"},
	{"boulevard", "blvd"},
	{"highway", "hwy"},
	{"parkway", "pkwy"},
	{"park", "pk"},
	{"circle", "cir"},
	{"parade", "pde"},
	{"mews", "mws"},
	{"walk", "wlk"},
	{"hill", "hl"},
}

// streetForms is an address part with its street type in every form
// people write it: "Baker Street" gives "Baker Street" and "Baker St";
// "Mill Ln." gives "Mill Ln." and "Mill Lane". A trailing dot is not
// matched, so "Baker St." in a note keeps the dot after its mark. Only
// the whole part is matched: "St" alone, or in "Stanley", is never
// scrubbed for it.
func streetForms(part string) []string {
	words := strings.Fields(part)
	if len(words) < 2 {
		return []string{part}
	}
	last := foldString(strings.TrimSuffix(words[len(words)-1], "."))
	i := slices.IndexFunc(streetTypes, func(forms []string) bool { return slices.Contains(forms, last) })
	if i < 0 {
		return []string{part}
	}
	name := strings.Join(words[:len(words)-1], " ")
	out := []string{part}
	for _, form := range streetTypes[i] {
		out = append(out, name+" "+form)
	}
	return out
}

// isUnitWord reports words that name a flat rather than a street.
func isUnitWord(w string) bool {
	switch foldString(strings.Trim(w, ".")) {
	case "flat", "apt", "apartment", "unit", "no", "piso", "puerta":
		return true
	}
	return false
}

// dobForms writes a date of birth in the layouts notes use: ISO; day,
// month and year with slashes, dots or dashes, with and without leading
// zeros, day first and month first; and with the month's name, long or
// short, with or without an ordinal ("13 Jul 1961", "July 13, 1961",
// "13th July 1961").
func dobForms(d casefile.Date) []string {
	if d.IsZero() {
		return nil
	}
	t := d.Time()
	forms := []string{t.Format(casefile.DateLayout)}
	for _, sep := range []string{"/", ".", "-"} {
		for _, l := range []string{"02{s}01{s}2006", "01{s}02{s}2006", "2{s}1{s}2006", "1{s}2{s}2006", "02{s}01{s}06", "01{s}02{s}06"} {
			forms = append(forms, t.Format(strings.ReplaceAll(l, "{s}", sep)))
		}
	}
	day := t.Day()
	ord := fmt.Sprintf("%d%s", day, ordinal(day))
	for _, month := range []string{t.Format("January"), t.Format("Jan")} {
		y := t.Format("2006")
		forms = append(forms,
			fmt.Sprintf("%d %s %s", day, month, y), fmt.Sprintf("%s %s %s", ord, month, y),
			fmt.Sprintf("%s %d, %s", month, day, y), fmt.Sprintf("%s %d %s", month, day, y),
			fmt.Sprintf("%s %s, %s", month, ord, y), fmt.Sprintf("%s of %s %s", ord, month, y))
	}
	return forms
}

// ordinal is the English suffix of a day of the month.
func ordinal(day int) string {
	switch {
	case day >= 11 && day <= 13:
		return "th"
	case day%10 == 1:
		return "st"
	case day%10 == 2:
		return "nd"
	case day%10 == 3:
		return "rd"
	}
	return "th"
}

// wordEdge reports whether [start, end) of text is a whole word: not
// preceded or followed by a letter or digit.
func wordEdge(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return (start == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// uniqueLongestFirst trims the terms and keeps those with at least minPart
// letters or digits, each once (compared folded), longest first.
func uniqueLongestFirst(terms []string) []string {
	var out, seen []string
	for _, t := range terms {
		t = strings.TrimSpace(t)
		k := foldString(t)
		if countWordRunes(t) < minPart || slices.Contains(seen, k) {
			continue
		}
		seen = append(seen, k)
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
