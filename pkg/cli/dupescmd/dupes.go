// Package dupescmd implements `casework dupes`.
package dupescmd

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/dupes/keyindex"
	"github.com/casework/casework/pkg/household"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework dupes`.
type Options struct {
	F            *cmdutil.Factory
	Threshold    float64
	NotDuplicate bool
	Cases        []string
}

// NewCmdDupes returns `casework dupes [--threshold X]`.
func NewCmdDupes(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "dupes",
		Short: "Possible duplicate clients (fuzzy name plus date of birth); exit 1 when any are found",
		Long: `List pairs of cases whose clients are probably the same person, so one
person does not get two case managers.

The members of each case's household are compared too, so one person
known to two cases is found whichever role they have in each: a child
in two families' cases, a client who is a member of another case's
household. Such a person is named CASE/M1 in the CASE column, with their
own name and date of birth (in JSON, "member": "M1" beside "case"); two
people of one case are never compared, nor a member who left.

Names are compared after folding letter case, accents and punctuation and
sorting the words ("López, María" and "Maria Lopez" are the same name),
word by word with Jaro-Winkler similarity (so "Jon" and "John" are
close). Only pairs that share a blocking key are compared: a phonetic
code (NYSIIS) of two words of the name, one word with the first letter of
another, or the date of birth (day and month in either order); and names
next to each other in sorted order. The date of birth weighs in: the same date raises the score, two different dates
lower it strongly (day and month swapped only a little), a missing one
leaves it as it is. Pairs scoring at least --threshold are listed, most
likely first, with the reasons.

A pair checked and found to be two people is recorded with
--not-duplicate A B, each a case ID or CASE/M1 for a member (in
.casework-decisions.yaml, tracked in git, IDs only), and never listed
again.

Exit status: 0 when no pair reaches the threshold, 1 when pairs are listed
(so CI can flag them, as with validate), 2 on errors.`,
		Example: "  casework dupes\n  casework dupes --threshold 0.75 -o json\n  casework dupes --not-duplicate C-2026-7K3Q C-2026-9XW2\n  casework dupes --not-duplicate C-2026-7K3Q/M1 C-2026-9XW2/M2",
		GroupID: "cases",
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.NotDuplicate {
				return cmdutil.ExactArgs(2, "two case IDs (or CASE/M1 for a member) with --not-duplicate")(cmd, args)
			}
			return cmdutil.ExactArgs(0, "no arguments (or two case IDs with --not-duplicate)")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.NotDuplicate {
				opts.Cases = args
				return runNotDuplicate(opts)
			}
			return run(opts)
		},
	}
	cmd.Flags().Float64Var(&opts.Threshold, "threshold", dupes.DefaultThreshold, "lowest `SCORE`, above 0 and at most 1, of a pair to list")
	cmd.Flags().BoolVar(&opts.NotDuplicate, "not-duplicate", false, "record that the two persons given (case IDs, or CASE/M1 for a member) are two people; dupes will not list them again")
	cmd.MarkFlagsMutuallyExclusive("not-duplicate", "threshold")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

// client is one side of a pair as printed: a case's client, or a member
// of its household.
type client struct {
	Case   string `json:"case" yaml:"case"`
	Member string `json:"member,omitempty" yaml:"member,omitempty"`
	Name   string `json:"name" yaml:"name"`
	DOB    string `json:"dob,omitempty" yaml:"dob,omitempty"`
	Phase  string `json:"phase" yaml:"phase"`
	Worker string `json:"worker" yaml:"worker"`
}

// pair is one likely duplicate as printed.
type pair struct {
	Score   float64  `json:"score" yaml:"score"`
	A       client   `json:"a" yaml:"a"`
	B       client   `json:"b" yaml:"b"`
	Reasons []string `json:"reasons" yaml:"reasons"`
}

func run(opts *Options) error {
	f := opts.F
	if !(opts.Threshold > 0 && opts.Threshold <= 1) { // NaN too
		return cmdutil.Usagef("--threshold %s is out of range: give a score above 0 and at most 1 (default %s)", cmdutil.Number(opts.Threshold), cmdutil.Number(dupes.DefaultThreshold))
	}
	p := f.Printer()
	// The clients come from the case index: only the case files that
	// changed since it was written are read.
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	// One case at a time: only the people and what a pair prints of
	// their case are kept, not every partial case.
	var clients, people []dupes.Client
	cases := map[string]holder{}
	err = f.EachCaseSummary(func(n int, c *casefile.Case) {
		if clients == nil {
			clients, people, cases = make([]dupes.Client, 0, n), make([]dupes.Client, 0, n), make(map[string]holder, n)
		}
		clients = append(clients, dupes.Client{Case: c.ID, Name: c.Client.Name, DOB: c.Client.DOB})
		people = append(people, dupes.People(c)...)
		cases[c.ID] = holder{c.ID, c.Phase, c.Worker}
	})
	if err != nil {
		return err
	}
	pairs := []pair{}
	keyindex.Refresh(repo, clients) // for the check of 'case new', of clients only
	decisions, err := loadDecisions(repo)
	if err != nil {
		return err
	}
	for _, m := range dupes.Find(people, opts.Threshold, decisions.Data.Skip()) {
		pairs = append(pairs, pair{
			Score:   round2(m.Score),
			A:       side(cases[m.A.Case], m.A),
			B:       side(cases[m.B.Case], m.B),
			Reasons: m.Reasons,
		})
	}
	if len(pairs) == 0 {
		f.Infof("No likely duplicates among %s (threshold %s).", cmdutil.Plural(len(clients), "case", "cases"), cmdutil.Number(opts.Threshold))
		if p.Format == output.Table {
			return nil
		}
	}
	if err := p.Print(pairs, table(pairs)); err != nil {
		return err
	}
	if len(pairs) == 0 {
		return nil
	}
	f.Infof("%d possible duplicate %s (threshold %s): check them, then close or merge the extra case.", len(pairs), plural(len(pairs)), cmdutil.Number(opts.Threshold))
	return cmdutil.ErrFindings
}

// loadDecisions reads the decisions file, or gives an empty one to be
// created.
func loadDecisions(repo *store.Repo) (*store.Record[dupes.Decisions], error) {
	rec, err := store.Load[dupes.Decisions](repo, dupes.DecisionsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return &store.Record[dupes.Decisions]{Path: dupes.DecisionsFile}, nil
	}
	return rec, err
}

// runNotDuplicate records that two cases' clients are two people.
func runNotDuplicate(opts *Options) error {
	f := opts.F
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	var ids [2]string
	var caseIDs [2]string
	for i, arg := range opts.Cases {
		if ids[i], caseIDs[i], err = resolve(f, arg); err != nil {
			return err
		}
	}
	switch {
	case ids[0] == ids[1] && !strings.Contains(ids[0], "/"):
		return cmdutil.Usagef("%s and %s are the same case; give two different cases", opts.Cases[0], opts.Cases[1])
	case caseIDs[0] == caseIDs[1]:
		return cmdutil.Usagef("%s and %s are of the same case; dupes never compares two people of one case", ids[0], ids[1])
	}
	slices.Sort(ids[:])
	by, err := f.Actor()
	if err != nil {
		return err
	}
	release, err := repo.Lock()
	if err != nil {
		return err
	}
	defer release()
	rec, err := loadDecisions(repo)
	if err != nil {
		return err
	}
	f.Changes.Detail = "not-duplicate " + ids[0] + " " + ids[1]
	if !rec.Data.AddNotDuplicate(ids[0], ids[1], by, f.Now()) {
		f.Infof("%s and %s are already recorded as two people.", ids[0], ids[1])
		return nil
	}
	if rec.Doc == nil {
		_, err = store.Create(repo, dupes.DecisionsFile, &rec.Data)
	} else {
		err = store.Save(repo, rec)
	}
	if err != nil {
		return err
	}
	f.Infof("Recorded in %s: %s and %s are two people; dupes will not list them again.", dupes.DecisionsFile, ids[0], ids[1])
	return nil
}

// resolve reads a person given to --not-duplicate: a case ID (or a
// unique prefix) for its client, CASE/M1 for a member of its household.
// It returns the person's Ref and the case ID.
func resolve(f *cmdutil.Factory, arg string) (ref, caseID string, err error) {
	caseArg, member, isMember := strings.Cut(arg, "/")
	rec, err := f.LoadCase(caseArg)
	if err != nil {
		return "", "", err
	}
	c := &rec.Data
	if !isMember {
		return c.ID, c.ID, nil
	}
	m, err := household.FindMember(c, member)
	if err != nil {
		return "", "", cmdutil.Usagef("%w", err)
	}
	return dupes.Client{Case: c.ID, Member: m.ID}.Ref(), c.ID, nil
}

// holder is what a pair prints of a person's case.
type holder struct{ id, phase, worker string }

// side is one person of a pair as printed: the case's client, or the
// member p names, with the case's phase and worker.
func side(c holder, p dupes.Client) client {
	out := client{Case: c.id, Member: p.Member, Name: p.Name, Phase: c.phase, Worker: c.worker}
	if !p.DOB.IsZero() {
		out.DOB = p.DOB.String()
	}
	return out
}

func table(pairs []pair) *output.Tabular {
	tab := &output.Tabular{Header: []string{"SCORE", "CASE", "CLIENT", "BORN", "WORKER", "CASE", "CLIENT", "BORN", "WORKER", "WHY"}}
	for _, p := range pairs {
		tab.Rows = append(tab.Rows, []string{
			fmt.Sprintf("%.2f", p.Score),
			p.A.ref(), p.A.Name, p.A.DOB, p.A.Worker,
			p.B.ref(), p.B.Name, p.B.DOB, p.B.Worker,
			strings.Join(p.Reasons, "; "),
		})
	}
	return tab
}

// ref is the case ID, or CASE/M1 for a member.
func (c client) ref() string { return dupes.Client{Case: c.Case, Member: c.Member}.Ref() }

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func plural(n int) string {
	if n == 1 {
		return "pair"
	}
	return "pairs"
}
