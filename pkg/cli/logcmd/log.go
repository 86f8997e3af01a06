// Package logcmd implements `casework log`.
package logcmd

import (
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/redact"
	"github.com/casework/casework/pkg/safetext"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/timeline"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework log`.
type Options struct {
	F      *cmdutil.Factory
	CaseID string
	Redact bool
	Since  string   // YYYY-MM-DD: leave out what happened before
	Kinds  []string // keep only these kinds of event
}

// NewCmdLog returns `casework log ID`.
func NewCmdLog(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "log ID [--redact]",
		Short: "A case's whole chronology: every recorded entry, its notes and the git commits that touched it",
		Long: `Show everything that happened to a case, oldest first, one line each,
by kind:

` + timeline.KindHelp() + `
Outside a git repository, everything but the commits is shown, with a note
on stderr. --since DATE leaves out what happened before DATE; --kind
(repeatable) keeps only the kinds named. The table shortens times to the
minute and commits to 7 characters; -o csv, json and yaml give them in
full (RFC 3339 times, 40-character hashes).

Reasons and commit subjects are free text and may name the client, and
a commit's author is whoever git was told. --redact replaces every
identifying value of every person of the case in them (the client's, representative's, household members' and network's
names and their parts, dates of birth, phones, e-mails, the address...)
with [redacted], as 'render --redact' does, so the log can be shared.`,
		Example: "  casework log C-2026-7K3Q\n  casework log C-2026-7K3Q --since 2026-03-01 --kind review --kind risk\n  casework log C-2026-7K3Q -o csv --redact",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			return run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Since, "since", "", "leave out what happened before `DATE` (YYYY-MM-DD)")
	cmd.Flags().StringArrayVar(&opts.Kinds, "kind", nil, "keep only events of `KIND` (repeatable): "+strings.Join(timeline.Kinds, ", "))
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "replace every identifying value of the case's people in reasons, commit subjects and authors, so the log can be shared")
	// --kind completes to the kinds of event (not to the kinds of note,
	// which the shared completion gives a flag of that name).
	_ = cmd.RegisterFlagCompletionFunc("kind", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var kinds []string
		for _, k := range timeline.Kinds {
			if strings.HasPrefix(k, toComplete) {
				kinds = append(kinds, k)
			}
		}
		return kinds, cobra.ShellCompDirectiveNoFileComp
	})
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	var since time.Time
	if opts.Since != "" {
		d, err := casefile.ParseDate(opts.Since)
		if err != nil {
			return cmdutil.Usagef("--since: %w", err)
		}
		since = d.Time()
	}
	for _, k := range opts.Kinds {
		if !slices.Contains(timeline.Kinds, k) {
			return cmdutil.Usagef("unknown --kind %q: use one of %s", safetext.Escape(k), strings.Join(timeline.Kinds, ", "))
		}
	}
	p := f.Printer()
	rec, err := f.LoadCase(opts.CaseID)
	if err != nil {
		return err
	}
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	id := rec.Data.ID
	notes, err := repo.Notes(id)
	if err != nil {
		return err
	}
	noteList := make([]*casefile.Note, len(notes))
	for i, n := range notes {
		noteList[i] = n.Note
	}
	commits, err := caseCommits(repo, id)
	if err != nil {
		f.Infof("note: %v; showing the case's own history and notes only", err)
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	events := timeline.Merge(timeline.OfCase(&rec.Data, cfg.Currency), timeline.FromNotes(noteList), timeline.FromCommits(commits))
	events = timeline.Select(events, since, opts.Kinds)
	if opts.Redact {
		_, resources, err := f.WorkersAndResources()
		if err != nil {
			return err
		}
		s := redact.For(&rec.Data, redact.AgencyNames(cfg.Agency, resources)...)
		for i := range events {
			events[i].What = s.Text(events[i].What)
			// A commit's author is whoever git was told, which can be a
			// person of the case.
			events[i].By = s.Text(events[i].By)
		}
	}
	return p.Print(events, table(events, f.Format() == output.CSV))
}

// caseCommits lists the commits that touched the case's folder, or says
// why git cannot tell.
func caseCommits(repo *store.Repo, id string) ([]gitrev.LogEntry, error) {
	if _, err := gitrev.TopLevel(repo.Root); err != nil {
		return nil, err
	}
	return gitrev.Log(repo.Root, store.CasesDir+"/"+id)
}

// table is the tabular view. For the eye (full false) times are given to
// the minute and commits shortened to 7 characters; for CSV both are in
// full, as in JSON.
func table(events []timeline.Event, full bool) *output.Tabular {
	tab := &output.Tabular{Header: []string{"WHEN", "KIND", "BY", "WHAT", "COMMIT"}}
	for _, e := range events {
		when, commit := e.At.UTC().Format(time.RFC3339), e.Commit
		if !full {
			when = cmdutil.Stamp(e.At)
			if len(commit) > 7 {
				commit = commit[:7]
			}
		}
		tab.Rows = append(tab.Rows, []string{when, e.Kind, e.By, e.What, commit})
	}
	return tab
}
