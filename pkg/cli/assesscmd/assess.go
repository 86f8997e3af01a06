// Package assesscmd implements `casework assess`.
package assesscmd

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/household"
	"github.com/casework/casework/pkg/risk"
	"github.com/casework/casework/pkg/safetext"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework assess`.
type Options struct {
	F          *cmdutil.Factory
	CaseID     string
	Instrument string
	Scores     []string
	Network    string
	Reason     string
	Member     string
	Strengths  []string
	Needs      []string
}

// Recorded is what `assess` prints: the stored assessment, the case it
// belongs to and the need it was computed from.
type Recorded struct {
	Case                string `json:"case" yaml:"case"`
	casefile.Assessment `yaml:",inline"`
	Need                float64 `json:"need" yaml:"need"`
	// Why says how the level was reached.
	Why string `json:"why" yaml:"why"`
	// NetworkWhy says how the recorded network gives its support ("" when
	// the case records none, and for a member).
	NetworkWhy string `json:"network_why,omitempty" yaml:"network_why,omitempty"`
}

// NewCmdAssess returns `casework assess ID --score DOMAIN=N...`.
func NewCmdAssess(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "assess ID --score DOMAIN=N...",
		Short: "Record a functional-capacity and strengths assessment; computes the level of attention",
		Long: `Record an assessment of the client: strengths first (strengths-based
practice), a score per domain on one of the instruments in .casework.yaml
(the Self-Sufficiency Matrix by default), the support the client's own
network gives, and the needs found, each with a priority.

Network support is read from the network recorded with 'casework network
add' (see 'casework network list'): each current informal tie counts by
its strength, professionals who give support add one point together.
--network overrides it with the worker's judgment, and --reason says why;
the assessment keeps both. A case with no recorded network takes
--network as given.

--member M1 assesses a member of the client's household instead (the
Self-Sufficiency Matrix is completed for each adult of a household). A
member's assessment is kept beside the client's; it does not set the
case's level of attention, and network support is left out of it.

The level of attention follows the Kaiser pyramid (self-management,
care-management, intensive): the mean need of the scored domains, on a 0
to 1 scale, plus the network adjustment, against the thresholds in
assessment.levels. Domains scored "not applicable" do not count.

A mean never hides a single domain's need: each instrument's escalate map
gives the lowest level a score in any one domain calls for (by default
CANS 3 intensive, CANS 2 care-management, SSM 1 care-management), and a
current risk raises the level to what risk.escalate says (by default high
calls for intensive). The output says why: "intensive: emotional scored
3, Act immediately".`,
		Example: `  casework assess C-2026-7K3Q --strength 'Close to her sister' \
    --score housing=2 --score income=3 --score food=na --network low \
    --need 'housing:high:Eviction notice for April'
  casework assess C-2026-7K3Q --instrument cans --score school=2,emotional=1
  casework assess C-2026-7K3Q --member M1 --instrument cans --score school=2
  casework assess C-2026-7K3Q --score housing=2 --network low --reason 'Her sister moves away in May'`,
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			if err := cmdutil.RequireFlag(cmd, "score"); err != nil {
				return err
			}
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.Scores, "score", nil, "`DOMAIN=N` score (repeat, or separate with commas; N may be na where the scale allows it)")
	fl.StringVar(&opts.Instrument, "instrument", "", "`INSTRUMENT` id from assessment.instruments (default: assessment.default_instrument)")
	fl.StringVar(&opts.Network, "network", "", "support from the client's own network, when it differs from what the recorded network gives: "+strings.Join(assess.Networks, ", "))
	fl.StringVar(&opts.Reason, "reason", "", "why --network differs from the support the recorded network gives")
	fl.StringVar(&opts.Member, "member", "", "assess the household `MEMBER` (M1, …) instead of the client")
	fl.StringArrayVar(&opts.Strengths, "strength", nil, "a `STRENGTH`, skill, resource or past success (repeat)")
	fl.StringArrayVar(&opts.Needs, "need", nil, "a prioritised need, `DOMAIN:PRIORITY:TEXT` with priority "+strings.Join(assess.Priorities, ", ")+" (repeat)")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	by, err := f.Actor()
	if err != nil {
		return err
	}
	var res assess.Result
	var derived household.Derived
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		if !c.IsOpen() {
			return fmt.Errorf("case %s is closed; reopen it for a re-assessment with 'casework case reopen %s --reason R'", c.ID, c.ID)
		}
		in, err := instrument(cfg, opts.Instrument)
		if err != nil {
			return err
		}
		input := assess.Input{
			At: now, By: by, Strengths: opts.Strengths, Scores: opts.Scores, Network: opts.Network, NetworkReason: opts.Reason, Needs: opts.Needs,
			Risk: risk.Level(c), RiskRules: cfg.Risk,
		}
		if opts.Member != "" {
			if input.Member, err = household.MemberToAssess(c, opts.Member); err != nil {
				return cmdutil.Usagef("--member: %w", err)
			}
		} else if derived = household.Derive(c); derived.Recorded {
			input.Derived = derived.Level
		}
		res, err = assess.Record(in, cfg.Assessment.Levels, input)
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		c.Assessments = append(c.Assessments, res.Assessment)
		return nil
	})
	if err != nil {
		return err
	}
	a := res.Assessment
	if len(a.Strengths) == 0 {
		f.Warnf("no strengths recorded: strengths-based practice records the client's strengths, skills and past successes too (--strength)")
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	in, _ := cfg.Assessment.Instrument(a.Instrument)
	out := Recorded{Case: rec.Data.ID, Assessment: a, Need: res.Need, Why: res.Decision.Why()}
	if a.NetworkDerived != "" {
		out.NetworkWhy = derived.Why()
	}
	return p.PrintRecord(out, details(out, in, res))
}

// instrument returns the named instrument, or the default one.
func instrument(cfg *config.Config, id string) (config.Instrument, error) {
	if id == "" {
		id = cfg.Assessment.DefaultInstrument
	}
	if in, ok := cfg.Assessment.Instrument(id); ok {
		return in, nil
	}
	var ids []string
	for _, in := range cfg.Assessment.Instruments {
		ids = append(ids, in.ID)
	}
	return config.Instrument{}, cmdutil.Usagef("unknown instrument %s: use one of %s (assessment.instruments in .casework.yaml)", safetext.Word(id), strings.Join(ids, ", "))
}

func details(out Recorded, in config.Instrument, res assess.Result) []output.Detail {
	a := res.Assessment
	domains := make([]string, 0, len(a.Scores))
	for d := range a.Scores {
		domains = append(domains, d)
	}
	sort.Slice(domains, func(i, j int) bool {
		return slices.Index(in.Domains, domains[i]) < slices.Index(in.Domains, domains[j])
	})
	var scores []string
	for _, d := range domains {
		s := a.Scores[d]
		label := in.Labels[s]
		if assess.IsNA(in, s) {
			label = "not applicable"
		}
		scores = append(scores, strings.TrimSpace(fmt.Sprintf("%-20s %d %s", d, s, label)))
	}
	var needs []string
	for _, n := range a.Needs {
		needs = append(needs, fmt.Sprintf("%-6s %s: %s", n.Priority, n.Domain, n.Text))
	}
	network := a.Network
	switch {
	case a.NetworkReason != "":
		network += fmt.Sprintf(" (the recorded network gives %s: %s)", out.NetworkWhy, a.NetworkReason)
	case a.NetworkDerived != "":
		network += " (from the recorded network: " + out.NetworkWhy + ")"
	}
	return []output.Detail{
		{Label: "Case", Value: out.Case},
		{Label: "Member", Value: a.Member},
		{Label: "Instrument", Value: in.ID + " " + in.Name},
		{Label: "Level", Value: res.Decision.Why()},
		{Label: "Network", Value: network},
		{Label: "Strengths", Value: strings.Join(a.Strengths, "\n")},
		{Label: "Scores", Value: strings.Join(scores, "\n")},
		{Label: "Needs", Value: strings.Join(needs, "\n")},
	}
}
