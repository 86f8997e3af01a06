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
			_, err := fmt.Fprintln(f.IO.Out, Line())
			return err
		},
	}
}

// Line is what both 'casework version' and 'casework --version' print:
// "casework v1.2.3 (go1.26.1, linux/amd64)".
func Line() string {
	return fmt.Sprintf("casework %s (%s, %s/%s)", cmdutil.Version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
