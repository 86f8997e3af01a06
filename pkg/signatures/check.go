package signatures

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/merge"
	"github.com/casework/casework/pkg/store"
)

// Rules of the problems Check finds.
const (
	RuleUnsigned = "unsigned-commit"
	RuleForged   = "entry-not-by-signer"
)

// Problem is one commit that fails the check, reported at a file it
// changed.
type Problem struct {
	Path    string
	Rule    string
	Message string
}

// Check checks every commit in rev..HEAD of the git repository holding
// root (the case repository's root) that adds or changes records: it must
// be signed with the signing_key of a worker as workers/ held them at rev
// (a key added since is trusted once merged, never by the change that adds
// it), and every entry it adds must be recorded as by that worker.
func Check(root, rev string) ([]Problem, error) {
	workerFiles, err := gitrev.Files(root, rev, func(p string) bool {
		dir, file := path.Split(p)
		return dir == store.WorkersDir+"/" && strings.HasSuffix(file, ".yaml")
	})
	if err != nil {
		return nil, err
	}
	var workers []casefile.Worker
	known := map[string]bool{}
	for p, data := range workerFiles {
		if rec, err := store.Decode[casefile.Worker](p, data); err == nil {
			workers = append(workers, rec.Data)
			known[rec.Data.ID] = true
		}
	}
	signers, remove, err := WriteAllowedSigners(workers)
	if err != nil {
		return nil, err
	}
	defer remove()
	commits, err := gitrev.CommitsSince(root, rev, signers)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	for _, c := range commits {
		changed, err := changedRecords(root, c)
		if err != nil {
			return nil, err
		}
		if len(changed) == 0 {
			continue
		}
		short := c.Hash[:min(12, len(c.Hash))]
		if c.Signature != "G" || !known[c.Signer] {
			problems = append(problems, Problem{Path: changed[0], Rule: RuleUnsigned, Message: fmt.Sprintf(
				"commit %s changes records (%s) but %s: records are committed signed with a worker's signing_key (set up with 'casework git setup --sign')",
				short, describeFiles(changed), unsigned(c.Signature, rev))})
			continue
		}
		found, err := foreignEntries(root, c, changed)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			problems = append(problems, Problem{Path: f.path, Rule: RuleForged, Message: fmt.Sprintf(
				"commit %s, signed by %s, adds %s recorded as by %q: an entry is recorded by the worker whose key signs the commit, so %s must record it in a commit they sign",
				short, c.Signer, f.what, f.by, f.by)})
		}
	}
	return problems, nil
}

// isRecord reports whether a path (relative to the root) is a record: a
// case file, a note, a worker or a resource.
func isRecord(p string) bool {
	return strings.HasPrefix(p, store.CasesDir+"/") || strings.HasPrefix(p, store.WorkersDir+"/") || strings.HasPrefix(p, store.ResourcesDir+"/")
}

// changedRecords lists the records the commit changed: for a merge, those
// that differ from every parent (what the merge itself wrote).
func changedRecords(root string, c gitrev.SignedCommit) ([]string, error) {
	parents := c.Parents
	if len(parents) == 0 {
		parents = []string{""}
	}
	count := map[string]int{}
	for _, p := range parents {
		files, err := gitrev.ChangedFiles(root, p, c.Hash)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if isRecord(f) {
				count[f]++
			}
		}
	}
	var out []string
	for f, n := range count {
		if n == len(parents) {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out, nil
}

// foreign is an entry a commit adds that is recorded as by someone else.
type foreign struct{ path, what, by string }

// foreignEntries finds the entries the commit adds (in none of its
// parents) whose by is not its signer.
func foreignEntries(root string, c gitrev.SignedCommit, changed []string) ([]foreign, error) {
	var out []foreign
	now, err := gitrev.At(root, c.Hash, changed)
	if err != nil {
		return nil, err
	}
	before := make([][]gitrev.Blob, len(c.Parents))
	for i, p := range c.Parents {
		if before[i], err = gitrev.At(root, p, changed); err != nil {
			return nil, err
		}
	}
	for i, p := range changed {
		if now[i].Missing {
			continue
		}
		switch {
		case strings.HasSuffix(p, "/"+store.CaseFile):
			seen := map[string]bool{}
			for _, b := range before {
				for _, e := range merge.Entries(b[i].Data) {
					seen[e.Key] = true
				}
			}
			for _, e := range merge.Entries(now[i].Data) {
				if !seen[e.Key] && e.By != c.Signer {
					out = append(out, foreign{p, fmt.Sprintf("%s[%d] of case %s", e.List, e.Index, path.Base(path.Dir(p))), e.By})
				}
			}
		case strings.HasSuffix(p, ".md") && strings.Contains(p, "/"+store.NotesDir+"/"):
			isNew := true
			for _, b := range before {
				isNew = isNew && b[i].Missing
			}
			if n, err := casefile.ParseNote(p, now[i].Data); isNew && err == nil && n.By != c.Signer {
				out = append(out, foreign{p, "the note " + path.Base(p), n.By})
			}
		}
	}
	return out, nil
}

// unsigned says what is wrong with a commit's signature, from git's %G?.
func unsigned(status, rev string) string {
	switch status {
	case "N":
		return "is not signed"
	case "B":
		return "its signature is bad (the commit was changed after signing)"
	case "X", "Y":
		return "it is signed with an expired key"
	case "R":
		return "it is signed with a revoked key"
	}
	return fmt.Sprintf("it is signed with a key that is no worker's signing_key at %s", rev)
}

func describeFiles(files []string) string {
	if len(files) <= 2 {
		return strings.Join(files, ", ")
	}
	return fmt.Sprintf("%s, %s and %d more", files[0], files[1], len(files)-2)
}
