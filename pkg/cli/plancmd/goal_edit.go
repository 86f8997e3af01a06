package plancmd

import (
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// NewCmdGoalSet returns `casework plan goal set ID G [--text T] [--domain
// D] [--target DATE]`.
func NewCmdGoalSet(f *cmdutil.Factory) *cobra.Command {
	var text, domain, target string
	cmd := &cobra.Command{
		Use:   "set ID GOAL [--text T] [--domain D] [--target DATE]",
		Short: "Change a goal's text, domain or target date",
		Long: `Change the wording of a goal: its text, its assessment domain or its
target date (--target '' removes it). Its status is set by 'casework
review'; 'casework plan goal remove' drops it. A change after the client
agreed the plan makes the agreement stale.`,
		Example: "  casework plan goal set C-2026-7K3Q G1 --text 'Keep the flat on Elm Street' --target 2026-09-30",
		Args:    cmdutil.ExactArgs(2, "a case ID and a GOAL (G1, G2, …)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			fl := cmd.Flags()
			if !fl.Changed("text") && !fl.Changed("domain") && !fl.Changed("target") {
				return cmdutil.CallErrorf("say what to change: --text, --domain or --target")
			}
			var e planning.GoalEdit
			if fl.Changed("text") {
				e.Text = &text
			}
			if fl.Changed("domain") {
				e.Domain = &domain
			}
			if fl.Changed("target") {
				d, err := optionalDate(f, "target", target)
				if err != nil {
					return err
				}
				e.Target = &d
			}
			var goal *casefile.Goal
			_, err := editPlan(f, args[0], func(c *casefile.Case, cfg *config.Config) error {
				if e.Domain != nil && *e.Domain != "" {
					if err := checkDomain(c, cfg, *e.Domain); err != nil {
						return err
					}
				}
				g, err := planning.EditGoal(&c.Plan, args[1], e)
				if err != nil {
					return cmdutil.Usagef("%w", err)
				}
				goal = g
				return nil
			})
			if err != nil {
				return err
			}
			f.Changes.Detail = goal.ID
			f.Infof("Changed goal %s.", goal.ID)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&text, "text", "", "the goal's new `TEXT`")
	fl.StringVar(&domain, "domain", "", "assessment `DOMAIN` the goal addresses ('' removes it)")
	fl.StringVar(&target, "target", "", "target `DATE`, YYYY-MM-DD ('' removes it)")
	return cmd
}

// NewCmdGoalRemove returns `casework plan goal remove ID G`.
func NewCmdGoalRemove(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID GOAL",
		Short: "Drop a goal: it stays in the plan as dropped, its open actions cancelled",
		Long: `Drop a goal that is no longer pursued. Nothing recorded is erased: the goal
stays in the plan with the status dropped, its actions still planned or
active become cancelled (out of the plan's cost), and its ID is never
reused. An achieved goal is not dropped. Reviews and 'plan show' keep
showing it.`,
		Example: "  casework plan goal remove C-2026-7K3Q G2",
		Args:    cmdutil.ExactArgs(2, "a case ID and a GOAL (G1, G2, …)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var goal *casefile.Goal
			var cancelled []string
			_, err := editPlan(f, args[0], func(c *casefile.Case, _ *config.Config) error {
				g, actions, err := planning.DropGoal(&c.Plan, args[1])
				if err != nil {
					return cmdutil.Usagef("%w", err)
				}
				goal, cancelled = g, actions
				return nil
			})
			if err != nil {
				return err
			}
			f.Changes.Detail = goal.ID
			msg := "Dropped goal " + goal.ID
			if len(cancelled) > 0 {
				msg += "; cancelled its " + cmdutil.Plural(len(cancelled), "open action", "open actions") + " (" + strings.Join(cancelled, ", ") + ")"
			}
			f.Infof("%s.", msg)
			return nil
		},
	}
}
