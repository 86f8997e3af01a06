package plancmd

import (
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
)

// actionSetFlags are the flags of `plan action set`, in the order its
// message lists them.
var actionSetFlags = []string{"text", "resource", "responsible", "cost", "due", "start", "end"}

// NewCmdActionSet returns `casework plan action set ID A [--text T]
// [--resource R] [--responsible WHO] [--cost X] [--due DATE] [--start
// DATE] [--end DATE]`.
func NewCmdActionSet(f *cmdutil.Factory) *cobra.Command {
	var text, resource, responsible, due, start, end string
	var cost float64
	cmd := &cobra.Command{
		Use:   "set ID ACTION [--text T] [--resource R] [--responsible WHO] [--cost X] [--due DATE | --start DATE --end DATE]",
		Short: "Change an action's text, resource, who carries it out, cost or dates",
		Long: `Change an action of the care plan. Each flag given replaces that field; an
empty value ('') removes a resource, a responsible or a date. The action
must stay a service (--start, --end) or a task (--due): to turn a task
into a service, give --due '' with --start and --end. Its status is set by
'casework review'; 'casework plan action remove' cancels it. A change
after the client agreed the plan makes the agreement stale.`,
		Example: "  casework plan action set C-2026-7K3Q A1 --cost 300 --end 2026-07-01",
		Args:    cmdutil.ExactArgs(2, "a case ID and an ACTION (A1, A2, …)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			fl := cmd.Flags()
			var e planning.ActionEdit
			given := false
			for _, name := range actionSetFlags {
				given = given || fl.Changed(name)
			}
			if !given {
				return cmdutil.CallErrorf("say what to change: --%s", strings.Join(actionSetFlags, ", --"))
			}
			if fl.Changed("text") {
				e.Text = &text
			}
			if fl.Changed("responsible") {
				if err := checkResponsible(f, responsible); err != nil {
					return err
				}
				e.Responsible = &responsible
			}
			if fl.Changed("cost") {
				e.Cost = &cost
			}
			if fl.Changed("resource") {
				if resource != "" {
					if _, err := f.RequireActiveResource(resource); err != nil {
						return err
					}
				}
				e.Resource = &resource
			}
			for _, d := range []struct {
				name string
				s    string
				to   **casefile.Date
			}{{"due", due, &e.Due}, {"start", start, &e.Start}, {"end", end, &e.End}} {
				if !fl.Changed(d.name) {
					continue
				}
				var date casefile.Date
				var err error
				if d.name == "start" {
					// A service that began before it was recorded is no mistake.
					if d.s != "" {
						if date, err = casefile.ParseDate(d.s); err != nil {
							return cmdutil.Usagef("--start: %w", err)
						}
					}
				} else if date, err = optionalDate(f, d.name, d.s); err != nil {
					return err
				}
				*d.to = &date
			}
			var action *casefile.Action
			_, err := editPlan(f, args[0], func(c *casefile.Case, _ *config.Config) error {
				a, err := planning.EditAction(&c.Plan, args[1], e)
				if err != nil {
					return cmdutil.Usagef("%w", err)
				}
				action = a
				return nil
			})
			if err != nil {
				return err
			}
			f.Changes.Detail = action.ID
			f.Infof("Changed action %s.", action.ID)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&text, "text", "", "the action's new `TEXT`")
	fl.StringVar(&resource, "resource", "", "`RESOURCE` id of the service used ('' removes it)")
	fl.StringVar(&responsible, "responsible", "", "`WHO` carries it out ('' removes it)")
	cmdutil.AmountVar(fl, &cost, "cost", 0, "planned `COST` of the action, in the agency's currency")
	fl.StringVar(&due, "due", "", "a task's due `DATE`, YYYY-MM-DD ('' removes it)")
	fl.StringVar(&start, "start", "", "a service's start `DATE`, YYYY-MM-DD ('' removes it)")
	fl.StringVar(&end, "end", "", "a service's end `DATE`, YYYY-MM-DD ('' removes it)")
	return cmd
}

// NewCmdActionRemove returns `casework plan action remove ID A`.
func NewCmdActionRemove(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID ACTION",
		Short: "Cancel an action: it stays in the plan as cancelled, out of its cost",
		Long: `Cancel an action that will not happen. Nothing recorded is erased: the
action stays in the plan with the status cancelled, no longer counted in
the plan's cost, and its ID is never reused. A done action is not
cancelled.`,
		Example: "  casework plan action remove C-2026-7K3Q A2",
		Args:    cmdutil.ExactArgs(2, "a case ID and an ACTION (A1, A2, …)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var action *casefile.Action
			_, err := editPlan(f, args[0], func(c *casefile.Case, _ *config.Config) error {
				a, err := planning.CancelAction(&c.Plan, args[1])
				if err != nil {
					return cmdutil.Usagef("%w", err)
				}
				action = a
				return nil
			})
			if err != nil {
				return err
			}
			f.Changes.Detail = action.ID
			f.Infof("Cancelled action %s.", action.ID)
			return nil
		},
	}
}
