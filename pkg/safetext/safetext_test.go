package safetext

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want, keep string }{
		{"plain text", "plain text", "plain text"},
		{"Zoë Ångström 李", "Zoë Ångström 李", "Zoë Ångström 李"},
		{"a\nb", `a\nb`, "a\nb"},
		{"x\n::warning file=a::owned", `x\n::warning file=a::owned`, "x\n::warning file=a::owned"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`},
		{"bell\a cr\r tab\t", `bell\x07 cr\r tab\t`, `bell\x07 cr\r tab\t`},
		{"evil\u202eexe.txt", `evil\u202eexe.txt`, `evil\u202eexe.txt`},
		{"c1\u009b2J", `c1\x9b2J`, `c1\x9b2J`},
		{"bad\xffbyte", `bad\xffbyte`, `bad\xffbyte`},
		{"zero\u200bwidth", `zero\u200bwidth`, `zero\u200bwidth`},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := EscapeKeepNewlines(tc.in); got != tc.keep {
			t.Errorf("EscapeKeepNewlines(%q) = %q, want %q", tc.in, got, tc.keep)
		}
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"name", `"name"`},
		{"root:x:0:0:root:/root:/bin/bash\ndaemon", `"root:x:0:0:root:/roo…"`},
		{"\x1b]0;title\a", `"\x1b]0;title\x07"`},
		{`say "hi"`, `"say \"hi\""`},
		{strings.Repeat("é", 30), `"` + strings.Repeat("é", 20) + `…"`},
	} {
		if got := Excerpt(tc.in); got != tc.want {
			t.Errorf("Excerpt(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("a\nb\x1b[0m\u202e\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Escape(s), Excerpt(s)} {
			for _, r := range out {
				if unsafeRune(r) {
					t.Fatalf("%q escaped to %q, which holds %U", s, out, r)
				}
			}
		}
		if strings.ContainsFunc(EscapeKeepNewlines(s), func(r rune) bool { return r != '\n' && unsafeRune(r) }) {
			t.Fatalf("EscapeKeepNewlines(%q) holds a control", s)
		}
	})
}

func TestToken(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"w-ana", `"w-ana"`},
		{"r-housing.advice_2", `"r-housing.advice_2"`},
		{"Maria told me about her drinking", `"Maria told me about …"`},
		{"gossip\x1b[2J", `"gossip\x1b[2J"`},
		{"", `""`},
	} {
		if got := Token(tc.in); got != tc.want {
			t.Errorf("Token(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"urgent", `"urgent"`},
		{"in-progress", `"in-progress"`},
		{"G1", `"G1"`},
		{"C-2026-7K3", `"C-2026-7K3"`},
		{"Maria", "(not shown: it is not a casework name)"},
		{"Maria Lopez", "(not shown: it is not a casework name)"},
		{"GP", "(not shown: it is not a casework name)"},
		{"", "(not shown: it is not a casework name)"},
		{"a\x1b[31m", "(not shown: it is not a casework name)"},
	}
	for _, tt := range tests {
		if got := Word(tt.in); got != tt.want {
			t.Errorf("Word(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
