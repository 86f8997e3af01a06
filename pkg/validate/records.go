package validate

import (
	"path"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/eligibility"
	"github.com/casework/casework/pkg/safetext"
	"github.com/casework/casework/pkg/signatures"
	"github.com/casework/casework/pkg/store"
)

// idOwners tracks which file holds each ID, case-insensitively, to report
// IDs used twice.
type idOwners map[string]string

// claim records that rec holds id, reporting an ID already held by another
// file.
func (v *validator) claim(owners idOwners, rec *record, kind, id string) {
	v.claimAt(owners, newClaim(rec, kind, id))
}

// idClaim is a file's claim to an ID, with the position of its id key.
type idClaim struct {
	path, kind, id string
	line, col      int
}

func newClaim(rec *record, kind, id string) idClaim {
	line, col := rec.pos("id")
	return idClaim{path: rec.path, kind: kind, id: id, line: line, col: col}
}

// claimAt records a claim, reporting an ID already held by another file.
func (v *validator) claimAt(owners idOwners, c idClaim) {
	if c.id == "" {
		return
	}
	key := strings.ToUpper(c.id) // IDs are upper case, as casework makes them: no copy
	if other, dup := owners[key]; dup && other != c.path {
		v.findings = append(v.findings, at(c.path, c.line, c.col, Error, "duplicate-id", "%s ID %q is also used by %s (IDs must be unique, whatever their letter case)", c.kind, c.id, other))
		return
	}
	owners[key] = c.path
}

// checkIDName checks an ID against the name of the file or directory that
// holds it.
func (v *validator) checkIDName(rec *record, kind, id, name string) {
	if err := store.ValidateID(kind, name); err != nil {
		v.add(rec, "", Error, "invalid-id", "%s file name: %v", kind, err)
	}
	if id != "" && id != name {
		v.add(rec, "id", Error, "id-mismatch", "%s ID %q does not match its file name %q; IDs never change, so rename nothing: put back id: %s", kind, id, name, name)
	}
}

func (v *validator) loadWorkers(repo *store.Repo, paths []string) {
	v.known.workers = loadRecords(v, repo, paths, "worker", []string{"id", "name", "fte"},
		func(w *casefile.Worker) string { return w.ID },
		func(rec *record, w *casefile.Worker) {
			v.known.staff[w.ID] = *w
			if w.SigningKey != "" {
				if _, err := signatures.ParseKey(w.SigningKey); err != nil {
					v.add(rec, "signing_key", Error, "invalid-value", "%v", err)
				}
			}
			if _, ok := Lookup(rec.root, "fte"); ok && w.FTE <= 0 {
				v.add(rec, "fte", Error, "invalid-value", "fte must be more than 0 (1 is full time, 0.5 half time)")
			}
		})
}

func (v *validator) loadResources(repo *store.Repo, paths []string) {
	v.known.resources = loadRecords(v, repo, paths, "resource", []string{"id", "name", "category"},
		func(r *casefile.Resource) string { return r.ID },
		func(rec *record, r *casefile.Resource) {
			if err := casefile.CheckAmount(r.Cost); err != nil {
				v.add(rec, "cost", Error, "invalid-value", "cost %v", err)
			}
			if r.Retired != nil {
				v.known.retiredResources[r.ID] = *r.Retired
			}
			if err := eligibility.CheckRange(r.MinAge, r.MaxAge); err != nil {
				v.add(rec, "min_age", Error, "invalid-value", "%v; ages are whole years, min_age at most max_age", err)
			} else if eligibility.Range(*r) != "" {
				v.known.ages[r.ID] = *r
			}
		})
}

// loadRecords checks the records of one kind (workers, resources): what
// all of them share — required values, the ID against the file name, IDs
// used once — then what is particular to the kind, with check. It returns
// the path of each record that loaded, by the ID its file name gives.
func loadRecords[T any](v *validator, repo *store.Repo, paths []string, kind string, required []string, id func(*T) string, check func(*record, *T)) map[string]string {
	found := map[string]string{}
	owners := idOwners{}
	// Read and parsed in parallel (a county has thousands of workers),
	// then checked in order.
	type read struct {
		rec      *record
		data     T
		findings []Finding
	}
	reads := make([]read, len(paths))
	store.Parallel(len(paths), func(i int) {
		r := &reads[i]
		r.rec, r.findings = readRecord(repo, paths[i], &r.data)
	})
	for i, rel := range paths {
		rec, data := reads[i].rec, &reads[i].data
		v.findings = append(v.findings, reads[i].findings...)
		if rec == nil || rec.root == nil {
			continue
		}
		v.requireValues(rec, required...)
		name := strings.TrimSuffix(path.Base(rel), ".yaml")
		v.checkIDName(rec, kind, id(data), name)
		v.claim(owners, rec, kind, id(data))
		check(rec, data)
		found[name] = rel
	}
	return found
}

// checkNotes checks the contact notes of one case.
func (v *validator) checkNotes(repo *store.Repo, paths []string) {
	for _, rel := range paths {
		data, err := repo.ReadFile(rel)
		if err != nil {
			v.findings = append(v.findings, ReadFailure(rel, err))
			continue
		}
		n, err := casefile.ParseNote(rel, data)
		if err != nil {
			v.findings = append(v.findings, FromError(err, rel)...)
			continue
		}
		switch {
		case n.At.IsZero():
			v.findings = append(v.findings, at(rel, 2, 1, Error, "missing-key", "the note's front matter has no 'at' time"))
		case v.future(n.At):
			v.findings = append(v.findings, at(rel, 2, 1, Error, "future-date", "the note is dated %s, in the future", n.At.Format("2006-01-02T15:04:05Z07:00")))
		}
		if n.By == "" {
			v.findings = append(v.findings, at(rel, 2, 1, Error, "missing-key", "the note's front matter has no 'by'"))
		}
		v.checkNoteActor(rel, n.By)
		if !slices.Contains(casefile.NoteKinds, n.Kind) {
			v.findings = append(v.findings, at(rel, 2, 1, Error, "invalid-value", "note kind %s is not one of %s", safetext.Token(n.Kind), strings.Join(casefile.NoteKinds, ", ")))
		}
	}
}
