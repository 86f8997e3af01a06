// Package dupescmd implements `casework dupes`.
package dupescmd

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/dupes"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework dupes`.
type Options struct {
	F         *cmdutil.Factory
	Threshold float64
}

// NewCmdDupes returns `casework dupes [--threshold X]`.
func NewCmdDupes(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "dupes",
		Short: "Possible duplicate clients (fuzzy name plus date of birth); exit 1 when any are found",
		Long: `List pairs of cases whose clients are probably the same person, so one
person does not get two case managers.

Names are compared after folding letter case, accents and punctuation and
sorting the words ("López, María" and "Maria Lopez" are the same name),
with Jaro-Winkler similarity (so "Jon" and "John" are close). The date of
birth weighs in: the same date raises the score, two different dates
lower it strongly (day and month swapped only a little), a missing one
leaves it as it is. Pairs scoring at least --threshold are listed, most
likely first, with the reasons.

Exit status: 0 when no pair reaches the threshold, 1 when pairs are listed
(so CI can flag them, as with validate), 2 on errors.`,
		Example: "  casework dupes\n  casework dupes --threshold 0.75 -o json",
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(opts)
		},
	}
	cmd.Flags().Float64Var(&opts.Threshold, "threshold", dupes.DefaultThreshold, "lowest `SCORE`, above 0 and at most 1, of a pair to list")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

// client is one side of a pair as printed.
type client struct {
	Case   string `json:"case" yaml:"case"`
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
	if opts.Threshold <= 0 || opts.Threshold > 1 {
		return cmdutil.Usagef("--threshold %s is out of range: give a score above 0 and at most 1 (default %s)", cmdutil.Number(opts.Threshold), cmdutil.Number(dupes.DefaultThreshold))
	}
	p := f.Printer()
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	recs, err := repo.AllCases()
	if err != nil {
		return err
	}
	cases := map[string]*casefile.Case{}
	clients := make([]dupes.Client, len(recs))
	for i, r := range recs {
		c := &r.Data
		cases[c.ID] = c
		clients[i] = dupes.Client{Case: c.ID, Name: c.Client.Name, DOB: c.Client.DOB}
	}
	pairs := []pair{}
	for _, m := range dupes.Find(clients, opts.Threshold) {
		pairs = append(pairs, pair{
			Score:   round2(m.Score),
			A:       side(cases[m.A.Case]),
			B:       side(cases[m.B.Case]),
			Reasons: m.Reasons,
		})
	}
	if len(pairs) == 0 {
		f.Infof("No likely duplicates among %d cases (threshold %s).", len(recs), cmdutil.Number(opts.Threshold))
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

func side(c *casefile.Case) client {
	dob := ""
	if !c.Client.DOB.IsZero() {
		dob = c.Client.DOB.String()
	}
	return client{Case: c.ID, Name: c.Client.Name, DOB: dob, Phase: c.Phase, Worker: c.Worker}
}

func table(pairs []pair) *output.Tabular {
	tab := &output.Tabular{Header: []string{"SCORE", "CASE", "CLIENT", "BORN", "WORKER", "CASE", "CLIENT", "BORN", "WORKER", "WHY"}}
	for _, p := range pairs {
		tab.Rows = append(tab.Rows, []string{
			fmt.Sprintf("%.2f", p.Score),
			p.A.Case, p.A.Name, p.A.DOB, p.A.Worker,
			p.B.Case, p.B.Name, p.B.DOB, p.B.Worker,
			strings.Join(p.Reasons, "; "),
		})
	}
	return tab
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func plural(n int) string {
	if n == 1 {
		return "pair"
	}
	return "pairs"
}
