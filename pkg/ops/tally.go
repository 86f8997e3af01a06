package ops

import (
	"fmt"
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
	"github.com/casework/casework/pkg/caseload"
)

// staleMonth marks a tally that must be counted again before it is used:
// written by an update that found no tally for this month to change.
const staleMonth = "stale"

// tallyUpdate is the tally as one locked update changes it.
type tallyUpdate struct {
	o    *Ops
	file *caseindex.TallyFile
	// tally holds the workers the update changed, read from file first
	// (Base): the other workers' lines are written back as they were.
	tally caseload.Tally
	keep  bool // the tally is this month's: change it; else mark it stale
}

// tallyFor reads the tally for a locked update at now.
func (o *Ops) tallyFor(now time.Time) *tallyUpdate {
	f, ok := caseindex.ReadTally(o.Repo)
	u := &tallyUpdate{o: o, file: f, keep: ok && f.Current(now)}
	if u.keep {
		u.tally = caseload.Tally{Month: f.Month, Holding: map[string]caseload.Holding{}, Base: f.Holding}
	}
	return u
}

// take takes away what c, as it was before the update, counted for.
func (u *tallyUpdate) take(c *casefile.Case, now time.Time) {
	if u.keep {
		u.tally.Count(c, now, -1)
	}
}

// add adds what c, as it is after the update, counts for.
func (u *tallyUpdate) add(c *casefile.Case, now time.Time) {
	if u.keep {
		u.tally.Count(c, now, 1)
	}
}

// save writes the changed tally as the next generation. Without a tally of
// this month it writes a stale mark instead, so that a full count begun
// before this update knows not to save what it counted (see saveCount).
func (u *tallyUpdate) save() {
	var gen int64
	if u.file != nil {
		gen = u.file.Gen
	}
	if !u.keep {
		caseindex.SaveTally(u.o.Repo, caseload.Tally{Month: staleMonth}, gen+1)
		return
	}
	caseindex.SaveTallyChanges(u.o.Repo, u.file, u.tally.Holding, gen+1)
}

// Summaries returns every case of the repository as the partial case the
// local index keeps (ID, phase, model, worker, client name, history,
// assessment levels, what is scheduled): enough for listing, due dates and
// caseloads, without parsing every file on every run. Files that fail to
// load are left out and their errors returned together. A complete count
// also refreshes the caseload tally.
func (o *Ops) Summaries() ([]*casefile.Case, error) {
	cases := []*casefile.Case{}
	err := o.EachSummary(func(n int, c *casefile.Case) {
		cases = append(slices.Grow(cases, n-len(cases)), c)
	})
	return cases, err
}

// EachSummary is Summaries one case at a time (see caseindex.Each): fn
// is called with each partial case and the number of cases, and the tally
// is counted on the way.
func (o *Ops) EachSummary(fn func(n int, c *casefile.Case)) error {
	f, had := caseindex.ReadTally(o.Repo)
	var gen int64
	if had {
		gen = f.Gen
	}
	now := o.Now()
	t := caseload.NewTally(now)
	err := caseindex.Each(o.Repo, func(n int, c *casefile.Case) {
		t.Count(c, now, 1)
		fn(n, c)
	})
	if err == nil {
		o.saveCount(t, gen, had)
	}
	return err
}

// saveCount writes the tally t counted from the cases, which were read after the
// tally was seen at generation gen (had: seen at all). Under this Ops's
// lock nothing else can have changed a case; else it takes the lock if it
// is free and saves only when no update came in between (the generation
// is the same): an update that did would otherwise be lost.
func (o *Ops) saveCount(t caseload.Tally, gen int64, had bool) {
	if o.locked {
		caseindex.SaveTally(o.Repo, t, gen+1)
		return
	}
	release, ok := o.Repo.TryLock()
	if !ok {
		return
	}
	defer release()
	if f, has := caseindex.ReadTally(o.Repo); has != had || has && f.Gen != gen {
		return
	}
	caseindex.SaveTally(o.Repo, t, gen+1)
}

// HeldBy returns what worker holds now, for a check before they are given
// one more case: counted from every case where caseload.enforce is on (an
// error when a case fails to load), else read from the tally (partial
// when counted without cases that failed to load).
func (o *Ops) HeldBy(worker string) (held caseload.Holding, partial bool, err error) {
	enforce := o.Config.Caseload.Enforce
	held, err = o.Holding(worker, !enforce)
	if err != nil && enforce {
		return held, false, fmt.Errorf("cannot count %s's caseload, which caseload.enforce requires; fix the case files first ('casework validate'): %w", worker, err)
	}
	return held, err != nil, nil
}

// Holding returns what worker holds now: from the tally when advisory is
// true and the tally is for this month (a cost that does not grow with
// the repository), else counted from every case, which also refreshes
// the tally. Under a lock held by this Ops the answer is exact but for
// hand edits since the last count.
func (o *Ops) Holding(worker string, advisory bool) (caseload.Holding, error) {
	now := o.Now()
	if f, ok := caseindex.ReadTally(o.Repo); advisory && ok && f.Current(now) {
		return f.Holding(worker), nil
	}
	cases, err := o.Summaries()
	return caseload.HoldingOf(cases, worker, now), err
}
