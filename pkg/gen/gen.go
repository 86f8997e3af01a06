// Package gen writes synthetic case repositories: an agency's
// configuration, workers, resources, and cases spread realistically over
// the phases of the workflow, with histories, assessments, plans, reviews,
// closures and notes, for benchmarks and tests. The same options always
// give the same files.
//
// Cases are built with the domain packages (workflow, assess, planning),
// so every generated file passes `casework validate`.
package gen

import (
	"errors"
	"fmt"
	"github.com/casework/casework/pkg/workflow"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
)

// Options say what to generate.
type Options struct {
	// Dir is the repository to create; it must not hold one already.
	Dir string
	// Cases and Workers are how many of each to write.
	Cases   int
	Workers int
	// Seed makes the repository: the same seed, the same files.
	Seed uint64
	// End is when the synthetic history stops: nothing is dated after it.
	End time.Time
	// Years is how far before End the oldest case was opened.
	Years int
	// Progress, when set, is called now and then with how many cases are
	// written so far.
	Progress func(done, total int)
}

// DefaultEnd is the default End: a fixed moment, so that generated
// repositories do not depend on the day they are made.
var DefaultEnd = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// Generate writes the repository described by opts. cfg is the
// configuration to follow, normally config.DefaultYAML loaded.
func Generate(opts Options, cfg *config.Config) error {
	if opts.Cases < 0 || opts.Workers < 1 {
		return errors.New("need at least one worker and no negative number of cases")
	}
	if probs := workflow.Errors(workflow.CheckConfig(cfg.Workflow)); len(probs) > 0 {
		return fmt.Errorf("cannot generate cases through a broken workflow: %v", probs[0])
	}
	if opts.End.IsZero() {
		opts.End = DefaultEnd
	}
	if opts.Years <= 0 {
		opts.Years = 5
	}
	if _, err := os.Stat(filepath.Join(opts.Dir, config.FileName)); err == nil {
		return fmt.Errorf("%s already holds a case repository; choose an empty directory", opts.Dir)
	}
	repo := &store.Repo{Root: opts.Dir}
	for _, d := range []string{store.CasesDir, store.WorkersDir, store.ResourcesDir} {
		if err := os.MkdirAll(repo.Abs(d), store.DirMode); err != nil {
			return err
		}
	}
	if err := writeFile(repo, config.FileName, config.DefaultYAML); err != nil {
		return err
	}
	gitignore, _ := store.GitIgnore(nil)
	if err := writeFile(repo, ".gitignore", gitignore); err != nil {
		return err
	}
	a := newAgency(opts, cfg)
	for i := range a.workers {
		if err := writeRecord(repo, store.WorkerPath(a.workers[i].ID), &a.workers[i]); err != nil {
			return err
		}
	}
	for i := range a.resources {
		if err := writeRecord(repo, store.ResourcePath(a.resources[i].ID), &a.resources[i]); err != nil {
			return err
		}
	}
	return a.writeCases(repo, opts)
}

// writeCases builds and writes the cases in parallel. Each case has its own
// random source seeded from (seed, index), so the result does not depend on
// how the work was shared out.
func (a *agency) writeCases(repo *store.Repo, opts Options) error {
	errs := make([]error, opts.Cases)
	var done atomic.Int64
	store.Parallel(opts.Cases, func(i int) {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(i)))
		errs[i] = a.writeCase(repo, a.newCase(rng, opts, i))
		if n := done.Add(1); opts.Progress != nil && n%500 == 0 {
			opts.Progress(int(n), opts.Cases)
		}
	})
	if opts.Progress != nil {
		opts.Progress(opts.Cases, opts.Cases)
	}
	return errors.Join(errs...)
}

// writeCase writes a case file and its notes.
func (a *agency) writeCase(repo *store.Repo, g *generated) error {
	if err := os.Mkdir(repo.Abs(store.CasesDir+"/"+g.c.ID), store.DirMode); err != nil {
		return fmt.Errorf("case %s: %w", g.c.ID, err)
	}
	if err := writeRecord(repo, store.CasePath(g.c.ID), g.c); err != nil {
		return err
	}
	if len(g.notes) == 0 {
		return nil
	}
	if err := os.Mkdir(repo.Abs(store.NotesPath(g.c.ID)), store.DirMode); err != nil {
		return err
	}
	for i, n := range g.notes {
		data, err := casefile.FormatNote(&n)
		if err != nil {
			return err
		}
		rel := fmt.Sprintf("%s/%s-%04d.md", store.NotesPath(g.c.ID), n.At.UTC().Format("20060102T150405Z"), i)
		if err := writeFile(repo, rel, data); err != nil {
			return err
		}
	}
	return nil
}

// writeRecord writes v in the canonical layout casework itself writes.
func writeRecord(repo *store.Repo, rel string, v any) error {
	data, err := casefile.Encode(v)
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return writeFile(repo, rel, data)
}

// writeFile writes a new file. A generated repository is written once, in
// bulk, so it skips the fsync of store.WriteFile.
func writeFile(repo *store.Repo, rel string, data []byte) error {
	f, err := os.OpenFile(repo.Abs(rel), os.O_WRONLY|os.O_CREATE|os.O_EXCL, store.FileMode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
