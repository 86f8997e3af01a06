// Package casetable flattens cases into one row each, for spreadsheets
// (`casework export csv`).
package casetable

import (
	"github.com/casework/casework/pkg/history"
	"strconv"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/redact"
	"github.com/casework/casework/pkg/risk"
	"github.com/casework/casework/pkg/schedule"
)

// Header names the columns, in order.
var Header = []string{
	"id", "phase", "model", "worker", "opened",
	"client_name", "client_dob", "referral_source", "referral_date",
	"level", "risk", "goals", "actions", "cost_total", "agreement",
	"next_due", "closed_at", "closure_reason",
}

// Row is one case as a row of Header's columns. clock holds the agency's
// timescales (for the next due date). With redacted, the client's
// name is replaced with redact.Mark, the date of birth left empty, and
// free text (referral source, closure reason) scrubbed of client data.
func Row(c *casefile.Case, clock schedule.Clock, redacted bool) []string {
	if redacted {
		c = redact.Case(c)
	}
	return RowOf(c, FiguresOf(c.Plan), clock)
}

// Figures are what a row shows of a case's plan.
type Figures struct {
	Goals, Actions int
	Cost           float64 // of the actions not cancelled
	Agreement      string  // none, current or stale
}

// FiguresOf counts a plan for its row.
func FiguresOf(p casefile.Plan) Figures {
	actions := 0
	for _, g := range p.Goals {
		actions += len(g.Actions)
	}
	return Figures{Goals: len(p.Goals), Actions: actions, Cost: p.CommittedCost(), Agreement: planning.AgreementState(p)}
}

// RowOf is Row (not redacted) of a case whose plan figures are given: c
// may be a partial case, as the case index rebuilds it, with the fields a
// row reads besides the plan (ID, phase, model, worker, opening, client's
// name and date of birth, referral source and date, the latest
// assessment's level, what schedule.ForCase reads, the closure's time and
// reason).
func RowOf(c *casefile.Case, fig Figures, clock schedule.Clock) []string {
	level := ""
	if as := c.ClientAssessments(); len(as) > 0 {
		level = as[len(as)-1].Level
	}
	nextDue := ""
	if due := clock.ForCase(c); len(due) > 0 {
		nextDue = due[0].Date.String()
	}
	closedAt, reason := "", ""
	if cl := history.Of(c).CurrentClosure(); cl != nil {
		closedAt = cl.At.UTC().Format(time.RFC3339)
		reason = cl.Reason
	}
	return []string{
		c.ID, c.Phase, c.Model, c.Worker, c.Opened.String(),
		c.Client.Name, c.Client.DOB.String(), c.Referral.Source, c.Referral.Date.String(),
		level, risk.Level(c), strconv.Itoa(fig.Goals), strconv.Itoa(fig.Actions),
		strconv.FormatFloat(fig.Cost, 'f', 2, 64), fig.Agreement,
		nextDue, closedAt, reason,
	}
}
