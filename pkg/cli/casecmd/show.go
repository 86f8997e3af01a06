package casecmd

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/consent"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/risk"
	"github.com/casework/casework/pkg/timeline"
	"github.com/spf13/cobra"
)

// NewCmdShow returns `casework case show ID`.
func NewCmdShow(f *cmdutil.Factory) *cobra.Command {
	return cmdutil.Prints(&cobra.Command{
		Use:   "show ID",
		Short: "Show one case, whole (-o yaml|json gives the file's data)",
		Args:  cmdutil.ExactArgs(1, "one case ID (or a unique prefix)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := f.Printer()
			rec, err := f.LoadCase(args[0])
			if err != nil {
				return err
			}
			if p.Format != output.Table {
				return p.Print(&rec.Data, nil)
			}
			repo, err := f.Repo()
			if err != nil {
				return err
			}
			notes, err := repo.NotePaths(rec.Data.ID)
			if err != nil {
				return err
			}
			cfg, err := f.Config()
			if err != nil {
				return err
			}
			return output.WriteDetails(f.IO.Out, caseDetails(&rec.Data, len(notes), f.Now(), cfg.Currency))
		},
	}, output.Table, output.JSON, output.YAML)
}

func caseDetails(c *casefile.Case, notes int, now time.Time, currency string) []output.Detail {
	cl := c.Client
	client := cl.Name
	if !cl.DOB.IsZero() {
		client += ", born " + cl.DOB.String()
	}
	var contact []string
	for _, s := range []string{cl.Phone, cl.Email, cl.Address, cl.Language} {
		if s != "" {
			contact = append(contact, s)
		}
	}
	var rep string
	if r := cl.Representative; r != nil {
		rep = strings.TrimSpace(fmt.Sprintf("%s (%s) %s %s", r.Name, r.Relationship, r.Phone, r.Email))
	}
	var team []string
	for _, m := range c.Team {
		team = append(team, strings.TrimSpace(m.Worker+" "+m.Role))
	}
	ref := c.Referral
	referral := strings.Join(nonEmpty(ref.Source, ref.Date.String(), ref.Reason), ", ")
	var lines []string
	for _, h := range c.History {
		lines = append(lines, historyLine(h))
	}
	d := []output.Detail{
		{Label: "Case", Value: c.ID},
		{Label: "Risk", Value: riskText(c)},
		{Label: "Phase", Value: fmt.Sprintf("%s (since %s)", c.Phase, history.Of(c).PhaseSince().Format("2006-01-02"))},
		{Label: "Model", Value: c.Model},
		{Label: "Worker", Value: c.Worker},
		{Label: "Team", Value: strings.Join(team, ", ")},
		{Label: "Opened", Value: c.Opened.String()},
		{Label: "Client", Value: client},
		{Label: "Contact", Value: strings.Join(contact, ", ")},
		{Label: "Representative", Value: rep},
		{Label: "Consent", Value: consentText(c, now)},
		{Label: "Referral", Value: referral},
		{Label: "Assessments", Value: assessmentsText(c)},
		{Label: "Plan", Value: planText(c, currency)},
		{Label: "Referrals", Value: referralsText(c)},
		{Label: "Reviews", Value: reviewsText(c)},
	}
	if cl := c.Closure; cl != nil {
		// A reopened case keeps the record of its last closure, which no
		// longer describes it.
		label := "Closure"
		if history.Of(c).Reopened() {
			label = "Last closure"
		}
		d = append(d, output.Detail{Label: label, Value: strings.Join(nonEmpty(cl.At.Format("2006-01-02"), cl.Reason, cl.Evaluation, followUp(cl.FollowUp)), ", ")})
	}
	d = append(d,
		output.Detail{Label: "History", Value: strings.Join(lines, "\n")},
		output.Detail{Label: "Notes", Value: fmt.Sprint(notes)},
	)
	return d
}

// consentText says what is in force for the purposes casework checks
// ('casework consent ID' shows every purpose).
func consentText(c *casefile.Case, now time.Time) string {
	var parts []string
	for _, l := range consent.Summary(c, []string{consent.Services, consent.Share}, now) {
		switch {
		case l.Everyone && len(l.Except) > 0:
			parts = append(parts, l.Purpose+": yes, except with "+strings.Join(l.Except, ", "))
		case l.Everyone:
			parts = append(parts, l.Purpose+": yes")
		case len(l.With) > 0:
			parts = append(parts, l.Purpose+": with "+strings.Join(l.With, ", "))
		default:
			parts = append(parts, l.Purpose+": no")
		}
	}
	return strings.Join(parts, "; ")
}

func followUp(d casefile.Date) string {
	if d.IsZero() {
		return ""
	}
	return "follow-up " + d.String()
}

// historyLine formats a history entry: "2026-03-02 09:00  w-ana  intake → assessment: reason".
func historyLine(h casefile.HistoryEntry) string {
	return fmt.Sprintf("%s  %s  %s", cmdutil.Stamp(h.At), h.By, timeline.Describe(h))
}

func assessmentsText(c *casefile.Case) string {
	as := c.ClientAssessments()
	s := "none of the client"
	if len(as) > 0 {
		last := as[len(as)-1]
		s = fmt.Sprintf("%d, latest %s (%s), level %s", len(as), last.At.Format("2006-01-02"), last.Instrument, orDash(last.Level))
	}
	if n := len(c.Assessments) - len(as); n > 0 {
		return s + fmt.Sprintf("; %d of household members", n)
	}
	if len(as) == 0 {
		return ""
	}
	return s
}

// riskText is the current risk: level and flags, when and by whom, why,
// and the safety plan.
func riskText(c *casefile.Case) string {
	r := c.CurrentRisk()
	if r == nil {
		return "not recorded"
	}
	lines := []string{fmt.Sprintf("%s, recorded %s by %s", risk.Summary(c), r.At.Format("2006-01-02"), r.By)}
	if r.Reason != "" {
		lines = append(lines, "Reason: "+r.Reason)
	}
	if r.SafetyPlan != "" {
		lines = append(lines, "Safety plan: "+r.SafetyPlan)
	}
	if n := len(c.Risks); n > 1 {
		lines = append(lines, fmt.Sprintf("(%d risk records; 'casework case show %s -o yaml' lists them)", n, c.ID))
	}
	return strings.Join(lines, "\n")
}

func planText(c *casefile.Case, currency string) string {
	if len(c.Plan.Goals) == 0 {
		return ""
	}
	actions := 0
	for _, g := range c.Plan.Goals {
		actions += len(g.Actions)
	}
	s := cmdutil.Plural(len(c.Plan.Goals), "goal", "goals") + ", " + cmdutil.Plural(actions, "action", "actions")
	m := c.Money()
	if m.Committed > 0 {
		s += ", cost " + cmdutil.Amount(m.Committed, currency)
	}
	if m.Spent > 0 {
		s += ", spent " + cmdutil.Amount(m.Spent, currency)
	}
	if a := c.Plan.Agreed; a != nil {
		s += fmt.Sprintf(", agreed by %s %s", a.By, a.At.Format("2006-01-02"))
	}
	return s
}

// referralsText says where each referral stands: "A1 accepted, A4 started".
func referralsText(c *casefile.Case) string {
	var parts []string
	for _, r := range c.CurrentReferrals() {
		parts = append(parts, r.Action+" "+string(r.Status))
	}
	return strings.Join(parts, ", ")
}

func reviewsText(c *casefile.Case) string {
	if len(c.Reviews) == 0 {
		return ""
	}
	last := c.Reviews[len(c.Reviews)-1]
	s := fmt.Sprintf("%d, latest %s", len(c.Reviews), last.At.Format("2006-01-02"))
	if !last.Next.IsZero() {
		s += ", next " + last.Next.String()
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
