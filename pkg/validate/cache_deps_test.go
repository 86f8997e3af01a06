package validate

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/store"
)

// depsRepo is a generated repository and the configuration it is
// validated under, for the tests of what the cache's entries depend on.
type depsRepo struct {
	t    *testing.T
	root string
	cfg  *config.Config
	now  time.Time
}

// run validates with the cache and without it, fails unless both find
// the same (the differential check), and returns the findings and the
// case directories the warm run checked rather than took from the cache.
func (r *depsRepo) run(step string) ([]Finding, []string) {
	r.t.Helper()
	return warmAsCold(r.t, Options{Root: r.root, Config: r.cfg, Now: r.now}, step)
}

// warmAsCold validates with opts (using the cache) and again without the
// cache, fails unless both find the same (the differential check), and
// returns the findings and the case directories the warm run checked
// rather than took from the cache.
func warmAsCold(t testing.TB, opts Options, step string) ([]Finding, []string) {
	t.Helper()
	stats := &runStats{}
	opts.stats = stats
	warm, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.stats, opts.NoCache = nil, true
	cold, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(warm, cold) {
		t.Fatalf("%s: with the cache\n%v\nwithout\n%v", step, warm, cold)
	}
	return warm, stats.checked
}

// cases returns every case directory with its decoded case.
func (r *depsRepo) cases() map[string]*casefile.Case {
	r.t.Helper()
	out := map[string]*casefile.Case{}
	ids, err := (&store.Repo{Root: r.root}).CaseIDs()
	if err != nil {
		r.t.Fatal(err)
	}
	for _, id := range ids {
		data, err := os.ReadFile(filepath.Join(r.root, store.CasesDir, id, store.CaseFile))
		if err != nil {
			r.t.Fatal(err)
		}
		var c casefile.Case
		parse(id, data, &c)
		out[id] = &c
	}
	return out
}

// mentioning returns the case directories where any file names id.
func (r *depsRepo) mentioning(id string) []string {
	r.t.Helper()
	word := regexp.MustCompile(`(^|[^A-Za-z0-9_-])` + regexp.QuoteMeta(id) + `([^A-Za-z0-9_-]|$)`)
	var out []string
	for dir := range r.cases() {
		found := false
		filepath.WalkDir(filepath.Join(r.root, store.CasesDir, dir), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(path)
				found = found || word.Match(data)
			}
			return nil
		})
		if found {
			out = append(out, dir)
		}
	}
	slices.Sort(out)
	return out
}

// where returns the case directories whose case keep says to, sorted.
func (r *depsRepo) where(keep func(*casefile.Case) bool) []string {
	var out []string
	for dir, c := range r.cases() {
		if keep(c) {
			out = append(out, dir)
		}
	}
	slices.Sort(out)
	return out
}

// edit rewrites a file of the repository, dated a minute back as an edit
// that is not racily clean.
func (r *depsRepo) edit(rel string, change func(string) string) {
	r.t.Helper()
	path := filepath.Join(r.root, rel)
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(change(string(data))), 0o600); err != nil {
		r.t.Fatal(err)
	}
	at := time.Now().Add(-time.Minute)
	os.Chtimes(path, at, at)
}

// within fails unless least ⊆ got ⊆ most (all sorted), and got is not
// empty when least is not.
func within(t *testing.T, step string, got, least, most []string) {
	t.Helper()
	for _, d := range least {
		if !slices.Contains(got, d) {
			t.Errorf("%s: %s was not checked again; checked %v", step, d, got)
		}
	}
	for _, d := range got {
		if !slices.Contains(most, d) {
			t.Errorf("%s: %s was checked again, but nothing it depends on changed; checked %v", step, d, got)
		}
	}
}

func hasFinding(found []Finding, dir, rule string) bool {
	return slices.ContainsFunc(found, func(f Finding) bool {
		return f.Rule == rule && strings.HasPrefix(f.Path, store.CasesDir+"/"+dir+"/")
	})
}

// TestCacheDependencies: after each change to a worker, a resource or the
// configuration, a warm run checks again exactly the case directories
// whose checks read what changed, takes the others from the cache, and
// finds what a run without the cache finds.
func TestCacheDependencies(t *testing.T) {
	cfg := defaultConfig(t)
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: 60, Workers: 12, Seed: 3}, cfg); err != nil {
		t.Fatal(err)
	}
	settle(t, root)
	r := &depsRepo{t: t, root: root, cfg: cfg, now: time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)}
	all := r.where(func(*casefile.Case) bool { return true })
	_, checked := r.run("first run")
	if !slices.Equal(checked, all) {
		t.Fatalf("first run: checked %d of %d directories", len(checked), len(all))
	}

	// The case that will name a worker who does not exist yet, and the
	// resource that will retire: used by an open action of an open case.
	stranger := all[0]
	var retiring string
	for _, dir := range all {
		c := r.cases()[dir]
		for _, g := range c.Plan.Goals {
			for _, a := range g.Actions {
				if retiring == "" && dir != stranger && c.IsOpen() && a.IsOpen() && a.Resource != "" {
					retiring = a.Resource
				}
			}
		}
	}
	if retiring == "" {
		t.Fatal("no open action uses a resource")
	}
	usesRetiring := func(c *casefile.Case) bool {
		for _, g := range c.Plan.Goals {
			for _, a := range g.Actions {
				if a.Resource == retiring {
					return true
				}
			}
		}
		return false
	}
	var saved config.Config

	steps := []struct {
		name string
		edit func()
		// check is given the findings and the directories checked.
		check func(found []Finding, checked []string)
	}{
		{"nothing changed", func() {}, func(_ []Finding, checked []string) {
			within(t, "nothing changed", checked, nil, nil)
		}},
		{"a worker's name edited", func() {
			r.edit(store.WorkerPath("w-0001"), func(s string) string {
				return regexp.MustCompile(`(?m)^name: .*$`).ReplaceAllString(s, "name: Ana Other")
			})
		}, func(_ []Finding, checked []string) {
			held := r.where(func(c *casefile.Case) bool { return c.Worker == "w-0001" })
			if len(held) == 0 || len(r.mentioning("w-0001")) == len(all) {
				t.Fatal("w-0001 holds no case, or every case names it: pick another")
			}
			within(t, "a worker's name edited", checked, held, r.mentioning("w-0001"))
		}},
		{"a case names a worker who does not exist", func() {
			r.edit(store.CasePath(stranger), func(s string) string {
				return regexp.MustCompile(`(?m)^worker: .*$`).ReplaceAllString(s, "worker: w-0099")
			})
		}, func(found []Finding, checked []string) {
			within(t, "unknown worker", checked, []string{stranger}, []string{stranger})
			if !hasFinding(found, stranger, "unknown-worker") {
				t.Errorf("unknown worker: no unknown-worker finding in %s", stranger)
			}
		}},
		{"the unknown worker, from the cache", func() {}, func(found []Finding, checked []string) {
			within(t, "unknown worker, cached", checked, nil, nil)
			if !hasFinding(found, stranger, "unknown-worker") {
				t.Errorf("unknown worker, cached: no unknown-worker finding in %s", stranger)
			}
		}},
		{"the unknown worker added", func() {
			r.edit(store.WorkerPath("w-0099"), func(string) string { return "id: w-0099\nname: New Person\nfte: 1\n" })
		}, func(found []Finding, checked []string) {
			within(t, "worker added", checked, []string{stranger}, r.mentioning("w-0099"))
			if hasFinding(found, stranger, "unknown-worker") {
				t.Errorf("worker added: %s still has its unknown-worker finding", stranger)
			}
		}},
		{"a resource retired", func() {
			r.edit(store.ResourcePath(retiring), func(s string) string {
				return s + "retired:\n  date: 2026-05-01\n  by: w-0001\n  reason: closed\n"
			})
		}, func(found []Finding, checked []string) {
			within(t, "a resource retired", checked, r.where(usesRetiring), r.mentioning(retiring))
			if !slices.ContainsFunc(found, func(f Finding) bool { return f.Rule == "retired-resource" }) {
				t.Error("a resource retired: no retired-resource finding")
			}
		}},
		{"configuration no case check reads", func() {
			saved = *cfg
			cfg.Caseload.MaxActive++
			cfg.CarePlan.ShowCosts = !cfg.CarePlan.ShowCosts
			cfg.Agency, cfg.CrisisContact = "Another agency", "0100 555 0199"
			cfg.Timescales.Review = maps.Clone(cfg.Timescales.Review)
			for level := range cfg.Timescales.Review {
				cfg.Timescales.Review[level] = "1d"
			}
		}, func(_ []Finding, checked []string) {
			within(t, "configuration no case check reads", checked, nil, nil)
		}},
		{"configuration back", func() { *cfg = saved }, func(_ []Finding, checked []string) {
			within(t, "configuration back", checked, nil, nil)
		}},
		{"closure reasons", func() {
			cfg.ClosureReasons = append(slices.Clone(cfg.ClosureReasons), "moved-away")
		}, func(_ []Finding, checked []string) {
			closed := r.where(func(c *casefile.Case) bool { return c.Closure != nil && c.Closure.Reason != "" })
			if len(closed) == 0 || len(closed) == len(all) {
				t.Fatalf("closure reasons: %d of %d cases have one; want some", len(closed), len(all))
			}
			within(t, "closure reasons", checked, closed, closed)
		}},
		{"the workflow", func() {
			cfg.Workflow.Phases = append(slices.Clone(cfg.Workflow.Phases), config.Phase{Name: "archived"})
		}, func(_ []Finding, checked []string) {
			within(t, "the workflow", checked, all, all)
		}},
		{"configuration all back", func() { *cfg = saved }, func(_ []Finding, checked []string) {
			within(t, "configuration all back", checked, all, all)
		}},
	}
	for _, s := range steps {
		s.edit()
		found, checked := r.run(s.name)
		s.check(found, checked)
	}
}

// testKnown is a run's known with two workers and two resources.
func testKnown(t *testing.T, change func(*known)) *known {
	k := newKnown(defaultConfig(t))
	for _, id := range []string{"w-a", "w-b"} {
		k.workers[id] = store.WorkerPath(id)
		k.staff[id] = casefile.Worker{ID: id, Name: "Name " + id, FTE: 1}
	}
	for _, id := range []string{"r-1", "r-2"} {
		k.resources[id] = store.ResourcePath(id)
	}
	if change != nil {
		change(k)
	}
	// What is made of the configuration, made again after it changed.
	again := newKnown(k.cfg)
	again.workers, again.staff, again.resources, again.retiredResources, again.ages = k.workers, k.staff, k.resources, k.retiredResources, k.ages
	again.index()
	return again
}

// TestKnownHolds: an entry's dependencies hold until what its checks
// read changes: the workers and resources it looked up (found or not),
// the whole set when it went through all of them, the configuration
// sections it read.
func TestKnownHolds(t *testing.T) {
	worker := func(id, name string) func(*known) {
		return func(k *known) {
			k.workers[id] = store.WorkerPath(id)
			k.staff[id] = casefile.Worker{ID: id, Name: name, FTE: 1}
		}
	}
	retire := func(id string) func(*known) {
		return func(k *known) { k.retiredResources[id] = casefile.Retired{Reason: "closed"} }
	}
	tests := []struct {
		name   string
		read   func(v *validator)
		change func(*known)
		want   bool
	}{
		{"nothing read, nothing changed", func(*validator) {}, nil, true},
		{"worker read, its name changed", func(v *validator) { v.worker("w-a") }, worker("w-a", "Other"), false},
		{"worker read, another changed", func(v *validator) { v.isWorker("w-a") }, worker("w-b", "Other"), true},
		{"worker read, removed", func(v *validator) { v.isWorker("w-a") }, func(k *known) { delete(k.workers, "w-a"); delete(k.staff, "w-a") }, false},
		{"unknown worker read, added", func(v *validator) { v.isWorker("w-x") }, worker("w-x", "X"), false},
		{"unknown worker read, another added", func(v *validator) { v.isWorker("w-x") }, worker("w-y", "Y"), true},
		{"resource read, retired", func(v *validator) { v.isResource("r-1") }, retire("r-1"), false},
		{"resource read, another retired", func(v *validator) { v.retiredResource("r-1") }, retire("r-2"), true},
		{"resource ages read, its range set", func(v *validator) { v.resourceAges("r-1") }, func(k *known) { k.ages["r-1"] = casefile.Resource{ID: "r-1"} }, false},
		{"workflow read, changed", func(v *validator) { v.workflow() }, func(k *known) { k.cfg.Workflow.Initial = "assessment" }, false},
		{"workflow read, currency changed", func(v *validator) { v.workflow() }, func(k *known) { k.cfg.Currency = "EUR" }, true},
		{"currency shown, changed", func(v *validator) { v.currencyShown() }, func(k *known) { k.cfg.Currency = "EUR" }, false},
		{"currency passed but not shown, changed", func(v *validator) { v.currency() }, func(k *known) { k.cfg.Currency = "EUR" }, true},
		{"closure reasons read, changed", func(v *validator) { v.allowed("closure.reason") }, func(k *known) { k.cfg.ClosureReasons = []string{"x"} }, false},
		{"closure reasons read, risk levels changed", func(v *validator) { v.allowed("closure.reason") }, func(k *known) { k.cfg.Risk.Levels = []string{"x"} }, true},
		{"phases read, workflow changed", func(v *validator) { v.allowed("phase") }, func(k *known) { k.cfg.Workflow.Phases = k.cfg.Workflow.Phases[:1] }, false},
		{"instruments read, changed", func(v *validator) { v.instrument("ssm") }, func(k *known) { k.cfg.Assessment.Instruments = nil }, false},
		{"approvers read, a limit changed", func(v *validator) { v.approvers() }, func(k *known) { k.cfg.ApprovalLimits = map[string]float64{"supervisor": 1} }, false},
		{"everything read, caseload and care plan changed", func(v *validator) {
			v.workflow()
			v.instrument("ssm")
			v.approvers()
			v.currencyShown()
			for _, p := range v.known.patterns {
				v.allowed(p)
			}
		}, func(k *known) { k.cfg.Caseload.MaxActive++; k.cfg.CarePlan.ShowCosts = !k.cfg.CarePlan.ShowCosts }, true},
	}
	for _, tt := range tests {
		v := &validator{known: testKnown(t, nil), reads: &reads{}}
		tt.read(v)
		d := v.known.deps(v.reads)
		if got := testKnown(t, tt.change).holds(&d); got != tt.want {
			t.Errorf("%s: holds %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCurrencyShown: a case's findings depend on the currency only when
// one of them shows an amount.
func TestCurrencyShown(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		budget float64
		want   bool
	}{{"within the budget", 500, false}, {"over the budget", 50, true}} {
		c := casefile.Case{ID: "C-1", Plan: casefile.Plan{Budget: tt.budget, Goals: []casefile.Goal{{ID: "g1", Actions: []casefile.Action{{ID: "a1"}}}}},
			Spending: []casefile.SpendEntry{{At: at, By: "w-a", Action: "a1", Amount: 100}}}
		v := &validator{known: testKnown(t, nil), reads: &reads{}}
		v.checkSpending(&caseRecord{record: &record{path: "cases/C-1/case.yaml"}, data: c})
		if got := v.reads.config&(1<<sectionCurrency) != 0; got != tt.want {
			t.Errorf("%s: currency read %v, want %v (findings %v)", tt.name, got, tt.want, v.findings)
		}
	}
}
