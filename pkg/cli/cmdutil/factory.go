package cmdutil

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/identity"
	"github.com/casework/casework/pkg/ops"
	"github.com/casework/casework/pkg/safetext"
	"github.com/casework/casework/pkg/store"
)

// IOStreams are the standard streams of a command.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// GlobalFlags are the flags every command takes.
type GlobalFlags struct {
	Dir    string
	Output string
	As     string
	Quiet  bool
	Commit bool
}

// Factory gives commands what they need, loaded lazily: the repository,
// its configuration, the acting worker and the clock.
type Factory struct {
	IO     IOStreams
	Flags  GlobalFlags
	Getenv func(string) string
	Cwd    string
	// Now is the clock. CASEWORK_NOW (RFC 3339) fixes it, for reproducible
	// runs and tests.
	Now func() time.Time
	// Changes is what the command wrote, for --commit.
	Changes Changes

	repo *store.Repo
	cfg  *config.Config
	ops  *ops.Ops
	// formats are the -o formats of the running command (UseFormats).
	formats []string
	// incomplete is set when a listing left out a broken case file.
	incomplete bool
}

// NewFactory returns a Factory over the process's streams and environment.
func NewFactory(in io.Reader, out, errOut io.Writer) *Factory {
	cwd, _ := os.Getwd()
	f := &Factory{IO: IOStreams{In: in, Out: out, ErrOut: errOut}, Getenv: os.Getenv, Cwd: cwd}
	f.Now = func() time.Time {
		if s := f.Getenv("CASEWORK_NOW"); s != "" {
			if t, err := time.Parse(time.RFC3339, s); err == nil {
				return t.UTC()
			}
		}
		return time.Now().UTC().Truncate(time.Second)
	}
	return f
}

// Today is the current date.
func (f *Factory) Today() casefile.Date { return casefile.NewDate(f.Now()) }

// Repo finds the case repository: --dir, else CASEWORK_DIR, else the
// nearest ancestor of the working directory holding .casework.yaml. Its
// configuration is loaded at the same time, so that every command in a
// repository with a broken configuration stops with the config's error.
func (f *Factory) Repo() (*store.Repo, error) {
	if f.repo != nil {
		return f.repo, nil
	}
	root, err := f.Root()
	if err != nil {
		return nil, err
	}
	repo, err := store.Open(root)
	if err != nil {
		return nil, err
	}
	repo.BeforeWrite = f.beforeWrite
	data, err := repo.ReadFile(config.FileName)
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(data, f.Getenv)
	if err != nil {
		return nil, err
	}
	f.repo, f.cfg = repo, cfg
	return repo, nil
}

// Root finds the repository's root directory (--dir, else CASEWORK_DIR,
// else the nearest parent holding .casework.yaml) without loading its
// configuration: validate reports a broken configuration rather than
// stopping at it.
func (f *Factory) Root() (string, error) {
	dir := f.Flags.Dir
	if dir == "" {
		dir = f.Getenv("CASEWORK_DIR")
	}
	return store.FindRoot(dir, f.Cwd)
}

// Config returns the repository's configuration: the built-in defaults,
// then .casework.yaml, then CASEWORK_* environment variables.
func (f *Factory) Config() (*config.Config, error) {
	if _, err := f.Repo(); err != nil {
		return nil, err
	}
	return f.cfg, nil
}

// Ops returns the operations on the repository (package ops), on the
// Factory's clock, telling --commit of every case written.
func (f *Factory) Ops() (*ops.Ops, error) {
	if f.ops != nil {
		return f.ops, nil
	}
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	f.ops = &ops.Ops{Repo: repo, Config: f.cfg, Now: f.Now, Updated: f.Changes.moved}
	return f.ops, nil
}

// Actor is the ID of the worker who is acting: --as, else CASEWORK_USER,
// else user in the config, else git's user.email matched against the
// workers' email. Whichever is given must name a worker in workers/.
func (f *Factory) Actor() (string, error) {
	repo, err := f.Repo()
	if err != nil {
		return "", err
	}
	claims := []identity.Claim{{Value: f.Flags.As, Source: "--as"}, {Value: f.Getenv("CASEWORK_USER"), Source: "CASEWORK_USER"}}
	if f.Flags.As == "" && f.Getenv("CASEWORK_USER") == "" {
		cfg, err := f.Config()
		if err != nil {
			return "", err
		}
		claims = append(claims, identity.Claim{Value: cfg.User, Source: "user in .casework.yaml"})
		if cfg.User == "" {
			claims = append(claims, identity.Claim{Value: gitrev.ConfigValue(repo.Root, "user.email"), Source: "git's user.email"})
		}
	}
	w, err := identity.Resolve(identity.RepoDirectory{Repo: repo}, claims...)
	if err != nil {
		return "", err
	}
	return w.ID, nil
}

// Warnf writes a warning to stderr unless --quiet.
func (f *Factory) Warnf(format string, args ...any) {
	if !f.Flags.Quiet {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+safetext.Escape(fmt.Sprintf(format, args...)))
	}
}

// Infof writes a progress or status message to stderr unless --quiet.
func (f *Factory) Infof(format string, args ...any) {
	if !f.Flags.Quiet {
		fmt.Fprintln(f.IO.ErrOut, safetext.Escape(fmt.Sprintf(format, args...)))
	}
}

// Rel returns path relative to the working directory when that is shorter,
// for messages.
func (f *Factory) Rel(path string) string {
	if rel, err := filepath.Rel(f.Cwd, path); err == nil && len(rel) < len(path) {
		return rel
	}
	return path
}
