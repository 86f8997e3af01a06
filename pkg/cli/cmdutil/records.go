package cmdutil

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
)

// LoadCase finds the case named by a full ID or a unique prefix and loads
// it.
func (f *Factory) LoadCase(arg string) (*store.Record[casefile.Case], error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	id, err := repo.ResolveCaseID(arg)
	if err != nil {
		return nil, err
	}
	return repo.LoadCase(id)
}

// CaseChange changes a case in memory. It returns an error, and nothing is
// written, when the change is not allowed.
type CaseChange func(c *casefile.Case, cfg *config.Config) error

// UpdateCase is the one way a command changes an existing case: under the
// repository lock it loads the case named by arg (an ID or unique prefix),
// applies change, and writes the file back in place atomically, keeping
// comments and hand-written formatting.
func (f *Factory) UpdateCase(arg string, change CaseChange) (*store.Record[casefile.Case], error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	release, err := repo.Lock()
	if err != nil {
		return nil, err
	}
	defer release()
	rec, err := f.LoadCase(arg)
	if err != nil {
		return nil, err
	}
	before := rec.Data.Phase
	if err := change(&rec.Data, cfg); err != nil {
		return nil, err
	}
	if err := store.Save(repo, rec); err != nil {
		return nil, err
	}
	f.Changes.moved(rec.Data.ID, before, rec.Data.Phase)
	return rec, nil
}

// RequireWorker checks that a worker exists and returns it.
func (f *Factory) RequireWorker(id string) (*casefile.Worker, error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	rec, err := repo.LoadWorker(id)
	if err != nil {
		return nil, err
	}
	return &rec.Data, nil
}

// WorkersAndResources loads every worker and every resource of the
// repository, by ID: what reports need to name the people and services a
// case refers to.
func (f *Factory) WorkersAndResources() (map[string]casefile.Worker, map[string]casefile.Resource, error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, nil, err
	}
	workers, err := repo.AllWorkers()
	if err != nil {
		return nil, nil, err
	}
	resources, err := repo.AllResources()
	if err != nil {
		return nil, nil, err
	}
	ws := make(map[string]casefile.Worker, len(workers))
	for _, w := range workers {
		ws[w.Data.ID] = w.Data
	}
	rs := make(map[string]casefile.Resource, len(resources))
	for _, r := range resources {
		rs[r.Data.ID] = r.Data
	}
	return ws, rs, nil
}
