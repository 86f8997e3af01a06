package cmdutil

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/store"
)

// Changes is what a command wrote, for --commit: the files and the phase
// changes of cases. It never holds client data.
type Changes struct {
	// Paths are the written files, relative to the repository root, each
	// once, in the order first written.
	Paths []string
	// Phases maps the ID of a case whose phase changed to its phase before
	// and after.
	Phases map[string][2]string
	// Detail is an ID the command made (a goal's, an action's), added to
	// the subject after the command.
	Detail string
}

// wrote records a written file.
func (c *Changes) wrote(rel string) {
	if !slices.Contains(c.Paths, rel) {
		c.Paths = append(c.Paths, rel)
	}
}

// moved records a case's phase change.
func (c *Changes) moved(id, from, to string) {
	if before, ok := c.Phases[id]; ok {
		from = before[0]
	}
	if from == to {
		delete(c.Phases, id)
		return
	}
	if c.Phases == nil {
		c.Phases = map[string][2]string{}
	}
	c.Phases[id] = [2]string{from, to}
}

// maxSubjectIDs is how many record IDs a commit subject names before it
// counts the rest.
const maxSubjectIDs = 3

// Subject is the commit message for the changes made by command (its
// path without "casework", e.g. "case move"): the IDs of the records
// written, then the phase change of a single case ("C-2026-7K3QX9M2AB:
// assessment → planning") or else the command and Detail. Only IDs, phases and
// command names: never client data.
func (c *Changes) Subject(command string) string {
	var ids []string
	for _, p := range c.Paths {
		if id := recordID(p); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	what := strings.TrimSpace(command + " " + c.Detail)
	if len(ids) == 1 {
		if ph, ok := c.Phases[ids[0]]; ok {
			what = ph[0] + " → " + ph[1]
		}
	}
	if len(ids) > maxSubjectIDs {
		ids = append(ids[:maxSubjectIDs], fmt.Sprintf("%d more", len(ids)-maxSubjectIDs))
	}
	return strings.Join(ids, ", ") + ": " + what
}

// recordID names the record a written file belongs to (see
// store.Classify): the case ID for a case file or note, the ID of a worker
// or resource, else the file's path.
func recordID(rel string) string {
	if kind, id := store.Classify(rel); id != "" && kind != store.NotRecord {
		return id
	}
	return rel
}

// beforeWrite is told of every record about to be written. The first one
// checks the configuration (checkConfig). With --commit,
// the first one checks that the repository is inside a git work tree and
// that git knows who commits, so a command that cannot be committed fails
// before it writes anything.
func (f *Factory) beforeWrite(rel string) error {
	if len(f.Changes.Paths) == 0 {
		if err := f.checkConfig(); err != nil {
			return err
		}
	}
	if f.Flags.Commit && len(f.Changes.Paths) == 0 {
		if _, err := gitrev.TopLevel(f.repo.Root); err != nil {
			return Usagef("--commit: the case repository is not in a git work tree (%w); run 'git init' in it first, or leave out --commit", err)
		}
		if err := gitrev.Ident(f.repo.Root); err != nil {
			return Usagef("--commit: %w; set them with git config user.name 'Your Name' and git config user.email you@example.org, or leave out --commit", err)
		}
	}
	f.Changes.wrote(rel)
	return nil
}

// Commit commits the files the command wrote, when --commit was given, with
// a message made by Changes.Subject. A failure says the files were written
// but not committed.
func (f *Factory) Commit(command string) error {
	if !f.Flags.Commit || f.repo == nil || len(f.Changes.Paths) == 0 {
		return nil
	}
	subject := f.Changes.Subject(command)
	if err := gitrev.Commit(f.repo.Root, subject, f.Now(), f.Changes.Paths); err != nil {
		return fmt.Errorf("the files were written but not committed: %w; commit them with git yourself (%s)", err, strings.Join(f.Changes.Paths, " "))
	}
	f.Infof("Committed %q.", subject)
	return nil
}
