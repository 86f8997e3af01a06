// Package workflowcmd implements `casework workflow`.
package workflowcmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdWorkflow returns `casework workflow`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdWorkflow(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "workflow", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework workflow is not available in this build")
	}}
}
