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

// TestScrubberStreetTypes holds the scrubber to a street written with its
// type abbreviated or spelled out, whichever way the address has it, and
// to leaving alone words that merely start like an abbreviation.
func TestScrubberStreetTypes(t *testing.T) {
	for _, tc := range []struct{ address, in, want string }{
		// Spelled out in the address, abbreviated in the text.
		{"12 Baker Street, London", "met at Baker St.", "met at [redacted]."},
		{"12 Baker Street, London", "met at Baker St today", "met at [redacted] today"},
		{"12 Baker Street, London", "met at baker street", "met at [redacted]"},
		{"3 Mill Lane", "walked down Mill Ln", "walked down [redacted]"},
		{"9 Oak Road", "lives on Oak Rd.", "lives on [redacted]."},
		{"40 Elm Avenue", "Elm Ave is closed", "[redacted] is closed"},
		{"5 Maple Drive", "from Maple Dr to the school", "from [redacted] to the school"},
		{"14 Plumtree Crescent", "Plumtree Cres", "[redacted]"},
		{"2 Hazel Gardens", "at 2 Hazel Gdns", "at [redacted]"}, // with its number too
		{"8 Kings Square", "in Kings Sq", "in [redacted]"},
		{"100 Sunset Boulevard", "on Sunset Blvd", "on [redacted]"},
		{"7 Rose Terrace", "Rose Tce", "[redacted]"},
		// Abbreviated in the address, spelled out in the text.
		{"12 Baker St, London", "met at Baker Street", "met at [redacted]"},
		{"12 Baker St., London", "met at Baker Street", "met at [redacted]"},
		{"3 Mill Ln", "walked down Mill Lane", "walked down [redacted]"},
		{"9 Oak Rd", "lives on Oak Road", "lives on [redacted]"},
		{"40 Elm Ave", "Elm Avenue is closed", "[redacted] is closed"},
		{"5 Maple Dr", "Maple Drive", "[redacted]"},
		// Left alone.
		{"12 Baker Street", "Stanley came", "Stanley came"},
		{"12 Baker Street", "Baker Stanley came", "Baker Stanley came"},
		{"12 Baker Street", "St Mary's school", "St Mary's school"},
		{"12 Baker Street", "the baker", "the baker"},
		{"9 Oak Road", "Oak Roadside cafe", "Oak Roadside cafe"},
		{"9 Oak Road", "Dr Oak rang", "Dr Oak rang"},
		{"3 Mill Lane", "Mill Road", "Mill Road"},
		{"5 Maple Drive", "a drive to Maple", "a drive to Maple"},
	} {
		s := NewScrubber(&casefile.Client{Name: "Zoë Brontë-Ng", Address: tc.address})
		if got := s.Text(tc.in); got != tc.want {
			t.Errorf("address %q: Text(%q) = %q, want %q", tc.address, tc.in, got, tc.want)
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
