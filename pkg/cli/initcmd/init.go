// Package initcmd implements `casework init`.
package initcmd

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/schemacmd"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gitsetup"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework init`.
type Options struct {
	F      *cmdutil.Factory
	Dir    string
	Agency string
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
state, and JSON Schemas of the files in schemas/ with a
.vscode/settings.json that points editors at them (see casework schema). An existing .casework.yaml is never overwritten.`,
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
	return cmd
}

const gitignore = `# casework's local state: the write lock and caches. Never commit it.
.casework/
`

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
	ignorePath := filepath.Join(dir, ".gitignore")
	if err := store.CreateFile(ignorePath, []byte(gitignore)); err == nil {
		os.Chmod(ignorePath, 0o644)
	} else if !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("cannot write .gitignore: %w", err)
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
	opts.F.Infof("Created a case repository in %s. Next: casework worker add ID --name NAME", opts.F.Rel(dir))
	return nil
}
