// Package householdcmd implements `casework member` and `casework
// network`: the client's household and support network.
package householdcmd

import (
	"github.com/casework/casework/pkg/ops"
	"github.com/casework/casework/pkg/store"
	"strconv"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/household"
	"github.com/spf13/cobra"
)

// memberFlags are the fields of a member given on the command line.
type memberFlags struct {
	name, relationship, dob, role, phone string
	livesWith                            bool
}

func (m *memberFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&m.name, "name", "", "the member's `NAME`")
	fl.StringVar(&m.relationship, "relationship", "", "how they are related to the client: son, partner, grandmother, …")
	fl.StringVar(&m.dob, "dob", "", "date of birth, `YYYY-MM-DD`")
	fl.BoolVar(&m.livesWith, "lives-with", false, "they live with the client")
	fl.StringVar(&m.role, "role", "", "their `ROLE` in the household (household.roles in .casework.yaml)")
	fl.StringVar(&m.phone, "phone", "", "their phone number")
}

// apply sets the fields given on the command line on m.
func (m *memberFlags) apply(cmd *cobra.Command, to *casefile.Member) error {
	fl := cmd.Flags()
	if fl.Changed("dob") {
		d, err := casefile.ParseDate(m.dob)
		if err != nil {
			return cmdutil.Usagef("--dob: %w", err)
		}
		to.DOB = d
	}
	set := func(flag string, v string, field *string) {
		if fl.Changed(flag) {
			*field = v
		}
	}
	set("name", m.name, &to.Name)
	set("relationship", m.relationship, &to.Relationship)
	set("role", m.role, &to.Role)
	set("phone", m.phone, &to.Phone)
	if fl.Changed("lives-with") {
		to.LivesWith = m.livesWith
	}
	return nil
}

// NewCmdMember returns `casework member add|list|set|remove`.
func NewCmdMember(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "member",
		Short: "The client's household: add, list, change and remove members",
		Long: `The members of the client's household, with IDs M1, M2, … that are never
reused. A member who leaves is not erased: 'member remove' records when,
why and by whom, and the entry stays. An action of the plan may serve a
member ('plan action add --for M1'), and 'assess --member M1' assesses
them.`,
		GroupID: "cases",
	}
	cmd.AddCommand(newMemberAdd(f), newMemberList(f), newMemberSet(f), newMemberRemove(f))
	return cmd
}

func newMemberAdd(f *cmdutil.Factory) *cobra.Command {
	var m memberFlags
	cmd := &cobra.Command{
		Use:     "add ID --name N --relationship R [--dob D] [--lives-with] [--role ROLE]",
		Short:   "Add a household member; prints the member's ID",
		Example: "  casework member add C-2026-7K3Q --name 'Leo Lopez' --relationship son --dob 2015-02-11 --lives-with --role child",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var added casefile.Member
			if err := m.apply(cmd, &added); err != nil {
				return err
			}
			rec, err := updateCase(f, args[0], func(c *casefile.Case, cfg *config.Config, now time.Time) error {
				var err error
				if added, err = household.AddMember(c, added, cfg.Household.Roles); err != nil {
					return cmdutil.Usagef("%w", err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Added household member %s to %s.", added.ID, rec.Data.ID)
			_, err = f.IO.Out.Write([]byte(added.ID + "\n"))
			return err
		},
	}
	m.register(cmd)
	return cmd
}

func newMemberSet(f *cmdutil.Factory) *cobra.Command {
	var m memberFlags
	cmd := &cobra.Command{
		Use:     "set ID MEMBER [--name N] [--relationship R] [--dob D] [--lives-with=true|false] [--role ROLE]",
		Short:   "Change a household member's details",
		Example: "  casework member set C-2026-7K3Q M1 --lives-with=false",
		Args:    cmdutil.ExactArgs(2, "a case ID and a member ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().NFlag() == 0 {
				return cmdutil.Usagef("say what to change: --name, --relationship, --dob, --lives-with, --role or --phone")
			}
			rec, err := updateCase(f, args[0], func(c *casefile.Case, cfg *config.Config, now time.Time) error {
				var ferr error
				_, err := household.SetMember(c, args[1], cfg.Household.Roles, func(to *casefile.Member) { ferr = m.apply(cmd, to) })
				if ferr != nil {
					return ferr
				}
				if err != nil {
					return cmdutil.Usagef("%w", err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Changed household member %s of %s.", strings.ToUpper(args[1]), rec.Data.ID)
			return nil
		},
	}
	m.register(cmd)
	return cmd
}

func newMemberRemove(f *cmdutil.Factory) *cobra.Command {
	return newEndCmd(f, endCmd{
		use:     "remove ID MEMBER --reason R",
		short:   "Record that a member left the household (the entry is kept)",
		example: "  casework member remove C-2026-7K3Q M3 --reason 'moved in with his father'",
		what:    "a member ID",
		reason:  "why they left (required)",
		end:     household.RemoveMember,
		done:    "Recorded that %s left the household of %s.",
	})
}

// endCmd describes a command that records the end of an entry of a case
// (a member leaving the household, a tie ending): the entry is kept.
type endCmd struct {
	use, short, example, what, reason, done string
	end                                     func(*casefile.Case, string, casefile.Ended) error
}

// newEndCmd builds the command e describes: ID ENTRY --reason R, recorded
// with who acts and the time taken under the lock.
func newEndCmd(f *cmdutil.Factory, e endCmd) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:     e.use,
		Short:   e.short,
		Example: e.example,
		Args:    cmdutil.ExactArgs(2, "a case ID and "+e.what),
		RunE: func(cmd *cobra.Command, args []string) error {
			by, err := f.Actor()
			if err != nil {
				return err
			}
			rec, err := updateCase(f, args[0], func(c *casefile.Case, cfg *config.Config, now time.Time) error {
				if err := e.end(c, args[1], casefile.Ended{At: now, By: by, Reason: reason}); err != nil {
					return cmdutil.Usagef("%w", err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof(e.done, strings.ToUpper(args[1]), rec.Data.ID)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", e.reason)
	return cmd
}

func newMemberList(f *cmdutil.Factory) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:     "list ID [--all]",
		Short:   "List the household (--all includes those who left)",
		Example: "  casework member list C-2026-7K3Q",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			rec, err := f.LoadCase(args[0])
			if err != nil {
				return err
			}
			now := f.Now()
			members := []casefile.Member{}
			tab := &output.Tabular{Header: []string{"ID", "NAME", "RELATIONSHIP", "AGE", "LIVES WITH", "ROLE", "LEFT"}}
			for _, m := range rec.Data.Household {
				if !m.Current() && !all {
					continue
				}
				members = append(members, m)
				age := ""
				if n, ok := household.Age(m.DOB, now); ok {
					age = strconv.Itoa(n)
				}
				left := ""
				if m.Removed != nil {
					left = casefile.NewDate(m.Removed.At).String()
				}
				tab.Rows = append(tab.Rows, []string{m.ID, m.Name, m.Relationship, age, yes(m.LivesWith), m.Role, left})
			}
			return p.Print(members, tab)
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include members who left the household")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// updateCase changes the case named by id under the repository lock (see
// ops.Ops.UpdateCase).
func updateCase(f *cmdutil.Factory, id string, edit ops.Edit) (*store.Record[casefile.Case], error) {
	o, err := f.Ops()
	if err != nil {
		return nil, err
	}
	return o.UpdateCase(id, edit)
}
