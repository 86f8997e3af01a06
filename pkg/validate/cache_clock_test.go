package validate

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/store"
)

// byDir groups findings by the case directory they are in.
func byDir(found []Finding) map[string][]Finding {
	out := map[string][]Finding{}
	for _, f := range found {
		if rest, ok := strings.CutPrefix(f.Path, store.CasesDir+"/"); ok {
			dir, _, _ := strings.Cut(rest, "/")
			out[dir] = append(out[dir], f)
		}
	}
	return out
}

// changedDirs returns the case directories whose findings differ, sorted.
func changedDirs(before, after []Finding) []string {
	a, b := byDir(before), byDir(after)
	var out []string
	for _, m := range []map[string][]Finding{a, b} {
		for dir := range m {
			if !reflect.DeepEqual(a[dir], b[dir]) && !slices.Contains(out, dir) {
				out = append(out, dir)
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestCacheClock: as the clock moves on with no file changed, a warm run
// finds what a run without the cache finds at the same moment (a consent
// runs out, a client turns 18 or 65 with an action on a resource for
// some ages only, a note stops being in the future), and checks again
// exactly the case directories whose findings changed: the others come
// from the cache.
func TestCacheClock(t *testing.T) {
	cfg := defaultConfig(t)
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: 60, Workers: 12, Seed: 3}, cfg); err != nil {
		t.Fatal(err)
	}
	T := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	day := casefile.NewDate(T)
	r := &depsRepo{t: t, root: root, cfg: cfg, now: T}

	// Two resources with ages, and four cases planted with answers that
	// change: a consent to services running out at the end of T+9 days;
	// a client turning 18 on T+30 days, with an undated action on a
	// resource up to 17; one turning 65 then, with one on a resource for
	// 65 and over; a note dated two hours after T; a client born 120
	// years before T+100 days, whose date of birth is then too long ago;
	// a household member to be born at T+5 years, in the future until.
	r.edit(store.ResourcePath("youth"), func(string) string {
		return "id: youth\nname: Youth club\ncategory: child_care\nmax_age: 17\n"
	})
	r.edit(store.ResourcePath("senior"), func(string) string {
		return "id: senior\nname: Lunch club\ncategory: home_care\nmin_age: 65\n"
	})
	cases := r.cases()
	all := r.where(func(*casefile.Case) bool { return true })
	var consenting, young, old, noted, aged, unborn string
	for _, dir := range all {
		c := cases[dir]
		switch {
		case consenting == "" && c.Phase == "implementation" && consent.At(c, consent.Services, consent.Everyone, T).InForce:
			consenting = dir
		case young == "" && c.IsOpen() && len(c.Plan.Goals) > 0:
			young = dir
		case old == "" && c.IsOpen() && len(c.Plan.Goals) > 0:
			old = dir
		case noted == "":
			noted = dir
		case aged == "":
			aged = dir
		case unborn == "":
			unborn = dir
		}
	}
	if unborn == "" {
		t.Fatalf("cases to plant in: %q %q %q %q %q %q", consenting, young, old, noted, aged, unborn)
	}
	update := func(dir string, change func(*casefile.Case)) {
		c := cases[dir]
		change(c)
		data, err := casefile.Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		r.edit(store.CasePath(dir), func(string) string { return string(data) })
	}
	update(consenting, func(c *casefile.Case) {
		c.Consents = append(c.Consents, casefile.ConsentEntry{At: T.Add(-24 * time.Hour), By: c.Worker, Action: casefile.ConsentGive,
			Purpose: consent.Services, GivenBy: casefile.ConsentByClient, Until: day.AddDays(9)})
	})
	turning := func(age int, resource string) func(*casefile.Case) {
		return func(c *casefile.Case) {
			c.Client.DOB = casefile.NewDate(T.AddDate(-age, 0, 30))
			c.Plan.Goals[0].Actions = append(c.Plan.Goals[0].Actions, casefile.Action{ID: "a-" + resource, Text: "Club", Resource: resource, Status: casefile.ActionPlanned})
		}
	}
	update(young, turning(18, "youth"))
	update(old, turning(65, "senior"))
	update(aged, func(c *casefile.Case) { c.Client.DOB = casefile.NewDate(T.AddDate(-casefile.MaxAge, 0, 100-1)) })
	update(unborn, func(c *casefile.Case) {
		c.Household = append(c.Household, casefile.Member{ID: "M9", Name: "Baby", Relationship: "child", DOB: casefile.NewDate(T.AddDate(5, 0, 0))})
	})
	if err := os.MkdirAll(filepath.Join(root, store.NotesPath(noted)), 0o700); err != nil {
		t.Fatal(err)
	}
	r.edit(store.NotesPath(noted)+"/20260615T110000Z-0000.md", func(string) string {
		return "---\nat: 2026-06-15T11:00:00Z\nby: " + cases[noted].Worker + "\nkind: meeting\n---\nMet.\n"
	})
	settle(t, root)

	steps := []struct {
		name  string
		now   time.Time
		fresh bool // the cache removed first
		// check is given the findings; it checks what was planted.
		check func(found []Finding)
	}{
		{"T", T, false, func(found []Finding) {
			for _, p := range []struct {
				dir, rule string
				want      bool
			}{{consenting, "no-consent", false}, {young, "not-eligible", false}, {old, "not-eligible", true}, {noted, "future-date", true}} {
				if hasFinding(found, p.dir, p.rule) != p.want {
					t.Errorf("T: %s finding %s: %v, want %v", p.dir, p.rule, !p.want, p.want)
				}
			}
		}},
		{"T again", T, false, nil},
		{"T+1 day", T.AddDate(0, 0, 1), false, func(found []Finding) {
			if hasFinding(found, noted, "future-date") {
				t.Errorf("T+1 day: the note of %s is still in the future", noted)
			}
		}},
		{"T+40 days", T.AddDate(0, 0, 40), false, func(found []Finding) {
			if !hasFinding(found, consenting, "no-consent") || !hasFinding(found, young, "not-eligible") || hasFinding(found, old, "not-eligible") {
				t.Errorf("T+40 days: the consent has not run out, or the ages not changed: %v", found)
			}
		}},
		{"T+1 year", T.AddDate(1, 0, 0), false, func(found []Finding) {
			if !hasFinding(found, aged, casefile.RuleImplausibleDOB) {
				t.Errorf("T+1 year: the client of %s is not too old", aged)
			}
		}},
		{"T+20 years", T.AddDate(20, 0, 0), false, func(found []Finding) {
			if hasFinding(found, unborn, "future-date") {
				t.Errorf("T+20 years: the household member of %s is still to be born", unborn)
			}
		}},
		// Within a day: a time in the future is one until that time.
		{"T, the cache removed", T, true, nil},
		{"T+1 hour", T.Add(time.Hour), false, func(found []Finding) {
			if !hasFinding(found, noted, "future-date") {
				t.Errorf("T+1 hour: the note of %s is no longer in the future", noted)
			}
		}},
		{"T+3 hours", T.Add(3 * time.Hour), false, func(found []Finding) {
			if hasFinding(found, noted, "future-date") {
				t.Errorf("T+3 hours: the note of %s is still in the future", noted)
			}
		}},
	}
	var before []Finding
	for _, s := range steps {
		if s.fresh {
			if err := os.RemoveAll(filepath.Join(root, store.StateDir)); err != nil {
				t.Fatal(err)
			}
		}
		r.now = s.now
		found, checked := r.run(s.name)
		want := all
		if before != nil && !s.fresh {
			want = changedDirs(before, found)
		}
		// Exactly those whose findings changed are checked again (an
		// answer that changed and changed back within a step would be
		// one more; none here does).
		within(t, s.name, checked, want, want)
		switch s.name {
		case "T again":
			if len(checked) != 0 {
				t.Errorf("T again: checked %d directories, want 0", len(checked))
			}
		case "T+1 day", "T+3 hours":
			if len(checked) != 1 || checked[0] != noted {
				t.Errorf("%s: checked %v, want only %s (%d of %d from the cache)", s.name, checked, noted, len(all)-len(checked), len(all))
			}
		case "T+1 year":
			if !slices.Equal(checked, []string{aged}) {
				t.Errorf("T+1 year: checked %v, want only %s", checked, aged)
			}
		case "T+20 years":
			if !slices.Contains(checked, unborn) {
				t.Errorf("T+20 years: %s not checked again", unborn)
			}
		case "T+40 days":
			for _, dir := range []string{consenting, young, old} {
				if !slices.Contains(checked, dir) {
					t.Errorf("T+40 days: %s not checked again", dir)
				}
			}
			if len(checked) > 6 {
				t.Errorf("T+40 days: checked %d of %d directories: %v", len(checked), len(all), checked)
			}
		case "T+1 hour":
			if len(checked) != 0 {
				t.Errorf("T+1 hour: checked %v, want none", checked)
			}
		}
		if s.check != nil {
			s.check(found)
		}
		before = found
		t.Logf("%s: %d of %d directories checked", s.name, len(checked), len(all))
	}
}

// TestCacheNoClock: what a run without a clock found (nothing in the
// future) is not what a run with one takes from the cache.
func TestCacheNoClock(t *testing.T) {
	cfg := defaultConfig(t)
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: 5, Workers: 2, Seed: 7, End: time.Date(2026, 6, 16, 0, 0, 0, 0, time.UTC)}, cfg); err != nil {
		t.Fatal(err)
	}
	settle(t, root)
	r := &depsRepo{t: t, root: root, cfg: cfg}
	r.run("no clock")
	r.now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	found, checked := r.run("a clock")
	if len(checked) != 5 || !slices.ContainsFunc(found, func(f Finding) bool { return f.Rule == "future-date" }) {
		t.Errorf("a clock: checked %d of 5, findings %v", len(checked), found)
	}
}
