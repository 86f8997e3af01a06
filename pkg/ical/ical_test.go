package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	long := strings.Repeat("a", 200)
	accents := "SUMMARY:" + strings.Repeat("é", 60) // 2 octets each
	tests := []struct {
		name string
		in   string
	}{
		{"short", "SUMMARY:x"},
		{"exactly 75", strings.Repeat("b", 75)},
		{"76", strings.Repeat("b", 76)},
		{"long", long},
		{"multibyte", accents},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		lines := strings.Split(got, "\r\n")
		var joined strings.Builder
		for i, l := range lines {
			if len(l) > 75 {
				t.Errorf("%s: line %d has %d octets", tt.name, i, len(l))
			}
			if i > 0 {
				if !strings.HasPrefix(l, " ") {
					t.Errorf("%s: continuation %d does not start with a space", tt.name, i)
				}
				l = l[1:]
			}
			if !utf8.ValidString(l) {
				t.Errorf("%s: line %d splits a character", tt.name, i)
			}
			joined.WriteString(l)
		}
		if joined.String() != tt.in {
			t.Errorf("%s: unfolding gives %q", tt.name, joined.String())
		}
		if len(tt.in) <= 75 && len(lines) != 1 {
			t.Errorf("%s: folded a short line", tt.name)
		}
	}
	if n := len(strings.Split(Fold(strings.Repeat("c", 75+74+1)), "\r\n")); n != 3 {
		t.Errorf("75+74+1 octets fold into %d lines, want 3", n)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a,b;c", `a\,b\;c`},
		{`back\slash`, `back\\slash`},
		{"two\nlines\r\nthree", `two\nlines\nthree`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrite(t *testing.T) {
	stamp := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cal := Calendar{
		ProdID: "-//casework//casework dev//EN",
		Name:   "casework: due",
		Stamp:  stamp,
		Events: []Event{
			{UID: "C-1-review-20260305@casework", Date: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC), Summary: "C-1 review", Categories: []string{"review"}},
			{UID: "C-2-action-A1-20260401@casework", Date: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Summary: "C-2 action A1, " + strings.Repeat("x", 80), Description: "a;b"},
		},
	}
	var buf bytes.Buffer
	if err := Write(&buf, cal); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Errorf("lines must end in CRLF:\n%q", out)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line over 75 octets: %q", l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//casework//casework dev//EN\r\n",
		"X-WR-CALNAME:casework: due\r\n",
		"BEGIN:VEVENT\r\nUID:C-1-review-20260305@casework\r\nDTSTAMP:20260302T090000Z\r\nDTSTART;VALUE=DATE:20260305\r\nSUMMARY:C-1 review\r\nCATEGORIES:review\r\n",
		"SUMMARY:C-2 action A1\\, " + strings.Repeat("x", 80) + "\r\nDESCRIPTION:a\\;b\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "BEGIN:VEVENT"); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}
