// Package casecmd implements `casework case` and its subcommands.
package casecmd

import (
	"slices"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/spf13/cobra"
)

// NewCmdCase returns `casework case` and its subcommands.
func NewCmdCase(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "case",
		Short:   "Open, list, show, update, assign and move cases",
		GroupID: "cases",
	}
	cmd.AddCommand(
		NewCmdNew(f),
		NewCmdList(f),
		NewCmdShow(f),
		NewCmdSet(f),
		NewCmdAssign(f),
		NewCmdMove(f),
		NewCmdClose(f),
		NewCmdReopen(f),
	)
	return cmd
}

// checkModel checks a model of practice against the configured ones.
func checkModel(cfg *config.Config, model string) error {
	if !slices.Contains(cfg.Models, model) {
		return cmdutil.Usagef("unknown model %q: use one of %s (models in .casework.yaml)", model, strings.Join(cfg.Models, ", "))
	}
	return nil
}
