// Package reviewcmd implements `casework review`.
package reviewcmd

import (
	"errors"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// NewCmdReview returns `casework review`. Placeholder: replaced by the real
// command; hidden until then.
func NewCmdReview(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{Use: "review", Hidden: true, RunE: func(*cobra.Command, []string) error {
		return errors.New("casework review is not available in this build")
	}}
}
