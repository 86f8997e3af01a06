package report

import (
	"cmp"
	"github.com/casework/casework/pkg/history"
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/config"
)

// Caseload is each worker's and each team's caseload month by month: the
// trend a manager needs to argue for staff. Its counts are workload
// figures about staff and carry no attribute of any client, so they are
// shown in full.
type Caseload struct {
	From    string         `json:"from" yaml:"from"`
	To      string         `json:"to" yaml:"to"`
	Months  []string       `json:"months" yaml:"months"`
	Workers []CaseloadLine `json:"workers" yaml:"workers"`
	Teams   []CaseloadLine `json:"teams" yaml:"teams"`
	Agency  CaseloadLine   `json:"agency" yaml:"agency"`
}

// CaseloadLine is one worker's, team's or the agency's figures for every
// month of the period, and how many of those months were over the limits.
type CaseloadLine struct {
	Name       string          `json:"name" yaml:"name"`
	Months     []CaseloadMonth `json:"months" yaml:"months"`
	MonthsOver int             `json:"months_over" yaml:"months_over"`
}

// CaseloadMonth is one month of a line: active cases at the end of the
// month (now, for the running month), cases opened and closed in it,
// workload hours against capacity, and the caseload status (for a team or
// the agency, "over" when any of its workers was).
type CaseloadMonth struct {
	Month    string          `json:"month" yaml:"month"`
	Active   int             `json:"active" yaml:"active"`
	New      int             `json:"new" yaml:"new"`
	Closed   int             `json:"closed" yaml:"closed"`
	Hours    float64         `json:"hours" yaml:"hours"`
	Capacity float64         `json:"capacity" yaml:"capacity"`
	Load     float64         `json:"load" yaml:"load"`
	Status   caseload.Status `json:"status" yaml:"status"`
}

// ComputeCaseload builds the caseload report: for each month of the
// period, `casework caseload --month` for every worker, plus the cases each
// worker closed in the month, summed by team and for the agency.
func ComputeCaseload(p Population, cfg config.Caseload, o Options) Caseload {
	sel := p.selected(o)
	cases := make([]*casefile.Case, 0, len(sel))
	start, end := o.start(), o.start()
	for _, m := range o.months() {
		if asOf := m.AsOf(o.Now); asOf.After(end) {
			end = asOf
		}
	}
	for _, h := range sel {
		// Only a case open at some moment of the period counts in any
		// month (caseload.InMonth, closedIn): most of a county's cases
		// closed years ago, and every month's pass would walk them again.
		if touches(h.Case, start, end) {
			cases = append(cases, h.Case)
		}
	}
	workers := slices.DeleteFunc(slices.Clone(p.Workers), func(w casefile.Worker) bool {
		return (o.Worker != "" && w.ID != o.Worker) || (o.Team != "" && w.Team != o.Team)
	})
	rep := Caseload{From: o.From.String(), To: o.To.String()}
	lines := map[string]*CaseloadLine{}
	teams := map[string]*CaseloadLine{}
	agency := &CaseloadLine{Name: "agency"}
	for _, m := range o.months() {
		rep.Months = append(rep.Months, m.String())
		month := caseload.Compute(cases, workers, cfg, m, o.Now)
		closed := closedIn(cases, m, month.AsOf)
		teamMonth := map[string]*CaseloadMonth{}
		agencyMonth := &CaseloadMonth{Month: m.String(), Status: caseload.OK}
		for _, r := range month.Workers {
			cm := CaseloadMonth{Month: m.String(), Active: r.Active, New: r.New, Closed: closed[r.Worker],
				Hours: round2(r.Hours), Capacity: round2(r.Capacity), Load: r.Load, Status: r.Status}
			line := lineFor(lines, r.Worker)
			line.Months = append(line.Months, cm)
			if r.Status == caseload.Over {
				line.MonthsOver++
			}
			tm := teamMonth[orNone(r.Team)]
			if tm == nil {
				tm = &CaseloadMonth{Month: m.String(), Status: caseload.OK}
				teamMonth[orNone(r.Team)] = tm
			}
			tm.addUp(cm)
			agencyMonth.addUp(cm)
		}
		for name, tm := range teamMonth {
			tm.finish()
			line := lineFor(teams, name)
			line.Months = append(line.Months, *tm)
			if tm.Status == caseload.Over {
				line.MonthsOver++
			}
		}
		agencyMonth.finish()
		agency.Months = append(agency.Months, *agencyMonth)
		if agencyMonth.Status == caseload.Over {
			agency.MonthsOver++
		}
	}
	rep.Workers, rep.Teams, rep.Agency = sortedLines(lines, rep.Months), sortedLines(teams, rep.Months), *agency
	return rep
}

// lineFor returns the named line, made empty the first time; sortedLines
// pads the months it had no row in.
func lineFor(lines map[string]*CaseloadLine, name string) *CaseloadLine {
	l := lines[name]
	if l == nil {
		l = &CaseloadLine{Name: name}
		lines[name] = l
	}
	return l
}

// sortedLines orders lines by name and fills the months a line has no
// figures for (before a worker's file existed) with empty months.
func sortedLines(lines map[string]*CaseloadLine, months []string) []CaseloadLine {
	out := make([]CaseloadLine, 0, len(lines))
	for _, l := range lines {
		byMonth := map[string]CaseloadMonth{}
		for _, m := range l.Months {
			byMonth[m.Month] = m
		}
		full := make([]CaseloadMonth, len(months))
		for i, m := range months {
			cm, ok := byMonth[m]
			if !ok {
				cm = CaseloadMonth{Month: m, Status: caseload.OK}
			}
			full[i] = cm
		}
		l.Months = full
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b CaseloadLine) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// addUp adds a worker's month into a team's or the agency's.
func (t *CaseloadMonth) addUp(m CaseloadMonth) {
	t.Active += m.Active
	t.New += m.New
	t.Closed += m.Closed
	t.Hours += m.Hours
	t.Capacity += m.Capacity
	if m.Status.AtLeast(t.Status) {
		t.Status = m.Status
	}
}

// finish computes a summed month's load.
func (t *CaseloadMonth) finish() {
	t.Hours, t.Capacity = round2(t.Hours), round2(t.Capacity)
	if t.Capacity > 0 {
		t.Load = float64(int(t.Hours/t.Capacity*10000+0.5)) / 10000
	}
}

// closedIn counts, per worker, the cases closed in month m up to asOf:
// each move into the closed phase counts for the worker who held the case
// then.
// touches reports whether the case was open at some moment of [start,
// end] or closed within it.
func touches(c *casefile.Case, start, end time.Time) bool {
	for _, s := range history.Of(c).OpenSpans() {
		if s.Overlaps(start, end) {
			return true
		}
	}
	for _, at := range closings(c) {
		if !at.Before(start) && !at.After(end) {
			return true
		}
	}
	return false
}

func closedIn(cases []*casefile.Case, m caseload.Month, asOf time.Time) map[string]int {
	closed := map[string]int{}
	for _, c := range cases {
		for _, at := range closings(c) {
			if !at.Before(m.Start()) && !at.After(asOf) {
				closed[history.Of(c).WorkerAt(at)]++
			}
		}
	}
	return closed
}
