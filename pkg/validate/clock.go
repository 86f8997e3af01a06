package validate

import (
	"math"
	"slices"
	"sort"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
	"github.com/casework/casework/pkg/eligibility"
	"github.com/casework/casework/pkg/household"
)

// clock is the run's time as the checks of one case read it. The checks
// read it only through the accessors below, which record the horizon:
// the earliest moment after now at which an answer they gave could be
// otherwise, given the case. The cache keeps a case's findings until its
// horizon (see cacheEntry), so a consent that runs out, a client who
// turns too old for a resource or a date that stops being in the future
// is found on the first run at or after the moment it happens, with no
// change to the case's files; a case none of whose answers can change
// has no horizon and is kept until its files or what else it read
// change.
type clock struct {
	now time.Time // zero: no clock (nothing is in the future)
	// horizon is the earliest moment an answer read could change; zero
	// when none can.
	horizon time.Time
}

// current is now; zero when there is no clock (nil).
func (k *clock) current() time.Time {
	if k == nil {
		return time.Time{}
	}
	return k.now
}

// until records that an answer read of the clock can change at t.
func (k *clock) until(t time.Time) {
	if k != nil && (k.horizon.IsZero() || t.Before(k.horizon)) {
		k.horizon = t
	}
}

// future reports whether t is after now. It stops being so at t.
func (v *validator) future(t time.Time) bool {
	if v.clock.current().IsZero() || !t.After(v.clock.current()) {
		return false // and never will be again
	}
	v.clock.until(t)
	return true
}

// futureDate reports whether d is after today (UTC). It stops being so
// when d begins.
func (v *validator) futureDate(d casefile.Date) bool {
	if v.clock.current().IsZero() || !d.After(casefile.NewDate(v.clock.current())) {
		return false
	}
	v.clock.until(d.Time())
	return true
}

// plausibility returns what casefile.Plausibility finds in c today (UTC;
// nothing without a clock), which can change on the day
// casefile.PlausibleUntil gives.
func (v *validator) plausibility(c *casefile.Case) []casefile.Implausible {
	if v.clock.current().IsZero() {
		return nil
	}
	today := casefile.NewDate(v.clock.current())
	if d, ok := casefile.PlausibleUntil(c, today); ok {
		v.clock.until(d.Time())
	}
	return casefile.Plausibility(c, today)
}

// endOfTime is "now" for what is in force when there is no clock:
// everything recorded counts.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// consentInForce reports whether consent to purpose with party is in
// force now (consent.At). The answer can change only when an entry dated
// after now takes effect, or a consent given runs out (after the end of
// its until day): of those moments, the first at which consent.At
// answers otherwise is when it changes.
func (v *validator) consentInForce(c *casefile.Case, purpose string, party consent.Party) bool {
	now := v.clock.current()
	if now.IsZero() {
		return consent.At(c, purpose, party, endOfTime).InForce
	}
	in := consent.At(c, purpose, party, now).InForce
	var moments []time.Time
	for _, e := range consent.Entries(c) {
		moments = append(moments, e.At)
		if !e.Until.IsZero() {
			moments = append(moments, e.Until.Time().AddDate(0, 0, 1).Add(time.Nanosecond))
		}
	}
	slices.SortFunc(moments, time.Time.Compare)
	for _, t := range moments {
		if t.After(now) && consent.At(c, purpose, party, t).InForce != in {
			v.clock.until(t)
			break
		}
	}
	return in
}

// eligibleToday is eligibility.Check of p for r today, and whether there
// is a clock to say what today is. The answer depends on p's age alone,
// and changes only where the age crosses one of r's bounds: of the
// birthdays around each bound still to come, the first on which Check
// answers otherwise is when it changes (none once p is past them all).
// (Around: a day either side of each, so that the bounds being
// inclusive is Check's to say, not this.)
func (v *validator) eligibleToday(r casefile.Resource, p eligibility.Person) (eligibility.Verdict, string, bool) {
	now := v.clock.current()
	if now.IsZero() {
		return 0, "", false
	}
	verdict, msg := eligibility.Check(r, p, now)
	age, ok := household.Age(p.DOB, now)
	if !ok {
		return verdict, msg, true // no date of birth: nothing to change
	}
	var ages []int
	for _, bound := range []*int{r.MinAge, r.MaxAge} {
		if bound != nil {
			for _, a := range []int{*bound - 1, *bound, *bound + 1, *bound + 2} {
				if a > age {
					ages = append(ages, a)
				}
			}
		}
	}
	slices.Sort(ages)
	for _, a := range slices.Compact(ages) {
		day := turns(p.DOB, a, now)
		if w, m := eligibility.Check(r, p, day); w != verdict || m != msg {
			v.clock.until(day)
			break
		}
	}
	return verdict, msg, true
}

// turns returns the start of the first day after from's (in from's
// location) on which someone born on dob is aged at least age
// (household.Age), who is younger on from.
func turns(dob casefile.Date, age int, from time.Time) time.Time {
	y, m, d := from.Date()
	day := func(k int) time.Time { return time.Date(y, m, d+k, 0, 0, 0, 0, from.Location()) }
	have, _ := household.Age(dob, from)
	k := sort.Search((age-have+1)*366, func(k int) bool {
		a, _ := household.Age(dob, day(k+1))
		return a >= age
	})
	return day(k + 1)
}

// horizonNanos is t in Unix nanoseconds for the cache, 0 for the zero
// time (no horizon). A moment beyond what an int64 holds is taken as the
// nearest it holds, and a horizon at the epoch as a nanosecond before:
// never later than t, so a cached entry is at worst checked early.
func horizonNanos(t time.Time) int64 {
	switch n := unixNanos(t); {
	case t.IsZero():
		return 0
	case n == 0:
		return -1
	default:
		return n
	}
}

// unixNanos is t in Unix nanoseconds, a moment beyond what an int64
// holds as the nearest it holds.
func unixNanos(t time.Time) int64 {
	switch {
	case t.Before(minNanos):
		return math.MinInt64
	case t.After(maxNanos):
		return math.MaxInt64
	}
	return t.UnixNano()
}

var minNanos, maxNanos = time.Unix(0, math.MinInt64), time.Unix(0, math.MaxInt64)
