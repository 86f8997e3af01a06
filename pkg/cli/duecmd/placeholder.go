// Package duecmd implements `casework due`.
package duecmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdDue returns `casework due`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdDue(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "due", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework due is not available in this build")
	}}
}
