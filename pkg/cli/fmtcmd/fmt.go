// Package fmtcmd implements `casework fmt`: case, worker and resource
// files rewritten in canonical key order and formatting, comments kept.
package fmtcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework fmt`.
type Options struct {
	F     *cmdutil.Factory
	Check bool
	Paths []string
}

// NewCmdFmt returns `casework fmt [--check] [PATH...]`.
func NewCmdFmt(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "fmt [--check] [PATH...]",
		Short: "Rewrite files in canonical key order and formatting, comments kept",
		Long: `Rewrite case, worker and resource files in canonical form: keys in the
order casework writes them, block style, two-space indent, values written
as casework writes them. Every comment stays with its key, value or list
item. With no PATH, every such file of the repository; a PATH may be a
file or a directory. Files casework wrote are already canonical.

The configuration (.casework.yaml) and contact notes are left as written:
the one is a hand-commented file, the others are never rewritten.

--check changes nothing: it lists the files that would change and exits 1
if there are any, for CI and pre-commit hooks. A file that does not load
stops fmt (exit 2) before anything is written.`,
		Example: "  casework fmt\n  casework fmt --check\n  casework fmt cases/C-2026-7K3QX9M2AB workers/w-ana.yaml",
		GroupID: "agency",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "change nothing; list the files that would change and exit 1 if any would")
	return cmd
}

// formatter formats one kind of file.
type formatter func(rel string, data []byte) ([]byte, error)

func formatAs[T any](rel string, data []byte) ([]byte, error) {
	var v T
	return casefile.Format(rel, data, &v)
}

// formatterFor returns how to format the file at rel (relative to the
// root, with forward slashes), or nil for files fmt leaves alone.
func formatterFor(rel string) formatter {
	switch kind, _ := store.Classify(rel); kind {
	case store.CaseKind:
		return formatAs[casefile.Case]
	case store.WorkerKind:
		return formatAs[casefile.Worker]
	case store.ResourceKind:
		return formatAs[casefile.Resource]
	}
	return nil
}

// change is one file whose canonical form differs from what is on disk.
type change struct {
	rel  string
	data []byte
}

func run(opts *Options) error {
	f := opts.F
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	files, err := opts.files(repo)
	if err != nil {
		return err
	}
	if !opts.Check {
		release, err := repo.Lock()
		if err != nil {
			return err
		}
		defer release()
	}
	// Every file is read, parsed once and compared with its canonical form
	// in parallel; the results are gathered in the order listed.
	// Formatting allocates a lot that dies young (yaml.v3's parse and
	// encode), while little stays live: collect garbage less often, as
	// validate does.
	defer store.LessGarbage()()
	// A file the cache knows canonical, unchanged since, is not read (see
	// cache.go).
	cache := openCache(repo)
	formatted := make([][]byte, len(files))
	errs := make([]error, len(files))
	store.Parallel(len(files), func(i int) {
		rel := files[i]
		info, err := repo.Stat(rel)
		if err == nil && cache.known(rel, info) {
			return
		}
		data, err := repo.ReadFile(rel)
		if err != nil {
			errs[i] = err
			return
		}
		if info != nil && cache.knownContent(rel, info, data) {
			return
		}
		out, err := formatterFor(rel)(rel, data)
		if err != nil {
			errs[i] = err
			return
		}
		if !bytes.Equal(out, data) {
			formatted[i] = out
		} else if info != nil {
			cache.found(rel, info, data)
		}
	})
	cache.save(files, len(opts.Paths) == 0)
	var changes []change
	var problems []error
	for i, rel := range files {
		switch {
		case errs[i] != nil:
			problems = append(problems, errs[i])
		case formatted[i] != nil:
			changes = append(changes, change{rel, formatted[i]})
		}
	}
	if len(problems) > 0 {
		return errors.Join(append(problems, errors.New("nothing was formatted: fix these files first ('casework validate' shows every problem)"))...)
	}
	for _, c := range changes {
		fmt.Fprintln(f.IO.Out, c.rel)
	}
	if opts.Check {
		if len(changes) > 0 {
			f.Infof("%d %s not in canonical form; run 'casework fmt' to rewrite them", len(changes), plural(len(changes)))
			return cmdutil.ErrFindings
		}
		return nil
	}
	for _, c := range changes {
		if err := repo.Write(c.rel, c.data); err != nil {
			return err
		}
	}
	f.Infof("Formatted %d %s (%d checked)", len(changes), plural(len(changes)), len(files))
	return nil
}

func plural(n int) string {
	if n == 1 {
		return "file"
	}
	return "files"
}

// files lists the files to format, relative to the root: those under the
// given paths, or every case, worker and resource file.
func (opts *Options) files(repo *store.Repo) ([]string, error) {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{repo.Root}
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		found, err := opts.filesUnder(repo, p)
		if err != nil {
			return nil, err
		}
		for _, rel := range found {
			if !seen[rel] {
				seen[rel] = true
				out = append(out, rel)
			}
		}
	}
	return out, nil
}

// filesUnder lists the files fmt formats at path: the file itself, which
// must be one fmt knows, or the ones inside a directory.
func (opts *Options) filesUnder(repo *store.Repo, path string) ([]string, error) {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(opts.F.Cwd, abs)
	}
	rel, err := filepath.Rel(repo.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, cmdutil.Usagef("%s is outside the case repository %s", path, opts.F.Rel(repo.Root))
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, cmdutil.Usagef("%s: no such file or directory", path)
	}
	if !info.IsDir() {
		rel = filepath.ToSlash(rel)
		if formatterFor(rel) == nil {
			return nil, cmdutil.Usagef("%s is not a case, worker or resource file; fmt formats cases/ID/case.yaml, workers/ID.yaml and resources/ID.yaml (it leaves %s and notes as written)", path, config.FileName)
		}
		return []string{rel}, nil
	}
	var out []string
	err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == store.StateDir || d.Name() == ".git") {
			return filepath.SkipDir
		}
		r, _ := filepath.Rel(repo.Root, p)
		r = filepath.ToSlash(r)
		if !d.IsDir() && formatterFor(r) != nil {
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot list %s: %w", path, err)
	}
	return out, nil
}
