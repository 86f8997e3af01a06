package cmdutil

import (
	"github.com/casework/casework/pkg/casefile"
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

// RequireActiveWorker checks that a worker exists and has not retired, for
// giving them a case: a retired worker takes no new cases.
func (f *Factory) RequireActiveWorker(id string) (*casefile.Worker, error) {
	w, err := f.RequireWorker(id)
	if err != nil {
		return nil, err
	}
	if w.IsRetired() {
		return nil, Usagef("worker %s retired on %s and takes no new cases: choose another ('casework worker list' shows who is active)", w.ID, w.Retired.On)
	}
	return w, nil
}

// RequireActiveResource checks that a resource exists and has not
// retired, for a new use of it in a plan.
func (f *Factory) RequireActiveResource(id string) (*casefile.Resource, error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	rec, err := repo.LoadResource(id)
	if err != nil {
		return nil, err
	}
	if rec.Data.IsRetired() {
		return nil, Usagef("resource %s retired on %s: choose another ('casework resource list' shows what is offered)", id, rec.Data.Retired.On)
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
