// Package assesscmd implements `casework assess`.
package assesscmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdAssess returns `casework assess`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdAssess(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "assess", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework assess is not available in this build")
	}}
}
