package caseindex

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

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
//
// It is a text file, a line per worker after a header:
//
//	casework-tally 2026-11
//	w-ana 14 2
//
// (worker, active cases, new cases in the month): a county has thousands
// of workers, and every 'case new' reads it twice and writes it once, so
// it is read and written by hand, not by encoding/json.
func LoadTally(repo *store.Repo) (caseload.Tally, bool) {
	data, err := os.ReadFile(repo.Abs(TallyPath))
	if err != nil {
		return caseload.Tally{}, false
	}
	return parseTally(string(data))
}

// tallyMagic starts the tally file, before the month.
const tallyMagic = "casework-tally "

// parseTally reads a tally file; anything wrong with it gives none.
func parseTally(text string) (caseload.Tally, bool) {
	header, rest, ok := strings.Cut(text, "\n")
	month, isTally := strings.CutPrefix(header, tallyMagic)
	if !ok || !isTally || month == "" {
		return caseload.Tally{}, false
	}
	t := caseload.Tally{Month: month, Holding: map[string]caseload.Holding{}}
	for rest != "" {
		var line string
		if line, rest, ok = strings.Cut(rest, "\n"); !ok {
			return caseload.Tally{}, false // torn: the last line has no end
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			return caseload.Tally{}, false
		}
		active, err1 := strconv.Atoi(fields[1])
		fresh, err2 := strconv.Atoi(fields[2])
		if err1 != nil || err2 != nil || active < 0 || fresh < 0 {
			return caseload.Tally{}, false
		}
		t.Holding[fields[0]] = caseload.Holding{Active: active, New: fresh}
	}
	return t, true
}

// formatTally writes a tally as parseTally reads it, workers in ID order.
func formatTally(t caseload.Tally) []byte {
	var b bytes.Buffer
	b.WriteString(tallyMagic + t.Month + "\n")
	for _, w := range slices.Sorted(maps.Keys(t.Holding)) {
		h := t.Holding[w]
		fmt.Fprintf(&b, "%s %d %d\n", w, h.Active, h.New)
	}
	return b.Bytes()
}

// SaveTally writes the tally atomically; failing to is not an error.
func SaveTally(repo *store.Repo, t caseload.Tally) {
	data := formatTally(t)
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
