// Package caseloadcmd implements `casework caseload`.
package caseloadcmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdCaseload returns `casework caseload`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdCaseload(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "caseload", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework caseload is not available in this build")
	}}
}
