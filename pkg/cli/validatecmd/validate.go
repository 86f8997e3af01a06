// Package validatecmd implements `casework validate`.
package validatecmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/safetext"
	"github.com/casework/casework/pkg/signatures"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/validate"
	"github.com/spf13/cobra"
)

// Output formats of validate.
const (
	formatText   = "text"
	formatGitHub = "github"
)

// Formats are the -o formats of validate's findings, text first: every
// command that reports them (validate, sync) declares these.
var Formats = []string{formatText, output.JSON, formatGitHub}

// Options are the inputs of `casework validate`.
type Options struct {
	F          *cmdutil.Factory
	Paths      []string
	Against    string
	Signatures bool
	NoCache    bool
}

// NewCmdValidate returns `casework validate [PATH...] [--against REV]`.
func NewCmdValidate(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check every file of the repository; exit 1 if anything is wrong",
		Long: `Check every case, worker, resource and note, and the configuration:
YAML syntax, types, required and unknown keys, IDs, references, dates, and
that each case's history is a legal walk through the workflow, in time
order, with the guards of each move holding. With --against, also compare
with the repository at a git revision: history may only be appended to,
phases change only by recorded moves, IDs never change, cases are never
deleted, and closed cases change only by being reopened.

--signatures (or integrity.signatures: required in .casework.yaml) also
checks every commit since REV that adds or changes records: it must be
signed (git's SSH signing, verified by git) with the signing_key of a
worker as workers/ was at REV, and every entry it adds must be recorded as
by that worker.

Each problem is printed as 'path:line:col: error|warning: message [rule]'
(-o json: a list of objects; -o github: annotations for GitHub Actions).
PATH arguments restrict the report to those files or directories.

What a case directory was found to hold is cached in
.casework/cache/validate (owner-only, no client data): a case whose files,
the configuration, the workers, the resources and casework itself are
unchanged is not read again, as git status does not re-read unchanged
files. Cases with findings that depend on the clock are always checked.
--no-cache reads and checks everything; --against never uses the cache.
Exit
status: 0 no errors (warnings alone do not fail), 1 errors found, 2 could
not run.`,
		Example: "  casework validate\n  casework validate cases/C-2026-7K3QX9M2AB\n  casework validate --against origin/main -o github",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Against, "against", "", "also compare with the repository at git revision `REV` (e.g. origin/main)")
	cmd.Flags().BoolVar(&opts.Signatures, "signatures", false, "with --against: every commit since REV that changes records is signed by a worker, and adds only their entries")
	cmd.Flags().BoolVar(&opts.NoCache, "no-cache", false, "read and check every file, without the cache of earlier findings (as CI does on a fresh clone)")
	cmdutil.Prints(cmd, Formats...)
	return cmd
}

// Run validates as the command does, for commands that validate on the
// way (sync): findings are printed, and ErrFindings returned on errors.
func Run(opts *Options) error { return run(opts) }

func run(opts *Options) error {
	f := opts.F
	format := f.Format()
	// The repository is found without loading its configuration: a broken
	// configuration is something to report, not a reason to stop.
	root, err := f.Root()
	if err != nil {
		return err
	}
	paths, err := relPaths(root, f.Cwd, opts.Paths)
	if err != nil {
		return err
	}
	cfg, findings, err := loadConfig(root, f.Getenv)
	if err != nil {
		return err
	}
	if opts.Signatures && opts.Against == "" {
		return cmdutil.Usagef("--signatures checks the commits since a revision: give it with --against REV (e.g. --against origin/main)")
	}
	vopts := validate.Options{Root: root, Config: cfg, Now: f.Now(), NoCache: opts.NoCache}
	if opts.Against != "" {
		files, err := gitrev.Files(root, opts.Against, validate.BaseFile)
		if err != nil {
			if _, gitErr := gitrev.TopLevel(root); gitErr == nil && !gitrev.HasRevision(root, opts.Against) {
				return cmdutil.Usagef("--against %s: no such revision; give a commit, branch or tag (git log shows them)", safetext.Short(opts.Against))
			}
			return err
		}
		vopts.Base = &validate.Base{Rev: opts.Against, Files: files}
	}
	// Checking allocates a lot that dies young, while little stays live:
	// collect garbage less often (memory stays far under 200 MB).
	defer store.LessGarbage()()
	progress := f.Progress("validating cases")
	vopts.Progress = progress.Update
	more, err := validate.Run(vopts)
	progress.Done()
	if err != nil {
		return fmt.Errorf("cannot validate %s: %w", root, err)
	}
	if opts.Against != "" && (opts.Signatures || cfg.Integrity.Signatures == config.SignaturesRequired) {
		signed, err := signatureFindings(root, opts.Against)
		if err != nil {
			return err
		}
		more = append(more, signed...)
	}
	findings = validate.Within(append(findings, more...), paths)
	validate.Sort(findings)
	if err := report(f, format, findings); err != nil {
		return err
	}
	if validate.HasErrors(findings) {
		return cmdutil.ErrFindings
	}
	return nil
}

// loadConfig loads the configuration; when it cannot be loaded, its
// problems become findings and the built-in defaults stand in, so that
// every other file is still checked.
func loadConfig(root string, getenv func(string) string) (*config.Config, []validate.Finding, error) {
	data, err := (&store.Repo{Root: root}).ReadFile(config.FileName)
	if err != nil {
		return config.Default(), []validate.Finding{validate.ReadFailure(config.FileName, err)}, nil
	}
	cfg, err := config.Load(data, getenv)
	if err == nil {
		return cfg, nil, nil
	}
	return config.Default(), validate.FromError(err, config.FileName), nil
}

// relPaths turns PATH arguments into paths relative to the root, checking
// each exists inside the repository.
func relPaths(root, cwd string, args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		abs := a
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, a)
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, cmdutil.Usagef("%s is outside the case repository %s", a, root)
		}
		if _, err := os.Stat(abs); errors.Is(err, os.ErrNotExist) {
			return nil, cmdutil.Usagef("%s: no such file or directory", a)
		}
		out = append(out, filepath.ToSlash(rel))
	}
	return out, nil
}

// report writes the findings in the chosen format, and a summary on stderr
// for people.
func report(f *cmdutil.Factory, format string, findings []validate.Finding) error {
	w := f.IO.Out
	switch format {
	case output.JSON:
		if findings == nil {
			findings = []validate.Finding{}
		}
		return output.WriteJSON(w, findings)
	case formatGitHub:
		for _, fd := range findings {
			fmt.Fprintln(w, fd.GitHub())
		}
	default:
		for _, fd := range findings {
			fmt.Fprintln(w, fd.String())
		}
	}
	errs, warns := validate.Count(findings)
	if errs+warns == 0 {
		f.Infof("No problems found.")
	} else {
		f.Infof("%s, %s.", plural(errs, "error"), plural(warns, "warning"))
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// signatureFindings checks the commits since rev (see pkg/signatures).
func signatureFindings(root, rev string) ([]validate.Finding, error) {
	problems, err := signatures.Check(root, rev)
	if err != nil {
		return nil, err
	}
	out := make([]validate.Finding, len(problems))
	for i, p := range problems {
		out[i] = validate.Finding{Path: p.Path, Line: 1, Col: 1, Severity: validate.Error, Rule: p.Rule, Message: p.Message}
	}
	return out, nil
}
