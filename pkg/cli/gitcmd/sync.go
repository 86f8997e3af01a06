package gitcmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/validatecmd"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/gitsetup"
	"github.com/spf13/cobra"
)

// NewCmdSync returns `casework sync`.
func NewCmdSync(f *cmdutil.Factory) *cobra.Command {
	// sync reports the merged repository's findings as validate does.
	return cmdutil.Prints(&cobra.Command{
		Use:   "sync",
		Short: "Fetch colleagues' work, merge it with yours, validate, and push",
		Long: `The one command a worker on a laptop needs to share work: fetch the
branch this one follows, merge it (record files through casework's merge
driver, which keeps every entry of both sides), validate the result
against what was fetched (as CI does, with --signatures when
integrity.signatures is required), and push.

It stops before pushing, with what to do next, when a merge conflict needs
a person (exit 1: 'casework validate' names each conflict), when the
merged repository does not validate (exit 1), or when there are changes
not yet committed, the branch follows no remote, or git fails (exit 2).`,
		Example: "  casework sync",
		GroupID: "agency",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSync(f)
		},
	}, validatecmd.Formats...)
}

func runSync(f *cmdutil.Factory) error {
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	if err := gitrev.Available(); err != nil {
		return err
	}
	root := repo.Root
	if !gitsetup.InGit(root) {
		return cmdutil.Usagef("%s is not in a git repository: clone the agency's repository, or run 'git init' and add a remote", f.Rel(root))
	}
	dirty, err := gitrev.Dirty(root)
	if err != nil {
		return err
	}
	if len(dirty) > 0 {
		return cmdutil.Usagef("%d file(s) have changes not committed (%s): commit them first (git add, git commit; or run commands with --commit), then sync", len(dirty), listed(dirty))
	}
	remote, branch, ok := gitrev.Upstream(root)
	if !ok {
		return cmdutil.Usagef("this branch follows no remote branch: push it once with 'git push -u origin BRANCH', then sync")
	}
	if gitrev.ConfigValue(root, "merge."+gitsetup.Driver+".driver") == "" {
		if err := gitsetup.RegisterDriver(root); err != nil {
			return err
		}
		f.Infof("Registered casework's merge driver in this clone.")
	}
	upstream := remote + "/" + branch
	if err := gitrev.Fetch(root, remote); err != nil {
		return err
	}
	incoming, err := gitrev.Count(root, "HEAD", upstream)
	if err != nil {
		return err
	}
	if incoming > 0 {
		conflicted, err := gitrev.Merge(root, upstream)
		if err != nil {
			return err
		}
		if len(conflicted) > 0 {
			fmt.Fprintf(f.IO.ErrOut, "The merge with %s needs a person: %s changed on both sides in the same place. Nothing was pushed.\n"+
				"Run 'casework validate' to see each conflict, keep the right value, remove the marker lines, 'git commit', then 'casework sync' again (or 'git merge --abort' to undo the merge).\n",
				upstream, listed(conflicted))
			return cmdutil.ErrFindings
		}
	}
	if err := validatecmd.Run(&validatecmd.Options{F: f, Against: upstream}); err != nil {
		if errors.Is(err, cmdutil.ErrFindings) {
			fmt.Fprintf(f.IO.ErrOut, "Validation failed: nothing was pushed. Fix what it lists, commit, and run 'casework sync' again.\n")
		}
		return err
	}
	outgoing, err := gitrev.Count(root, upstream, "HEAD")
	if err != nil {
		return err
	}
	if outgoing > 0 {
		if err := gitrev.Push(root, remote, branch); err != nil {
			return fmt.Errorf("%w: if someone pushed meanwhile, run 'casework sync' again", err)
		}
	}
	f.Infof("Synced with %s: %s in, %s out.", upstream, commits(incoming), commits(outgoing))
	return nil
}

func commits(n int) string {
	if n == 1 {
		return "1 commit"
	}
	return fmt.Sprintf("%d commits", n)
}

func listed(files []string) string {
	if len(files) <= 3 {
		return strings.Join(files, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(files[:3], ", "), len(files)-3)
}
