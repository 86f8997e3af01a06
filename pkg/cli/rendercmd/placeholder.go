// Package rendercmd implements `casework render`.
package rendercmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdRender returns `casework render`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdRender(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "render", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework render is not available in this build")
	}}
}
