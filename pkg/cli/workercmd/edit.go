package workercmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// checkWorker checks the values of a worker that add and set write: a
// name on one line, an FTE in (0, 1], a plausible e-mail address.
func checkWorker(w casefile.Worker) error {
	if strings.TrimSpace(w.Name) == "" {
		return cmdutil.Usagef("--name must not be empty")
	}
	if p := casefile.CheckName("--name", w.Name); p != nil {
		return cmdutil.Usagef("%s", p.Msg)
	}
	if !(w.FTE > 0 && w.FTE <= 1) { // NaN too
		return cmdutil.Usagef("--fte %s is out of range: give a number more than 0 and at most 1 (0.5 for half time)", cmdutil.Number(w.FTE))
	}
	if p := casefile.CheckEmail("--email", w.Email); p != nil {
		return cmdutil.Usagef("%s", p.Msg)
	}
	return nil
}

// NewCmdSet returns `casework worker set ID [--name N] [--role R] [--fte
// F] [--team T] [--email E] [--phone P] [--signing-key KEY]`.
func NewCmdSet(f *cmdutil.Factory) *cobra.Command {
	var w casefile.Worker
	var signingKey string
	cmd := &cobra.Command{
		Use:   "set ID [--name N] [--role R] [--fte F] [--team T] [--email E] [--phone P] [--signing-key KEY]",
		Short: "Change a caseworker's name, role, FTE, team or contact details",
		Long: `Change a worker's file: each flag given replaces that value; '' removes a
team, an e-mail address, a phone number or a signing key. The ID never
changes. With --commit, git keeps the earlier values; 'casework worker
retire' records that a worker left.`,
		Example: "  casework worker set w-ana --fte 0.6 --team south",
		Args:    cmdutil.ExactArgs(1, "one worker ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			fl := cmd.Flags()
			changed, err := cmdutil.ChangedFlags(cmd, "say what to change: --name, --role, --fte, --team, --email, --phone or --signing-key")
			if err != nil {
				return err
			}
			if fl.Changed("signing-key") && signingKey != "" {
				key, err := readKey(signingKey)
				if err != nil {
					return err
				}
				signingKey = key
			}
			if _, err := f.Actor(); err != nil {
				return err
			}
			o, err := f.Ops()
			if err != nil {
				return err
			}
			_, err = o.UpdateWorker(args[0], func(cur *casefile.Worker, _ time.Time) error {
				next := *cur
				for _, name := range changed {
					switch name {
					case "name":
						next.Name = w.Name
					case "role":
						next.Role = w.Role
					case "fte":
						next.FTE = w.FTE
					case "team":
						next.Team = w.Team
					case "email":
						next.Email = w.Email
					case "phone":
						next.Phone = w.Phone
					case "signing-key":
						next.SigningKey = signingKey
					}
				}
				if next.Role == "" {
					return cmdutil.Usagef("--role must not be empty")
				}
				if err := checkWorker(next); err != nil {
					return err
				}
				*cur = next
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Updated worker %s: %s.", args[0], strings.Join(changed, ", "))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&w.Name, "name", "", "full `NAME`")
	fl.StringVar(&w.Role, "role", "", "`ROLE`: social-worker, nurse, psychologist, educator, supervisor, …")
	fl.Float64Var(&w.FTE, "fte", 1, "full-time equivalent, more than 0 and at most 1")
	fl.StringVar(&w.Team, "team", "", "`TEAM` the worker belongs to ('' removes it)")
	fl.StringVar(&w.Email, "email", "", "e-mail `ADDRESS` ('' removes it)")
	fl.StringVar(&w.Phone, "phone", "", "`PHONE` number clients reach the worker on ('' removes it)")
	fl.StringVar(&signingKey, "signing-key", "", "SSH public key the worker signs commits with: a .pub `FILE`, or the key itself ('' removes it)")
	return cmd
}

// NewCmdRetire returns `casework worker retire ID [--reason R]`.
func NewCmdRetire(f *cmdutil.Factory) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "retire ID [--reason R]",
		Short: "Record that a caseworker left; they take no new cases, their history stays",
		Long: `Record that a worker left the agency: their file stays, with retired: (the
date, who recorded it and why), so the cases and history that name them
stay valid. A retired worker takes no new cases ('case new', 'case
assign' and 'caseload rebalance' pass them by) and no longer acts for
the agency (--as or CASEWORK_USER naming them is refused), and
'casework validate' warns of every open case they still hold. Reassign
those first, or after.`,
		Example: "  casework worker retire w-bo --reason 'left the agency'",
		Args:    cmdutil.ExactArgs(1, "one worker ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			by, err := f.Actor()
			if err != nil {
				return err
			}
			o, err := f.Ops()
			if err != nil {
				return err
			}
			rec, err := o.UpdateWorker(args[0], func(w *casefile.Worker, now time.Time) error {
				if w.IsRetired() {
					return cmdutil.Usagef("worker %s already retired on %s", w.ID, w.Retired.On)
				}
				w.Retired = &casefile.Retired{On: casefile.NewDate(now), By: by, Reason: strings.TrimSpace(reason)}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Retired worker %s on %s.", rec.Data.ID, rec.Data.Retired.On)
			if held, err := o.Holding(rec.Data.ID, false); err == nil && held.Active > 0 {
				f.Warnf("%s still holds %s: reassign them with 'casework case assign ID WORKER' or 'casework caseload rebalance'", rec.Data.ID, cmdutil.Plural(held.Active, "open case", "open cases"))
			} else if err != nil {
				f.Warnf("cannot count the cases %s still holds: %v", rec.Data.ID, err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the worker left")
	return cmd
}
