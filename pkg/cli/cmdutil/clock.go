package cmdutil

import (
	"time"

	"github.com/casework/casework/pkg/schedule"
	"github.com/casework/casework/pkg/store"
)

// Clock returns the agency's timescales (schedule.Clock), with first
// contacts read from the names of the cases' note files (a note's file
// name starts with its UTC time stamp). A timescale that is not a duration
// is a usage error naming its key.
func (f *Factory) Clock() (schedule.Clock, error) {
	cfg, err := f.Config()
	if err != nil {
		return schedule.Clock{}, err
	}
	k, err := schedule.NewClock(cfg)
	if err != nil {
		return k, Usagef("%w; 'casework validate' shows where", err)
	}
	repo, err := f.Repo()
	if err != nil {
		return k, err
	}
	k.Contacted = func(caseID string, since time.Time) bool {
		paths, err := repo.NotePaths(caseID)
		if err != nil {
			return true // unknown: set no first-contact deadline rather than a false one
		}
		for _, p := range paths {
			if t, ok := store.NoteTime(p); !ok || !t.Before(since.Truncate(time.Second)) {
				return true
			}
		}
		return false
	}
	return k, nil
}
