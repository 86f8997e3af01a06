package ops

import (
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/store"
)

// RecordEdit changes a worker or resource in memory; an error means
// nothing is written.
type RecordEdit[T any] func(v *T, now time.Time) error

// UpdateWorker changes the worker id under the repository lock and writes
// the file back in place, comments kept. Workers are never deleted: a
// worker who leaves is retired (casefile.Retired).
func (o *Ops) UpdateWorker(id string, edit RecordEdit[casefile.Worker]) (*store.Record[casefile.Worker], error) {
	return updateRecord(o, func() (*store.Record[casefile.Worker], error) { return o.Repo.LoadWorker(id) }, edit)
}

// UpdateResource changes the resource id under the repository lock and
// writes the file back in place, comments kept. Resources are never
// deleted: one no longer offered is retired.
func (o *Ops) UpdateResource(id string, edit RecordEdit[casefile.Resource]) (*store.Record[casefile.Resource], error) {
	return updateRecord(o, func() (*store.Record[casefile.Resource], error) { return o.Repo.LoadResource(id) }, edit)
}

func updateRecord[T any](o *Ops, load func() (*store.Record[T], error), edit RecordEdit[T]) (*store.Record[T], error) {
	var rec *store.Record[T]
	err := o.withLock(func(now time.Time) error {
		var err error
		if rec, err = load(); err != nil {
			return err
		}
		if err := edit(&rec.Data, now); err != nil {
			return err
		}
		return store.Save(o.Repo, rec)
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}
