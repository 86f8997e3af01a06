// Package logcmd implements `casework log`.
package logcmd

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/redact"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/timeline"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework log`.
type Options struct {
	F      *cmdutil.Factory
	CaseID string
	Redact bool
}

// NewCmdLog returns `casework log ID`.
func NewCmdLog(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "log ID [--redact]",
		Short: "A case's life in one list: its history, its notes and the git commits that touched it",
		Long: `Show what happened to a case, oldest first: the history recorded in the
case file (phase changes and changes of worker, with who and why), its
notes (their kind, not their text), and the git commits that touched the
case's folder (with their author and subject). Outside a git repository,
the case's own history and notes are shown, with a note on stderr.

History reasons and commit subjects are free text and may name the
client. --redact replaces every identifying value of every person of the
case in them (the client's, representative's, household members' and
network's names and their parts, dates of birth, phones, e-mails, the
address...) with [redacted], as 'render --redact' does, so the log can be
shared.`,
		Example: "  casework log C-2026-7K3Q\n  casework log C-2026-7K3Q -o json\n  casework log C-2026-7K3Q --redact",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "replace every identifying value of the case's people in reasons and commit subjects, so the log can be shared")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
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
	events := timeline.Merge(timeline.FromHistory(rec.Data.History), timeline.FromNotes(noteList), timeline.FromCommits(commits))
	if events == nil {
		events = []timeline.Event{}
	}
	if opts.Redact {
		cfg, err := f.Config()
		if err != nil {
			return err
		}
		_, resources, err := f.WorkersAndResources()
		if err != nil {
			return err
		}
		s := redact.For(&rec.Data, redact.AgencyNames(cfg.Agency, resources)...)
		for i := range events {
			events[i].What = s.Text(events[i].What)
		}
	}
	return p.Print(events, table(events))
}

// caseCommits lists the commits that touched the case's folder, or says
// why git cannot tell.
func caseCommits(repo *store.Repo, id string) ([]gitrev.LogEntry, error) {
	if _, err := gitrev.TopLevel(repo.Root); err != nil {
		return nil, err
	}
	return gitrev.Log(repo.Root, store.CasesDir+"/"+id)
}

// table is the tabular view: the commit is shortened to 7 characters.
func table(events []timeline.Event) *output.Tabular {
	tab := &output.Tabular{Header: []string{"WHEN", "SOURCE", "BY", "WHAT", "COMMIT"}}
	for _, e := range events {
		commit := e.Commit
		if len(commit) > 7 {
			commit = commit[:7]
		}
		tab.Rows = append(tab.Rows, []string{cmdutil.Stamp(e.At), e.Source, e.By, e.What, commit})
	}
	return tab
}
