package report

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/config"
)

// period names a report's months.
func period(from, to string) string {
	if from == to {
		return from
	}
	return from + " to " + to
}

// privacyNote is said under every report's title.
func privacyNote(min int) string {
	return fmt.Sprintf("Counts only: no client is named. Groups of fewer than %d clients are shown as <%d.", min, min)
}

// human writes a domain for reading: child_care as "child care".
func human(domain string) string { return strings.ReplaceAll(domain, "_", " ") }

// pct writes a share as a percentage.
func pct(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

// signed writes a change with its sign.
func signed(x float64) string {
	if x > 0 {
		return "+" + num(x)
	}
	return num(x)
}

// Doc lays the outcomes report out: for each instrument a chart of the
// mean first and latest score per domain, the shares of clients improved,
// unchanged and worse, and tables for the agency, by team and by level of
// attention.
func (r Outcomes) Doc(a config.Assessment, min int) Doc {
	d := Doc{Title: "Outcomes, " + period(r.From, r.To), Intro: privacyNote(min) +
		" A client counts for a domain when it was scored twice or more in the period." +
		" First and Latest are the mean of each client's first and latest score, Change the mean change;" +
		" Better, Same and Worse are the shares of clients whose situation improved, stayed or got worse." +
		" Level is the level of attention at the latest assessment."}
	for _, in := range a.Instruments {
		var all, groups []OutcomeRow
		for _, row := range r.Rows {
			if row.Instrument != in.ID {
				continue
			}
			if row.Group == "all" {
				all = append(all, row)
			} else {
				groups = append(groups, row)
			}
		}
		if len(all) == 0 {
			continue
		}
		s := Section{Heading: in.Name}
		better := "higher is better"
		if in.HigherIs == "need" {
			better = "lower is better: it scores need"
		}
		s.Text = append(s.Text, fmt.Sprintf("Scores from %d to %d, %s.", in.Scale.Min, in.Scale.Max, better))
		first, latest := Chart{Kind: Bars, Title: in.Name + ": mean first and latest score", YLabel: "score"}, []float64{}
		var firsts []float64
		var improved, same, worse float64
		for _, row := range all {
			if row.Clients.Suppressed {
				continue
			}
			first.Labels = append(first.Labels, row.Domain) // no spaces: a long axis stays one word to markdownlint
			firsts = append(firsts, row.MeanFirst)
			latest = append(latest, row.MeanLatest)
			n := float64(row.Clients.N)
			improved += row.Improved * n
			same += row.Unchanged * n
			worse += row.Worse * n
		}
		if len(first.Labels) > 0 {
			first.Series = []Series{{Name: "first", Values: firsts}, {Name: "latest", Values: latest}}
			s.Charts = append(s.Charts, first, Chart{Kind: Shares, Title: in.Name + ": clients' domains improved, unchanged, worse",
				Labels: []string{"improved", "unchanged", "worse"}, Series: []Series{{Name: "domains", Values: []float64{improved, same, worse}}}})
		}
		s.Tables = append(s.Tables, outcomeTable(all, false), groupTable("Team", "team:", groups), groupTable("Level", "level:", groups))
		d.Sections = append(d.Sections, s)
	}
	if len(d.Sections) == 0 {
		d.Sections = append(d.Sections, Section{Heading: "No outcomes", Text: []string{"No client was assessed twice or more in the period."}})
	}
	return d
}

// outcomeTable tabulates outcome rows, with their group when byGroup.
func outcomeTable(rows []OutcomeRow, byGroup bool) Table {
	t := Table{Header: []string{"Domain", "Clients", "First", "Latest", "Change", "Better", "Same", "Worse"}}
	if byGroup {
		t.Header = append([]string{"Group"}, t.Header...)
	}
	for _, r := range rows {
		cells := []string{human(r.Domain), r.Clients.String(), "", "", "", "", "", ""}
		if !r.Clients.Suppressed {
			copy(cells[2:], []string{num(r.MeanFirst), num(r.MeanLatest), signed(r.MeanChange), pct(r.Improved), pct(r.Unchanged), pct(r.Worse)})
		}
		if byGroup {
			cells = append([]string{r.Group}, cells...)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// groupTable tabulates the outcome rows of one kind of group (teams or
// levels), narrower than the agency's table so that it reads in a
// terminal and passes markdownlint's line length.
func groupTable(title, prefix string, rows []OutcomeRow) Table {
	t := Table{Header: []string{title, "Domain", "Clients", "Change", "Better", "Same", "Worse"}}
	for _, r := range rows {
		if !strings.HasPrefix(r.Group, prefix) {
			continue
		}
		cells := []string{strings.TrimPrefix(r.Group, prefix), human(r.Domain), r.Clients.String(), "", "", "", ""}
		if !r.Clients.Suppressed {
			copy(cells[3:], []string{signed(r.MeanChange), pct(r.Improved), pct(r.Unchanged), pct(r.Worse)})
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// Doc lays the caseload report out: the agency's and each team's active
// cases month by month as trends, and a table for the agency, each team
// and each worker.
func (r Caseload) Doc(min int) Doc {
	d := Doc{Title: "Caseload, " + period(r.From, r.To), Intro: "Active cases at each month's end (now, for the running month), cases opened and closed in the month, and workload hours against capacity. Workload figures about staff: no client is named."}
	trend := Chart{Kind: Lines, Title: "Active cases", YLabel: "cases", Labels: r.Months}
	load := Chart{Kind: Lines, Title: "Load (hours over capacity, %)", YLabel: "%", Labels: r.Months}
	for _, l := range append([]CaseloadLine{r.Agency}, r.Teams...) {
		var active, loads []float64
		for _, m := range l.Months {
			active = append(active, float64(m.Active))
			loads = append(loads, m.Load*100)
		}
		trend.Series = append(trend.Series, Series{Name: l.Name, Values: active})
		load.Series = append(load.Series, Series{Name: l.Name, Values: loads})
	}
	d.Sections = append(d.Sections,
		Section{Heading: "Agency and teams", Charts: []Chart{trend, load}, Tables: []Table{caseloadTable(append([]CaseloadLine{r.Agency}, r.Teams...))}},
		Section{Heading: "Workers", Tables: []Table{caseloadTable(r.Workers)}})
	return d
}

// caseloadTable tabulates lines month by month.
func caseloadTable(lines []CaseloadLine) Table {
	t := Table{Header: []string{"Name", "Month", "Active", "New", "Closed", "Hours", "Capacity", "Load", "Status"}}
	for _, l := range lines {
		for _, m := range l.Months {
			t.Rows = append(t.Rows, []string{l.Name, m.Month, fmt.Sprint(m.Active), fmt.Sprint(m.New), fmt.Sprint(m.Closed),
				num(m.Hours), num(m.Capacity), pct(m.Load), string(m.Status)})
		}
	}
	return t
}

// Doc lays the flow report out: the days to each stage, the closures by
// reason, and the reopenings.
func (r Flow) Doc(min int) Doc {
	d := Doc{Title: "Flow, " + period(r.From, r.To), Intro: privacyNote(min)}
	st := Table{Header: []string{"From opening to", "Cases", "Median days", "90th percentile days"}}
	bars := Chart{Kind: Bars, Title: "Days from opening", YLabel: "days"}
	var med, p90 []float64
	for _, s := range r.Stages {
		row := []string{s.Stage, s.Cases.String(), "", ""}
		if !s.Cases.Suppressed && s.Cases.N > 0 {
			row[2], row[3] = num(s.Median), num(s.P90)
			bars.Labels = append(bars.Labels, s.Stage)
			med, p90 = append(med, s.Median), append(p90, s.P90)
		}
		st.Rows = append(st.Rows, row)
	}
	stages := Section{Heading: "Time to each stage", Tables: []Table{st}}
	if len(bars.Labels) > 0 {
		bars.Series = []Series{{Name: "median", Values: med}, {Name: "90th percentile", Values: p90}}
		stages.Charts = []Chart{bars}
	}
	closures := Section{Heading: "Closures by reason"}
	ct := Table{Header: []string{"Reason", "Cases"}}
	pie := Chart{Kind: Shares, Title: "Closures by reason", Series: []Series{{Name: "closures"}}}
	var hidden []string
	for _, c := range r.Closures {
		ct.Rows = append(ct.Rows, []string{c.Reason, c.Cases.String()})
		if c.Cases.Suppressed {
			hidden = append(hidden, c.Reason)
			continue
		}
		pie.Labels = append(pie.Labels, c.Reason)
		pie.Series[0].Values = append(pie.Series[0].Values, float64(c.Cases.N))
	}
	if len(pie.Labels) > 0 {
		closures.Charts = []Chart{pie}
	}
	if len(hidden) > 0 {
		closures.Text = append(closures.Text, "Left out of the chart, as too few to show: "+strings.Join(hidden, ", ")+".")
	}
	if len(r.Closures) == 0 {
		closures.Text = append(closures.Text, "No case was closed in the period.")
	} else {
		closures.Tables = []Table{ct}
	}
	d.Sections = append(d.Sections, stages, closures,
		Section{Heading: "Reopenings", Text: []string{fmt.Sprintf("Cases reopened in the period within twelve months of their closure: %s.", r.Reopened)}},
		r.referralSection())
	return d
}

// referralSection is the referrals accepted against declined, per
// provider.
func (r Flow) referralSection() Section {
	s := Section{Heading: "Referrals by provider"}
	if len(r.Referrals) == 0 {
		s.Text = []string{"No provider accepted or declined a referral in the period."}
		return s
	}
	t := Table{Header: []string{"Provider", "Accepted", "Declined"}}
	for _, p := range r.Referrals {
		t.Rows = append(t.Rows, []string{p.Provider, p.Accepted.String(), p.Declined.String()})
	}
	s.Tables = []Table{t}
	return s
}

// Flat is the outcomes report as one table, a row per domain and group,
// for scripts and spreadsheets.
func (r Outcomes) Flat() Table {
	t := outcomeTable(r.Rows, true)
	t.Header = append([]string{"Instrument"}, t.Header...)
	for i, row := range r.Rows {
		t.Rows[i] = append([]string{row.Instrument}, t.Rows[i]...)
	}
	return t
}

// Flat is the caseload report as one table, a row per month of the
// agency, each team and each worker.
func (r Caseload) Flat() Table {
	var rows [][]string
	add := func(kind string, lines []CaseloadLine) {
		for _, row := range caseloadTable(lines).Rows {
			rows = append(rows, append([]string{kind}, row...))
		}
	}
	add("agency", []CaseloadLine{r.Agency})
	add("team", r.Teams)
	add("worker", r.Workers)
	return Table{Header: append([]string{"Kind"}, caseloadTable(nil).Header...), Rows: rows}
}

// Flat is the flow report as one table: a row per stage, per closure
// reason, and one for reopenings.
func (r Flow) Flat() Table {
	t := Table{Header: []string{"Measure", "Name", "Cases", "Median days", "90th percentile days"}}
	for _, s := range r.Stages {
		row := []string{"days to stage", s.Stage, s.Cases.String(), "", ""}
		if !s.Cases.Suppressed && s.Cases.N > 0 {
			row[3], row[4] = num(s.Median), num(s.P90)
		}
		t.Rows = append(t.Rows, row)
	}
	for _, c := range r.Closures {
		t.Rows = append(t.Rows, []string{"closures", c.Reason, c.Cases.String(), "", ""})
	}
	t.Rows = append(t.Rows, []string{"reopened within 12 months", "", r.Reopened.String(), "", ""})
	for _, p := range r.Referrals {
		t.Rows = append(t.Rows, []string{"referrals accepted", p.Provider, p.Accepted.String(), "", ""},
			[]string{"referrals declined", p.Provider, p.Declined.String(), "", ""})
	}
	return t
}
