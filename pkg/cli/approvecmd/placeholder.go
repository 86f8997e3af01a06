// Package approvecmd implements `casework approve`.
package approvecmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdApprove returns `casework approve`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdApprove(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "approve", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework approve is not available in this build")
	}}
}
