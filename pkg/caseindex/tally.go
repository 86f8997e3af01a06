package caseindex

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/store"
)

// TallyPath is where the tally of what each worker holds is kept, beside
// the index.
const TallyPath = store.CacheDir + "/tally"

// LoadTally reads the tally of what each worker holds, if there is one,
// and its generation: how many times it has been written. Giving a worker
// a case checks it instead of every case file, so its cost does not grow
// with the repository. It is advisory, and kept by package ops: changed
// under the repository lock by every write that changes what a worker
// holds, and rewritten whole by a full count when no such write came in
// between (the generation tells); stale after hand edits or a git pull
// until the next full count.
//
// It is a text file, a line per worker after a header:
//
//	casework-tally 2026-11 42
//	w-ana 14 2
//
// (month and generation; worker, active cases, new cases in the month): a
// county has thousands of workers, and every 'case new' reads it and
// writes it, so it is read and written by hand, not by encoding/json.
func LoadTally(repo *store.Repo) (t caseload.Tally, gen int64, ok bool) {
	data, err := repo.ReadCache(TallyPath)
	if err != nil {
		return caseload.Tally{}, 0, false
	}
	return parseTally(string(data))
}

// tallyMagic starts the tally file, before the month.
const tallyMagic = "casework-tally "

// parseTally reads a tally file; anything wrong with it gives none.
func parseTally(text string) (caseload.Tally, int64, bool) {
	header, rest, ok := strings.Cut(text, "\n")
	head, isTally := strings.CutPrefix(header, tallyMagic)
	month, genText, _ := strings.Cut(head, " ")
	gen, err := strconv.ParseInt(genText, 10, 64)
	if !ok || !isTally || month == "" || err != nil || gen < 0 {
		return caseload.Tally{}, 0, false
	}
	t := caseload.Tally{Month: month, Holding: make(map[string]caseload.Holding, strings.Count(rest, "\n"))}
	for rest != "" {
		var line string
		if line, rest, ok = strings.Cut(rest, "\n"); !ok {
			return caseload.Tally{}, 0, false // torn: the last line has no end
		}
		worker, counts, _ := strings.Cut(line, " ")
		activeText, freshText, _ := strings.Cut(counts, " ")
		active, err1 := strconv.Atoi(activeText)
		fresh, err2 := strconv.Atoi(freshText)
		if worker == "" || err1 != nil || err2 != nil || active < 0 || fresh < 0 {
			return caseload.Tally{}, 0, false
		}
		t.Holding[worker] = caseload.Holding{Active: active, New: fresh}
	}
	return t, gen, true
}

// formatTally writes a tally as parseTally reads it, workers in ID order.
func formatTally(t caseload.Tally, gen int64) []byte {
	workers := slices.Sorted(maps.Keys(t.Holding))
	b := make([]byte, 0, len(tallyMagic)+32+len(workers)*24)
	b = append(b, tallyMagic...)
	b = append(b, t.Month...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, gen, 10)
	b = append(b, '\n')
	for _, w := range workers {
		h := t.Holding[w]
		b = append(b, w...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(h.Active), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(h.New), 10)
		b = append(b, '\n')
	}
	return b
}

// SaveTally writes the tally atomically as generation gen; failing to is
// not an error. Call it with the repository lock held.
func SaveTally(repo *store.Repo, t caseload.Tally, gen int64) {
	repo.WriteCache(TallyPath, formatTally(t, gen))
}
