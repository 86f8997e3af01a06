// Package initcmd implements `casework init`.
package initcmd

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/schemacmd"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/gitsetup"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework init`.
type Options struct {
	F      *cmdutil.Factory
	Dir    string
	Agency string
	// Nested allows a case repository in a subdirectory of a git work
	// tree.
	Nested bool
}

// NewCmdInit returns `casework init [DIR] [--agency NAME]`.
func NewCmdInit(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a case repository with a commented default configuration",
		Long: `Create a case repository in DIR (default: the current directory): a
commented .casework.yaml holding every default setting, the cases/,
workers/ and resources/ directories, a .gitignore for casework's local
state and temporary files (merged into an existing .gitignore, whose lines
are kept), and JSON Schemas of the files in schemas/ with a
.vscode/settings.json that points editors at them (see casework schema). An existing .casework.yaml is never overwritten.

init refuses a directory inside another case repository, and one inside a
git repository unless DIR is that repository's top directory (run 'git
init' first, then 'casework init' in the same directory); --nested keeps
the cases in a subdirectory of a git repository on purpose. Without
--agency, care plans and reports name "Example Agency": init says so, and
how to set the name (agency: in .casework.yaml).`,
		Example: "  casework init ./northside --agency 'Northside Family Services'",
		GroupID: "agency",
		Args:    cmdutil.RangeArgs(0, 1, "at most one DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Agency, "agency", "", "the agency's `NAME`, shown on care plans and reports")
	cmd.Flags().BoolVar(&opts.Nested, "nested", false, "create the case repository in a subdirectory of an existing git repository")
	return cmd
}

func run(opts *Options) error {
	if opts.F.Flags.Commit {
		return cmdutil.Usagef("--commit does not apply to init: run init, then 'git add -A && git commit' to start the history")
	}
	dir := opts.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(opts.F.Cwd, dir)
	}
	cfgPath := filepath.Join(dir, config.FileName)
	if _, err := os.Stat(cfgPath); err == nil {
		return fmt.Errorf("%s already exists: %s is already a case repository; edit that file instead of running init again", opts.F.Rel(cfgPath), opts.Dir)
	}
	if err := checkPlace(opts, dir); err != nil {
		return err
	}
	ignorePath := filepath.Join(dir, ".gitignore")
	ignore, err := readGitIgnore(ignorePath, opts.F.Rel(ignorePath))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", opts.Dir, err)
	}
	cfg := config.DefaultYAML
	if opts.Agency != "" {
		if bytes.ContainsAny([]byte(opts.Agency), "\n\r") {
			return cmdutil.Usagef("--agency must be one line")
		}
		quoted := fmt.Sprintf("agency: %q", opts.Agency)
		cfg = bytes.Replace(cfg, []byte("agency: Example Agency"), []byte(quoted), 1)
	}
	loaded, err := config.Load(cfg, nil)
	if err != nil {
		return fmt.Errorf("internal error: default configuration does not load: %w", err)
	}
	for _, sub := range []string{store.CasesDir, store.WorkersDir, store.ResourcesDir} {
		if err := os.MkdirAll(filepath.Join(dir, sub), store.DirMode); err != nil {
			return fmt.Errorf("cannot create %s: %w", sub, err)
		}
	}
	if err := ignore.merge(ignorePath); err != nil {
		return err
	}
	if ignore.content != nil && len(ignore.added) > 0 {
		opts.F.Infof("Added %s to the existing %s.", strings.Join(ignore.added, " and "), opts.F.Rel(ignorePath))
	}
	if err := store.CreateFile(cfgPath, cfg); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists; edit it instead of running init again", opts.F.Rel(cfgPath))
		}
		return fmt.Errorf("cannot write %s: %w", config.FileName, err)
	}
	os.Chmod(cfgPath, 0o644)
	if _, err := schemacmd.WriteFiles(dir, loaded); err != nil {
		return err
	}
	if _, err := gitsetup.WriteAttributes(dir); err != nil {
		return err
	}
	if gitsetup.InGit(dir) {
		if err := gitsetup.RegisterDriver(dir); err != nil {
			return err
		}
	}
	where := opts.F.Rel(dir)
	if where == "." {
		where = dir // "in .." reads as a typo: name the directory itself
	}
	opts.F.Infof("Created a case repository in %s. Next: casework worker add ID --name NAME", where)
	if strings.TrimSpace(opts.Agency) == "" {
		opts.F.Warnf("no --agency given: care plans and reports will name \"Example Agency\"; set agency: in %s to your agency's name", opts.F.Rel(cfgPath))
	}
	return nil
}

// gitIgnore is the repository's .gitignore as init found it.
type gitIgnore struct {
	content []byte      // nil when there is none
	mode    os.FileMode // its permissions, kept when it is rewritten
	added   []string    // the patterns merge added
}

// readGitIgnore reads an existing .gitignore, refusing one that is not a
// regular file: init writes no file through a link.
func readGitIgnore(path, shown string) (*gitIgnore, error) {
	info, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return &gitIgnore{mode: 0o644}, nil
	}
	if err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (a link or a special file): replace it with a plain .gitignore file, then run init again", shown)
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", shown, err)
	}
	if data == nil {
		data = []byte{}
	}
	return &gitIgnore{content: data, mode: info.Mode().Perm()}, nil
}

// merge writes the .gitignore with casework's patterns (store.GitIgnored)
// added to what was there, if any was missing: a new file when there was
// none, never replacing one that another process created meanwhile.
func (g *gitIgnore) merge(path string) error {
	data, added := store.GitIgnore(g.content)
	g.added = added
	if len(added) == 0 {
		return nil
	}
	var err error
	if g.content == nil {
		err = store.CreateFile(path, data)
	} else {
		err = store.WriteFile(path, data)
	}
	if err != nil {
		return fmt.Errorf("cannot write .gitignore: %w", err)
	}
	return os.Chmod(path, g.mode)
}

// checkPlace refuses to create a case repository at dir (absolute) inside
// another case repository (a parent directory holding .casework.yaml), or
// inside a git work tree whose top directory is not dir itself, unless
// --nested: the repository would be a part of another one by mistake.
func checkPlace(opts *Options, dir string) error {
	dir = filepath.Clean(dir)
	for parent := filepath.Dir(dir); ; parent = filepath.Dir(parent) {
		if _, err := os.Stat(filepath.Join(parent, config.FileName)); err == nil {
			return cmdutil.Usagef("%s is inside the case repository %s, and a case repository cannot hold another: run init in a directory outside it", opts.Dir, opts.F.Rel(parent))
		}
		if filepath.Dir(parent) == parent {
			break
		}
	}
	if opts.Nested || gitrev.Available() != nil {
		return nil
	}
	existing := dir
	for {
		if info, err := os.Stat(existing); err == nil && info.IsDir() {
			break
		}
		if filepath.Dir(existing) == existing {
			return nil
		}
		existing = filepath.Dir(existing)
	}
	top, err := gitrev.TopLevel(existing)
	if err != nil || sameDir(top, dir) {
		return nil
	}
	return cmdutil.Usagef("%s is inside the git repository %s: a case repository is a git repository of its own; run init outside it, or in its top directory, or give --nested to keep the cases in a subdirectory of it on purpose", opts.Dir, opts.F.Rel(top))
}

// sameDir reports whether a and b are the same directory, links resolved.
func sameDir(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	return err == nil && os.SameFile(ai, bi)
}
