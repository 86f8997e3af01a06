package caseload

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Row is one worker's caseload in a month.
type Row struct {
	Worker       string   `json:"worker" yaml:"worker"`
	Name         string   `json:"name,omitempty" yaml:"name,omitempty"`
	Team         string   `json:"team,omitempty" yaml:"team,omitempty"`
	FTE          float64  `json:"fte" yaml:"fte"`
	Active       int      `json:"active" yaml:"active"`
	New          int      `json:"new" yaml:"new"`
	Hours        float64  `json:"hours" yaml:"hours"`
	Capacity     float64  `json:"capacity" yaml:"capacity"`
	Load         float64  `json:"load" yaml:"load"`
	ActivePerFTE float64  `json:"active_per_fte" yaml:"active_per_fte"`
	Status       Status   `json:"status" yaml:"status"`
	Reasons      []string `json:"reasons,omitempty" yaml:"reasons,omitempty"`
	Limits       Limits   `json:"limits" yaml:"limits"`
	// Cases are the IDs of the active cases.
	Cases []string `json:"cases" yaml:"cases"`
	// Unknown is set when cases name a worker with no worker file.
	Unknown bool `json:"unknown_worker,omitempty" yaml:"unknown_worker,omitempty"`
}

// Totals is the agency's row: sums over the workers shown, the overall
// load and the agency ratio of active cases per FTE.
type Totals struct {
	Workers      int     `json:"workers" yaml:"workers"`
	FTE          float64 `json:"fte" yaml:"fte"`
	Active       int     `json:"active" yaml:"active"`
	New          int     `json:"new" yaml:"new"`
	Hours        float64 `json:"hours" yaml:"hours"`
	Capacity     float64 `json:"capacity" yaml:"capacity"`
	Load         float64 `json:"load" yaml:"load"`
	ActivePerFTE float64 `json:"active_per_fte" yaml:"active_per_fte"`
	Warn         int     `json:"warn" yaml:"warn"`
	Over         int     `json:"over" yaml:"over"`
}

// Report is the caseload of every worker in one month.
type Report struct {
	Month Month `json:"month" yaml:"month"`
	// AsOf is the moment active cases are counted at (Month.AsOf).
	AsOf    time.Time `json:"as_of" yaml:"as_of"`
	Workers []Row     `json:"workers" yaml:"workers"`
	Totals  Totals    `json:"totals" yaml:"totals"`
}

// Compute builds the caseload report of month m seen from now (see
// InMonth for what counts). Every worker with a worker file gets a row,
// sorted by ID; cases held by a worker with no file get a row too, with no
// capacity, so they are not lost.
func Compute(cases []*casefile.Case, workers []casefile.Worker, cfg config.Caseload, m Month, now time.Time) Report {
	b := NewBuilder(workers, cfg, m, now)
	for _, c := range cases {
		b.Add(c)
	}
	return b.Report()
}

// Builder computes a report as Compute does, from the cases given one at a
// time, so that they need not all be held at once.
type Builder struct {
	cfg  config.Caseload
	m    Month
	asOf time.Time
	rows map[string]*Row
}

// NewBuilder starts the report of month m seen from now.
func NewBuilder(workers []casefile.Worker, cfg config.Caseload, m Month, now time.Time) *Builder {
	b := &Builder{cfg: cfg, m: m, asOf: m.AsOf(now), rows: map[string]*Row{}}
	for _, w := range workers {
		b.rows[w.ID] = newRow(w, cfg)
	}
	return b
}

// Add counts one case.
func (b *Builder) Add(c *casefile.Case) {
	a, ok := InMonth(c, b.m, b.asOf, b.cfg.Weights)
	if !ok {
		return
	}
	r := b.rows[a.Worker]
	if r == nil {
		r = newRow(casefile.Worker{ID: a.Worker}, b.cfg)
		r.Unknown = true
		b.rows[a.Worker] = r
	}
	r.add(a)
}

// Report is the report of the cases added.
func (b *Builder) Report() Report {
	rep := Report{Month: b.m, AsOf: b.asOf, Workers: []Row{}}
	for _, r := range b.rows {
		r.finish()
		rep.Workers = append(rep.Workers, *r)
	}
	slices.SortFunc(rep.Workers, func(a, b Row) int { return cmp.Compare(a.Worker, b.Worker) })
	rep.Totals = Total(rep.Workers)
	return rep
}

func newRow(w casefile.Worker, cfg config.Caseload) *Row {
	return &Row{
		Worker: w.ID, Name: w.Name, Team: w.Team, FTE: w.FTE,
		Capacity: w.FTE * cfg.HoursPerFTEMonth,
		Limits:   LimitsFor(cfg, w),
		Cases:    []string{},
	}
}

// add counts one case's activity.
func (r *Row) add(a Activity) {
	if a.Active {
		r.Active++
		r.Cases = append(r.Cases, a.Case)
	}
	if a.New {
		r.New++
	}
	r.Hours += a.Hours
}

// finish computes the derived figures and the status of a row.
func (r *Row) finish() {
	slices.Sort(r.Cases)
	r.Load = ratio(r.Hours, r.Capacity)
	r.ActivePerFTE = ratio(float64(r.Active), r.FTE)
	r.Status, r.Reasons = Evaluate(r.Limits, r.Active, r.New, r.Hours, r.Capacity, r.Load)
}

// Total sums rows into the agency's totals.
func Total(rows []Row) Totals {
	var t Totals
	for _, r := range rows {
		t.Workers++
		t.FTE += r.FTE
		t.Active += r.Active
		t.New += r.New
		t.Hours += r.Hours
		t.Capacity += r.Capacity
		switch r.Status {
		case Warn:
			t.Warn++
		case Over:
			t.Over++
		}
	}
	t.FTE = round(t.FTE, 4)
	t.Load = ratio(t.Hours, t.Capacity)
	t.ActivePerFTE = ratio(float64(t.Active), t.FTE)
	return t
}

// Worst is the worst status among the rows.
func Worst(rows []Row) Status {
	worst := OK
	for _, r := range rows {
		if r.Status.AtLeast(worst) {
			worst = r.Status
		}
	}
	return worst
}

// ratio is a/b rounded to 4 decimals, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b <= 0 {
		return 0
	}
	return round(a/b, 4)
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
