package validate

import (
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
	"github.com/casework/casework/pkg/eligibility"
)

// clockNow is the moment the tests of horizons read the clock at.
var clockNow = time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)

// horizonCase is one read of the clock: what it answers at a moment
// (recording its horizon in v), and the horizon it should record.
type horizonCase struct {
	name   string
	answer func(v *validator) any
	want   time.Time // zero: none
}

// testHorizons checks each read records its horizon, and that the
// horizon is exact: the answer is the same a nanosecond before it, and
// otherwise at it; with no horizon, the same a century on.
func testHorizons(t *testing.T, tests []horizonCase) {
	t.Helper()
	at := func(tc horizonCase, now time.Time) (any, time.Time) {
		v := &validator{clock: &clock{now: now}}
		a := tc.answer(v)
		return a, v.clock.horizon
	}
	for _, tc := range tests {
		a, h := at(tc, clockNow)
		if !h.Equal(tc.want) {
			t.Errorf("%s: horizon %v, want %v", tc.name, h, tc.want)
			continue
		}
		if h.IsZero() {
			if later, _ := at(tc, clockNow.AddDate(100, 0, 0)); later != a {
				t.Errorf("%s: no horizon, but a century on it answers %v, not %v", tc.name, later, a)
			}
			continue
		}
		if before, _ := at(tc, h.Add(-time.Nanosecond)); before != a {
			t.Errorf("%s: a nanosecond before its horizon it answers %v, not %v", tc.name, before, a)
		}
		if then, _ := at(tc, h); then == a {
			t.Errorf("%s: at its horizon it still answers %v", tc.name, a)
		}
	}
	// Without a clock nothing is recorded.
	for _, tc := range tests {
		if _, h := at(tc, time.Time{}); !h.IsZero() {
			t.Errorf("%s, no clock: horizon %v", tc.name, h)
		}
	}
}

func date(t *testing.T, s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHorizonFuture(t *testing.T) {
	soon := clockNow.Add(2*time.Hour + 3*time.Nanosecond)
	testHorizons(t, []horizonCase{
		{"a time two hours on", func(v *validator) any { return v.future(soon) }, soon},
		{"a time passed", func(v *validator) any { return v.future(clockNow.Add(-time.Hour)) }, time.Time{}},
		{"now", func(v *validator) any { return v.future(clockNow) }, time.Time{}},
		{"the earliest of two", func(v *validator) any {
			return [2]bool{v.future(clockNow.AddDate(0, 0, 3)), v.future(soon)}
		}, soon},
		{"a date tomorrow", func(v *validator) any { return v.futureDate(date(t, "2026-06-16")) }, time.Date(2026, 6, 16, 0, 0, 0, 0, time.UTC)},
		{"a date today", func(v *validator) any { return v.futureDate(date(t, "2026-06-15")) }, time.Time{}},
		{"a date in 2199", func(v *validator) any { return v.futureDate(date(t, "2199-01-01")) }, time.Date(2199, 1, 1, 0, 0, 0, 0, time.UTC)},
	})
}

func TestHorizonPlausibility(t *testing.T) {
	rules := func(v *validator, c *casefile.Case) any {
		var out string
		for _, p := range v.plausibility(c) {
			out += p.Key + " " + p.Rule + ";"
		}
		return out
	}
	client := func(dob string) *casefile.Case {
		return &casefile.Case{Client: casefile.Client{Name: "A", DOB: date(t, dob)}}
	}
	testHorizons(t, []horizonCase{
		{"no date of birth", func(v *validator) any { return rules(v, &casefile.Case{}) }, time.Time{}},
		{"born 1984: too long ago in 2104", func(v *validator) any { return rules(v, client("1984-05-01")) }, time.Date(2104, 5, 2, 0, 0, 0, 0, time.UTC)},
		{"born next week", func(v *validator) any { return rules(v, client("2026-06-22")) }, time.Date(2026, 6, 22, 0, 0, 0, 0, time.UTC)},
		{"born 1850", func(v *validator) any { return rules(v, client("1850-01-01")) }, time.Time{}},
		{"a household member, sooner", func(v *validator) any {
			c := client("1984-05-01")
			c.Household = []casefile.Member{{ID: "M1", Name: "B", DOB: date(t, "1906-09-01")}}
			return rules(v, c)
		}, time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC)},
	})
}

func TestHorizonConsent(t *testing.T) {
	give := func(at time.Time, until string) casefile.ConsentEntry {
		e := casefile.ConsentEntry{At: at, By: "w-a", Action: casefile.ConsentGive, Purpose: consent.Services, GivenBy: casefile.ConsentByClient}
		if until != "" {
			e.Until = date(t, until)
		}
		return e
	}
	withdraw := func(at time.Time) casefile.ConsentEntry {
		return casefile.ConsentEntry{At: at, By: "w-a", Action: casefile.ConsentWithdraw, Purpose: consent.Services, Reason: "asked"}
	}
	inForce := func(entries ...casefile.ConsentEntry) func(v *validator) any {
		return func(v *validator) any {
			return v.consentInForce(&casefile.Case{Consents: entries}, consent.Services, consent.Everyone)
		}
	}
	past := clockNow.AddDate(0, -1, 0)
	// Consent given until a day holds to the end of it.
	endOf := func(d string) time.Time { return date(t, d).Time().AddDate(0, 0, 1).Add(time.Nanosecond) }
	testHorizons(t, []horizonCase{
		{"nothing recorded", inForce(), time.Time{}},
		{"given, no end", inForce(give(past, "")), time.Time{}},
		{"given until T+9 days", inForce(give(past, "2026-06-24")), endOf("2026-06-24")},
		{"given until today", inForce(give(past, "2026-06-15")), endOf("2026-06-15")},
		{"ran out", inForce(give(past, "2026-06-01")), time.Time{}},
		{"withdrawn", inForce(give(past, ""), withdraw(past.Add(time.Hour))), time.Time{}},
		{"given two hours on", inForce(give(clockNow.Add(2*time.Hour), "")), clockNow.Add(2 * time.Hour)},
		{"withdrawn two hours on", inForce(give(past, ""), withdraw(clockNow.Add(2*time.Hour))), clockNow.Add(2 * time.Hour)},
		{"given until T+9 days, then without end before", inForce(give(past, "2026-06-24"), give(past.Add(time.Hour), "")), time.Time{}},
		{"an expiry superseded before it comes, by a later one", inForce(give(past, "2026-06-24"), give(past.Add(time.Hour), "2026-07-30")), endOf("2026-07-30")},
		{"to share, given until tomorrow: not services", inForce(casefile.ConsentEntry{At: past, Action: casefile.ConsentGive, Purpose: consent.Share, Until: date(t, "2026-06-16")}), time.Time{}},
	})
}

func TestHorizonEligibility(t *testing.T) {
	ages := func(minAge, maxAge int) casefile.Resource {
		r := casefile.Resource{ID: "r-1"}
		if minAge >= 0 {
			r.MinAge = &minAge
		}
		if maxAge >= 0 {
			r.MaxAge = &maxAge
		}
		return r
	}
	check := func(r casefile.Resource, dob string) func(v *validator) any {
		return func(v *validator) any {
			p := eligibility.Person{Who: "the client"}
			if dob != "" {
				p.DOB = date(t, dob)
			}
			verdict, msg, _ := v.eligibleToday(r, p)
			return [2]any{verdict, msg}
		}
	}
	midnight := func(d string) time.Time { return date(t, d).Time() }
	testHorizons(t, []horizonCase{
		{"17, up to 17: 18 next month", check(ages(-1, 17), "2008-07-15"), midnight("2026-07-15")},
		{"64, 65 and over: 65 next month", check(ages(65, -1), "1961-07-15"), midnight("2026-07-15")},
		{"40, 18 and over", check(ages(18, -1), "1986-01-01"), time.Time{}},
		{"70, up to 17", check(ages(-1, 17), "1956-01-01"), time.Time{}},
		{"10, 12 to 17: 12 in 2028", check(ages(12, 17), "2016-03-01"), midnight("2028-03-01")},
		{"13, 12 to 17: 18 in 2031", check(ages(12, 17), "2013-03-01"), midnight("2031-03-01")},
		{"born 29 February, up to 17", check(ages(-1, 17), "2012-02-29"), midnight("2030-03-01")},
		{"no date of birth", check(ages(-1, 17), ""), time.Time{}},
		{"no ages", check(ages(-1, -1), "2008-07-15"), time.Time{}},
	})
	// A clock not in UTC: the birthday begins at midnight where it is.
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	v := &validator{clock: &clock{now: clockNow.In(paris)}}
	check(ages(-1, 17), "2008-07-15")(v)
	if want := time.Date(2026, 7, 15, 0, 0, 0, 0, paris); !v.clock.horizon.Equal(want) {
		t.Errorf("in Paris: horizon %v, want %v", v.clock.horizon, want)
	}
}

// TestHorizonNanos: a horizon is stored never later than it is.
func TestHorizonNanos(t *testing.T) {
	for _, tc := range []struct {
		in   time.Time
		want int64
	}{
		{time.Time{}, 0},
		{time.Unix(0, 0), -1},
		{time.Unix(0, 5), 5},
		{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), 1<<63 - 1},
		{time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), -1 << 63},
	} {
		if got := horizonNanos(tc.in); got != tc.want {
			t.Errorf("horizonNanos(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestHorizonEligibilityFar: a resource for ages up to a million is
// analysed at once, not a birthday at a time.
func TestHorizonEligibilityFar(t *testing.T) {
	huge := 1_000_000
	v := &validator{clock: &clock{now: clockNow}}
	start := time.Now()
	v.eligibleToday(casefile.Resource{ID: "r-1", MaxAge: &huge}, eligibility.Person{Who: "the client", DOB: date(t, "1990-01-01")})
	if h := v.clock.horizon; h.Year() != 1990+huge+1 || h.Month() != 1 || h.Day() != 1 {
		t.Errorf("horizon %v", h)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}
