package careplan

import (
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/casework/casework/pkg/casefile"
)

// Funcs are the functions templates can call besides text/template's own:
//
//	money X      1250.5 → "1,250.50"
//	date X       a casefile.Date or time.Time → "2026-03-02"; unset → "—"
//	join S SEP   strings.Join
//	cell S       S made safe in a table cell: one line, "|" escaped; "" → "—"
//	inline S     S on one line (line breaks become spaces)
//	heading S    S on one line without trailing punctuation
//	human S      "case-management" → "case management"
//	dash S       S, or "—" when empty
//	link S       an e-mail address or URL in <>, so it becomes a link;
//	             other text as it is
func Funcs() template.FuncMap {
	return template.FuncMap{
		"money":   Money,
		"date":    formatDate,
		"join":    strings.Join,
		"cell":    cell,
		"inline":  inline,
		"heading": heading,
		"human":   human,
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

func inline(s string) string { return strings.Join(strings.Fields(s), " ") }

func cell(s string) string { return dash(strings.ReplaceAll(inline(s), "|", `\|`)) }

func heading(s string) string {
	return strings.TrimRightFunc(inline(s), func(r rune) bool { return unicode.IsPunct(r) && r != ')' && r != '"' })
}

func human(s string) string { return strings.NewReplacer("-", " ", "_", " ").Replace(s) }

// link wraps a bare e-mail address or URL in angle brackets, which makes
// it a link in Markdown (a bare one is not portable).
func link(s string) string {
	s = strings.TrimSpace(s)
	isURL := strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
	if strings.ContainsAny(s, " <>") || !(isURL || strings.Contains(s, "@")) {
		return s
	}
	return "<" + s + ">"
}
