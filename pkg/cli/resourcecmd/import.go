package resourcecmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
		Long: `Load community resources from Open Referral HSDS 3.0 data: a tabular data
package (a directory holding services.csv and organizations.csv, and
optionally phones.csv, cost_options.csv, attributes.csv and
taxonomy_terms.csv), or a JSON file of services as the HSDS API gives
them (nested organization, phones, cost_options and attributes).

Each service becomes resources/<service id>.yaml with source: hsds: its
organization's name as provider, its first taxonomy term as category
(else --category), its first priced cost option as cost and per, its
email, url and phone as contact, its eligibility and fees as
eligibility, and its HSDS status (active, inactive, temporarily closed).
Defunct services are skipped unless --include-defunct; one imported
before is marked defunct.

Importing again updates the resources in place, keeping comments; it
never duplicates them. A resource file with the same ID that did not come
from HSDS is not overwritten: the import stops, and writes nothing.`,
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
	fl.StringVar(&opts.HSDS, "hsds", "", "HSDS 3.0 data: a data package `PATH` (directory of CSV files) or a JSON file of services")
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
	case filepath.Base(path) == "services.csv":
		return hsds.ReadPackage(filepath.Dir(path))
	case strings.EqualFold(filepath.Ext(path), ".json"):
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", shown, err)
		}
		return hsds.ReadJSON(filepath.Base(path), data)
	}
	return nil, cmdutil.Usagef("--hsds %s: give a data package directory (with services.csv) or a JSON file of services", shown)
}

// importPlan is what an import will write.
type importPlan struct {
	create  []casefile.Resource
	update  []*store.Record[casefile.Resource]
	same    int
	skipped int
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
	services, err := readHSDS(path, opts.HSDS)
	if err != nil {
		return err
	}
	release, err := repo.Lock()
	if err != nil {
		return err
	}
	defer release()
	plan, err := opts.plan(repo, services)
	if err != nil {
		return err
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
// every problem.
func (opts *ImportOptions) plan(repo *store.Repo, services []hsds.Service) (*importPlan, error) {
	p := &importPlan{}
	var problems []error
	seen := map[string]string{}
	for _, s := range services {
		r, err := hsds.Resource(s, opts.Category)
		if err == nil {
			err = store.ValidateID("resource", r.ID)
			if err != nil {
				err = fmt.Errorf("%s: %w", s.Where, err)
			}
		}
		if err == nil && seen[r.ID] != "" {
			err = fmt.Errorf("%s: service id %s is also at %s; service ids must be unique", s.Where, r.ID, seen[r.ID])
		}
		if err != nil {
			problems = append(problems, err)
			continue
		}
		seen[r.ID] = s.Where
		if !repo.Exists(store.ResourcePath(r.ID)) {
			if r.Status == hsds.StatusDefunct && !opts.IncludeDefunct {
				p.skipped++
				continue
			}
			p.create = append(p.create, r)
			continue
		}
		rec, err := repo.LoadResource(r.ID)
		switch {
		case err != nil:
			problems = append(problems, err)
		case rec.Data.Source != hsds.Source:
			problems = append(problems, fmt.Errorf("%s exists and was not imported from HSDS (no source: hsds); rename or remove it to import service %s", rec.Path, r.ID))
		case rec.Data == r:
			p.same++
		default:
			rec.Data = r
			p.update = append(p.update, rec)
		}
	}
	if len(problems) > 0 {
		return nil, errors.Join(append(problems, errors.New("nothing was imported: fix these first"))...)
	}
	return p, nil
}
