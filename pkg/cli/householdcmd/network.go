package householdcmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/household"
	"github.com/spf13/cobra"
)

// contactFlags are the fields of a network contact given on the command
// line.
type contactFlags struct {
	name, relationship, kind, organisation, contact, strength string
	provides                                                  []string
}

func (n *contactFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&n.name, "name", "", "the person's or organisation's `NAME`")
	fl.StringVar(&n.relationship, "relationship", "", "who they are to the client: sister, neighbour, GP, form tutor, …")
	fl.StringVar(&n.kind, "kind", "", "informal (family, friends, neighbours, faith group) or professional (default informal)")
	fl.StringVar(&n.organisation, "organisation", "", "the `ORGANISATION` a professional works for")
	fl.StringVar(&n.contact, "contact", "", "how to reach them: phone or e-mail")
	fl.StringArrayVar(&n.provides, "provides", nil, "what they give the client (repeat): network.provides in .casework.yaml")
	fl.StringVar(&n.strength, "strength", "", "the tie: strong, moderate, weak or stressful")
}

func (n *contactFlags) apply(cmd *cobra.Command, to *casefile.Contact) {
	fl := cmd.Flags()
	set := func(flag, v string, field *string) {
		if fl.Changed(flag) {
			*field = v
		}
	}
	set("name", n.name, &to.Name)
	set("relationship", n.relationship, &to.Relationship)
	set("kind", n.kind, &to.Kind)
	set("organisation", n.organisation, &to.Organisation)
	set("contact", n.contact, &to.Contact)
	set("strength", n.strength, &to.Strength)
	if fl.Changed("provides") {
		to.Provides = n.provides
	}
}

// NewCmdNetwork returns `casework network ID [--mermaid]` with its
// add|list|set|end subcommands.
func NewCmdNetwork(f *cmdutil.Factory) *cobra.Command {
	var mermaid bool
	cmd := &cobra.Command{
		Use:   "network [ID --mermaid]",
		Short: "The client's support network: add, list, change and end ties; draw the eco-map",
		Long: `The people and organisations around the client, with IDs N1, N2, … that
are never reused: the informal network (family, friends, neighbours, a
faith group) and the professionals around them (GP, school, probation,
housing officer). Each has what they provide and the strength of the tie:
strong, moderate, weak or stressful. A tie that ends keeps its entry.

'casework network ID --mermaid' draws the eco-map, a Mermaid flowchart
that GitHub and GitLab render: the client at the centre, the household,
the network, each tie drawn by its strength. A professional of the network
can be named responsible for an action of the plan (--responsible N2).`,
		Example: `  casework network add C-2026-7K3Q --name 'Rosa Lopez' --relationship sister --provides childcare --provides emotional --strength strong
  casework network add C-2026-7K3Q --name 'Dr Shah' --relationship GP --kind professional --organisation 'Mill Lane Surgery'
  casework network C-2026-7K3Q --mermaid`,
		GroupID: "cases",
		Args:    cmdutil.RangeArgs(0, 1, "a case ID, with --mermaid"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || !mermaid {
				return cmdutil.Usagef("give a subcommand (add, list, set, end), or a case ID with --mermaid for its eco-map")
			}
			rec, err := f.LoadCase(args[0])
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(f.IO.Out, household.EcoMap(&rec.Data, false))
			return err
		},
	}
	cmd.Flags().BoolVar(&mermaid, "mermaid", false, "print the eco-map as a Mermaid flowchart")
	cmd.AddCommand(newNetworkAdd(f), newNetworkList(f), newNetworkSet(f), newNetworkEnd(f))
	return cmd
}

func newNetworkAdd(f *cmdutil.Factory) *cobra.Command {
	var n contactFlags
	cmd := &cobra.Command{
		Use:   "add ID --name N --relationship R [--kind informal|professional] [--organisation O] [--provides WHAT]... [--strength S] [--contact C]",
		Short: "Add a person or organisation to the client's network; prints its ID",
		Args:  cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			var added casefile.Contact
			n.apply(cmd, &added)
			rec, err := updateCase(f, args[0], func(c *casefile.Case, cfg *config.Config, now time.Time) error {
				var err error
				if added, err = household.AddContact(c, added, cfg.Network.Provides); err != nil {
					return cmdutil.Usagef("%w", err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Added %s to the network of %s.", added.ID, rec.Data.ID)
			_, err = fmt.Fprintln(f.IO.Out, added.ID)
			return err
		},
	}
	n.register(cmd)
	return cmd
}

func newNetworkSet(f *cmdutil.Factory) *cobra.Command {
	var n contactFlags
	cmd := &cobra.Command{
		Use:     "set ID CONTACT [--strength S] [--provides WHAT]... [...]",
		Short:   "Change a network contact's details",
		Example: "  casework network set C-2026-7K3Q N2 --strength stressful",
		Args:    cmdutil.ExactArgs(2, "a case ID and a network ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().NFlag() == 0 {
				return cmdutil.Usagef("say what to change: --name, --relationship, --kind, --organisation, --contact, --provides or --strength")
			}
			rec, err := updateCase(f, args[0], func(c *casefile.Case, cfg *config.Config, now time.Time) error {
				if _, err := household.SetContact(c, args[1], cfg.Network.Provides, func(to *casefile.Contact) { n.apply(cmd, to) }); err != nil {
					return cmdutil.Usagef("%w", err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			f.Infof("Changed %s in the network of %s.", strings.ToUpper(args[1]), rec.Data.ID)
			return nil
		},
	}
	n.register(cmd)
	return cmd
}

func newNetworkEnd(f *cmdutil.Factory) *cobra.Command {
	return newEndCmd(f, endCmd{
		use:     "end ID CONTACT --reason R",
		short:   "Record that a tie ended (the entry is kept)",
		example: "  casework network end C-2026-7K3Q N4 --reason 'moved to Spain'",
		what:    "a network ID",
		reason:  "why the tie ended (required)",
		end:     household.EndContact,
		done:    "Recorded that the tie with %s of %s ended.",
	})
}

func newNetworkList(f *cmdutil.Factory) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list ID [--all]",
		Short: "List the network (--all includes ties that ended) and the support it gives",
		Args:  cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			rec, err := f.LoadCase(args[0])
			if err != nil {
				return err
			}
			contacts := []casefile.Contact{}
			tab := &output.Tabular{Header: []string{"ID", "NAME", "KIND", "RELATIONSHIP", "ORGANISATION", "PROVIDES", "TIE", "ENDED"}}
			for _, n := range rec.Data.Network {
				if !n.Current() && !all {
					continue
				}
				contacts = append(contacts, n)
				ended := ""
				if n.Ended != nil {
					ended = casefile.NewDate(n.Ended.At).String()
				}
				tab.Rows = append(tab.Rows, []string{n.ID, n.Name, n.Kind, n.Relationship, n.Organisation, strings.Join(n.Provides, ", "), n.Strength, ended})
			}
			if err := p.Print(contacts, tab); err != nil {
				return err
			}
			if p.Format == output.Table {
				f.Infof("Network support: %s.", household.Derive(&rec.Data).Why())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include ties that ended")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}
