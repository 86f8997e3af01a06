package ops

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/validate"
)

// clock is a shared clock that moves on a second every time it is read, so
// that any two readings differ and their order shows.
type clock struct{ n atomic.Int64 }

func (c *clock) now() time.Time {
	return gen.DefaultEnd.Add(time.Hour + time.Duration(c.n.Add(1))*time.Second)
}

// repository generates a small valid repository and returns its root and
// its workers' IDs.
func repository(t *testing.T, cases int) (string, []string) {
	t.Helper()
	root := t.TempDir()
	if err := gen.Generate(gen.Options{Dir: root, Cases: cases, Workers: 4, Seed: 3}, config.Default()); err != nil {
		t.Fatal(err)
	}
	repo := &store.Repo{Root: root}
	workers, err := repo.WorkerIDs()
	if err != nil || len(workers) < 2 {
		t.Fatalf("workers: %v %v", workers, err)
	}
	return root, workers
}

// newOps returns operations on the repository at root as one command
// would have them: its own view of the root, its own lock.
func newOps(t *testing.T, root string, clk *clock) *Ops {
	t.Helper()
	repo, err := store.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	return &Ops{Repo: repo, Config: config.Default(), Now: clk.now}
}

func newCase(worker string) func(*config.Config, time.Time) (*casefile.Case, error) {
	return func(cfg *config.Config, now time.Time) (*casefile.Case, error) {
		return &casefile.Case{
			Opened: casefile.NewDate(now), Phase: cfg.Workflow.Initial, Model: cfg.DefaultModel, Worker: worker,
			Client:  casefile.Client{Name: "Test Client"},
			History: []casefile.HistoryEntry{{At: now, By: worker, To: cfg.Workflow.Initial, Reason: "opened"}},
		}, nil
	}
}

// TestConcurrentOperationsKeepTheTally creates and assigns cases from many
// goroutines at once, each with its own lock as separate processes would
// have: every operation must succeed and the tally must end equal to a
// count of the cases. When the tally was adjusted outside the lock, 29 of
// 40 new cases were recorded; with the adjustment of a new case moved
// after the lock is released, 6 runs of 6 fail here (tally writes are
// slowed, so the overlap does not depend on the machine's load).
func TestConcurrentOperationsKeepTheTally(t *testing.T) {
	root, workers := repository(t, 20)
	// Each tally write pauses between its temporary file and the rename,
	// as a loaded machine may: two adjustments made outside the lock then
	// overlap, read the same tally and one is lost, on any machine.
	store.MidWriteHook = func(_, path string) {
		if strings.HasSuffix(path, filepath.FromSlash(caseindex.TallyPath)) {
			time.Sleep(20 * time.Millisecond)
		}
	}
	t.Cleanup(func() { store.MidWriteHook = nil })
	clk := &clock{}
	first := newOps(t, root, clk)
	if _, err := first.Summaries(); err != nil { // writes this month's tally
		t.Fatal(err)
	}
	if _, _, ok := caseindex.LoadTally(first.Repo); !ok {
		t.Fatal("no tally written by a full count")
	}
	// The cases generated as open, listed before any goroutine starts: an
	// assigner's choice must not depend on how many new cases it happens
	// to see.
	recs, err := first.Repo.AllCases()
	if err != nil {
		t.Fatal(err)
	}
	var open []string
	for _, r := range recs {
		if r.Data.IsOpen() {
			open = append(open, r.Data.ID)
		}
	}
	if len(open) < 2 {
		t.Fatalf("%d open cases generated, want some to hand over", len(open))
	}
	const creators, assigners = 40, 20
	var wg sync.WaitGroup
	errs := make(chan error, creators+assigners)
	created := make(chan string, creators)
	assigned := make(chan string, assigners)
	for i := range creators {
		wg.Go(func() {
			rec, err := newOps(t, root, clk).CreateCase("", newCase(workers[i%len(workers)]))
			if err != nil {
				errs <- err
				return
			}
			created <- rec.Data.ID
		})
	}
	for i := range assigners {
		wg.Go(func() {
			// Hand one open case over to a worker who does not hold it.
			// Another assigner may have given it to the worker tried
			// ("already assigned", read under the lock): then try the
			// next. Every such refusal follows another assigner's
			// success, and each succeeds once, so this ends.
			o := newOps(t, root, clk)
			id := open[i%len(open)]
			for k := 1; ; k++ {
				_, err := o.Assign(id, workers[(i+k)%len(workers)], "w", "handover", func(caseload.Holding, bool) (bool, error) { return false, nil })
				if err == nil {
					assigned <- id
					return
				}
				if !strings.Contains(err.Error(), "already assigned") || k > assigners+len(workers) {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	close(created)
	close(assigned)
	for err := range errs {
		t.Error(err)
	}
	if len(created) != creators || len(assigned) != assigners {
		t.Fatalf("%d cases created and %d handed over, want %d and %d", len(created), len(assigned), creators, assigners)
	}
	o := newOps(t, root, clk)
	tally, _, ok := caseindex.LoadTally(o.Repo)
	if !ok || !tally.Current(clk.now()) {
		t.Fatalf("the tally is gone or stale after the updates: %+v", tally)
	}
	recs, err = o.Repo.AllCases()
	if err != nil {
		t.Fatal(err)
	}
	cases := make([]*casefile.Case, len(recs))
	for i, r := range recs {
		cases[i] = &r.Data
	}
	want := caseload.TallyOf(cases, clk.now())
	for _, w := range workers {
		if tally.Holding[w] != want.Holding[w] {
			t.Errorf("tally of %s: %+v, but the cases say %+v", w, tally.Holding[w], want.Holding[w])
		}
	}
}

// TestConcurrentWritersAppendInTimeOrder assigns one case back and forth
// and moves it from many goroutines at once: each reads the clock after
// taking the lock, so history is in time order and validate passes. When
// the time was read before the lock, 100 writers left 18 errors.
func TestConcurrentWritersAppendInTimeOrder(t *testing.T) {
	root, workers := repository(t, 0)
	clk := &clock{}
	rec, err := newOps(t, root, clk).CreateCase("C-ORDER-1", newCase(workers[0]))
	if err != nil {
		t.Fatal(err)
	}
	const writers = 30
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			o := newOps(t, root, clk)
			_, err := o.Assign(rec.Data.ID, workers[1+i%(len(workers)-1)], workers[0], fmt.Sprint("handover ", i), func(caseload.Holding, bool) (bool, error) { return false, nil })
			if err != nil && !strings.Contains(err.Error(), "already assigned") {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, err := newOps(t, root, clk).Repo.LoadCase(rec.Data.ID)
	if err != nil {
		t.Fatal(err)
	}
	h := got.Data.History
	if !sort.SliceIsSorted(h, func(i, j int) bool { return h[i].At.Before(h[j].At) }) {
		t.Errorf("history out of time order: %v", h)
	}
	if len(h) < writers/2 {
		t.Errorf("%d history entries from %d writers", len(h), writers)
	}
	findings, err := validate.Run(validate.Options{Root: root, Config: config.Default(), Now: clk.now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if f.Severity == validate.Error {
			t.Error(f)
		}
	}
}

// TestCreateCaseGivenID refuses an ID that exists in any letter case, and
// leaves no debris.
func TestCreateCaseGivenID(t *testing.T) {
	root, workers := repository(t, 0)
	clk := &clock{}
	o := newOps(t, root, clk)
	if _, err := o.CreateCase("Legacy-7", newCase(workers[0])); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"Legacy-7", "LEGACY-7"} {
		_, err := o.CreateCase(id, newCase(workers[0]))
		if err == nil || !strings.Contains(err.Error(), "case Legacy-7 already exists; choose another --id") {
			t.Errorf("%s: got %v", id, err)
		}
	}
	if _, err := o.CreateCase("../x", newCase(workers[0])); err == nil {
		t.Error("an unsafe ID was accepted")
	}
	entries, _ := os.ReadDir(filepath.Join(root, store.CasesDir))
	if len(entries) != 1 {
		t.Errorf("cases/ holds %d entries, want 1", len(entries))
	}
	tmp, _ := os.ReadDir(filepath.Join(root, store.TempDir))
	if len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// TestUpdateRefusesAMismatchedID: the directory name is the case's
// identity; a file whose id: says otherwise is not written to.
func TestUpdateRefusesAMismatchedID(t *testing.T) {
	root, workers := repository(t, 0)
	clk := &clock{}
	o := newOps(t, root, clk)
	rec, err := o.CreateCase("C-A", newCase(workers[0]))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, filepath.FromSlash(rec.Path))
	data, _ := os.ReadFile(path)
	for _, id := range []string{"../../../tmp/leak", "C-B", "~", `""`} {
		bad := strings.Replace(string(data), "id: C-A", "id: "+id, 1)
		if err := os.WriteFile(path, []byte(bad), store.FileMode); err != nil {
			t.Fatal(err)
		}
		_, err := o.UpdateCase("C-A", func(c *casefile.Case, _ *config.Config, _ time.Time) error {
			t.Fatalf("id %s: the edit ran", id)
			return nil
		})
		var ie *store.IdentityError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "put back 'id: C-A'") {
			t.Errorf("id %s: got %v", id, err)
		}
		if _, err := o.AddNote("C-A", func(now time.Time) *casefile.Note {
			return &casefile.Note{At: now, By: "w", Kind: "contact", Body: "x"}
		}); !errors.As(err, &ie) {
			t.Errorf("id %s: a note was written: %v", id, err)
		}
		if after, _ := os.ReadFile(path); string(after) != bad {
			t.Errorf("id %s: the file was changed", id)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "cases", "C-A", "notes")); !os.IsNotExist(err) {
		t.Errorf("a notes directory was made: %v", err)
	}
}

// TestFullCountYieldsToUpdates: a full count that read the cases before an
// update wrote one does not save what it counted over the update's tally.
func TestFullCountYieldsToUpdates(t *testing.T) {
	root, workers := repository(t, 10)
	clk := &clock{}
	reader, writer := newOps(t, root, clk), newOps(t, root, clk)
	if _, err := reader.Summaries(); err != nil {
		t.Fatal(err)
	}
	for _, had := range []bool{true, false} {
		if !had {
			os.Remove(filepath.Join(root, filepath.FromSlash(caseindex.TallyPath)))
		}
		_, gen, ok := caseindex.LoadTally(reader.Repo)
		if ok != had {
			t.Fatalf("tally there: %v", ok)
		}
		cases, err := caseindex.Cases(reader.Repo) // the count reads the cases...
		if err != nil {
			t.Fatal(err)
		}
		if _, err := writer.CreateCase("", newCase(workers[0])); err != nil { // ...then an update comes in
			t.Fatal(err)
		}
		after, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(caseindex.TallyPath)))
		reader.saveCount(caseload.TallyOf(cases, reader.Now()), gen, had)
		now, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(caseindex.TallyPath)))
		if string(now) != string(after) {
			t.Errorf("had a tally %v: a stale count replaced the update's tally", had)
		}
	}
	// With nothing in between, the count is saved and is right.
	cases, err := reader.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	tally, _, ok := caseindex.LoadTally(reader.Repo)
	if want := caseload.TallyOf(cases, clk.now()); !ok || tally.Holding[workers[0]] != want.Holding[workers[0]] {
		t.Errorf("full count saved %+v, want %+v", tally.Holding[workers[0]], want.Holding[workers[0]])
	}
}
