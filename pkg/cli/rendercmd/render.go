// Package rendercmd implements `casework render`: Markdown care plans,
// referral letters and closure summaries from text/template templates.
package rendercmd

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/casework/casework/pkg/careplan"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/history"
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
	Force    bool
	// OverrideConsent writes a referral letter without consent to share,
	// recording Reason in the case's history.
	OverrideConsent bool
	Reason          string
}

// NewCmdRender returns `casework render`.
func NewCmdRender(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "render ID [--template NAME] [--out FILE] [--redact] | render ID --template referral --action A [--override-consent --reason R] | render --all --out DIR",
		Short: "Render a Markdown care plan, referral letter or closure summary",
		Long: `Render a case through a Markdown template. The built-in templates are
careplan (the default: the care plan written for the client), case-summary
(the professional summary for supervision, with everything), referral (a
letter to the provider of one action, with --action) and closure (the
closure summary of a closed case). A file templates/NAME.md.tmpl in the
repository overrides the built-in template NAME, or adds a new one.

A referral letter is written only while the client's consent to share
with the action's resource or provider is in force ('casework consent').
Where a duty (safeguarding, for example) requires sharing without it,
--override-consent --reason R writes the letter and records the override
and its reason in the case's history.

--redact replaces every identifying value of every person in the case
(client, representative, household, network), in their fields and inside
free text, so the output can be shared; the case ID stays as the client's
identity. A referral letter cannot be redacted. --all renders every open
case into DIR/<case-id>.md.

--out never writes into the repository's cases/, workers/, resources/ or
.casework/, nor over .casework.yaml, a directory, a link or anything that
is not a regular file; it replaces an existing file only with --force.
For one case --out names a file (a directory is refused); only --all
takes a directory, and not one that is a symbolic link. Everything is
checked before anything is written.`,
		Example: `  casework render C-2026-7K3Q
  casework render C-2026-7K3Q --redact --out plan.md
  casework render C-2026-7K3Q --template referral --action A2
  casework render C-2026-7K3Q -t referral --action A2 --override-consent --reason 'child protection referral'
  casework render C-2026-7K3Q --template case-summary
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
	fl.BoolVar(&opts.Force, "force", false, "replace files that already exist at --out")
	fl.BoolVar(&opts.OverrideConsent, "override-consent", false, "write a referral letter without consent to share, recording --reason in the case's history")
	fl.StringVar(&opts.Reason, "reason", "", "with --override-consent: the duty that requires sharing without consent (`R`)")
	return cmd
}

// check refuses combinations of arguments and flags that make no sense.
func (o *Options) check() error {
	switch {
	case o.All && o.CaseArg != "":
		return cmdutil.Usagef("give either a case ID or --all, not both")
	case !o.All && o.CaseArg == "":
		return cmdutil.CallErrorf("render takes one case ID (or a unique prefix), or --all")
	case o.All && o.Out == "":
		return cmdutil.Usagef("--all needs --out DIR: it writes one file per open case")
	case o.Force && o.Out == "":
		return cmdutil.Usagef("--force replaces files at --out; without --out the output goes to stdout: drop --force or add --out FILE")
	case o.All && (o.Action != "" || o.Template == careplan.Referral):
		return cmdutil.Usagef("a referral is about one action of one case: render it with ID --template referral --action A, not with --all")
	case o.OverrideConsent && strings.TrimSpace(o.Reason) == "":
		return cmdutil.Usagef("--override-consent needs --reason R: the duty that requires sharing without consent is recorded in the case's history")
	case o.Reason != "" && !o.OverrideConsent:
		return cmdutil.Usagef("--reason goes with --override-consent (a referral letter without consent to share)")
	case o.Action != "" && o.Template != careplan.Referral:
		return cmdutil.Usagef("--action only applies to the referral template: give --template referral, or drop --action")
	case o.OverrideConsent && o.Template != careplan.Referral:
		return cmdutil.Usagef("--override-consent is for a referral letter: --template referral --action A")
	}
	return nil
}

// output is one rendered file.
type output struct {
	name string // the case's directory name: its identity, and the file's name with --all
	data []byte
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
	if o.Template == careplan.Referral {
		_, err := o.referral(repo)
		return err
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
	// The template is parsed once, by the first case that gets that far,
	// so that a case's own refusal still comes before a broken template.
	tmpl := sync.OnceValues(func() (*careplan.Template, error) { return careplan.Parse(o.Template, sources...) })
	// Cases are loaded and rendered in parallel, each case dropped once
	// rendered; everything is rendered before anything is written, and
	// the first problem in case order stops it (cases that do not load
	// first, all of them, as store.LoadAll gives them).
	outs := make([]output, len(cases))
	loadErrs := make([]error, len(cases))
	errs := make([]error, len(cases))
	progress := f.Progress("rendering care plans")
	defer progress.Done()
	var done atomic.Int64
	store.Parallel(len(cases), func(i int) {
		defer func() {
			if o.All {
				progress.Update(int(done.Add(1)), len(cases))
			}
		}()
		rec := cases[i].rec
		if rec == nil {
			var err error
			if rec, err = store.Load[casefile.Case](repo, cases[i].path); err != nil {
				if !errors.Is(err, fs.ErrNotExist) { // removed since listed
					loadErrs[i] = err
				}
				return
			}
			if !rec.Data.IsOpen() { // closed since the index read it
				return
			}
		}
		in := in
		in.Case = &rec.Data
		data, err := o.render(in, tmpl)
		outs[i], errs[i] = output{caseDirName(rec), data}, err
	})
	progress.Done()
	if err := errors.Join(loadErrs...); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	rendered := outs[:0]
	for _, out := range outs {
		if out.name != "" {
			rendered = append(rendered, out)
		}
	}
	return o.write(repo, rendered)
}

// caseDirName is the name of the case's directory, which is its identity:
// a file name made from it stays in the directory it is meant for, whatever
// the case file's id: says.
func caseDirName(rec *store.Record[casefile.Case]) string {
	return path.Base(path.Dir(rec.Path))
}

// TemplateSources are where templates come from: the repository's
// templates/ folder first, then the built-in ones.
func TemplateSources(repo *store.Repo) []careplan.Source {
	return []careplan.Source{
		{Label: "templates/", FS: repo.FS(store.TemplatesDir)},
		{Label: "built-in template ", FS: templates.FS},
	}
}

// toRender is a case to render: loaded already, or its path, loaded in
// the rendering loop so that no more than a few cases are held at once.
type toRender struct {
	rec  *store.Record[casefile.Case]
	path string
}

// cases gives the case asked for, or every open case with --all.
func (o *Options) cases(f *cmdutil.Factory, repo *store.Repo) ([]toRender, error) {
	if !o.All {
		rec, err := f.LoadCase(o.CaseArg)
		if err != nil {
			return nil, err
		}
		return []toRender{{rec: rec}}, nil
	}
	// The case index says which cases are open: only their files are
	// read (most of a county's cases are closed). It writes documents, so
	// a case file that does not load stops it, unlike a listing.
	ops, err := f.Ops()
	if err != nil {
		return nil, err
	}
	summaries, err := ops.Summaries()
	if err != nil {
		return nil, err
	}
	var open []toRender
	for _, s := range summaries {
		if casefile.IsOpenPhase(s.Phase) {
			open = append(open, toRender{path: store.CasePath(s.ID)})
		}
	}
	return open, nil
}

// referral writes the referral letter (see WriteReferral), after
// checking where it goes: an override is recorded only when the letter
// can be written.
func (o *Options) referral(repo *store.Repo) (*ReferralLetter, error) {
	f := o.F
	rec, err := f.LoadCase(o.CaseArg)
	if err != nil {
		return nil, err
	}
	if o.Action == "" {
		return nil, cmdutil.Usagef("the referral template is about one action of the plan: give --action ID%s", actionList(&rec.Data))
	}
	name := caseDirName(rec)
	if _, err := o.targets(repo, []string{name}); err != nil {
		return nil, err
	}
	reason := ""
	if o.OverrideConsent {
		reason = o.Reason
	}
	letter, err := WriteReferral(f, ReferralRequest{Case: o.CaseArg, Action: o.Action, OverrideReason: reason, Redact: o.Redact})
	if err != nil {
		return nil, err
	}
	switch {
	case letter.Overridden:
		f.Infof("Recorded in the history of %s: action %s shared with %s without consent to share (consent-override).", letter.Case.Data.ID, letter.Action.ID, letter.Action.Resource)
	case o.OverrideConsent:
		f.Infof("Consent to share with %s is in force: no override recorded.", letter.Action.Resource)
	}
	return letter, o.write(repo, []output{{name, letter.Markdown}})
}

// Referral writes the referral letter of o.CaseArg's action o.Action
// exactly as 'casework render ID --template referral --action A' does,
// with its checks and refusals (consent, --override-consent, --out), and
// returns it. 'casework refer' writes its letter through it.
func (o *Options) Referral() (*ReferralLetter, error) {
	o.Template = careplan.Referral
	if err := o.check(); err != nil {
		return nil, err
	}
	repo, err := o.F.Repo()
	if err != nil {
		return nil, err
	}
	return o.referral(repo)
}

// render builds the data of one case and renders the template over it,
// refusing a closure summary of a case that has no closure. tmpl gives
// the template, parsed once for every case.
func (o *Options) render(in careplan.Input, tmpl func() (*careplan.Template, error)) ([]byte, error) {
	c := in.Case
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
	t, err := tmpl()
	if err != nil {
		return nil, err
	}
	return t.Execute(data)
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
// --all, to --out DIR. Every target is checked (see store.OutGuard) before
// anything is written; files are written atomically and readable by their
// owner only.
func (o *Options) write(repo *store.Repo, outs []output) error {
	f := o.F
	if o.Out == "" {
		for _, out := range outs {
			if _, err := f.IO.Out.Write(out.data); err != nil {
				return err
			}
		}
		return nil
	}
	names := make([]string, len(outs))
	for i, out := range outs {
		names[i] = out.name
	}
	paths, err := o.targets(repo, names)
	if err != nil {
		return err
	}
	writeErrs := make([]error, len(outs))
	store.Parallel(len(outs), func(i int) { writeErrs[i] = writeFile(paths[i], outs[i].data) })
	for _, err := range writeErrs {
		if err != nil {
			return err
		}
	}
	if o.All {
		f.Infof("Wrote %d %s to %s", len(outs), plural(len(outs), "file"), f.Rel(o.outPath()))
	} else {
		f.Infof("Wrote %s", f.Rel(paths[0]))
	}
	return nil
}

// outPath is --out as an absolute path.
func (o *Options) outPath() string {
	if filepath.IsAbs(o.Out) {
		return o.Out
	}
	return filepath.Join(o.F.Cwd, o.Out)
}

// targets are the files --out writes for the cases called names (their
// directory names), each checked by the one --out rule (store.OutGuard):
// --all writes into a directory, one case to a file (never a directory).
func (o *Options) targets(repo *store.Repo, names []string) ([]string, error) {
	if o.Out == "" {
		return nil, nil
	}
	guard := store.NewOutGuard(repo.Root, o.Force, o.F.Rel)
	if o.All {
		files := make([]string, len(names))
		for i, name := range names {
			files[i] = name + ".md"
		}
		return guard.Dir(o.outPath(), files)
	}
	if err := guard.File(o.outPath()); err != nil {
		return nil, err
	}
	return []string{o.outPath()}, nil
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
