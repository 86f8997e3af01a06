package store

import (
	"path"
	"strings"

	"github.com/casework/casework/pkg/config"
)

// The repository layout: which files are records, and where. This file is
// its one definition; the store, validate, fmt, --commit and the bench
// all ask it (Classify and the path functions) rather than spelling paths
// out.
//
//	.casework.yaml              the configuration (config.FileName)
//	workers/<id>.yaml           a worker
//	resources/<id>.yaml         a resource (a service of the directory)
//	cases/<id>/case.yaml        a case; the directory name is its ID
//	cases/<id>/notes/<name>.md  a contact note of the case
//	templates/                  the agency's document templates
//	.casework/                  local state (lock, caches), git-ignored
//
// Names starting with tempPrefix are never records: they are files and
// directories being written, or the debris of a crashed write.
const (
	CasesDir     = "cases"
	WorkersDir   = "workers"
	ResourcesDir = "resources"
	NotesDir     = "notes"
	CaseFile     = "case.yaml"
	TemplatesDir = "templates"
	// StateDir is the repository's local, git-ignored state: the write
	// lock and caches. It is never the source of truth.
	StateDir = ".casework"
	// CacheDir holds the caches (the case index, the caseload tally).
	CacheDir = StateDir + "/cache"
	// RecordExt ends the name of every YAML record but the configuration.
	RecordExt = ".yaml"
	// NoteExt ends the name of every note.
	NoteExt = ".md"
	// tempPrefix starts the name of every temporary file or directory, so
	// that a leftover one (after a crash) is never mistaken for a record.
	tempPrefix = ".casework-tmp-"
)

// Kind is what a file of the repository is.
type Kind int

// The kinds of file in a repository.
const (
	NotRecord Kind = iota // anything casework does not read as a record
	ConfigKind
	WorkerKind
	ResourceKind
	CaseKind
	NoteKind
	TemplateKind
	StateKind
)

// Classify says what the file at rel (relative to the root, with forward
// slashes) is, and the ID of the record it belongs to: the case ID for a
// case file or a note, the worker's or resource's ID. Names that are
// hidden, temporary or not valid IDs are not records.
func Classify(rel string) (Kind, string) {
	parts := strings.Split(rel, "/")
	for _, p := range parts {
		if p == "" || p == "." || p == ".." {
			return NotRecord, ""
		}
	}
	switch parts[0] {
	case config.FileName:
		if len(parts) == 1 {
			return ConfigKind, ""
		}
	case StateDir:
		return StateKind, ""
	case TemplatesDir:
		return TemplateKind, ""
	case WorkersDir, ResourcesDir:
		if len(parts) != 2 {
			return NotRecord, ""
		}
		id, ok := strings.CutSuffix(parts[1], RecordExt)
		if !ok || ValidateID("record", id) != nil {
			return NotRecord, ""
		}
		if parts[0] == WorkersDir {
			return WorkerKind, id
		}
		return ResourceKind, id
	case CasesDir:
		if len(parts) < 3 || ValidateID("case", parts[1]) != nil {
			return NotRecord, ""
		}
		id := parts[1]
		switch {
		case len(parts) == 3 && parts[2] == CaseFile:
			return CaseKind, id
		case len(parts) == 4 && parts[2] == NotesDir && IsNoteName(parts[3]):
			return NoteKind, id
		}
	}
	return NotRecord, ""
}

// IsNoteName reports whether a file name in a notes directory is a note.
func IsNoteName(name string) bool {
	return strings.HasSuffix(name, NoteExt) && !strings.HasPrefix(name, ".")
}

// IsTemp reports whether name (a path or a base name) is a temporary file
// or directory left by a write.
func IsTemp(name string) bool { return strings.HasPrefix(path.Base(name), tempPrefix) }

// CaseDir is the directory of a case, relative to the root.
func CaseDir(id string) string { return CasesDir + "/" + id }

// CasePath is the path of a case file, relative to the root.
func CasePath(id string) string { return CaseDir(id) + "/" + CaseFile }

// WorkerPath is the path of a worker file, relative to the root.
func WorkerPath(id string) string { return WorkersDir + "/" + id + RecordExt }

// ResourcePath is the path of a resource file, relative to the root.
func ResourcePath(id string) string { return ResourcesDir + "/" + id + RecordExt }

// NotesPath is the notes directory of a case, relative to the root.
func NotesPath(id string) string { return CaseDir(id) + "/" + NotesDir }
