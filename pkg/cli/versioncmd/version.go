// Package versioncmd implements `casework version`.
package versioncmd

import (
	"fmt"
	"runtime"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdVersion returns `casework version`.
func NewCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of casework",
		Args:  cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(f.IO.Out, "casework %s (%s, %s/%s)\n", cmdutil.Version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
