// Package schemacmd implements `casework schema`: JSON Schema documents
// for case, worker, resource and config files, for editors.
package schemacmd

import (
	"errors"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/schema"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework schema`.
type Options struct {
	F     *cmdutil.Factory
	Kind  string
	Write bool
}

// NewCmdSchema returns `casework schema case|worker|resource|config` and
// `casework schema --write`.
func NewCmdSchema(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "schema case|worker|resource|config | schema --write",
		Short: "Print the JSON Schema of a kind of file, or write them all for editors",
		Long: `Print the JSON Schema (draft 2020-12) of case, worker, resource or config
files. The schemas are generated from casework's own types: unknown keys
are refused, keys casework requires are required, dates must be
YYYY-MM-DD and times RFC 3339, and phases, models and closure reasons
must be among those of this repository's .casework.yaml.

--write writes all four into schemas/ and, unless one exists already, a
.vscode/settings.json that maps them to the files for the YAML extension
(casework init does the same). Run it again after changing the workflow's
phases, the models or the closure reasons.`,
		Example:   "  casework schema case > case.schema.json\n  casework schema --write",
		GroupID:   "agency",
		ValidArgs: schema.Kinds,
		Args:      cmdutil.RangeArgs(0, 1, "one of "+strings.Join(schema.Kinds, ", ")+", or --write"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Kind = args[0]
			}
			switch {
			case opts.Write && opts.Kind != "":
				return cmdutil.Usagef("give a kind of file to print its schema, or --write to write them all, not both")
			case !opts.Write && opts.Kind == "":
				return cmdutil.CallErrorf("schema takes one of %s, or --write", strings.Join(schema.Kinds, ", "))
			case opts.Kind != "" && !slices.Contains(schema.Kinds, opts.Kind):
				return cmdutil.Usagef("no schema for %q: use one of %s", opts.Kind, strings.Join(schema.Kinds, ", "))
			}
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Write, "write", false, "write every schema into schemas/ and point VS Code at them")
	// A schema is a JSON document: -o json is accepted, and nothing else.
	cmdutil.Prints(cmd, output.JSON)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	if opts.Write {
		repo, err := f.Repo()
		if err != nil {
			return err
		}
		written, err := WriteFiles(repo.Root, cfg)
		if err != nil {
			return err
		}
		f.Infof("Wrote %s", strings.Join(written, ", "))
		return nil
	}
	s, _ := schema.For(opts.Kind, cfg)
	_, err = f.IO.Out.Write(schema.Marshal(s))
	return err
}

// VSCodeSettings is where VS Code keeps a workspace's settings.
const VSCodeSettings = ".vscode/settings.json"

// WriteFiles writes the schemas into root/schemas/ and, when there is
// none, a .vscode/settings.json pointing at them. It returns the paths
// written, relative to root. `casework init` calls it too.
func WriteFiles(root string, cfg *config.Config) ([]string, error) {
	repo := &store.Repo{Root: root}
	defer repo.Close()
	files := schema.Files(cfg)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := repo.WriteShared(p, files[p], false); err != nil {
			return nil, err
		}
	}
	err := repo.WriteShared(VSCodeSettings, schema.VSCodeSettings(), true)
	switch {
	case err == nil:
		paths = append(paths, VSCodeSettings)
	case !errors.Is(err, os.ErrExist):
		return nil, err
	}
	return paths, nil
}
