package cmdutil

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
	"github.com/casework/casework/pkg/caseload"
)

// CaseSummaries returns every case of the repository as the partial case
// the local index keeps (ID, phase, model, worker, client name, history,
// assessment levels, what is scheduled): enough for listing, due dates and
// caseloads, without parsing every file on every run. Files that fail to
// load are left out and their errors returned together.
func (f *Factory) CaseSummaries() ([]*casefile.Case, error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	cases, err := caseindex.Cases(repo)
	if err == nil {
		caseindex.SaveTally(repo, caseload.TallyOf(cases, f.Now()))
	}
	return cases, err
}

// Holding returns what worker holds now: from the tally kept beside the
// index when advisory is true and the tally is for this month (a cost that
// does not grow with the repository), else counted from every case, which
// also refreshes the tally.
func (f *Factory) Holding(worker string, advisory bool) (caseload.Holding, error) {
	repo, err := f.Repo()
	if err != nil {
		return caseload.Holding{}, err
	}
	if t, ok := caseindex.LoadTally(repo); advisory && ok && t.Current(f.Now()) {
		return t.Holding[worker], nil
	}
	cases, err := f.CaseSummaries()
	return caseload.HoldingOf(cases, worker, f.Now()), err
}

// AdjustHolding records in the tally that worker now holds active more
// open cases and fresh more new ones (negative to take away).
func (f *Factory) AdjustHolding(worker string, active, fresh int) {
	if repo, err := f.Repo(); err == nil {
		caseindex.AdjustTally(repo, func(t *caseload.Tally) { t.Add(worker, active, fresh) })
	}
}
