package store

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// noteStamp is the UTC time stamp that starts a note's file name, so notes
// sort by time in any file listing.
const noteStamp = "20060102T150405Z"

// NoteRecord is a note with the path it was read from.
type NoteRecord struct {
	Path string
	Note *casefile.Note
}

// CreateNote writes a new note file for the case. The name is the time
// stamp and a random suffix: never client data. Notes are never rewritten.
func (r *Repo) CreateNote(caseID string, n *casefile.Note) (string, error) {
	if err := ValidateID("case", caseID); err != nil {
		return "", err
	}
	data, err := casefile.FormatNote(n)
	if err != nil {
		return "", err
	}
	for try := 0; try < 5; try++ {
		var b [4]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		var suffix strings.Builder
		for _, c := range b {
			suffix.WriteByte(crockford[c&31])
		}
		rel := fmt.Sprintf("%s/%s-%s.md", NotesPath(caseID), n.At.UTC().Format(noteStamp), suffix.String())
		if err := r.beforeWrite(rel); err != nil {
			return "", err
		}
		err := r.create(rel, data)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", cannotWrite(rel, err)
		}
		return rel, nil
	}
	return "", errors.New("cannot find a free note file name; try again")
}

// NotePaths lists the note files of a case, oldest first; a symbolic
// link in its notes directory is refused (ReadDir).
func (r *Repo) NotePaths(caseID string) ([]string, error) {
	dir := NotesPath(caseID)
	entries, err := r.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries { // ReadDir sorts them by name
		rel := dir + "/" + e.Name()
		if kind, _ := Classify(rel); kind != NoteKind {
			continue
		}
		if !e.IsDir() {
			paths = append(paths, rel)
		}
	}
	return paths, nil
}

// Notes reads the notes of a case, oldest first.
func (r *Repo) Notes(caseID string) ([]NoteRecord, error) {
	paths, err := r.NotePaths(caseID)
	if err != nil {
		return nil, err
	}
	notes := make([]NoteRecord, 0, len(paths))
	for _, p := range paths {
		data, err := r.ReadFile(p)
		if err != nil {
			return nil, err
		}
		n, err := casefile.ParseNote(p, data)
		if err != nil {
			return nil, err
		}
		notes = append(notes, NoteRecord{Path: p, Note: n})
	}
	return notes, nil
}

// NoteTime reads the time a note was written from its file name, which
// starts with its UTC time stamp; false when the name does not.
func NoteTime(p string) (time.Time, bool) {
	stamp, _, _ := strings.Cut(path.Base(p), "-")
	t, err := time.Parse(noteStamp, stamp)
	return t, err == nil
}
