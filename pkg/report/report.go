// Package report computes the agency reports of `casework report`:
// outcomes (how clients' scores changed), caseload (each worker's and
// team's load month by month) and flow (how long each stage of case
// management takes, how cases end). Reports count; they never carry a
// client's data: no names, no IDs, and any group of fewer clients than
// the configured minimum cell is suppressed.
package report

import (
	"fmt"
	"github.com/casework/casework/pkg/history"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
)

// DefaultMinCell is the smallest group of clients a report shows figures
// for, unless the configuration says otherwise: statistical disclosure
// control commonly suppresses cells under 5.
const DefaultMinCell = 5

// Options select what a report covers.
type Options struct {
	// From and To are the first and last month of the period, inclusive.
	From, To caseload.Month
	// Team and Worker, when set, keep only the cases held by that team or
	// worker (the reference person at the end of the period).
	Team, Worker string
	// Instrument, when set, keeps only that assessment instrument.
	Instrument string
	// MinCell is the smallest group shown; smaller groups are suppressed.
	MinCell int
	// Now is the moment the report is made: a month still running is seen
	// as of now.
	Now time.Time
}

// DefaultPeriod is the last twelve months up to and including the month
// of now.
func DefaultPeriod(now time.Time) (from, to caseload.Month) {
	to = caseload.MonthOf(now)
	return caseload.MonthOf(to.Start().AddDate(0, -11, 0)), to
}

// Check reports a period that runs backwards.
func (o Options) Check() error {
	if o.To.Start().Before(o.From.Start()) {
		return fmt.Errorf("--from %s is after --to %s: give the earlier month first", o.From, o.To)
	}
	return nil
}

// start and end bound the period: [start, end).
func (o Options) start() time.Time { return o.From.Start() }
func (o Options) end() time.Time {
	end := o.To.End()
	if !o.Now.IsZero() && o.Now.Before(end) {
		return o.Now.Add(time.Nanosecond)
	}
	return end
}

// within reports whether t falls in the period.
func (o Options) within(t time.Time) bool {
	return !t.IsZero() && !t.Before(o.start()) && t.Before(o.end())
}

// months lists the months of the period in order.
func (o Options) months() []caseload.Month {
	var ms []caseload.Month
	for m := o.From; !o.To.Start().Before(m.Start()); m = caseload.MonthOf(m.End()) {
		ms = append(ms, m)
	}
	return ms
}

// minCell is the suppression threshold in force.
func (o Options) minCell() int {
	if o.MinCell > 0 {
		return o.MinCell
	}
	return DefaultMinCell
}

// Population is what a report reads: the cases, the workers with their
// teams, and the provider of each resource (by resource ID).
type Population struct {
	Cases     []*casefile.Case
	Workers   []casefile.Worker
	Providers map[string]string
}

// provider names the provider of a resource: its provider, else the
// resource's ID.
func (p Population) provider(resource string) string {
	if who := p.Providers[resource]; who != "" {
		return who
	}
	return resource
}

// teamOf maps worker IDs to their teams.
func (p Population) teamOf() map[string]string {
	teams := make(map[string]string, len(p.Workers))
	for _, w := range p.Workers {
		teams[w.ID] = w.Team
	}
	return teams
}

// selected returns the cases that pass the team and worker filters, each
// with the worker who held it at the end of the period.
func (p Population) selected(o Options) []held {
	teams := p.teamOf()
	asOf := o.end().Add(-time.Nanosecond)
	var out []held
	for _, c := range p.Cases {
		w := history.Of(c).WorkerAt(asOf)
		if o.Worker != "" && w != o.Worker {
			continue
		}
		if o.Team != "" && teams[w] != o.Team {
			continue
		}
		out = append(out, held{Case: c, Worker: w, Team: teams[w]})
	}
	return out
}

// held is a case with its reference person and team.
type held struct {
	*casefile.Case
	Worker, Team string
}

// Count is a number of clients that may be suppressed: shown as "<N"
// when fewer than the minimum cell, in every format (JSON gives the string
// "<5" in place of the number).
type Count struct {
	N          int
	Suppressed bool
	Min        int
}

// count makes a Count of n under the threshold min.
func count(n, min int) Count {
	if n > 0 && n < min {
		return Count{Suppressed: true, Min: min}
	}
	return Count{N: n, Min: min}
}

// String writes the count, "<5" when suppressed.
func (c Count) String() string {
	if c.Suppressed {
		return fmt.Sprintf("<%d", c.Min)
	}
	return fmt.Sprint(c.N)
}

// MarshalJSON writes the number, or the string "<5" when suppressed.
func (c Count) MarshalJSON() ([]byte, error) {
	if c.Suppressed {
		return []byte(`"` + c.String() + `"`), nil
	}
	return []byte(fmt.Sprint(c.N)), nil
}

// MarshalYAML writes the number, or the string "<5" when suppressed.
func (c Count) MarshalYAML() (any, error) {
	if c.Suppressed {
		return c.String(), nil
	}
	return c.N, nil
}
