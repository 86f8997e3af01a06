package store

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/casework/casework/pkg/casefile"
)

// ErrCaseExists matches (with errors.Is) the error of CreateCase when a
// case with the ID is already there.
var ErrCaseExists = errors.New("case already exists")

// CreateCase writes a new case, c.ID naming its directory. The directory
// is made whole under a temporary name in TempDir (git-ignored), its
// case.yaml written and synced there, and then renamed into cases/ in one
// step: a crash leaves either no case or the whole case, never a
// half-made one beside the records. It fails with ErrCaseExists when the
// ID is taken, even by another process at the same moment.
func (r *Repo) CreateCase(c *casefile.Case) (*Record[casefile.Case], error) {
	if err := ValidateID("case", c.ID); err != nil {
		return nil, err
	}
	rel, dir := CasePath(c.ID), CaseDir(c.ID)
	doc, data, err := encodeNew(r, rel, c)
	if err != nil {
		return nil, err
	}
	if err := r.MkdirAll(CasesDir); err != nil {
		return nil, err
	}
	rt, err := r.confined(dir)
	if err != nil {
		return nil, err
	}
	if _, err := rt.Lstat(dir); err == nil {
		return nil, fmt.Errorf("%s: %w", dir, ErrCaseExists)
	}
	if _, err := r.prepareTemp(); err != nil {
		return nil, err
	}
	tmp, err := tempName(TempDir)
	if err != nil {
		return nil, err
	}
	if err := rt.Mkdir(tmp, DirMode); err != nil {
		return nil, cannotWrite(dir, err)
	}
	defer rt.RemoveAll(tmp) // nothing left once renamed
	if err := writeNew(rt, tmp+"/"+CaseFile, data, true); err != nil {
		return nil, cannotWrite(rel, err)
	}
	r.syncDir(tmp)
	r.midWrite(tmp, dir)
	if err := rt.Rename(tmp, dir); err != nil {
		if errors.Is(err, fs.ErrExist) { // EEXIST or ENOTEMPTY
			return nil, fmt.Errorf("%s: %w", dir, ErrCaseExists)
		}
		return nil, cannotWrite(dir, err)
	}
	r.syncDir(CasesDir)
	return &Record[casefile.Case]{Path: rel, Doc: doc, Data: *c}, nil
}
