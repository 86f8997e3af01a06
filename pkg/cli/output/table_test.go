package output

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tablewriterTable is the table as tablewriter writes it in WriteTable's
// style: the reference WriteTable is held to.
func tablewriterTable(w io.Writer, t *Tabular) error {
	var buf bytes.Buffer
	table := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.Off, ShowFooter: tw.Off},
				Lines:      tw.Lines{ShowTop: tw.Off, ShowBottom: tw.Off, ShowHeaderLine: tw.Off, ShowFooterLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{Global: tw.AlignLeft}),
		tablewriter.WithHeaderAutoFormat(tw.On),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithPadding(tw.Padding{Left: "", Right: "  ", Overwrite: true}),
		tablewriter.WithTrimSpace(tw.Off),
	)
	table.Header(t.Header)
	for _, r := range t.Rows {
		if err := table.Append(r); err != nil {
			return err
		}
	}
	if t.Footer != nil {
		table.Footer(t.Footer)
	}
	if err := table.Render(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line != "" {
			io.WriteString(w, strings.TrimRight(line, " \n")+"\n")
		}
	}
	return nil
}

func TestWriteTableAsTablewriter(t *testing.T) {
	tests := []struct {
		name string
		tab  Tabular
	}{
		{"case list", Tabular{
			Header: []string{"id", "client", "phase", "worker", "opened", "next due"},
			Rows: [][]string{
				{"C-2026-0001", "Ana Díaz", "intake", "w-ana", "2026-01-02", "2026-02-01 (overdue)"},
				{"C-2026-0002", "Bo", "monitoring", "w-bo", "2026-01-03", ""},
			},
		}},
		{"footer", Tabular{
			Header: []string{"worker", "name", "active", "load"},
			Rows:   [][]string{{"w-ana", "Ana", "12", "0.80"}, {"w-bo", "Bo Long Name", "3", "0.20"}},
			Footer: []string{"", "total", "15", ""},
		}},
		{"snake and dotted header", Tabular{
			Header: []string{"max_active", "a.b", "v1.2", "x"},
			Rows:   [][]string{{"1", "2", "3", "4"}},
		}},
		{"wide characters", Tabular{
			Header: []string{"client", "phase"},
			Rows:   [][]string{{"山田太郎", "intake"}, {"Zoë 🙂", "closed"}, {"x", "y"}},
		}},
		{"empty cells and rows", Tabular{
			Header: []string{"a", "b", "c"},
			Rows:   [][]string{{"", "", ""}, {"1", "", "3"}, {"", "2", ""}},
		}},
		{"no rows", Tabular{Header: []string{"id", "client"}}},
		{"several lines in a cell", Tabular{
			Header: []string{"id", "note", "by"},
			Rows:   [][]string{{"1", "first line\nsecond, longer line", "w-ana"}, {"2", "one", "w-bo"}},
		}},
		{"tabs", Tabular{
			Header: []string{"a", "b"},
			Rows:   [][]string{{"x\ty", "z"}, {"long cell", "w"}},
		}},
		{"camel case header", Tabular{
			Header: []string{"nextDue", "ID", "FTE"},
			Rows:   [][]string{{"1", "2", "3"}},
		}},
		{"spaces kept", Tabular{
			Header: []string{"a", "b"},
			Rows:   [][]string{{" lead", "trail "}, {"x", "y"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := WriteTable(&got, &tt.tab); err != nil {
				t.Fatal(err)
			}
			if err := tablewriterTable(&want, &tt.tab); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("WriteTable wrote\n%s\ntablewriter writes\n%s", got.String(), want.String())
			}
		})
	}
}
