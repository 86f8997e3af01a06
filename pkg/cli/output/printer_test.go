package output

import (
	"bytes"
	"strings"
	"testing"
)

func TestFormats(t *testing.T) {
	tab := &Tabular{Header: []string{"id", "phase"}, Rows: [][]string{{"C-1", "intake"}, {"C-22", "closed"}}, Footer: []string{"total", "2"}}
	data := []map[string]string{{"id": "C-1"}}
	tests := []struct {
		format string
		want   []string
	}{
		{Table, []string{"ID     PHASE\n", "C-1    intake\n", "C-22   closed\n", "total  2\n"}},
		{CSV, []string{"id,phase\nC-1,intake\nC-22,closed\ntotal,2\n"}},
		{JSON, []string{"[\n  {\n    \"id\": \"C-1\"\n  }\n]\n"}},
		{YAML, []string{"- id: C-1\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var buf bytes.Buffer
			p := &Printer{Format: tt.format, Out: &buf}
			if err := p.Print(data, tab); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, buf.String())
				}
			}
		})
	}
}

func TestInert(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "-x": "'-x", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "Ann": "Ann", "": "", "a=b": "a=b", "12.50": "12.50",
		"+0.8": "+0.8", "-3": "-3", "-12.5%": "-12.5%", "+": "'+", "-.": "'-.", "-1.2.3": "'-1.2.3",
		"-1+2": "'-1+2", "+44 7700": "'+44 7700", "-2%%": "'-2%%", "-1e5": "'-1e5",
	} {
		if got := Inert(in); got != want {
			t.Errorf("Inert(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVIsInert: every cell that WriteCSV writes, header, rows and
// footer, is made inert.
func TestCSVIsInert(t *testing.T) {
	var buf bytes.Buffer
	tab := &Tabular{Header: []string{"=h"}, Rows: [][]string{{`=HYPERLINK("http://x","y")`}, {"+1+1"}, {"-0.5"}}, Footer: []string{"@t"}}
	if err := WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	want := "'=h\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n'+1+1\n-0.5\n'@t\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// TestCSVEscapesControls: control characters in a cell (a hand-edited
// client name) are escaped in CSV as in every other output; newlines and
// tabs are kept, and a cell that starts with one of them still cannot run
// as a formula.
func TestCSVEscapesControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ann\x1b[2JBo\a", `Ann\x1b[2JBo\x07`},
		{"line one\nline two", "\"line one\nline two\""},
		{"a\tb", "a\tb"},
		{"\tx", "'\tx"},
		{"\rx", `\rx`},
		{"=\x1b", `'=\x1b`},
		{"Zo\u202eë", `Zo\u202eë`},
		{"Zoë", "Zoë"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, &Tabular{Header: []string{"h"}, Rows: [][]string{{tt.in}}}); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSuffix(strings.TrimPrefix(buf.String(), "h\n"), "\n"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}
