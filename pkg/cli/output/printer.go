// Package output prints records and reports in the format chosen with -o:
// every command prints through it, so each format behaves the same
// everywhere.
package output

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/casework/casework/pkg/safetext"
	"go.yaml.in/yaml/v3"
)

// Formats.
const (
	Table = "table"
	JSON  = "json"
	YAML  = "yaml"
	CSV   = "csv"
)

// Tabular is a report with rows and columns. Footer, when set, is a totals
// row.
type Tabular struct {
	Header []string
	Rows   [][]string
	Footer []string
}

// Printer writes data in one format.
type Printer struct {
	Format string
	Out    io.Writer
}

// Print writes data as JSON or YAML, or its tabular view as a table or CSV.
func (p *Printer) Print(data any, tab *Tabular) error {
	switch p.Format {
	case JSON:
		return WriteJSON(p.Out, data)
	case YAML:
		return WriteYAML(p.Out, data)
	case CSV:
		return WriteCSV(p.Out, tab)
	default:
		return WriteTable(p.Out, tab)
	}
}

// WriteJSON writes v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteYAML writes v as YAML in the canonical layout.
func WriteYAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

// WriteCSV writes the header, the rows and the footer as CSV, every cell
// made Inert and its control characters escaped (CSVText): every CSV that
// casework prints goes through here.
func WriteCSV(w io.Writer, t *Tabular) error {
	cw := csv.NewWriter(w)
	row := make([]string, 0, len(t.Header))
	write := func(cells []string) {
		row = row[:0]
		for _, c := range cells {
			row = append(row, Inert(CSVText(c)))
		}
		cw.Write(row)
	}
	write(t.Header)
	for _, r := range t.Rows {
		write(r)
	}
	if t.Footer != nil {
		write(t.Footer)
	}
	cw.Flush()
	return cw.Error()
}

// CSVText escapes the control characters of a CSV cell as safetext does
// for every human-readable output (ESC becomes \x1b, BEL \x07, a carriage
// return \r), so a hand-edited value cannot reach a terminal that shows
// the file (cat, less, a CI log) raw. Newlines and tabs are kept: they are
// ordinary text in a spreadsheet cell (a multi-line note), and the CSV
// writer quotes a cell that holds a newline.
func CSVText(cell string) string {
	if !strings.Contains(cell, "\t") {
		return safetext.EscapeKeepNewlines(cell)
	}
	parts := strings.Split(cell, "\t")
	for i, p := range parts {
		parts[i] = safetext.EscapeKeepNewlines(p)
	}
	return strings.Join(parts, "\t")
}

// Inert keeps a spreadsheet from running a cell as a formula (CSV
// injection, as OWASP describes it): a cell starting with =, +, -, @, a
// tab or a carriage return gets a leading apostrophe. A signed number
// (-3, +0.8, -12.5%) is left as it is: a spreadsheet reads it as the
// number it is, and it can run nothing.
func Inert(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) || signedNumber(cell) {
		return cell
	}
	return "'" + cell
}

// signedNumber reports whether s is a sign, then digits with at most one
// decimal point, and optionally a final percent sign.
func signedNumber(s string) bool {
	if s[0] != '+' && s[0] != '-' {
		return false
	}
	s = strings.TrimSuffix(s[1:], "%")
	digits, points := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// Detail is one labelled value of a single record's detail view.
type Detail struct {
	Label, Value string
}

// WriteDetails writes a record as aligned "Label  value" lines, leaving out
// empty values; a value of several lines is indented under its label.
func WriteDetails(w io.Writer, details []Detail) error {
	width := 0
	for _, d := range details {
		width = max(width, len(d.Label))
	}
	var b strings.Builder
	for _, d := range details {
		if d.Value == "" {
			continue
		}
		lines := strings.Split(strings.TrimRight(safetext.EscapeKeepNewlines(d.Value), "\n"), "\n")
		fmt.Fprintf(&b, "%-*s  %s\n", width, d.Label, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "%-*s  %s\n", width, "", l)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// PrintRecord writes one record: its details as text for the table
// format, else its data as JSON or YAML.
func (p *Printer) PrintRecord(data any, details []Detail) error {
	if p.Format == Table {
		return WriteDetails(p.Out, details)
	}
	return p.Print(data, nil)
}
