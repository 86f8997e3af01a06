// Package rendercmd implements `casework render`: Markdown care plans,
// referral letters and closure summaries from text/template templates.
package rendercmd

import (
	"fmt"
	"github.com/casework/casework/pkg/history"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/careplan"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/templates"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework render`.
type Options struct {
	F        *cmdutil.Factory
	CaseArg  string // a case ID or unique prefix; "" with All
	All      bool
	Template string
	Out      string
	Redact   bool
	Action   string
}

// NewCmdRender returns `casework render`.
func NewCmdRender(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "render ID [--template NAME] [--out FILE] [--redact] | render --all --out DIR",
		Short: "Render a Markdown care plan, referral letter or closure summary",
		Long: `Render a case through a Markdown template. The built-in templates are
careplan (the default), referral (a referral letter to the provider of one
action, with --action) and closure (the closure summary of a closed case).
A file templates/NAME.md.tmpl in the repository overrides the built-in
template NAME, or adds a new one.

--redact replaces every identifying client value, in the client's fields
and inside free text, so the output can be shared; the case ID stays as
the client's identity. --all renders every open case into DIR/<case-id>.md.`,
		Example: `  casework render C-2026-7K3Q
  casework render C-2026-7K3Q --redact --out plan.md
  casework render C-2026-7K3Q --template referral --action A2
  casework render --all --out care-plans/`,
		GroupID: "cases",
		Args:    cmdutil.RangeArgs(0, 1, "one case ID (or a unique prefix), or --all"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.CaseArg = args[0]
			}
			if err := opts.check(); err != nil {
				return err
			}
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.All, "all", false, "render every open case into --out DIR, one file each")
	fl.StringVarP(&opts.Template, "template", "t", careplan.Default, "template `NAME`: careplan (for the client), case-summary (professional), referral, closure, or one in the repository's templates/")
	fl.StringVar(&opts.Out, "out", "", "write to `FILE` (with --all: a directory) instead of stdout")
	fl.BoolVar(&opts.Redact, "redact", false, "replace every identifying client value so the output can be shared")
	fl.StringVar(&opts.Action, "action", "", "`ID` of the action a referral is about")
	return cmd
}

// check refuses combinations of arguments and flags that make no sense.
func (o *Options) check() error {
	switch {
	case o.All && o.CaseArg != "":
		return cmdutil.Usagef("give either a case ID or --all, not both")
	case !o.All && o.CaseArg == "":
		return cmdutil.Usagef("render takes one case ID (or a unique prefix), or --all")
	case o.All && o.Out == "":
		return cmdutil.Usagef("--all needs --out DIR: it writes one file per open case")
	case o.All && (o.Action != "" || o.Template == "referral"):
		return cmdutil.Usagef("a referral is about one action of one case: render it with ID --template referral --action A, not with --all")
	}
	return nil
}

// output is one rendered file.
type output struct {
	caseID string
	data   []byte
}

func run(o *Options) error {
	f := o.F
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	sources := TemplateSources(repo)
	if names := careplan.Names(sources...); !slices.Contains(names, o.Template) {
		return cmdutil.Usagef("no template %q; available templates: %s (add your own as templates/NAME%s)", o.Template, strings.Join(names, ", "), careplan.Ext)
	}
	cases, err := o.cases(f, repo)
	if err != nil {
		return err
	}
	workers, resources, err := f.WorkersAndResources()
	if err != nil {
		return err
	}
	in := careplan.Input{Config: cfg, Workers: workers, Resources: resources}
	in.Today = f.Today()
	in.Redact = o.Redact
	in.Action = o.Action
	in.Professional = o.Template == careplan.Summary
	var outs []output
	progress := f.Progress("rendering care plans")
	defer progress.Done()
	for i, c := range cases {
		in.Case = c
		data, err := o.render(in, sources)
		if err != nil {
			return err
		}
		outs = append(outs, output{c.ID, data})
		if o.All {
			progress.Update(i+1, len(cases))
		}
	}
	progress.Done()
	return o.write(outs)
}

// TemplateSources are where templates come from: the repository's
// templates/ folder first, then the built-in ones.
func TemplateSources(repo *store.Repo) []careplan.Source {
	return []careplan.Source{
		{Label: "templates/", FS: repo.FS(store.TemplatesDir)},
		{Label: "built-in template ", FS: templates.FS},
	}
}

// cases loads the case asked for, or every open case with --all.
func (o *Options) cases(f *cmdutil.Factory, repo *store.Repo) ([]*casefile.Case, error) {
	if !o.All {
		rec, err := f.LoadCase(o.CaseArg)
		if err != nil {
			return nil, err
		}
		return []*casefile.Case{&rec.Data}, nil
	}
	recs, err := repo.AllCases()
	if err != nil {
		return nil, err
	}
	var open []*casefile.Case
	for _, rec := range recs {
		if rec.Data.IsOpen() {
			open = append(open, &rec.Data)
		}
	}
	return open, nil
}

// render builds the data of one case and renders the template over it,
// refusing a referral without an action and a closure summary of a case
// that has no closure.
func (o *Options) render(in careplan.Input, sources []careplan.Source) ([]byte, error) {
	c := in.Case
	if o.Template == "referral" && o.Action == "" {
		return nil, cmdutil.Usagef("the referral template is about one action of the plan: give --action ID%s", actionList(c))
	}
	if o.Template == careplan.Referral {
		if err := checkReferral(in, o.Action, o.F.Now()); err != nil {
			return nil, err
		}
	}
	if o.Template == "closure" && history.Of(c).Reopened() {
		return nil, cmdutil.Usagef("case %s was reopened after its last closure (phase %s): it has no current closure to summarise; close it again with 'casework case close %s --reason R --evaluation TEXT' first", c.ID, c.Phase, c.ID)
	}
	if o.Template == "closure" && history.Of(c).CurrentClosure() == nil {
		return nil, cmdutil.Usagef("case %s has no closure to summarise (phase %s); close it with 'casework case close %s --reason R --evaluation TEXT' first", c.ID, c.Phase, c.ID)
	}
	data, err := careplan.Build(in)
	if err != nil {
		return nil, cmdutil.Usagef("%w", err)
	}
	return careplan.Render(o.Template, data, sources...)
}

// checkReferral refuses a referral letter that must not be written (see
// careplan.CheckReferral). An unknown action is left to careplan.Build.
func checkReferral(in careplan.Input, actionID string, now time.Time) error {
	for _, g := range in.Case.Plan.Goals {
		for _, a := range g.Actions {
			if strings.EqualFold(a.ID, actionID) {
				if err := careplan.CheckReferral(in.Case, a, in.Resources[a.Resource], in.Redact, now); err != nil {
					return cmdutil.Usagef("%w", err)
				}
			}
		}
	}
	return nil
}

// actionList names the actions of the case, for messages.
func actionList(c *casefile.Case) string {
	var ids []string
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return " (the plan has no actions yet: add one with 'casework plan action add')"
	}
	return " (one of " + strings.Join(ids, ", ") + ")"
}

// write sends the rendered files to stdout, to --out FILE, or, with
// --all, to --out DIR. Files are written atomically and readable by their
// owner only; everything is rendered before anything is written.
func (o *Options) write(outs []output) error {
	f := o.F
	if o.Out == "" {
		for _, out := range outs {
			if _, err := f.IO.Out.Write(out.data); err != nil {
				return err
			}
		}
		return nil
	}
	target := o.Out
	if !filepath.IsAbs(target) {
		target = filepath.Join(f.Cwd, target)
	}
	if o.All {
		if st, err := os.Stat(target); err == nil && !st.IsDir() {
			return cmdutil.Usagef("--out %s is a file; --all writes one file per case into a directory", o.Out)
		}
		for _, out := range outs {
			if err := writeFile(filepath.Join(target, out.caseID+".md"), out.data); err != nil {
				return err
			}
		}
		f.Infof("Wrote %d %s to %s", len(outs), plural(len(outs), "file"), f.Rel(target))
		return nil
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		target = filepath.Join(target, outs[0].caseID+".md")
	}
	if err := writeFile(target, outs[0].data); err != nil {
		return err
	}
	f.Infof("Wrote %s", f.Rel(target))
	return nil
}

func writeFile(path string, data []byte) error {
	if err := store.WriteFile(path, data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
