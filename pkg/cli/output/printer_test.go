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
