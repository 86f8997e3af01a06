package identity

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/store"
)

// RepoDirectory is the Directory of a case repository's workers/.
type RepoDirectory struct{ Repo *store.Repo }

// Worker implements Directory: a value that cannot be a worker ID, or a
// worker file that does not exist, is not found; a worker file that does
// not load is an error.
func (d RepoDirectory) Worker(id string) (casefile.Worker, bool, error) {
	if store.ValidateID("worker", id) != nil || !d.Repo.Exists(store.WorkerPath(id)) {
		return casefile.Worker{}, false, nil
	}
	rec, err := d.Repo.LoadWorker(id)
	if err != nil {
		return casefile.Worker{}, false, err
	}
	return rec.Data, true, nil
}

// Workers implements Directory.
func (d RepoDirectory) Workers() ([]casefile.Worker, error) {
	recs, err := d.Repo.AllWorkers()
	if err != nil {
		return nil, err
	}
	out := make([]casefile.Worker, len(recs))
	for i, r := range recs {
		out[i] = r.Data
	}
	return out, nil
}
