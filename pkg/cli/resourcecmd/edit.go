package resourcecmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// checkResource checks the values of a resource that add and set write.
func checkResource(r casefile.Resource) error {
	if strings.TrimSpace(r.Name) == "" || strings.TrimSpace(r.Category) == "" {
		return cmdutil.Usagef("--name and --category must not be empty")
	}
	if r.Cost > 0 && r.Per == "" {
		return cmdutil.Usagef("--cost needs --per UNIT, for example --per session")
	}
	return nil
}

// NewCmdSet returns `casework resource set ID [--name N] [--category C]
// [--cost X] [--per UNIT] [--provider P] [--contact C] [--eligibility E]`.
func NewCmdSet(f *cmdutil.Factory) *cobra.Command {
	var r casefile.Resource
	cmd := &cobra.Command{
		Use:   "set ID [--name N] [--category C] [--cost X --per UNIT] [--provider P] [--contact C] [--eligibility E]",
		Short: "Change a community resource: name, category, cost, provider, contact, eligibility",
		Long: `Change a resource's file: each flag given replaces that value; '' removes
a provider, contact or eligibility, and --cost 0 makes it free. The ID
never changes. The cost of actions already planned is theirs and does not
change. With --commit, git keeps the earlier values; 'casework resource
retire' records that it is no longer offered.`,
		Example: "  casework resource set home-care --cost 24 --per hour",
		Args:    cmdutil.ExactArgs(1, "one resource ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			changed, err := cmdutil.ChangedFlags(cmd, "say what to change: --name, --category, --cost, --per, --provider, --contact or --eligibility")
			if err != nil {
				return err
			}
			if _, err := f.Actor(); err != nil {
				return err
			}
			o, err := f.Ops()
			if err != nil {
				return err
			}
			_, err = o.UpdateResource(args[0], func(cur *casefile.Resource, _ time.Time) error {
				next := *cur
				for _, name := range changed {
					switch name {
					case "name":
						next.Name = r.Name
					case "category":
						next.Category = r.Category
					case "cost":
						next.Cost = r.Cost
					case "per":
						next.Per = r.Per
					case "provider":
						next.Provider = r.Provider
					case "contact":
						next.Contact = r.Contact
					case "eligibility":
						next.Eligibility = r.Eligibility
					}
				}
				if err := checkResource(next); err != nil {
					return err
				}
				*cur = next
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Updated resource %s: %s.", args[0], strings.Join(changed, ", "))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&r.Name, "name", "", "`NAME` of the resource or service")
	fl.StringVar(&r.Category, "category", "", "`CATEGORY`: housing, food, health, income, …")
	cmdutil.AmountVar(fl, &r.Cost, "cost", 0, "`COST` per unit (with --per); 0 makes it free")
	fl.StringVar(&r.Per, "per", "", "`UNIT` the cost is per: hour, session, month, …")
	fl.StringVar(&r.Provider, "provider", "", "`ORGANISATION` that provides it ('' removes it)")
	fl.StringVar(&r.Contact, "contact", "", "how to reach the provider ('' removes it)")
	fl.StringVar(&r.Eligibility, "eligibility", "", "who may use it ('' removes it)")
	return cmd
}

// NewCmdRetire returns `casework resource retire ID [--reason R]`.
func NewCmdRetire(f *cmdutil.Factory) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "retire ID [--reason R]",
		Short: "Record that a resource is no longer offered; plans that used it keep it",
		Long: `Record that a resource is no longer offered: its file stays, with retired:
(the date, who recorded it and why), so the plans that name it stay valid.
No new action may use it ('plan action add' and 'plan action set' refuse
it), and 'casework validate' warns of every action still planned or
active that uses it.`,
		Example: "  casework resource retire food-bank --reason 'closed in May'",
		Args:    cmdutil.ExactArgs(1, "one resource ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			by, err := f.Actor()
			if err != nil {
				return err
			}
			o, err := f.Ops()
			if err != nil {
				return err
			}
			rec, err := o.UpdateResource(args[0], func(r *casefile.Resource, now time.Time) error {
				if r.IsRetired() {
					return cmdutil.Usagef("resource %s already retired on %s", r.ID, r.Retired.On)
				}
				r.Retired = &casefile.Retired{On: casefile.NewDate(now), By: by, Reason: strings.TrimSpace(reason)}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Retired resource %s on %s; 'casework validate' lists the plans that still use it.", rec.Data.ID, rec.Data.Retired.On)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why it is no longer offered")
	return cmd
}
