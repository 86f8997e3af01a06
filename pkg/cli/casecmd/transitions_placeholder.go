package casecmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// Placeholders for `case move`, `case close` and `case reopen`, replaced
// by move.go, close.go and reopen.go.

// NewCmdMove returns `casework case move`.
func NewCmdMove(f *cmdutil.Factory) *cobra.Command { return placeholder("move") }

// NewCmdClose returns `casework case close`.
func NewCmdClose(f *cmdutil.Factory) *cobra.Command { return placeholder("close") }

// NewCmdReopen returns `casework case reopen`.
func NewCmdReopen(f *cmdutil.Factory) *cobra.Command { return placeholder("reopen") }

func placeholder(name string) *cobra.Command {
	return &cobra.Command{Use: name, Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework case " + name + " is not available in this build")
	}}
}
