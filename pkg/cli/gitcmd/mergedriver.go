// Package gitcmd implements casework's commands for working with git
// across clones: `casework git setup`, `casework merge-driver` (run by
// git) and `casework sync`.
package gitcmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/merge"
	"github.com/spf13/cobra"
)

// NewCmdMergeDriver returns `casework merge-driver BASE OURS THEIRS PATH`,
// which git runs to merge record files (see `casework git setup`).
func NewCmdMergeDriver(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "merge-driver BASE OURS THEIRS PATH",
		Short: "Merge two versions of a record file (run by git)",
		Long: `git runs this to merge case, worker and resource files, once 'casework
init' or 'casework git setup' has registered it (git's %O %A %B %P).

Entries of the append-only lists (history, assessments, reviews,
approvals, and every list of entries with an 'at' time) are kept from both
sides, in time order, each once. Goals and actions are matched by id.
Other fields merge three-way. The same field changed differently on both
sides is a conflict: the file is left with both values between git's
conflict markers, the field named on the marker lines, and git stops so
that a person decides; 'casework validate' then names each one. The
result is in canonical form ('casework fmt'), with comments kept.

Exit status 0: merged; 1: conflicts left in OURS; 2: it could not run.`,
		Args: cmdutil.ExactArgs(4, "the ancestor's, ours, theirs and the path (git's %O %A %B %P)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMergeDriver(f, args[0], args[1], args[2], args[3])
		},
	}
}

func runMergeDriver(f *cmdutil.Factory, basePath, oursPath, theirsPath, name string) error {
	name = filepath.ToSlash(name)
	var data [3][]byte
	for i, p := range []string{basePath, oursPath, theirsPath} {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("merge-driver: cannot read %s: %w", p, err)
		}
		data[i] = b
	}
	out, conflicts, err := merge.Files(name, data[0], data[1], data[2])
	if err != nil {
		// Not a record file casework can read: git's line merge, so that
		// nothing is lost and a person sees the usual markers.
		f.Warnf("%s: merged as text, not as records: %v", name, err)
		left, mErr := gitrev.MergeFile(oursPath, basePath, theirsPath)
		if mErr != nil {
			return mErr
		}
		if left {
			fmt.Fprintf(f.IO.ErrOut, "%s: conflicts left between markers: resolve them, then run 'casework validate'\n", name)
			return cmdutil.ErrFindings
		}
		return nil
	}
	if err := os.WriteFile(oursPath, out, 0o644); err != nil {
		return fmt.Errorf("merge-driver: cannot write the result: %w", err)
	}
	if len(conflicts) > 0 {
		fields := make([]string, len(conflicts))
		for i, c := range conflicts {
			fields[i] = c.Path
		}
		fmt.Fprintf(f.IO.ErrOut, "%s: both sides changed %s differently: both values are kept between conflict markers; keep one, remove the markers, then run 'casework validate'\n", name, strings.Join(fields, ", "))
		return cmdutil.ErrFindings
	}
	return nil
}
