// Package ops holds the operations commands perform on a case repository,
// between the commands and the store: updating a case under the
// repository lock, opening a case under a new ID, assigning it, adding a
// note, and keeping the caseload tally in step with every one of them.
//
// Every operation that writes takes the lock first and reads the clock
// after, so concurrent commands append history in time order; and the
// tally changes inside the same locked update as the case, derived from
// the case before and after, so no count is lost to a race.
package ops

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/workflow"
)

// Ops performs operations on one repository. It is used by one goroutine
// at a time.
type Ops struct {
	Repo   *store.Repo
	Config *config.Config
	// Now is the clock. Operations read it once the lock is held.
	Now func() time.Time
	// Updated, when set, is told of every existing case written, with its
	// phase before and after (--commit names phase changes).
	Updated func(id, before, after string)

	locked bool // the repository lock is held by this Ops
}

// Edit changes a case in memory. now is the time, read after the lock was
// taken: every time recorded by the change is it. An error means nothing
// is written.
type Edit func(c *casefile.Case, cfg *config.Config, now time.Time) error

// locked runs do holding the repository lock, with the time read after
// taking it.
func (o *Ops) withLock(do func(now time.Time) error) error {
	if o.locked {
		return errors.New("internal error: operations do not nest")
	}
	release, err := o.Repo.Lock()
	if err != nil {
		return err
	}
	defer release()
	o.locked = true
	defer func() { o.locked = false }()
	return do(o.Now())
}

// UpdateCase is the one way a command changes an existing case: under the
// repository lock it loads the case named by arg (an ID or unique prefix),
// applies edit, and writes the file back in place atomically, keeping
// comments and hand-written formatting. A case whose id: disagrees with
// its directory is refused (store.IdentityError).
func (o *Ops) UpdateCase(arg string, edit Edit) (*store.Record[casefile.Case], error) {
	var rec *store.Record[casefile.Case]
	err := o.withLock(func(now time.Time) error {
		id, err := o.Repo.ResolveCaseID(arg)
		if err != nil {
			return err
		}
		if rec, err = o.Repo.LoadCase(id); err != nil {
			return err
		}
		// What the tally needs of the case as it was: edits append to
		// its lists and set its fields, so a shallow copy keeps it.
		before := rec.Data
		today := casefile.NewDate(now)
		hadImplausible := casefile.Plausibility(&rec.Data, today)
		if err := edit(&rec.Data, o.Config, now); err != nil {
			return err
		}
		if err := implausible(casefile.NewlyImplausible(hadImplausible, casefile.Plausibility(&rec.Data, today))); err != nil {
			return err
		}
		if rec.Data.ID != id {
			return fmt.Errorf("internal error: an update changed the ID of case %s", id)
		}
		if err := store.Save(o.Repo, rec); err != nil {
			return err
		}
		tally := o.tallyFor(now)
		tally.take(&before, now)
		tally.add(&rec.Data, now)
		tally.save()
		if o.Updated != nil {
			o.Updated(id, before.Phase, rec.Data.Phase)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// maxIDTries is how many generated IDs CreateCase tries before giving up.
const maxIDTries = 5

// CreateCase opens a new case under the lock: build makes it from the time
// read under the lock (and may check the worker's caseload with Holding),
// then the case is given id, or a new generated ID when id is empty, and
// written whole (see store.CreateCase). A given ID that another case has
// in any letter case is refused: prefixes match regardless of case, and on
// some file systems the two would be one directory.
func (o *Ops) CreateCase(id string, build func(cfg *config.Config, now time.Time) (*casefile.Case, error)) (*store.Record[casefile.Case], error) {
	if id != "" {
		if err := store.ValidateID("case", id); err != nil {
			return nil, err
		}
	}
	var rec *store.Record[casefile.Case]
	err := o.withLock(func(now time.Time) error {
		if id != "" {
			if err := o.checkIDFree(id); err != nil {
				return err
			}
		}
		c, err := build(o.Config, now)
		if err != nil {
			return err
		}
		if err := implausible(casefile.Plausibility(c, casefile.NewDate(now))); err != nil {
			return err
		}
		for try := 0; ; try++ {
			c.ID = id
			if c.ID == "" {
				if c.ID, err = store.NewCaseID(o.Config.IDPrefix, now, nil); err != nil {
					return err
				}
			}
			rec, err = o.Repo.CreateCase(c)
			if err == nil {
				break
			}
			if !errors.Is(err, store.ErrCaseExists) {
				return err
			}
			if id != "" {
				return takenError(id)
			}
			if try == maxIDTries {
				return errors.New("cannot find a free case ID; try again")
			}
		}
		tally := o.tallyFor(now)
		tally.add(&rec.Data, now)
		tally.save()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// implausible refuses a change that would give a case the implausible
// values ps (casefile.Plausibility): a name with a line break, an e-mail
// address that is not one, a date of birth in 1800. One line; the values
// themselves are not shown (client data).
func implausible(ps []casefile.Implausible) error {
	if len(ps) == 0 {
		return nil
	}
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Msg
	}
	return errors.New(strings.Join(msgs, "; ") + " (value not shown: client data)")
}

func takenError(id string) error {
	return fmt.Errorf("case %s already exists; choose another --id", id)
}

// checkIDFree refuses an ID that an existing case has in any letter case.
func (o *Ops) checkIDFree(id string) error {
	ids, err := o.Repo.CaseIDs()
	if err != nil {
		return err
	}
	for _, existing := range ids {
		if strings.EqualFold(existing, id) {
			return takenError(existing)
		}
	}
	return nil
}

// Room decides whether a worker holding held may be given one more case
// (partial: counted without cases that failed to load): an error refuses;
// forced reports that a limit was overridden, to be recorded in history.
type Room func(held caseload.Holding, partial bool) (forced bool, err error)

// Assign gives the case named by arg to worker as its reference person,
// and records the change in its history (by, reason, and whether room
// said a limit was overridden). pkg/workflow decides whether the case may
// change hands; the worker's caseload is read under the lock and handed to
// room first.
func (o *Ops) Assign(arg, worker, by, reason string, room Room) (*store.Record[casefile.Case], error) {
	return o.UpdateCase(arg, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		if err := workflow.CanAssign(c, worker); err != nil {
			return err // refused before the caseload is counted
		}
		held, partial, err := o.HeldBy(worker)
		if err != nil {
			return err
		}
		forced, err := room(held, partial)
		if err != nil {
			return err
		}
		return workflow.Assign(c, worker, now, by, reason, forced)
	})
}

// AddNote writes a note to the case named by arg, under the lock: note
// makes it from the time read under the lock. The note goes into the
// directory of the case as found, never one named by file content. It
// returns the note's path.
func (o *Ops) AddNote(arg string, note func(now time.Time) *casefile.Note) (string, error) {
	var rel string
	err := o.withLock(func(now time.Time) error {
		id, err := o.Repo.ResolveCaseID(arg)
		if err != nil {
			return err
		}
		if _, err := o.Repo.LoadCase(id); err != nil {
			return err
		}
		rel, err = o.Repo.CreateNote(id, note(now))
		return err
	})
	return rel, err
}
