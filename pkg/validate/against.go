package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/household"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/workflow"
)

// BaseFile reports whether a file of the base revision is needed by the
// comparison: the case files and their notes.
func BaseFile(path string) bool {
	return baseCaseFile(path) || baseNoteFile(path)
}

func baseCaseFile(path string) bool {
	dir, ok := strings.CutPrefix(path, store.CasesDir+"/")
	return ok && strings.Count(dir, "/") == 1 && strings.HasSuffix(dir, "/"+store.CaseFile)
}

func baseNoteFile(path string) bool {
	dir, ok := strings.CutPrefix(path, store.CasesDir+"/")
	parts := strings.Split(dir, "/")
	return ok && len(parts) == 3 && parts[1] == store.NotesDir && strings.HasSuffix(parts[2], ".md") && !strings.HasPrefix(parts[2], ".")
}

// against compares every case with its version at the base revision:
// cases are never deleted, IDs never change, history is only appended to,
// a phase changes only with a recorded move, and a closed case changes
// only by being reopened (or by a follow-up review).
func (v *validator) against(base *Base) {
	current := map[string]*caseRecord{}
	for _, c := range v.cases {
		current[c.path] = c
	}
	paths := make([]string, 0, len(base.Files))
	for p := range base.Files {
		if BaseFile(p) {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		if baseNoteFile(p) {
			v.compareNote(p, base)
			continue
		}
		if v.replacedBySymlink(p, base.Rev) {
			continue
		}
		var old casefile.Case
		rec, fs := parse(p, base.Files[p], &old)
		if len(fs) > 0 || rec.root == nil {
			continue // unreadable at the base: nothing to compare with
		}
		cur, ok := current[p]
		if !ok {
			if !(&store.Repo{Root: v.Root}).Exists(p) {
				v.findings = append(v.findings, at(p, 1, 1, Error, "case-deleted", "case %s was deleted since %s; records are never deleted: restore it with 'git checkout %s -- %s' and close it instead", old.ID, base.Rev, base.Rev, p))
			}
			continue // present but unreadable: reported already
		}
		v.compare(cur, &old, base.Rev)
	}
}

// compare checks one case against its version old at rev.
func (v *validator) compare(cur *caseRecord, old *casefile.Case, rev string) {
	c := &cur.data
	if c.ID != old.ID {
		v.add(cur.record, "id", Error, "id-changed", "the case ID changed from %s to %s since %s; IDs never change", old.ID, c.ID, rev)
	}
	if !c.Opened.IsZero() && c.Opened != old.Opened {
		v.add(cur.record, "opened", Error, "opened-changed", "the date the case was opened changed since %s (it was %s); it is recorded once and never changes", rev, old.Opened)
	}
	for _, l := range recordedLists {
		l.check(v, cur, old, rev)
	}
	v.compareAgreement(cur, old, rev)
	appended, prefix := v.compareHistory(cur, old, rev)
	departures := appended
	if !prefix {
		departures = c.History // rewritten, and reported: any departure it holds counts
	}
	for _, p := range household.Kept(old, c, departures) {
		v.add(cur.record, p.Key, Error, p.Rule, "since %s: %s", rev, p.Msg)
	}
	if !prefix {
		return // the history was rewritten: the other checks would only repeat it
	}
	v.movesBeforeAgreement(cur, old, appended, rev)
	if c.Worker != old.Worker && !assignedTo(appended, c.Worker) {
		v.add(cur.record, "worker", Error, "unrecorded-assignment", "the worker changed from %s to %s since %s without a recorded assignment; use 'casework case assign'", old.Worker, c.Worker, rev)
	}
	if c.Phase != old.Phase {
		if history.PhaseAfter(appended, len(appended)) != c.Phase {
			v.add(cur.record, "phase", Error, "unrecorded-phase-change", "the phase changed from %s to %s since %s without a recorded move; use 'casework case move'", old.Phase, c.Phase, rev)
		}
	}
	if !old.IsOpen() && !slices.ContainsFunc(appended, history.IsReopening) {
		if keys := changedKeys(old, c); len(keys) > 0 {
			v.add(cur.record, keys[0], Error, "closed-case-edited", "the case was closed at %s and was changed (%s) without being reopened; reopen it with 'casework case reopen ID --reason R' first", rev, strings.Join(keys, ", "))
		}
	}
}

// compareHistory checks old's history is a prefix of the current one and
// returns the entries appended since.
func (v *validator) compareHistory(cur *caseRecord, old *casefile.Case, rev string) ([]casefile.HistoryEntry, bool) {
	now := cur.data.History
	for i, h := range old.History {
		if i >= len(now) {
			v.add(cur.record, "history", Error, "history-removed", "history entries %d to %d (%s) were removed since %s; history is append-only", i, len(old.History)-1, workflow.Describe(h), rev)
			return nil, false
		}
		if !sameJSON(h, now[i]) {
			v.add(cur.record, fmt.Sprintf("history[%d]", i), Error, "history-rewritten", "history[%d] was rewritten since %s (it was %s at %s by %s); history is append-only", i, rev, describeEntry(h), h.At.Format("2006-01-02T15:04:05Z07:00"), h.By)
			return nil, false
		}
	}
	return now[len(old.History):], true
}

// describeEntry names any history entry for messages.
func describeEntry(h casefile.HistoryEntry) string {
	switch {
	case h.IsAssignment():
		return "an assignment to " + h.Assign.To
	case h.Kind != "":
		return "a " + h.Kind + " entry"
	}
	return workflow.Describe(h)
}

// assignedTo reports whether the last assignment among entries is to
// worker.
func assignedTo(entries []casefile.HistoryEntry, worker string) bool {
	last := ""
	for _, h := range entries {
		if h.IsAssignment() {
			last = h.Assign.To
		}
	}
	return last != "" && last == worker
}

// changedKeys lists the top-level keys whose data differs, leaving out
// reviews appended after the old ones (a follow-up of a closed case).
func changedKeys(old, cur *casefile.Case) []string {
	trimmed := *cur
	if len(cur.Reviews) > len(old.Reviews) && sameJSON(old.Reviews, cur.Reviews[:len(old.Reviews)]) {
		trimmed.Reviews = cur.Reviews[:len(old.Reviews)]
	}
	return changed(keysOf(old), keysOf(&trimmed))
}

func sameJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}
