// Package riskcmd implements `casework risk`.
package riskcmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/risk"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework risk`.
type Options struct {
	F          *cmdutil.Factory
	CaseID     string
	Level      string
	Flags      []string
	Reason     string
	SafetyPlan string
}

// Recorded is what `risk` prints: the case and the risk record appended.
type Recorded struct {
	Case          string `json:"case" yaml:"case"`
	casefile.Risk `yaml:",inline"`
}

// NewCmdRisk returns `casework risk ID --level L [--flag F]... [--reason
// R] [--safety-plan TEXT]`.
func NewCmdRisk(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "risk ID --level LEVEL",
		Short: "Record the client's current risk: level, safeguarding flags, reason and safety plan",
		Long: `Record a risk assessment of the case: a level from risk.levels in
.casework.yaml (default low, medium, high), the safeguarding flags raised
(risk.flags: self-harm, harm-to-others, domestic-abuse, child-protection,
exploitation, neglect, ...), why, and the safety plan agreed.

Risk records are appended, never rewritten: the latest one is the case's
current risk. Lowering a risk is recording a new, lower level with its
reason. The current risk shows in case show, case list, due and the care
documents; it shortens the review interval (timescales.review), raises
the level of attention (risk.escalate: high calls for intensive), and a
case at the highest level cannot be closed without an evaluation and a
supervisor's approval of the closure.`,
		Example: `  casework risk C-2026-7K3Q --level high --flag self-harm \
    --reason 'Disclosed self-harm at school' --safety-plan 'Daily check-in call; crisis line 116 123'
  casework risk C-2026-7K3Q --level medium --reason 'Engaging with CAMHS, no incidents for 4 weeks'`,
		GroupID: "cases",
		Args:    cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.RequireFlag(cmd, "level"); err != nil {
				return err
			}
			opts.CaseID = args[0]
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Level, "level", "", "risk `LEVEL` from risk.levels (default low, medium, high)")
	fl.StringArrayVar(&opts.Flags, "flag", nil, "a safeguarding `FLAG` from risk.flags (repeat)")
	fl.StringVar(&opts.Reason, "reason", "", "why: what was disclosed or observed")
	fl.StringVar(&opts.SafetyPlan, "safety-plan", "", "the safety plan agreed: who does what, and where to turn in a crisis")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	p := f.Printer()
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	// Values are checked before the actor and the case, so a typo fails
	// first and fails fast.
	if _, err := risk.Record(cfg.Risk, risk.Input{Level: opts.Level, Flags: opts.Flags}); err != nil {
		return cmdutil.Usagef("%w", err)
	}
	by, err := f.Actor()
	if err != nil {
		return err
	}
	var r casefile.Risk
	o, err := f.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		r, err = risk.Record(cfg.Risk, risk.Input{At: now, By: by, Level: opts.Level, Flags: opts.Flags, Reason: opts.Reason, SafetyPlan: opts.SafetyPlan})
		if err != nil {
			return cmdutil.Usagef("%w", err)
		}
		c.Risks = append(c.Risks, r)
		return nil
	})
	if err != nil {
		return err
	}
	c := &rec.Data
	if r.Level == cfg.Risk.Highest() && r.SafetyPlan == "" {
		f.Warnf("no safety plan recorded with a %s risk: record one with 'casework risk %s --level %s --safety-plan TEXT'", r.Level, c.ID, r.Level)
	}
	if !c.IsOpen() {
		f.Warnf("case %s is closed: a risk recorded on a closed case is due nowhere; reopen it with 'casework case reopen %s --reason R' to work with it", c.ID, c.ID)
	}
	return p.PrintRecord(Recorded{Case: c.ID, Risk: r}, []output.Detail{
		{Label: "Case", Value: c.ID},
		{Label: "Risk", Value: r.Level},
		{Label: "Flags", Value: strings.Join(r.Flags, ", ")},
		{Label: "At", Value: r.At.Format(time.RFC3339)},
		{Label: "By", Value: r.By},
		{Label: "Reason", Value: r.Reason},
		{Label: "Safety plan", Value: r.SafetyPlan},
	})
}
