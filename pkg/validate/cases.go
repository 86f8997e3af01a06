package validate

import (
	"errors"
	"fmt"
	"github.com/casework/casework/pkg/history"
	"io/fs"
	"slices"
	"sync/atomic"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
	"github.com/casework/casework/pkg/store"
)

// checkCases checks every case directory: its case.yaml and its notes. The
// cases are checked in parallel, each on its own, and nothing of a case is
// kept once it is checked (but what --against compares), so memory does
// not grow with the repository. Then IDs are checked for uniqueness, from
// every case's claim to its ID. A directory whose files, and whatever its
// checks depend on, are as the cache has them is not read again: its
// findings and claim come from the cache (see cache.go).
func (v *validator) checkCases(repo *store.Repo, dirs []string) error {
	type result struct {
		findings []Finding
		claim    *idClaim
		kept     *caseRecord
		links    []string // the links in the directory (store.Repo.CaseLinks)
	}
	results := make([]result, len(dirs))
	cache := v.openCache(repo, dirs)
	entries := make([]*cacheEntry, len(dirs))
	var done atomic.Int64
	checked := make([]bool, len(dirs))
	// First the directories the cache has, by their files' stamps alone:
	// system calls that wait on the disk when the metadata is not cached,
	// so more at a time than there are cores.
	if cache != nil {
		store.ParallelWide(len(dirs), statWidth, func(i int) {
			if e := cache.hit(i, dirs[i]); e != nil {
				results[i].findings, results[i].claim, entries[i] = e.Findings, e.Claim.claim(), e
				if v.Progress != nil {
					v.Progress(int(done.Add(1)), len(dirs))
				}
			}
		})
	}
	store.Parallel(len(dirs), func(i int) {
		r := &results[i]
		if entries[i] != nil {
			return
		}
		checked[i] = true
		entry := cache.stamps(dirs[i])
		// The checks of a case read the configuration, workers and
		// resources only through the accessors of known, which record
		// what they read for the cache: Config is not theirs to read.
		// Nor is Now: they read the clock through the accessors of
		// clock, which record when their answers could change.
		cv := &validator{Options: v.Options, known: v.known, clock: &clock{now: v.Now}}
		cv.Config, cv.Now = nil, time.Time{}
		if entry != nil {
			cv.reads = &reads{}
		}
		if c := cv.loadCase(repo, dirs[i]); c != nil {
			claim := newClaim(c.record, "case", dirs[i])
			r.claim = &claim
			cv.checkCase(c)
			if v.Base != nil {
				r.kept = c
			}
		}
		// A notes directory that cannot be listed (a link, a file or a
		// pipe in its place, no permission) is a finding of this case,
		// not the end of the run; its findings are not cached, since
		// what failed may not change what the cache compares.
		notes, err := repo.NotePaths(dirs[i])
		if err != nil {
			cv.findings = append(cv.findings, ReadFailure(store.NotesPath(dirs[i]), err))
		}
		cv.checkNotes(repo, notes)
		r.findings = cv.findings
		// The directory is walked for links here, where it is checked;
		// one the cache has is left out of validate's walk (linkFindings).
		links, plain := repo.CaseLinks(dirs[i])
		r.links = links
		if err == nil && entry != nil && plain {
			entries[i] = entry.finish(repo, notes, cv.findings, r.claim, v.known.deps(cv.reads), cv.clock.horizon)
		}
		if v.Progress != nil {
			v.Progress(int(done.Add(1)), len(dirs))
		}
	})
	owners := make(idOwners, len(results))
	for _, r := range results {
		v.findings = append(v.findings, r.findings...)
		v.caseLinks = append(v.caseLinks, r.links...)
		if r.claim != nil {
			v.claimAt(owners, *r.claim)
		}
		if r.kept != nil {
			v.cases = append(v.cases, r.kept)
		}
	}
	cache.save(entries, checked)
	cache.close()
	if v.stats != nil {
		for i, dir := range dirs {
			if checked[i] {
				v.stats.checked = append(v.stats.checked, dir)
			}
		}
	}
	return nil
}

// statWidth is how many case directories are stamped at a time.
const statWidth = 16

// loadCase reads the case.yaml of a case directory; nil when there is
// nothing to check further.
func (v *validator) loadCase(repo *store.Repo, dir string) *caseRecord {
	rel := store.CasePath(dir)
	data, err := repo.ReadFile(rel)
	if errors.Is(err, fs.ErrNotExist) {
		v.findings = append(v.findings, at(rel, 1, 1, Error, "missing-file", "case directory %s has no %s; restore it from git (records are never deleted)", store.CasesDir+"/"+dir, store.CaseFile))
		return nil
	}
	if err != nil {
		v.findings = append(v.findings, ReadFailure(rel, err))
		return nil
	}
	c := &caseRecord{dir: dir}
	rec, found := parse(rel, data, &c.data)
	v.findings = append(v.findings, found...)
	if rec.root == nil {
		return nil
	}
	c.record = rec
	v.checkIDName(c.record, "case", c.data.ID, dir)
	return c
}

// checkCase runs every check on one case.
func (v *validator) checkCase(cr *caseRecord) {
	v.requireValues(cr.record, "id", "opened", "phase", "worker", "client.name", "history")
	v.checkEnums(cr.record)
	v.checkFields(cr)
	v.checkRefs(cr)
	v.checkActors(cr)
	v.checkApprovals(cr)
	v.checkPlan(cr)
	v.checkRisks(cr)
	v.checkServices(cr)
	v.checkHistory(cr)
	v.checkClosure(cr)
	v.checkConsents(cr)
	v.checkHousehold(cr)
	v.checkReferrals(cr)
	v.checkSpending(cr)
}

// checkFields checks values against the configuration and the clock (the
// fields that take one of a list of values: checkEnums).
func (v *validator) checkFields(cr *caseRecord) {
	c := &cr.data
	rec := cr.record
	for _, d := range []struct {
		key  string
		date casefile.Date
	}{{"opened", c.Opened}, {"client.consent.at", c.Client.Consent.At}, {"referral.date", c.Referral.Date}} {
		if v.futureDate(d.date) {
			v.add(rec, d.key, Error, "future-date", "%s %s is in the future", d.key, d.date)
		}
	}
	for _, p := range v.plausibility(c) {
		v.add(rec, p.Key, Error, p.Rule, "%s", p.Msg)
	}
	v.futureTimes(rec, "assessments", len(c.Assessments), func(i int) time.Time { return c.Assessments[i].At })
	v.futureTimes(rec, "reviews", len(c.Reviews), func(i int) time.Time { return c.Reviews[i].At })
	v.futureTimes(rec, "approvals", len(c.Approvals), func(i int) time.Time { return c.Approvals[i].At })
	for i, a := range c.Assessments {
		v.checkScores(rec, fmt.Sprintf("assessments[%d]", i), a)
	}
}

// futureTimes reports records of a list dated in the future.
func (v *validator) futureTimes(rec *record, list string, n int, at func(int) time.Time) {
	for i := 0; i < n; i++ {
		if v.future(at(i)) {
			v.add(rec, fmt.Sprintf("%s[%d].at", list, i), Error, "future-date", "%s[%d] is dated %s, in the future", list, i, at(i).Format(time.RFC3339))
		}
	}
}

// checkScores checks an assessment's instrument, domains and scores.
func (v *validator) checkScores(rec *record, key string, a casefile.Assessment) {
	in, ok := v.instrument(a.Instrument)
	if !ok {
		if a.Instrument != "" {
			v.add(rec, key+".instrument", Error, "unknown-instrument", "instrument %s is not configured under assessment.instruments", safetext.Token(a.Instrument))
		}
		return
	}
	for domain, score := range a.Scores {
		k := key + ".scores." + domain
		switch {
		case !slices.Contains(in.Domains, domain):
			v.add(rec, k, Error, "unknown-domain", "%s has no domain %s", in.ID, safetext.Token(domain))
		case (score < in.Scale.Min || score > in.Scale.Max) && (in.Scale.NA == nil || score != *in.Scale.NA):
			v.add(rec, k, Error, "invalid-score", "score %d for %s is outside the %s scale %d-%d", score, domain, in.ID, in.Scale.Min, in.Scale.Max)
		}
	}
}

// checkRefs checks that the workers and resources a case names exist.
func (v *validator) checkRefs(cr *caseRecord) {
	c := &cr.data
	if c.Worker != "" && !v.isWorker(c.Worker) {
		v.add(cr.record, "worker", Error, "unknown-worker", "worker %q does not exist (no %s); add it with 'casework worker add %s --name NAME'", c.Worker, store.WorkerPath(c.Worker), c.Worker)
	}
	for i, m := range c.Team {
		if m.Worker != "" && !v.isWorker(m.Worker) {
			v.add(cr.record, fmt.Sprintf("team[%d].worker", i), Error, "unknown-worker", "team member %q is not a worker (no %s)", m.Worker, store.WorkerPath(m.Worker))
		}
	}
	for i, g := range c.Plan.Goals {
		for j, a := range g.Actions {
			if a.Resource != "" && !v.isResource(a.Resource) {
				v.add(cr.record, fmt.Sprintf("plan.goals[%d].actions[%d].resource", i, j), Error, "unknown-resource", "resource %q does not exist (no %s); add it with 'casework resource add'", a.Resource, store.ResourcePath(a.Resource))
			}
			v.checkEligibility(cr, fmt.Sprintf("plan.goals[%d].actions[%d]", i, j), a)
		}
	}
	v.checkRetired(cr)
}

// checkRetired warns of an open case that a retired worker still holds or
// works on, and of an action still planned or active that uses a retired
// resource: what was true when recorded, but needs a new hand now.
func (v *validator) checkRetired(cr *caseRecord) {
	c := &cr.data
	if !c.IsOpen() {
		return
	}
	if w, ok := v.worker(c.Worker); ok && w.IsRetired() {
		v.add(cr.record, "worker", Warning, "retired-worker", "the case is held by %s, who retired on %s: reassign it with 'casework case assign %s WORKER'", w.ID, w.Retired.On, c.ID)
	}
	for i, m := range c.Team {
		if w, ok := v.worker(m.Worker); ok && w.IsRetired() {
			v.add(cr.record, fmt.Sprintf("team[%d].worker", i), Warning, "retired-worker", "team member %s retired on %s", w.ID, w.Retired.On)
		}
	}
	for i, g := range c.Plan.Goals {
		for j, a := range g.Actions {
			if !a.IsOpen() {
				continue
			}
			if r, ok := v.retiredResource(a.Resource); ok {
				v.add(cr.record, fmt.Sprintf("plan.goals[%d].actions[%d].resource", i, j), Warning, "retired-resource", "action %s uses %s, retired on %s: change it with 'casework plan action set %s %s --resource R', or cancel it", a.ID, a.Resource, r.On, c.ID, a.ID)
			}
		}
	}
}

// checkPlan checks goal and action IDs are unique, reviews name real
// goals and actions, and every amount of money is one
// (casefile.CheckAmount).
func (v *validator) checkPlan(cr *caseRecord) {
	c := &cr.data
	v.checkAmount(cr.record, "plan.budget", c.Plan.Budget)
	for i, a := range c.Approvals {
		v.checkAmount(cr.record, fmt.Sprintf("approvals[%d].amount", i), a.Amount)
	}
	goals := map[string]bool{}
	actions := map[string]bool{}
	for i, g := range c.Plan.Goals {
		if goals[g.ID] {
			v.add(cr.record, fmt.Sprintf("plan.goals[%d].id", i), Error, "duplicate-id", "goal ID %q is used twice", g.ID)
		}
		goals[g.ID] = true
		for j, a := range g.Actions {
			if actions[a.ID] {
				v.add(cr.record, fmt.Sprintf("plan.goals[%d].actions[%d].id", i, j), Error, "duplicate-id", "action ID %q is used twice", a.ID)
			}
			actions[a.ID] = true
			v.checkAmount(cr.record, fmt.Sprintf("plan.goals[%d].actions[%d].cost", i, j), a.Cost)
		}
	}
	for i, r := range c.Reviews {
		for g := range r.Goals {
			if !goals[g] {
				v.add(cr.record, fmt.Sprintf("reviews[%d].goals.%s", i, g), Error, "unknown-goal", "review of goal %q, which the plan does not have", g)
			}
		}
		for a := range r.Actions {
			if !actions[a] {
				v.add(cr.record, fmt.Sprintf("reviews[%d].actions.%s", i, a), Error, "unknown-action", "review of action %q, which the plan does not have", a)
			}
		}
	}
}

// checkAmount reports an amount of money that casefile.CheckAmount
// refuses, as the commands that record amounts refuse it.
func (v *validator) checkAmount(rec *record, key string, x float64) {
	if err := casefile.CheckAmount(x); err != nil {
		v.add(rec, key, Error, "invalid-value", "%s %v", key, err)
	}
}

// checkClosure checks that closed cases have a closure with a configured
// reason, and that open cases have none unless they were reopened.
func (v *validator) checkClosure(cr *caseRecord) {
	c := &cr.data
	if c.Closure == nil {
		if c.Phase == casefile.ClosedPhase {
			v.add(cr.record, "phase", Error, "missing-closure", "the case is closed but has no closure record; close cases with 'casework case close ID --reason R'")
		}
		return
	}
	if v.future(c.Closure.At) {
		v.add(cr.record, "closure.at", Error, "future-date", "the closure is dated %s, in the future", c.Closure.At.Format(time.RFC3339))
	}
	if c.IsOpen() && !history.Of(c).EverClosed() {
		v.add(cr.record, "closure", Error, "unexpected-closure", "the case has a closure record but its history shows it was never closed")
	}
}
