package caseindex

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/store"
)

// TallyPath is where the tally of what each worker holds is kept, beside
// the index.
const TallyPath = store.CacheDir + "/tally"

// TallyFile is the tally of what each worker holds, as read: its month,
// its generation (how many times it has been written) and its lines, left
// unparsed. Giving a worker a case checks it instead of every case file,
// so its cost does not grow with the repository; and a county has
// thousands of workers, so one worker's holding is read from its line
// alone (Holding), and an update writes the lines of the workers it
// changed into the text as it was (SaveTallyChanges), without a map of
// all of them. It is advisory, and kept by package ops: changed under the
// repository lock by every write that changes what a worker holds, and
// rewritten whole by a full count when no such write came in between (the
// generation tells); stale after hand edits or a git pull until the next
// full count.
//
// It is a text file, a line per worker in ID order after a header:
//
//	casework-tally 2026-11 42
//	w-ana 14 2
//
// (month and generation; worker, active cases, new cases in the month),
// read and written by hand, not by encoding/json.
type TallyFile struct {
	Month string
	Gen   int64
	lines string // every line after the header, each ending in a newline
}

// ReadTally reads the tally, if there is one that reads whole.
func ReadTally(repo *store.Repo) (*TallyFile, bool) {
	data, err := repo.ReadCache(TallyPath)
	if err != nil {
		return nil, false
	}
	return scanTally(string(data))
}

// tallyMagic starts the tally file, before the month.
const tallyMagic = "casework-tally "

// scanTally checks a tally file line by line, keeping its lines as text;
// anything wrong with it gives none.
func scanTally(text string) (*TallyFile, bool) {
	header, rest, ok := strings.Cut(text, "\n")
	head, isTally := strings.CutPrefix(header, tallyMagic)
	month, genText, _ := strings.Cut(head, " ")
	gen, err := strconv.ParseInt(genText, 10, 64)
	if !ok || !isTally || month == "" || err != nil || gen < 0 {
		return nil, false
	}
	for lines := rest; lines != ""; {
		var line string
		if line, lines, ok = strings.Cut(lines, "\n"); !ok {
			return nil, false // torn: the last line has no end
		}
		if _, _, ok := parseTallyLine(line); !ok {
			return nil, false
		}
	}
	return &TallyFile{Month: month, Gen: gen, lines: rest}, true
}

// parseTallyLine reads "worker active new".
func parseTallyLine(line string) (string, caseload.Holding, bool) {
	worker, counts, _ := strings.Cut(line, " ")
	activeText, freshText, _ := strings.Cut(counts, " ")
	active, err1 := strconv.Atoi(activeText)
	fresh, err2 := strconv.Atoi(freshText)
	if worker == "" || err1 != nil || err2 != nil || active < 0 || fresh < 0 {
		return "", caseload.Holding{}, false
	}
	return worker, caseload.Holding{Active: active, New: fresh}, true
}

// Current reports whether the tally is for the month of now.
func (f *TallyFile) Current(now time.Time) bool {
	return caseload.Tally{Month: f.Month}.Current(now)
}

// Holding returns what worker holds, from its line (nothing when it has
// none).
func (f *TallyFile) Holding(worker string) caseload.Holding {
	if i := f.find(worker); i >= 0 {
		line, _, _ := strings.Cut(f.lines[i:], "\n")
		_, h, _ := parseTallyLine(line)
		return h
	}
	return caseload.Holding{}
}

// find returns where the line of worker starts in lines, or -1.
func (f *TallyFile) find(worker string) int {
	prefix := worker + " "
	if strings.HasPrefix(f.lines, prefix) {
		return 0
	}
	if i := strings.Index(f.lines, "\n"+prefix); i >= 0 {
		return i + 1
	}
	return -1
}

// LoadTally reads the whole tally, every worker into one map, and its
// generation (see TallyFile, which commands read instead).
func LoadTally(repo *store.Repo) (t caseload.Tally, gen int64, ok bool) {
	data, err := repo.ReadCache(TallyPath)
	if err != nil {
		return caseload.Tally{}, 0, false
	}
	return parseTally(string(data))
}

// parseTally reads a whole tally file into a map (see TallyFile).
func parseTally(text string) (caseload.Tally, int64, bool) {
	f, ok := scanTally(text)
	if !ok {
		return caseload.Tally{}, 0, false
	}
	t := caseload.Tally{Month: f.Month, Holding: make(map[string]caseload.Holding, strings.Count(f.lines, "\n"))}
	for lines := f.lines; lines != ""; {
		var line string
		line, lines, _ = strings.Cut(lines, "\n")
		worker, h, _ := parseTallyLine(line)
		t.Holding[worker] = h
	}
	return t, f.Gen, true
}

// formatTally writes a tally as parseTally reads it, workers in ID order.
func formatTally(t caseload.Tally, gen int64) []byte {
	workers := slices.Sorted(maps.Keys(t.Holding))
	b := appendTallyHeader(make([]byte, 0, len(tallyMagic)+32+len(workers)*24), t.Month, gen)
	for _, w := range workers {
		b = appendTallyLine(b, w, t.Holding[w])
	}
	return b
}

func appendTallyHeader(b []byte, month string, gen int64) []byte {
	b = append(b, tallyMagic...)
	b = append(b, month...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, gen, 10)
	return append(b, '\n')
}

func appendTallyLine(b []byte, worker string, h caseload.Holding) []byte {
	b = append(b, worker...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(h.Active), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(h.New), 10)
	return append(b, '\n')
}

// SaveTally writes the whole tally t atomically as generation gen;
// failing to is not an error. Call it with the repository lock held.
func SaveTally(repo *store.Repo, t caseload.Tally, gen int64) {
	repo.WriteCache(TallyPath, formatTally(t, gen))
}

// SaveTallyChanges writes f as generation gen with the workers of changed
// holding what it says, every other line as it was, in ID order;
// failing to is not an error. Call it with the repository lock held.
func SaveTallyChanges(repo *store.Repo, f *TallyFile, changed map[string]caseload.Holding, gen int64) {
	repo.WriteCache(TallyPath, patchTally(f, changed, gen))
}

// patchTally is the text SaveTallyChanges writes.
func patchTally(f *TallyFile, changed map[string]caseload.Holding, gen int64) []byte {
	workers := slices.Sorted(maps.Keys(changed))
	b := appendTallyHeader(make([]byte, 0, len(f.lines)+len(tallyMagic)+32+len(workers)*24), f.Month, gen)
	lines := f.lines
	for _, w := range workers {
		// The lines before w's place, as they were.
		for lines != "" {
			line, _, _ := strings.Cut(lines, "\n")
			worker, _, _ := strings.Cut(line, " ")
			if worker >= w {
				if worker == w {
					lines = lines[len(line)+1:] // replaced below
				}
				break
			}
			b = append(b, line...)
			b = append(b, '\n')
			lines = lines[len(line)+1:]
		}
		b = appendTallyLine(b, w, changed[w])
	}
	return append(b, lines...)
}
