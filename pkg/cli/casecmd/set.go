package casecmd

import (
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/spf13/cobra"
)

// commandOnly lists the top-level case keys that only commands may change,
// with the command to use instead.
var commandOnly = map[string]string{
	"id":          "a case's ID never changes",
	"opened":      "it is set when the case is opened",
	"phase":       "use 'casework case move', 'case close' or 'case reopen', which check the workflow and record the change in history",
	"worker":      "use 'casework case assign', which records the change of reference person in history",
	"history":     "history is append-only and written only by commands",
	"closure":     "use 'casework case close'",
	"assessments": "use 'casework assess'",
	"plan":        "use 'casework plan'",
	"reviews":     "use 'casework review'",
	"approvals":   "use 'casework approve'",
	// The old single consent record: consent is recorded per purpose.
	"client.consent": "consent is recorded per purpose: use 'casework consent ID give --purpose P' (client.consent is the old form)",
}

// SetOptions are the inputs of `casework case set`.
type SetOptions struct {
	F      *cmdutil.Factory
	CaseID string
	Pairs  [][2]string
}

// NewCmdSet returns `casework case set ID KEY=VALUE...`.
func NewCmdSet(f *cmdutil.Factory) *cobra.Command {
	opts := &SetOptions{F: f}
	cmd := &cobra.Command{
		Use:   "set ID KEY=VALUE...",
		Short: "Update fields of a case by dotted key; validated before anything is written",
		Long: `Update scalar fields of a case by dotted key, such as client.phone or
referral.reason. An empty value clears a field. Every value is checked
before the file is written; the file keeps its comments and layout.

Settable keys:
  ` + strings.Join(casefile.SettableKeys(&casefile.Case{}, commandOnly), "\n  "),
		Example: "  casework case set C-2026-7K3Q client.phone=555-0100 client.language=es\n  casework case set C-2026-7K3Q referral.reason='school concern'",
		Args:    cmdutil.MinArgs(2, "a case ID and at least one KEY=VALUE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			for _, a := range args[1:] {
				k, v, ok := strings.Cut(a, "=")
				if !ok || k == "" {
					return cmdutil.Usagef("argument %d is not KEY=VALUE (not shown: it may hold client data); write it like client.phone=555-0100", len(opts.Pairs)+2)
				}
				opts.Pairs = append(opts.Pairs, [2]string{k, v})
			}
			return runSet(opts)
		},
	}
	return cmd
}

func runSet(opts *SetOptions) error {
	o, err := opts.F.Ops()
	if err != nil {
		return err
	}
	rec, err := o.UpdateCase(opts.CaseID, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		for _, p := range opts.Pairs {
			if err := casefile.SetField(c, p[0], p[1], commandOnly); err != nil {
				return cmdutil.Usagef("%w", err)
			}
		}
		return checkCase(c, cfg)
	})
	if err != nil {
		return err
	}
	keys := make([]string, len(opts.Pairs))
	for i, p := range opts.Pairs {
		keys[i] = p[0]
	}
	opts.F.Infof("Updated %s: %s", rec.Data.ID, strings.Join(keys, ", "))
	return nil
}

// checkCase checks the hand-settable fields of a case after an update.
// Plausible names, e-mail addresses and dates of birth are checked by
// every update (ops, casefile.Plausibility).
func checkCase(c *casefile.Case, cfg *config.Config) error {
	if strings.TrimSpace(c.Client.Name) == "" {
		return cmdutil.Usagef("client.name must not be empty")
	}
	if c.Model != "" {
		if err := checkModel(cfg, c.Model); err != nil {
			return err
		}
	}
	if r := c.Client.Representative; r != nil && *r == (casefile.Representative{}) {
		c.Client.Representative = nil
	} else if r != nil && r.Name == "" {
		return cmdutil.Usagef("client.representative needs a name: set client.representative.name")
	}
	return nil
}
