// Package plancmd implements `casework plan`.
package plancmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdPlan returns `casework plan`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdPlan(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "plan", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework plan is not available in this build")
	}}
}
