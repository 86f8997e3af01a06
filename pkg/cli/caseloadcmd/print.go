package caseloadcmd

import (
	"fmt"
	"math"
	"strings"

	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
)

// printReport writes the report in the printer's format: JSON and YAML give the
// data; CSV plain figures; the table and Markdown a load bar for people.
func printReport(p *output.Printer, rep *caseload.Report) error {
	switch p.Format {
	case output.CSV:
		return p.Print(rep, csvTable(rep))
	case Markdown:
		return writeMarkdown(p.Out, fmt.Sprintf("Caseload %s", rep.Month), peopleTable(rep, true))
	}
	return p.Print(rep, peopleTable(rep, false))
}

// peopleTable is the report for reading: load as a percentage with a bar,
// and the reasons for a status. markdown bolds the statuses that need
// attention and the totals.
func peopleTable(rep *caseload.Report, markdown bool) *output.Tabular {
	t := &output.Tabular{Header: []string{"worker", "team", "fte", "active", "per fte", "new", "hours", "capacity", "load", "status", "why"}}
	for _, r := range rep.Workers {
		status := string(r.Status)
		if markdown && r.Status != caseload.OK {
			status = "**" + status + "**"
		}
		worker := r.Worker
		if r.Unknown {
			worker += " (no worker file)"
		}
		t.Rows = append(t.Rows, []string{
			worker, r.Team, cmdutil.Number(r.FTE), fmt.Sprint(r.Active), oneDecimal(r.ActivePerFTE),
			fmt.Sprint(r.New), hours(r.Hours), hours(r.Capacity), loadCell(r.Load), status, strings.Join(r.Reasons, "; "),
		})
	}
	tot := rep.Totals
	total := "total"
	if markdown {
		total = "**total**"
	}
	t.Footer = []string{
		total, "", cmdutil.Number(tot.FTE), fmt.Sprint(tot.Active), oneDecimal(tot.ActivePerFTE),
		fmt.Sprint(tot.New), hours(tot.Hours), hours(tot.Capacity), loadCell(tot.Load), "", summary(tot),
	}
	return t
}

// csvTable is the report for spreadsheets and scripts: plain numbers, load
// as a fraction, as in JSON.
func csvTable(rep *caseload.Report) *output.Tabular {
	t := &output.Tabular{Header: []string{"worker", "name", "team", "fte", "active", "active_per_fte", "new", "hours", "capacity", "load", "status", "reasons"}}
	for _, r := range rep.Workers {
		t.Rows = append(t.Rows, []string{
			r.Worker, r.Name, r.Team, cmdutil.Number(r.FTE), fmt.Sprint(r.Active), cmdutil.Number(r.ActivePerFTE),
			fmt.Sprint(r.New), cmdutil.Number(r.Hours), cmdutil.Number(r.Capacity), cmdutil.Number(r.Load),
			string(r.Status), strings.Join(r.Reasons, "; "),
		})
	}
	tot := rep.Totals
	t.Footer = []string{
		"total", "", "", cmdutil.Number(tot.FTE), fmt.Sprint(tot.Active), cmdutil.Number(tot.ActivePerFTE),
		fmt.Sprint(tot.New), cmdutil.Number(tot.Hours), cmdutil.Number(tot.Capacity), cmdutil.Number(tot.Load), "", "",
	}
	return t
}

// summary counts the workers that need attention, for the totals row.
func summary(t caseload.Totals) string {
	var parts []string
	if t.Over > 0 {
		parts = append(parts, fmt.Sprintf("%d over", t.Over))
	}
	if t.Warn > 0 {
		parts = append(parts, fmt.Sprintf("%d warn", t.Warn))
	}
	return strings.Join(parts, ", ")
}

// hours writes hours with at most two decimals: 5.25, 36.75, 120.
func hours(h float64) string { return cmdutil.Number(math.Round(h*100) / 100) }

// oneDecimal writes a figure with at most one decimal: 12, 12.5, 3.9.
func oneDecimal(x float64) string { return cmdutil.Number(math.Round(x*10) / 10) }

// loadCell is a load as a percentage and a bar: " 45.6% ████▌     ".
func loadCell(load float64) string {
	return fmt.Sprintf("%6s %s", caseload.Percent(load), Bar(load))
}

// BarWidth is the width of a full bar: 100% load.
const BarWidth = 10

var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// Bar draws a load as a bar of BarWidth characters for 100%, in eighths of
// a character. A load past 100% is a full bar capped with ▶, so an
// over-stretched worker stands out.
func Bar(load float64) string {
	if load > caseload.MaxLoad {
		return strings.Repeat("█", BarWidth) + "▶"
	}
	n := int(math.Round(max(load, 0) * BarWidth * 8))
	bar := strings.Repeat("█", n/8) + eighths[n%8]
	return bar + strings.Repeat(" ", BarWidth-len([]rune(bar)))
}
