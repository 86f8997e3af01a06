package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/store"
)

// recordedLists are the lists of recorded entries in a case file that
// `validate --against` holds append-only, as it holds history: an entry
// once committed is never rewritten, reordered, removed or backdated;
// new entries are added at the end. A new kind of entry (referrals,
// spending...) joins with one line here. Household members and network
// contacts, which may change while they last and are ended, never erased,
// are held by their own rule, household.Kept (see compare).
var recordedLists = []entryList{
	entries("assessments", func(c *casefile.Case) []casefile.Assessment { return c.Assessments }),
	entries("reviews", func(c *casefile.Case) []casefile.Review { return c.Reviews }),
	entries("approvals", func(c *casefile.Case) []casefile.Approval { return c.Approvals }),
	entries("consents", func(c *casefile.Case) []casefile.ConsentEntry { return c.Consents }),
	entries("risks", func(c *casefile.Case) []casefile.Risk { return c.Risks }),
	entries("referrals", func(c *casefile.Case) []casefile.ReferralEntry { return c.Referrals }),
	entries("spending", func(c *casefile.Case) []casefile.SpendEntry { return c.Spending }),
}

// entryList is one list of recorded entries and its check.
type entryList struct {
	key   string
	check func(v *validator, cur *caseRecord, old *casefile.Case, rev string)
}

// entries makes the append-only check of the list at key (a top-level key
// of the case file) whose entries get reads. An entry type's At (the time
// it was recorded) and By fields, when it has them, name the entry in
// messages and tell a backdated entry from a rewritten one.
func entries[T any](key string, get func(*casefile.Case) []T) entryList {
	return entryList{key: key, check: func(v *validator, cur *caseRecord, old *casefile.Case, rev string) {
		appendOnly(v, cur, key, get(old), get(&cur.data), rev)
	}}
}

// keysOf is an entry's keys and their values, encoded.
func keysOf(e any) map[string]json.RawMessage {
	var m map[string]json.RawMessage
	data, _ := json.Marshal(e)
	json.Unmarshal(data, &m)
	return m
}

// changed lists the keys whose values differ between a and b, sorted.
func changed(a, b map[string]json.RawMessage) []string {
	var keys []string
	for k := range a {
		if !bytes.Equal(a[k], b[k]) {
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// appendOnly checks that old, the list at key at rev, is a prefix of now.
func appendOnly[T any](v *validator, cur *caseRecord, key string, old, now []T, rev string) {
	for i, o := range old {
		if i >= len(now) {
			v.add(cur.record, key, Error, "entry-removed", "%s[%d] to %s[%d] (the first %s) were removed since %s; recorded entries are never removed", key, i, key, len(old)-1, entryName(o), rev)
			return
		}
		if sameJSON(o, now[i]) {
			continue
		}
		where := fmt.Sprintf("%s[%d]", key, i)
		switch {
		case movedIn(o, now):
			v.add(cur.record, where, Error, "entry-reordered", "%s was reordered since %s (it held %s); recorded entries keep their order, new ones go at the end", where, rev, entryName(o))
		case backdated(o, now[i]):
			v.add(cur.record, where, Error, "entry-backdated", "%s was backdated since %s (it was %s); a recorded time never changes", where, rev, entryName(o))
		default:
			v.add(cur.record, where, Error, "entry-rewritten", "%s was rewritten since %s (it was %s); recorded entries are never changed: record a new one", where, rev, entryName(o))
		}
		return
	}
}

// movedIn reports whether o is still in now, at another place.
func movedIn[T any](o T, now []T) bool {
	for _, n := range now {
		if sameJSON(o, n) {
			return true
		}
	}
	return false
}

// backdated reports whether only the recorded time changed, to an
// earlier one.
func backdated[T any](old, now T) bool {
	a, b := atOf(old), atOf(now)
	if a.IsZero() || !b.Before(a) {
		return false
	}
	moved := reflect.ValueOf(&now).Elem()
	moved.FieldByName("At").Set(reflect.ValueOf(a))
	return sameJSON(old, moved.Interface())
}

// atOf returns an entry's At field, or the zero time.
func atOf(e any) time.Time {
	v := reflect.Indirect(reflect.ValueOf(e))
	if v.Kind() != reflect.Struct {
		return time.Time{}
	}
	if f := v.FieldByName("At"); f.IsValid() {
		if t, ok := f.Interface().(time.Time); ok {
			return t
		}
	}
	return time.Time{}
}

// entryName names an entry for a message by when and by whom it was
// recorded: never by its content.
func entryName(e any) string {
	v := reflect.Indirect(reflect.ValueOf(e))
	name := "the entry"
	if at := atOf(e); !at.IsZero() {
		name += " of " + at.UTC().Format(time.RFC3339)
	}
	if f := v.FieldByName("By"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
		name += " by " + f.String()
	}
	return name
}

// compareAgreement holds the plan's agreement: once recorded, it is only
// ever replaced by a later agreement, never removed, re-dated or changed
// (a forged digest would make a changed plan look agreed).
func (v *validator) compareAgreement(cur *caseRecord, old *casefile.Case, rev string) {
	was, now := old.Plan.Agreed, cur.data.Plan.Agreed
	switch {
	case was == nil:
	case now == nil:
		v.add(cur.record, "plan", Error, "agreement-removed", "the plan's agreement (%s) was removed since %s; a recorded agreement is never removed: record a new one with 'casework plan agree'", entryName(*was), rev)
	case now.At.Before(was.At):
		v.add(cur.record, "plan.agreed", Error, "entry-backdated", "plan.agreed was backdated since %s (it was %s); a recorded time never changes", rev, entryName(*was))
	case now.At.Equal(was.At) && !sameJSON(was, now):
		v.add(cur.record, "plan.agreed", Error, "entry-rewritten", "plan.agreed was rewritten since %s (it was %s, digest %s); an agreement is never changed: record a new one with 'casework plan agree'", rev, entryName(*was), was.Digest)
	}
}

// compareNote holds a note of the base revision: still there, as it was.
func (v *validator) compareNote(p string, base *Base) {
	old, err := casefile.ParseNote(p, base.Files[p])
	if err != nil {
		return // unreadable at the base: nothing to compare with
	}
	repo := &store.Repo{Root: v.Root}
	if !repo.Exists(p) {
		if repo.Exists(filepath.ToSlash(filepath.Dir(filepath.Dir(p)))) {
			v.findings = append(v.findings, at(p, 1, 1, Error, "note-deleted", "the note of %s by %s was deleted since %s; notes are never deleted: restore it with 'git checkout %s -- %s'", old.At.UTC().Format(time.RFC3339), old.By, base.Rev, base.Rev, p))
		}
		return // the whole case went: reported as such
	}
	data, err := repo.ReadFile(p)
	if err != nil {
		return // reported by the check of notes
	}
	now, err := casefile.ParseNote(p, data)
	if err != nil {
		return // reported by the check of notes
	}
	switch {
	case now.At.Before(old.At):
		v.findings = append(v.findings, at(p, 2, 1, Error, "note-backdated", "the note was backdated since %s (it was written at %s); a recorded time never changes", base.Rev, old.At.UTC().Format(time.RFC3339)))
	case !now.At.Equal(old.At) || now.By != old.By || now.Kind != old.Kind || strings.TrimRight(now.Body, "\n") != strings.TrimRight(old.Body, "\n"):
		v.findings = append(v.findings, at(p, 1, 1, Error, "note-rewritten", "the note (of %s by %s) was rewritten since %s; notes are never changed: write a new note instead", old.At.UTC().Format(time.RFC3339), old.By, base.Rev))
	}
}

// replacedBySymlink reports, as an error, a case directory or file of the
// base revision that is now a symbolic link.
func (v *validator) replacedBySymlink(p, rev string) bool {
	for _, rel := range []string{filepath.ToSlash(filepath.Dir(p)), p} {
		fi, err := os.Lstat(filepath.Join(v.Root, filepath.FromSlash(rel)))
		if err == nil && fi.Mode()&os.ModeSymlink != 0 {
			v.findings = append(v.findings, at(p, 1, 1, Error, "record-replaced-by-symlink", "%s was a case's record at %s and is now a symbolic link; restore it with 'git checkout %s -- %s'", rel, rev, rev, filepath.ToSlash(filepath.Dir(p))))
			return true
		}
	}
	return false
}

// movesBeforeAgreement checks the moves appended since rev into a phase
// that requires the plan's agreement: the agreement must be older than
// the move. The earliest agreement known is the one at rev, else the
// current one (made since rev).
func (v *validator) movesBeforeAgreement(cur *caseRecord, old *casefile.Case, appended []casefile.HistoryEntry, rev string) {
	agreed := old.Plan.Agreed
	if agreed == nil {
		agreed = cur.data.Plan.Agreed
	}
	first := len(cur.data.History) - len(appended)
	for i, h := range appended {
		if h.IsAssignment() || h.To == "" || !slices.Contains(v.workflow().Requires(h.To), "agreement") {
			continue
		}
		if agreed != nil && !agreed.At.After(h.At) {
			continue
		}
		when := "the plan has no agreement"
		if agreed != nil {
			when = "the plan was agreed at " + agreed.At.UTC().Format(time.RFC3339)
		}
		where := fmt.Sprintf("history[%d]", first+i)
		v.add(cur.record, where, Error, "move-before-agreement", "%s (recorded since %s) moves into %s at %s, but %s; a move into %s needs the agreement first", where, rev, h.To, h.At.UTC().Format(time.RFC3339), when, h.To)
	}
}
