package resourcecmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/hsds"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// ImportOptions are the inputs of `casework resource import`.
type ImportOptions struct {
	F              *cmdutil.Factory
	HSDS           string
	Category       string
	IncludeDefunct bool
}

// NewCmdImport returns `casework resource import --hsds PATH`.
func NewCmdImport(f *cmdutil.Factory) *cobra.Command {
	opts := &ImportOptions{F: f}
	cmd := &cobra.Command{
		Use:   "import --hsds PATH",
		Short: "Load resources from an Open Referral HSDS 3.0 data package (CSV or JSON)",
		Long: `Load community resources from Open Referral HSDS 3.0 data, in any shape
the specification's examples come in:

  - a tabular data package: a directory holding services.csv and
    organizations.csv, and optionally phones, cost_options, attributes,
    taxonomy_terms, contacts, locations, addresses, languages and
    service_at_locations (plural or singular file names); give the
    directory, its services.csv or its datapackage.json;
  - JSON: one service, a page of services ("contents", the summary list),
    an organization with its services nested, a service at a location,
    or tabular JSON (the data package's tables as JSON lists).

Other HSDS shapes (a location, a taxonomy, an organization without its
services) are refused, and the message names the shape.

Each service becomes resources/<service id>.yaml with source: hsds: its
organization's name as provider, its first taxonomy term as category
(else --category), the cost option valid today that applies to everyone
as cost, per and currency (other options are kept as text under prices,
with a warning), its phones with extensions, its contact person,
locations with addresses, languages, application process, fees text,
eligibility text, minimum and maximum age (min_age, max_age), and its
HSDS status. docs/referrals-and-services.md gives the mapping field by field.
Defunct services are skipped unless --include-defunct; one imported
before is marked defunct.

Importing again updates the resources in place, keeping comments; it
never duplicates them, and a field the data does not have (a summary
list has no phones or cost options) keeps what an earlier import gave.
A resource file with the same ID that did not come from HSDS is not
overwritten. Every problem in the data is listed with its file and line,
and nothing is written until there are none.`,
		Example: "  casework resource import --hsds ./hsds-export/\n  casework resource import --hsds services.json --category community",
		Args:    cmdutil.ExactArgs(0, "no arguments (give the data with --hsds PATH)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "hsds"); err != nil {
				return err
			}
			if opts.Category == "" {
				return cmdutil.Usagef("--category must not be empty")
			}
			return runImport(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.HSDS, "hsds", "", "HSDS 3.0 data: a data package `PATH` (directory of CSV files) or a JSON file")
	fl.StringVar(&opts.Category, "category", "service", "`CATEGORY` of services that have no taxonomy term")
	fl.BoolVar(&opts.IncludeDefunct, "include-defunct", false, "import defunct services too")
	return cmd
}

// readHSDS reads the services at path: a data package directory (or its
// services.csv), or a JSON file. shown is the path as the user gave it.
func readHSDS(path, shown string) ([]hsds.Service, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, cmdutil.Usagef("--hsds %s: no such file or directory", shown)
	}
	switch {
	case info.IsDir():
		return hsds.ReadPackage(path)
	case hsds.IsPackageFile(filepath.Base(path)):
		return hsds.ReadPackage(filepath.Dir(path))
	case strings.EqualFold(filepath.Ext(path), ".json"):
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", shown, err)
		}
		return hsds.ReadJSON(filepath.Base(path), data)
	}
	return nil, cmdutil.Usagef("--hsds %s: give a data package directory (with services.csv) or an HSDS JSON file", shown)
}

// importPlan is what an import will write.
type importPlan struct {
	create   []casefile.Resource
	update   []*store.Record[casefile.Resource]
	same     int
	skipped  int
	warnings []string
}

func runImport(opts *ImportOptions) error {
	f := opts.F
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	path := opts.HSDS
	if !filepath.IsAbs(path) {
		path = filepath.Join(f.Cwd, path)
	}
	services, readErr := readHSDS(path, opts.HSDS)
	if cmdutil.IsUsage(readErr) {
		return readErr
	}
	release, err := repo.Lock()
	if err != nil {
		return err
	}
	defer release()
	plan, err := opts.plan(repo, services, f.Today(), readErr)
	if err != nil {
		return err
	}
	for _, w := range plan.warnings {
		f.Warnf("%s", w)
	}
	for i := range plan.create {
		if _, err := store.Create(repo, store.ResourcePath(plan.create[i].ID), &plan.create[i]); err != nil {
			return err
		}
	}
	for _, rec := range plan.update {
		if err := store.Save(repo, rec); err != nil {
			return err
		}
	}
	f.Infof("Imported %d HSDS services: %d added, %d updated, %d unchanged, %d defunct skipped", len(services), len(plan.create), len(plan.update), plan.same, plan.skipped)
	return nil
}

// plan works out every change before anything is written, and collects
// every problem: those found reading the data (readErr), then those of
// each service.
func (opts *ImportOptions) plan(repo *store.Repo, services []hsds.Service, today casefile.Date, readErr error) (*importPlan, error) {
	p := &importPlan{}
	var problems []error
	if readErr != nil {
		problems = append(problems, readErr)
	}
	seen := map[string]string{}
	hopts := hsds.Options{DefaultCategory: opts.Category, Today: today}
	for _, s := range services {
		err := hsds.Check(s)
		if err == nil {
			if err = store.ValidateID("resource", s.ID); err != nil {
				err = fmt.Errorf("%s: %w", s.Where, err)
			}
		}
		if err == nil && seen[s.ID] != "" {
			err = fmt.Errorf("%s: service id %s is also at %s; service ids must be unique", s.Where, s.ID, seen[s.ID])
		}
		if err != nil {
			problems = append(problems, err)
			continue
		}
		seen[s.ID] = s.Where
		if !repo.Exists(store.ResourcePath(s.ID)) {
			var r casefile.Resource
			warnings, err := hsds.Apply(s, &r, hopts)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			if r.Status == hsds.StatusDefunct && !opts.IncludeDefunct {
				p.skipped++
				continue
			}
			p.warnings = append(p.warnings, warnings...)
			p.create = append(p.create, r)
			continue
		}
		rec, err := repo.LoadResource(s.ID)
		switch {
		case err != nil:
			problems = append(problems, err)
			continue
		case rec.Data.Source != hsds.Source:
			problems = append(problems, fmt.Errorf("%s exists and was not imported from HSDS (no source: hsds); rename or remove it to import service %s", rec.Path, s.ID))
			continue
		}
		r := clone(rec.Data)
		warnings, err := hsds.Apply(s, &r, hopts)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		p.warnings = append(p.warnings, warnings...)
		if reflect.DeepEqual(r, rec.Data) {
			p.same++
			continue
		}
		rec.Data = r
		p.update = append(p.update, rec)
	}
	if len(problems) > 0 {
		return nil, errors.Join(append(problems, errors.New("nothing was imported: fix these first"))...)
	}
	return p, nil
}

// clone copies a resource deeply, so that applying an import to the copy
// leaves the loaded record as it was read.
func clone(r casefile.Resource) casefile.Resource {
	c := r
	c.Prices = slices.Clone(r.Prices)
	c.Languages = slices.Clone(r.Languages)
	c.Locations = slices.Clone(r.Locations)
	c.Phones = slices.Clone(r.Phones)
	for i := range c.Phones {
		c.Phones[i].Languages = slices.Clone(c.Phones[i].Languages)
	}
	if r.Person != nil {
		p := *r.Person
		c.Person = &p
	}
	return c
}
