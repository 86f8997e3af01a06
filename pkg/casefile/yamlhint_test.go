package casefile

import (
	"strings"
	"testing"
)

// TestSyntaxInPlainWords holds each hand-made YAML mistake to a message
// that names the line to change and says how, with the parser's text in
// brackets.
func TestSyntaxInPlainWords(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"tab", "id: C-1\nclient:\n\tname: A\nphase: x\n",
			"f.yaml:3:1: line 3 is indented with a tab; casework files indent with 2 spaces per level, never tabs"},
		{"tab after spaces", "id: C-1\nclient:\n  \tname: A\n",
			"f.yaml:3:3: line 3 is indented with a tab"},
		{"three spaces", "id: C-1\nclient:\n  name: A\n   dob: 1984-01-01\nphase: x\n",
			"f.yaml:4:4: line 4 is indented 3 spaces; casework files use 2 per level"},
		{"three spaces first", "id: C-1\nclient:\n   name: A\n  dob: 1984-01-01\nphase: x\n",
			"f.yaml:3:4: line 3 is indented 3 spaces; casework files use 2"},
		{"too deep", "id: C-1\nclient:\n  name: A\n    dob: 1984-01-01\nphase: x\n",
			"f.yaml:4:5: line 4 is indented 4 spaces, deeper than the line above allows (2 at most)"},
		{"line 13", "id: C-1\nphase: intake\nworker: w-ana\nclient:\n  name: A\n  phone: '1'\nhistory:\n  - at: 2026-01-01T00:00:00Z\n    by: w-ana\n    to: intake\nreferral:\n  source: school\n   reason: moved\n",
			"f.yaml:13:4: line 13 is indented 3 spaces; casework files use 2 per level"},
		{"missing space after a colon", "id: C-1\nphase:intake\nworker: w\n",
			`f.yaml:2:7: line 2 has no space after the colon of "phase"; write 'phase: value' [YAML syntax error: could not find expected ':']`},
		{"unclosed double quote", "id: C-1\nclient:\n  name: \"Maria\n  dob: 1984-01-01\nphase: x\n",
			`f.yaml:3:3: line 3 opens a quote (") that is not closed on the same line; add the closing " at the end of the value`},
		{"unclosed single quote", "id: C-1\nclient:\n  phone: '555\nphase: x\n",
			`f.yaml:3:3: line 3 opens a quote (') that is not closed on the same line`},
		{"list item too shallow", "id: C-1\nhistory:\n  - at: x\n    by: y\n - at: z\n    by: w\nphase: x\n",
			"f.yaml:5:2: line 5 is indented 1 space; casework files use 2 per level"},
		{"list item inside the item above", "id: C-1\nhistory:\n  - at: x\n    by: y\n    - at: z\nphase: x\n",
			"f.yaml:5:5: line 5 is a list item ('- ') at the depth of the keys around it"},
		{"list item flush, then nested", "id: C-1\nhistory:\n- at: x\n  by: y\n  - at: z\nphase: x\n",
			"f.yaml:5:3: line 5 is a list item ('- ') at the depth of the keys around it"},
		{"key at the depth of the markers", "plan:\n  goals:\n    - id: g1\n    text: x\n",
			"f.yaml:4:5: line 4 is a key at the depth of the list's '- ' markers"},
		{"unclosed list", "id: C-1\nclient: [a, b\nphase: x\n",
			"f.yaml:2:1: line 2 opens [ that is not closed on the same line; add the closing ], or write the items on lines of their own"},
		{"unclosed mapping", "id: C-1\nhistory:\n  - {at: x, by: [y]\n",
			"f.yaml:3:3: line 3 opens { that is not closed on the same line; add the closing }"},
		{"control character", "id: C-1\nclient:\n  name: Ann\x1b[2J\n",
			"f.yaml:3:12: line 3 holds a control character (column 12), which YAML does not allow in a file"},
		{"key of an item too deep", "plan:\n  goals:\n    - id: g1\n      actions:\n      - id: a\n    - id: g2\n        text: x\n",
			"f.yaml:7:9: line 7 is indented 8 spaces, deeper than the line above allows (6 at most)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %q\nwant %q...", err, tt.want)
			}
			if !strings.Contains(err.Error(), "[YAML syntax error: ") {
				t.Errorf("the parser's text is not given in brackets: %q", err)
			}
		})
	}
}

// TestSyntaxHintsLeaveValidFilesAlone runs the explanation over valid
// files: it must find nothing to complain about in what parses.
func TestSyntaxHintsLeaveValidFilesAlone(t *testing.T) {
	for _, src := range []string{
		handEdited,
		"history:\n- at: x\n  by: y\n- at: z\nphase: x\n",
		"reviews:\n  - note: |\n      line one\n         indented 9\n    next: 2026-01-01\n",
		"client:\n  name: \"Ma # ria\" # comment\n  phone: '1''2'\n",
		"plan:\n  goals:\n    - id: g1\n      actions:\n        - id: a\n          text: b\n      status: open\n",
		"a:\n  - - x\n    - y\n",
		"url: http://example.org\n",
		"client: {name: \"a ] b\", phone: '1'}\nteam: [{worker: w}]\n",
	} {
		if _, err := Parse("f.yaml", []byte(src)); err != nil {
			t.Fatalf("valid file refused: %v\n%s", err, src)
		}
		if h, ok := explainSyntax([]byte(src), 0); ok {
			t.Errorf("explanation for a valid file: %+v\n%s", h, src)
		}
	}
}

// TestSyntaxFallbackQuotesOnlyTheKey: when no plain-words explanation
// applies, the parser's line is named with its key, never its value.
func TestSyntaxFallbackQuotesOnlyTheKey(t *testing.T) {
	_, err := Parse("f.yaml", []byte("id: C-1\nclient:\n  name: Maria Lopez\n  phone: 555 ]] @x\n"))
	if err == nil {
		t.Skip("the parser accepts this")
	}
	if strings.Contains(err.Error(), "555") || strings.Contains(err.Error(), "Maria") {
		t.Errorf("the message quotes a value: %v", err)
	}
	_, err = Parse("f.yaml", []byte("id: C-1\nphase: @intake\n"))
	if err == nil || !strings.Contains(err.Error(), `line 2 (the line of "phase:")`) || strings.Contains(err.Error(), "@intake") {
		t.Errorf("got %v", err)
	}
}

// TestSyntaxInNotes: a note's front matter is explained with the note's
// own line numbers.
func TestSyntaxInNotes(t *testing.T) {
	_, err := ParseNote("n.md", []byte("---\nat: 2026-03-02T09:00:00Z\nby:w-ana\nkind: call\n---\nhi\n"))
	want := `n.md:3:4: line 3 has no space after the colon of "by"; write 'by: value'`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}
