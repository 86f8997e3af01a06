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
	level := ""
	if n := len(c.Assessments); n > 0 {
		level = c.Assessments[n-1].Level
	}
	actions := 0
	for _, g := range c.Plan.Goals {
		actions += len(g.Actions)
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
		level, risk.Level(c), strconv.Itoa(len(c.Plan.Goals)), strconv.Itoa(actions),
		strconv.FormatFloat(c.Plan.CommittedCost(), 'f', 2, 64), planning.AgreementState(c.Plan),
		nextDue, closedAt, reason,
	}
}
