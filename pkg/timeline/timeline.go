// Package timeline merges what is known of a case's life into one
// time-ordered list: every entry recorded in its case file (history,
// assessments, risks, the plan's agreement, reviews, approvals, consents,
// household and network changes, the closure), its notes, and the git
// commits that touched its files.
//
// Each list of entries in the case file is read by one function in
// recorded; a new list (referrals, spending) is one more function there,
// one more constant and one more line in kinds.
package timeline

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/history"
)

// Kinds of event.
const (
	History    = "history"
	Assessment = "assessment"
	Risk       = "risk"
	Agreement  = "agreement"
	Review     = "review"
	Approval   = "approval"
	Consent    = "consent"
	Household  = "household"
	Network    = "network"
	Closure    = "closure"
	Referral   = "referral"
	Spend      = "spend"
	Note       = "note"
	Git        = "git"
)

// kinds are every kind of event with what its events say, in the order
// events of the same instant are listed: the records of the case file,
// then notes, then the commit that saved them.
var kinds = []struct{ name, says string }{
	{History, "phase changes and changes of worker, with who and why"},
	{Assessment, "each assessment: instrument, domains scored, needs, level"},
	{Risk, "each risk record: level, flags, reason"},
	{Agreement, "the client's agreement to the plan"},
	{Review, "each review: the statuses it set and the next date"},
	{Approval, "requests, approvals and rejections of plans, closures, expenses"},
	{Consent, "consent given or withdrawn, per purpose"},
	{Household, "household members who left"},
	{Network, "ties of the support network that ended"},
	{Closure, "the closure: reason and follow-up date"},
	{Referral, "each step of a referral: sent, the provider's answer, the service's start and end"},
	{Spend, "money spent on an action (the note is left out)"},
	{Note, "each note: its kind, never its text"},
	{Git, "the commits that touched the case's folder: author, subject"},
}

// Kinds are the names of every kind of event, in order.
var Kinds = func() []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.name
	}
	return names
}()

// KindHelp lists the kinds of event and what each says, one a line, for
// help texts.
func KindHelp() string {
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-11s %s\n", k.name, k.says)
	}
	return b.String()
}

// Event is one thing that happened to a case.
type Event struct {
	At     time.Time `json:"at" yaml:"at"`
	Kind   string    `json:"kind" yaml:"kind"` // one of Kinds
	By     string    `json:"by" yaml:"by"`
	What   string    `json:"what" yaml:"what"`
	Commit string    `json:"commit,omitempty" yaml:"commit,omitempty"` // git only: the full hash
}

// recorded reads each list of entries of a case file as events. What an
// event says names IDs, codes, dates and the reasons given; never the text
// of a note, a review's note, an evaluation or a safety plan.
// Amounts of money are written with the agency's currency.
func recorded(currency string) []func(c *casefile.Case) []Event {
	return []func(c *casefile.Case) []Event{
		func(c *casefile.Case) []Event { return FromHistory(c.History) },
		assessments, risks, agreement, reviews, consents, household, network, closure, referrals,
		func(c *casefile.Case) []Event { return approvals(c, currency) },
		func(c *casefile.Case) []Event { return spending(c, currency) },
	}
}

// OfCase returns every entry recorded in the case file as events, oldest
// first, with amounts of money in currency, the agency's (config
// currency): "120.00 GBP spent on action A4".
func OfCase(c *casefile.Case, currency string) []Event {
	readers := recorded(currency)
	lists := make([][]Event, len(readers))
	for i, read := range readers {
		lists[i] = read(c)
	}
	return Merge(lists...)
}

// Describe says what a history entry records: "intake → assessment:
// reason", "assigned w-ana → w-bo", "opened in intake".
func Describe(h casefile.HistoryEntry) string {
	var what string
	switch {
	case history.IsConsentOverride(h):
		what = "consent overridden: action " + h.Action
		if h.With != "" {
			what += " (" + h.With + ")"
		}
		what += " shared without the client's consent"
	case history.IsEligibilityOverride(h):
		what = "eligibility overridden: action " + h.Action
		if h.With != "" {
			what += " (" + h.With + ")"
		}
		if h.For != "" {
			what += " for " + h.For
		}
		what += " added outside the resource's ages"
	case h.Kind != "":
		what = h.Kind
	case h.IsAssignment():
		from := h.Assign.From
		if from == "" {
			from = "—"
		}
		what = fmt.Sprintf("assigned %s → %s", from, h.Assign.To)
	case history.IsDeparture(h):
		what = history.DescribeDeparture(*h.Left)
	case history.IsOpening(h):
		what = "opened in " + h.To
	default:
		what = h.From + " → " + h.To
	}
	if h.Forced {
		what += " (forced)"
	}
	if h.Reason != "" && h.Reason != casefile.OpeningReason {
		what += ": " + h.Reason
	}
	return what
}

// FromHistory turns a case's history into events. A departure (a member
// who left, a tie that ended) is left out: the household and network
// events list it, from the entry it marks ended.
func FromHistory(entries []casefile.HistoryEntry) []Event {
	events := make([]Event, 0, len(entries))
	for _, h := range entries {
		if !history.IsDeparture(h) {
			events = append(events, Event{At: h.At, Kind: History, By: h.By, What: Describe(h)})
		}
	}
	return events
}

func assessments(c *casefile.Case) []Event {
	events := make([]Event, len(c.Assessments))
	for i, a := range c.Assessments {
		what := fmt.Sprintf("%s assessment: %s scored", a.Instrument, count(len(a.Scores), "domain"))
		if len(a.Needs) > 0 {
			what += ", " + count(len(a.Needs), "need")
		}
		if a.Level != "" {
			what += "; level " + a.Level
		}
		events[i] = Event{At: a.At, Kind: Assessment, By: a.By, What: what}
	}
	return events
}

func risks(c *casefile.Case) []Event {
	events := make([]Event, len(c.Risks))
	for i, r := range c.Risks {
		what := "risk " + r.Level
		if len(r.Flags) > 0 {
			what += " (" + strings.Join(r.Flags, ", ") + ")"
		}
		if r.SafetyPlan != "" {
			what += " with a safety plan"
		}
		events[i] = Event{At: r.At, Kind: Risk, By: r.By, What: because(what, r.Reason)}
	}
	return events
}

func agreement(c *casefile.Case) []Event {
	a := c.Plan.Agreed
	if a == nil {
		return nil
	}
	what := "plan agreed by the " + a.By
	if a.Digest != "" {
		what += " (plan " + a.Digest + ")"
	}
	return []Event{{At: a.At, Kind: Agreement, By: a.By, What: what}}
}

func reviews(c *casefile.Case) []Event {
	events := make([]Event, len(c.Reviews))
	for i, r := range c.Reviews {
		parts := []string{"review"}
		for _, id := range slices.Sorted(maps.Keys(r.Goals)) {
			parts = append(parts, fmt.Sprintf("%s %s", id, r.Goals[id]))
		}
		for _, id := range slices.Sorted(maps.Keys(r.Actions)) {
			parts = append(parts, fmt.Sprintf("%s %s", id, r.Actions[id]))
		}
		if !r.Next.IsZero() {
			parts = append(parts, "next "+r.Next.String())
		}
		events[i] = Event{At: r.At, Kind: Review, By: r.By, What: strings.Join(parts, "; ")}
	}
	return events
}

func approvals(c *casefile.Case, currency string) []Event {
	events := make([]Event, len(c.Approvals))
	for i, a := range c.Approvals {
		what := string(a.What)
		if a.Amount != 0 {
			what += " of " + casefile.Amount(a.Amount, currency)
		}
		switch {
		case a.IsRequest():
			what = "approval of the " + what + " requested"
		case a.IsRejection():
			what = what + " rejected"
		default:
			what = what + " approved"
		}
		if a.Forced {
			what += " (forced)"
		}
		events[i] = Event{At: a.At, Kind: Approval, By: a.By, What: because(what, a.Reason)}
	}
	return events
}

func consents(c *casefile.Case) []Event {
	events := make([]Event, len(c.Consents))
	for i, e := range c.Consents {
		what := "consent to " + e.Purpose
		if e.Action == casefile.ConsentWithdraw {
			what += " withdrawn"
		} else {
			what += " given"
		}
		if e.GivenBy != "" {
			what += " by the " + e.GivenBy
		}
		if len(e.With) > 0 {
			what += " (with " + strings.Join(e.With, ", ") + ")"
		}
		if !e.Until.IsZero() {
			what += " until " + e.Until.String()
		}
		events[i] = Event{At: e.At, Kind: Consent, By: e.By, What: because(what, e.Reason)}
	}
	return events
}

// household lists the members who left; a member's arrival has no time in
// the case file (its commit shows it).
func household(c *casefile.Case) []Event {
	var events []Event
	for _, m := range c.Household {
		if m.Removed != nil {
			what := fmt.Sprintf("household member %s (%s) left", m.ID, m.Relationship)
			events = append(events, Event{At: m.Removed.At, Kind: Household, By: m.Removed.By, What: because(what, m.Removed.Reason)})
		}
	}
	return events
}

// network lists the ties that ended; as with the household, a contact's
// addition has no time in the case file.
func network(c *casefile.Case) []Event {
	var events []Event
	for _, n := range c.Network {
		if n.Ended != nil {
			what := fmt.Sprintf("network contact %s (%s) ended", n.ID, n.Relationship)
			events = append(events, Event{At: n.Ended.At, Kind: Network, By: n.Ended.By, What: because(what, n.Ended.Reason)})
		}
	}
	return events
}

// closure is the closure record: its reason and follow-up date (the
// evaluation is free text and left out). Who closed the case is who
// recorded the move to closed at the same time.
func closure(c *casefile.Case) []Event {
	cl := c.Closure
	if cl == nil {
		return nil
	}
	what := "closed: " + cl.Reason
	if !cl.FollowUp.IsZero() {
		what += "; follow-up " + cl.FollowUp.String()
	}
	var by string
	for _, h := range c.History {
		if h.At.Equal(cl.At) && h.To == casefile.ClosedPhase {
			by = h.By
		}
	}
	return []Event{{At: cl.At, Kind: Closure, By: by, What: what}}
}

// FromNotes turns notes into events: their kind, never their text.
func FromNotes(notes []*casefile.Note) []Event {
	events := make([]Event, len(notes))
	for i, n := range notes {
		events[i] = Event{At: n.At, Kind: Note, By: n.By, What: "note (" + n.Kind + ")"}
	}
	return events
}

// FromCommits turns git commits into events.
func FromCommits(commits []gitrev.LogEntry) []Event {
	events := make([]Event, len(commits))
	for i, c := range commits {
		events[i] = Event{At: c.At, Kind: Git, By: c.Author, What: c.Subject, Commit: c.Hash}
	}
	return events
}

// Merge joins lists of events into one, oldest first; events at the same
// time are in the order of Kinds (a record before the commit that saved
// it), then keep their list's order.
func Merge(lists ...[]Event) []Event {
	var all []Event
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.SortStableFunc(all, func(a, b Event) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind))
	})
	return all
}

// Select keeps the events at or after since (when not zero) whose kind
// is in kinds (when any are given).
func Select(events []Event, since time.Time, kinds []string) []Event {
	kept := make([]Event, 0, len(events))
	for _, e := range events {
		if e.At.Before(since) || (len(kinds) > 0 && !slices.Contains(kinds, e.Kind)) {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// because adds the reason given, when there is one.
func because(what, reason string) string {
	if reason = strings.TrimSpace(reason); reason != "" {
		return what + ": " + reason
	}
	return what
}

// count says "1 domain", "4 domains".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// referrals lists each step of each referral, with the resource referred
// to and the reason given (a decline's reason names no client value the
// scrubber does not know).
func referrals(c *casefile.Case) []Event {
	events := make([]Event, len(c.Referrals))
	for i, r := range c.Referrals {
		what := fmt.Sprintf("referral of action %s %s", r.Action, r.Status)
		if r.Resource != "" {
			what = fmt.Sprintf("referral of action %s (%s) %s", r.Action, r.Resource, r.Status)
		}
		events[i] = Event{At: r.At, Kind: Referral, By: r.By, What: because(what, r.Reason)}
	}
	return events
}

// spending lists the money spent on each action; the free-text note is
// left out, like a note's text.
func spending(c *casefile.Case, currency string) []Event {
	events := make([]Event, len(c.Spending))
	for i, sp := range c.Spending {
		events[i] = Event{At: sp.At, Kind: Spend, By: sp.By, What: casefile.Amount(sp.Amount, currency) + " spent on action " + sp.Action}
	}
	return events
}
