package dupes

import "testing"

func TestNYSIIS(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"smith", "SNAT"},
		{"macdonald", "MCDANALD"},
		{"knight", "NAGT"},
		{"phillips", "FALAP"},
		{"schmidt", "SNAD"},
		{"lopez", "LAP"},
		{"søren", "søren"}, // not ASCII letters: its own code
	}
	for _, tt := range tests {
		if got := NYSIIS(tt.in); got != tt.want {
			t.Errorf("NYSIIS(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Spellings that sound alike share a code.
	for _, pair := range [][2]string{{"smith", "smyth"}, {"macdonald", "mcdonald"}, {"knight", "night"}, {"phillips", "filips"}, {"jon", "john"}} {
		if a, b := NYSIIS(pair[0]), NYSIIS(pair[1]); a != b {
			t.Errorf("NYSIIS(%q) = %q, NYSIIS(%q) = %q: want the same", pair[0], a, pair[1], b)
		}
	}
}

func TestKeys(t *testing.T) {
	a := Keys(Client{Name: "María López-García", DOB: date("1984-05-01")})
	b := Keys(Client{Name: "Garcia, Maria", DOB: date("1984-01-05")})
	shared := 0
	for _, k := range a {
		for _, l := range b {
			if k == l {
				shared++
			}
		}
	}
	// "n GARC MAR", "w garcia m", "w maria g" and the date.
	if shared != 4 {
		t.Errorf("keys %q and %q share %d, want 4", a, b, shared)
	}
}
