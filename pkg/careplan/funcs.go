package careplan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/casework/casework/pkg/casefile"
)

// Funcs are the functions templates can call besides text/template's own:
//
//	money X      1250.5 → "1,250.50"
//	amount X CUR 1250.5 "GBP" → "1,250.50 GBP": money with its currency
//	date X       a casefile.Date or time.Time → "2026-03-02"; unset → "—"
//	join S SEP   strings.Join
//	text S       free text made safe Markdown (see Safe), lines kept
//	cell S       S made safe in a table cell: one line, "|" escaped; "" → "—"
//	inline S     S made safe, on one line (line breaks become spaces)
//	heading S    S made safe, on one line, without trailing punctuation
//	human S      "case-management" → "case management"
//	capital S    S with its first letter in upper case
//	dash S       S, or "—" when empty
//	link S       S made safe: an e-mail address or URL becomes <…>
//
// Every function that prints text from the records (text, cell, inline,
// heading, link) makes it safe: HTML is escaped and bare e-mail addresses
// and URLs become autolinks, so the document is clean Markdown whatever
// the records hold.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"money":   Money,
		"amount":  Amount,
		"date":    formatDate,
		"join":    strings.Join,
		"text":    text,
		"cell":    cell,
		"inline":  inline,
		"heading": heading,
		"human":   human,
		"capital": capital,
		"dash":    dash,
		"link":    link,
	}
}

// None stands for a value that is not set.
const None = "—"

// Money formats an amount with two decimals and thousands separators.
func Money(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + "." + frac
}

// Amount is an amount of money as documents show it: Money and the
// currency ("1,250.50 GBP"), as casefile.Amount writes it in tables and
// messages, with thousands grouped for reading. With no currency it is
// Money alone.
func Amount(x float64, currency string) string {
	if currency == "" {
		return Money(x)
	}
	return Money(x) + " " + currency
}

func formatDate(v any) (string, error) {
	switch d := v.(type) {
	case casefile.Date:
		return dash(d.String()), nil
	case time.Time:
		if d.IsZero() {
			return None, nil
		}
		return d.UTC().Format(casefile.DateLayout), nil
	case string:
		return dash(d), nil
	}
	return "", fmt.Errorf("date: cannot format a %T as a date", v)
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return None
	}
	return s
}

func inline(s string) string { return Safe(strings.Join(strings.Fields(s), " ")) }

// text is multi-line free text made safe; a line that would start a
// heading or a quote is escaped so the text stays a paragraph of the
// document it is in, and tabs become spaces.
func text(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		l = Safe(strings.ReplaceAll(strings.TrimRight(l, " \t\r"), "\t", "    "))
		if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "#") || strings.HasPrefix(t, ">") {
			l = `\` + t
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// capital upper-cases the first letter of s.
func capital(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

func cell(s string) string { return dash(strings.ReplaceAll(inline(s), "|", `\|`)) }

// heading is s made safe on one line, without the punctuation that
// Markdown linters refuse at the end of a heading (MD026: .,;:! and their
// full-width forms). Closing brackets and quotes stay: "[redacted]" and
// "(age 13)" keep their ends.
func heading(s string) string {
	return strings.TrimRightFunc(inline(s), func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(headingPunct, r) })
}

// headingPunct is the trailing punctuation markdownlint's MD026 refuses.
const headingPunct = ".,;:!?。，；：！？"

func human(s string) string { return strings.NewReplacer("-", " ", "_", " ").Replace(s) }

// link is a contact made safe: an e-mail address or URL in it becomes a
// link.
func link(s string) string { return Safe(strings.TrimSpace(s)) }

// autolink finds e-mail addresses and web addresses in text.
var autolink = regexp.MustCompile(`(?i)https?://[^\s<>]+|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)

// Safe makes text from the records safe to print in Markdown: "<", which
// would start HTML, is escaped (a note's "<b>" shows as written), and each bare e-mail address or URL is written as an
// autolink ("<a@b.org>"; one already in angle brackets stays as it is),
// leaving out punctuation that ends a sentence after it. Other Markdown
// in free text stays Markdown.
func Safe(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range autolink.FindAllStringIndex(s, -1) {
		from, to := m[0], m[1]
		if prev, _ := utf8.DecodeLastRuneInString(s[:from]); from > 0 && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && strings.HasPrefix(strings.ToLower(s[from:]), "http") {
			continue // inside a word ("xhttp://"): not a link in Markdown either
		}
		for to > from && strings.ContainsRune(".,;:!?)]'", rune(s[to-1])) {
			to--
		}
		if i := strings.Index(s[from:to], "://"); i >= 0 && i+len("://") == to-from {
			continue // a scheme with no address after it
		}
		if from > 0 && s[from-1] == '<' && to < len(s) && s[to] == '>' {
			b.WriteString(escapeHTML(s[last : from-1]))
			b.WriteString(s[from-1 : to+1])
			last = to + 1
			continue
		}
		b.WriteString(escapeHTML(s[last:from]))
		b.WriteString("<" + s[from:to] + ">")
		last = to
	}
	b.WriteString(escapeHTML(s[last:]))
	return b.String()
}

// escapeHTML escapes what would start raw HTML in Markdown.
func escapeHTML(s string) string { return strings.ReplaceAll(s, "<", "&lt;") }
