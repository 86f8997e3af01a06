package caseindex

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/store"
)

// TallyPath is where the tally of what each worker holds is kept, beside
// the index.
const TallyPath = store.StateDir + "/cache/tally"

// LoadTally reads the tally of what each worker holds, if there is one.
// Giving a worker a case checks it instead of every case file, so its cost
// does not grow with the repository. It is advisory: rewritten whole by
// every full count (SaveTally after Cases), adjusted by the commands that
// change what a worker holds (AdjustTally), and stale after hand edits or
// a git pull until the next full count.
func LoadTally(repo *store.Repo) (caseload.Tally, bool) {
	data, err := os.ReadFile(repo.Abs(TallyPath))
	if err != nil {
		return caseload.Tally{}, false
	}
	var t caseload.Tally
	if json.Unmarshal(data, &t) != nil || t.Month == "" {
		return caseload.Tally{}, false
	}
	return t, true
}

// SaveTally writes the tally atomically; failing to is not an error.
func SaveTally(repo *store.Repo, t caseload.Tally) {
	data, err := json.Marshal(t)
	if err != nil {
		return
	}
	path := repo.Abs(TallyPath)
	if os.MkdirAll(filepath.Dir(path), store.DirMode) == nil {
		store.WriteCache(path, data)
	}
}

// AdjustTally applies change to the tally on disk, when there is one.
func AdjustTally(repo *store.Repo, change func(t *caseload.Tally)) {
	if t, ok := LoadTally(repo); ok {
		change(&t)
		SaveTally(repo, t)
	}
}
