package redact

import (
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

// TestScrubberSpelledDifferently holds the scrubber to both sides of its
// job: every way free text commonly spells a person's values is scrubbed
// (accents dropped, parts of a name, a title, a street without its
// number, a date of birth in another layout), and ordinary words that
// merely share letters or a place name with them are left alone.
func TestScrubberSpelledDifferently(t *testing.T) {
	dob, _ := casefile.ParseDate("1961-07-13")
	s := NewScrubber(&casefile.Client{Name: "Zoë Brontë-Ng", DOB: dob, Address: "14 Plumtree Crescent, Wobbleton"})
	s.Add(Person{Name: "Li Wei", Address: "Flat 3, 22 Northside Road, Leeds"})
	s.Keep("Northside Food Bank")
	for _, tc := range []struct{ in, want string }{
		// Scrubbed.
		{"Zoe Bronte came alone", "[redacted] came alone"},
		{"ZOË BRONTË-NG signed", "[redacted] signed"},
		{"bronte ng signed", "[redacted] signed"},
		{"spoke to Mr Ng", "spoke to [redacted]"},
		{"Mrs. Ng and Dr Li", "[redacted] and [redacted]"},
		{"Zoë said", "[redacted] said"},
		{"seen outside Plumtree Crescent", "seen outside [redacted]"},
		{"moved to wobbleton", "moved to [redacted]"},
		{"born 13/07/1961", "born [redacted]"},
		{"born 07/13/1961 (US form)", "born [redacted] (US form)"},
		{"born 13 Jul 1961", "born [redacted]"},
		{"born July 13, 1961", "born [redacted]"},
		{"born 13th July 1961", "born [redacted]"},
		{"born 13.7.1961", "born [redacted]"},
		{"dob 1961-07-13", "dob [redacted]"},
		{"lives on Northside Road", "lives on [redacted]"},
		{"Li Wei's flat", "[redacted]'s flat"},
		// Left alone.
		{"Northside Food Bank delivers", "Northside Food Bank delivers"},
		{"a crescent moon", "a crescent moon"},
		{"Ngozi from the school", "Ngozi from the school"},
		{"the NG tube", "the NG tube"},
		{"in 1961 the estate was built", "in 1961 the estate was built"},
		{"on 13 July the review", "on 13 July the review"},
		{"Lithuanian interpreter", "Lithuanian interpreter"},
		{"Leeds United", "[redacted] United"}, // a locality is scrubbed wherever it stands
	} {
		if got := s.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldMapsBack(t *testing.T) {
	for _, tc := range []struct{ in, folded string }{
		{"Zoë", "zoe"}, {"Straße", "strasse"}, {"Łódź", "lodz"}, {"ÆSIR", "aesir"}, {"a\xffb", "a\ufffdb"},
	} {
		f := fold(tc.in)
		if f.text != tc.folded {
			t.Errorf("fold(%q) = %q, want %q", tc.in, f.text, tc.folded)
		}
		if len(f.start) != len(f.text) || f.original(0, len(f.text)) != (span{0, len(tc.in)}) {
			t.Errorf("fold(%q) does not map back to the whole text: %v %v", tc.in, f.start, f.end)
		}
	}
}

func FuzzScrubberText(f *testing.F) {
	for _, seed := range []string{"Zoë Brontë-Ng", "Mr Ng", "14 Plumtree Crescent", "\xff\xfe", "born 13/07/1961"} {
		f.Add(seed)
	}
	dob, _ := casefile.ParseDate("1961-07-13")
	s := NewScrubber(&casefile.Client{Name: "Zoë Brontë-Ng", DOB: dob, Phone: "0161 496 0733", Address: "14 Plumtree Crescent, Wobbleton"})
	f.Fuzz(func(t *testing.T, text string) {
		out := s.Text(text)
		if text != "" && out == "" {
			t.Fatalf("Text(%q) lost everything", text)
		}
		if again := s.Text(out); again != out {
			t.Fatalf("scrubbing twice changes %q to %q", out, again)
		}
	})
}
