// Package resourcecmd implements `casework resource add|list|show|import`.
package resourcecmd

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/eligibility"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// NewCmdResource returns `casework resource` and its subcommands.
func NewCmdResource(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "resource",
		Short:   "Community resources and services, with their cost",
		GroupID: "agency",
	}
	cmd.AddCommand(NewCmdAdd(f), NewCmdSet(f), NewCmdRetire(f), NewCmdList(f), NewCmdShow(f), NewCmdImport(f))
	return cmd
}

// AddOptions are the inputs of `casework resource add`.
type AddOptions struct {
	F        *cmdutil.Factory
	Resource casefile.Resource
	MinAge   int
	MaxAge   int
}

// NewCmdAdd returns `casework resource add ID --name N --category C
// [--cost X --per UNIT] [--provider P]`.
func NewCmdAdd(f *cmdutil.Factory) *cobra.Command {
	opts := &AddOptions{F: f}
	cmd := &cobra.Command{
		Use:     "add ID --name NAME --category CATEGORY",
		Short:   "Add a community resource or service",
		Example: "  casework resource add food-bank --name 'Northside Food Bank' --category food --provider 'Northside Churches'\n  casework resource add home-care --name 'Home care' --category health --cost 22.50 --per hour",
		Args:    cmdutil.ExactArgs(1, "one resource ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range []string{"name", "category"} {
				if err := cmdutil.RequireFlag(cmd, name); err != nil {
					return err
				}
			}
			if cmd.Flags().Changed("min-age") {
				opts.Resource.MinAge = &opts.MinAge
			}
			if cmd.Flags().Changed("max-age") {
				opts.Resource.MaxAge = &opts.MaxAge
			}
			opts.Resource.ID = args[0]
			return runAdd(opts)
		},
	}
	fl := cmd.Flags()
	r := &opts.Resource
	fl.StringVar(&r.Name, "name", "", "`NAME` of the resource or service")
	fl.StringVar(&r.Category, "category", "", "`CATEGORY`: housing, food, health, income, …")
	cmdutil.AmountVar(fl, &r.Cost, "cost", 0, "`COST` per unit (with --per)")
	fl.StringVar(&r.Per, "per", "", "`UNIT` the cost is per: hour, session, month, …")
	fl.StringVar(&r.Provider, "provider", "", "`ORGANISATION` that provides it")
	fl.StringVar(&r.Contact, "contact", "", "how to reach the provider")
	fl.StringVar(&r.Eligibility, "eligibility", "", "who may use it")
	fl.IntVar(&opts.MinAge, "min-age", 0, "youngest `AGE` it serves, in whole years (plan action add refuses a younger person)")
	fl.IntVar(&opts.MaxAge, "max-age", 0, "oldest `AGE` it serves, in whole years (plan action add refuses an older person)")
	return cmd
}

func runAdd(opts *AddOptions) error {
	r := opts.Resource
	if err := store.ValidateID("resource", r.ID); err != nil {
		return err
	}
	if err := checkResource(r); err != nil {
		return err
	}
	if err := eligibility.CheckRange(r.MinAge, r.MaxAge); err != nil {
		return cmdutil.Usagef("--min-age, --max-age: %s", strings.NewReplacer("min_age", "--min-age", "max_age", "--max-age").Replace(err.Error()))
	}
	repo, err := opts.F.Repo()
	if err != nil {
		return err
	}
	if _, err := opts.F.Config(); err != nil {
		return err
	}
	if taken, err := repo.TakenID(store.ResourcesDir, r.ID); err != nil || taken != "" {
		if err != nil {
			return err
		}
		return cmdutil.Usagef("resource %s already exists; IDs must differ in more than letter case", taken)
	}
	if _, err := store.Create(repo, store.ResourcePath(r.ID), &r); err != nil {
		return fmt.Errorf("cannot add resource %s: %w", r.ID, err)
	}
	opts.F.Infof("Added resource %s (%s).", r.ID, r.Category)
	return nil
}

// CostText formats a resource's cost with its currency: "22.50 GBP per
// hour", in the resource's own currency when it has one, else in the
// agency's (a cost with no currency is in the agency's, as
// 'plan action add --units' reads it); "" when free.
func CostText(r *casefile.Resource, agencyCurrency string) string {
	if r.Cost == 0 {
		return ""
	}
	currency := r.Currency
	if currency == "" {
		currency = agencyCurrency
	}
	s := cmdutil.Amount(r.Cost, currency)
	if r.Per != "" {
		s += " per " + r.Per
	}
	return s
}

// NewCmdList returns `casework resource list`.
func NewCmdList(f *cmdutil.Factory) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List community resources (--all: the retired ones too)",
		Args:  cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			repo, err := f.Repo()
			if err != nil {
				return err
			}
			recs, err := repo.AllResources()
			if err != nil {
				return err
			}
			cfg, err := f.Config()
			if err != nil {
				return err
			}
			data := []casefile.Resource{}
			tab := &output.Tabular{Header: []string{"id", "name", "category", "provider", "cost"}}
			if all {
				tab.Header = append(tab.Header, "retired")
			}
			for _, rec := range recs {
				r := rec.Data
				if r.IsRetired() && !all {
					continue
				}
				data = append(data, r)
				row := []string{r.ID, r.Name, r.Category, r.Provider, CostText(&r, cfg.Currency)}
				if all {
					row = append(row, r.Retired.Date())
				}
				tab.Rows = append(tab.Rows, row)
			}
			return p.Print(data, tab)
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "list retired resources too, with the date they retired")
	return cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
}

// NewCmdShow returns `casework resource show ID`.
func NewCmdShow(f *cmdutil.Factory) *cobra.Command {
	return cmdutil.Prints(&cobra.Command{
		Use:   "show ID",
		Short: "Show one community resource",
		Args:  cmdutil.ExactArgs(1, "one resource ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			repo, err := f.Repo()
			if err != nil {
				return err
			}
			rec, err := repo.LoadResource(args[0])
			if err != nil {
				return err
			}
			cfg, err := f.Config()
			if err != nil {
				return err
			}
			r := &rec.Data
			details := []output.Detail{
				{Label: "ID", Value: r.ID},
				{Label: "Name", Value: r.Name},
				{Label: "Category", Value: r.Category},
				{Label: "Provider", Value: r.Provider},
				{Label: "Cost", Value: CostText(r, cfg.Currency)},
				{Label: "Prices", Value: strings.Join(r.Prices, "\n")},
				{Label: "Fees", Value: r.Fees},
				{Label: "Contact", Value: r.Contact},
				{Label: "Phones", Value: phonesText(r.Phones)},
				{Label: "Person", Value: personText(r.Person)},
				{Label: "Locations", Value: locationsText(r.Locations)},
				{Label: "Languages", Value: strings.Join(r.Languages, ", ")},
				{Label: "Apply", Value: r.Application},
				{Label: "Ages", Value: eligibility.Range(*r)},
				{Label: "Eligibility", Value: r.Eligibility},
				{Label: "Status", Value: r.Status},
			}
			if r.Retired != nil {
				details = append(details, output.Detail{Label: "Retired", Value: r.Retired.String()})
			}
			return p.PrintRecord(r, details)
		},
	}, output.Table, output.JSON, output.YAML)
}

// phonesText lists phones one a line: "+44 1234 234567 ext. 100 (voice)".
func phonesText(ps []casefile.ResourcePhone) string {
	var lines []string
	for _, p := range ps {
		line := p.Number
		if p.Extension != "" {
			line += " ext. " + p.Extension
		}
		if p.Type != "" {
			line += " (" + p.Type + ")"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// personText is the contact person on one line.
func personText(p *casefile.ResourcePerson) string {
	if p == nil {
		return ""
	}
	var parts []string
	for _, s := range []string{p.Name, p.Title, p.Department, p.Email, p.Phone} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// locationsText lists locations one a line: "name: address".
func locationsText(ls []casefile.ResourceLocation) string {
	var lines []string
	for _, l := range ls {
		lines = append(lines, strings.Trim(l.Name+": "+l.Address, ": "))
	}
	return strings.Join(lines, "\n")
}
