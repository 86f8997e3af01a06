// Package validatecmd implements `casework validate`.
package validatecmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdValidate returns `casework validate`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdValidate(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "validate", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework validate is not available in this build")
	}}
}
