// Package consent decides what a client has consented to: it reads a
// case's consent entries (append-only, per purpose, with whom, until
// when) and answers whether a purpose with a party is in force at a given
// time. Every check of consent in casework asks it: the consent guard of
// the workflow, the referral letter, validate.
package consent

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/safetext"
)

// The purposes casework itself relies on; agencies may configure more.
const (
	// Services is consent to case management and the services of the
	// plan.
	Services = "services"
	// Share is consent to share information with a resource or
	// provider (a referral).
	Share = "share"
)

// Party is whom information would go to: a resource by ID and the name of
// its provider. A consent's With covers the party when it names either.
type Party struct {
	Resource string
	Provider string
}

// PartyOf is the party a resource stands for: itself and its provider.
func PartyOf(r casefile.Resource) Party { return Party{Resource: r.ID, Provider: r.Provider} }

// Everyone is the party of a consent that names nobody in particular.
var Everyone = Party{}

// covers reports whether a consent entry's With includes the party. An
// entry that names no one, or "*", covers every party; asked about
// Everyone, only such an entry counts.
func covers(with []string, p Party) bool {
	if len(with) == 0 || slices.Contains(with, casefile.Everyone) {
		return true
	}
	if p == Everyone {
		return false
	}
	return slices.ContainsFunc(with, p.named)
}

// named reports whether w, a name in a consent's With, names the party:
// its resource ID, or its provider's name in any letter case.
func (p Party) named(w string) bool {
	return (p.Resource != "" && w == p.Resource) || (p.Provider != "" && strings.EqualFold(w, p.Provider))
}

// Entries are a case's consent entries in time order, the old single
// client.consent record included as the entries it stands for (see
// Legacy).
func Entries(c *casefile.Case) []casefile.ConsentEntry {
	out := append(Legacy(c), c.Consents...)
	slices.SortStableFunc(out, func(a, b casefile.ConsentEntry) int { return a.At.Compare(b.At) })
	return out
}

// Legacy returns the entries the old client.consent record stands for:
// when it says consent was given, consent to services, and consent to
// share with the resources of the plan, both on its date and noting its
// scope. The old record was documented as "consent to case management and
// to sharing information with the providers in the plan"; nothing more
// is read into it.
func Legacy(c *casefile.Case) []casefile.ConsentEntry {
	old := c.Client.Consent
	if !old.Given {
		return nil
	}
	at := old.At.Time()
	if old.At.IsZero() {
		at = c.Opened.Time()
	}
	note := "recorded before consent per purpose"
	if old.Scope != "" {
		note += ": " + old.Scope
	}
	services := casefile.ConsentEntry{At: at, Action: casefile.ConsentGive, Purpose: Services, GivenBy: casefile.ConsentByClient, Reason: note}
	share := services
	share.Purpose = Share
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			if a.Resource != "" && !slices.Contains(share.With, a.Resource) {
				share.With = append(share.With, a.Resource)
			}
		}
	}
	if len(share.With) == 0 {
		return []casefile.ConsentEntry{services}
	}
	return []casefile.ConsentEntry{services, share}
}

// Migrate moves the old client.consent record into consent entries,
// losing nothing: the entries Legacy reads from it are appended before
// any newer entry, and the old record is cleared. Each entry is recorded
// by the case's worker at the record's date (from the history's
// assignments), or by actor, who migrates, when the case names none. It
// reports whether the case changed.
func Migrate(c *casefile.Case, actor string) bool {
	old := c.Client.Consent
	if old == (casefile.Consent{}) {
		return false
	}
	entries := Legacy(c)
	if !old.Given {
		// Recorded as not given: keep the record's words as a withdrawal
		// of nothing would lose them; say it plainly instead.
		at := old.At.Time()
		if old.At.IsZero() {
			at = c.Opened.Time()
		}
		entries = []casefile.ConsentEntry{{At: at, Action: casefile.ConsentWithdraw, Purpose: Services,
			Reason: strings.TrimSpace("recorded as not given before consent per purpose " + old.Scope)}}
	}
	for i := range entries {
		entries[i].By = history.Of(c).WorkerAt(entries[i].At)
		if entries[i].By == "" {
			entries[i].By = actor
		}
	}
	c.Consents = append(entries, c.Consents...)
	c.Client.Consent = casefile.Consent{}
	return true
}

// State is what is in force for one purpose and party at a time.
type State struct {
	// InForce says whether consent holds.
	InForce bool
	// Entry is the entry that decides it (nil when nothing was ever
	// recorded for the purpose and party).
	Entry *casefile.ConsentEntry
	// Expired is set when the deciding consent was given but ran out.
	Expired bool
}

// At says whether consent for purpose with party is in force at t: the
// latest entry for the purpose that covers the party decides; a consent
// given holds until the end of its Until day.
func At(c *casefile.Case, purpose string, p Party, t time.Time) State {
	var st State
	for _, e := range Entries(c) {
		if e.Purpose != purpose || e.At.After(t) || !covers(e.With, p) {
			continue
		}
		e := e
		st = State{Entry: &e, InForce: e.Action == casefile.ConsentGive}
		if st.InForce && !e.Until.IsZero() && t.After(e.Until.Time().AddDate(0, 0, 1)) {
			st.InForce, st.Expired = false, true
		}
	}
	return st
}

// Describe says in one line what st means, for messages and documents.
func (st State) Describe(purpose string) string {
	if st.Entry == nil {
		return fmt.Sprintf("no consent to %s is recorded", purpose)
	}
	return st.describeWith(purpose, "")
}

// Request is a consent to record.
type Request struct {
	At      time.Time
	By      string
	Action  string
	Purpose string
	With    []string
	GivenBy string
	Basis   string
	Until   casefile.Date
	Reason  string
}

// Record checks req against the case, the agency's purposes and the
// parties it knows (its resources and their providers), and appends it
// to the case's consents. Every name in req.With must be "*" or name one
// of parties. On error c is unchanged.
func Record(c *casefile.Case, purposes []string, parties []Party, req Request) error {
	if !slices.Contains(purposes, req.Purpose) {
		return fmt.Errorf("unknown purpose %s: use one of %s (consent.purposes in .casework.yaml)", safetext.Word(req.Purpose), strings.Join(purposes, ", "))
	}
	if !slices.Contains(casefile.ConsentActions, req.Action) {
		return fmt.Errorf("unknown consent action %s: use give or withdraw", safetext.Word(req.Action))
	}
	e := casefile.ConsentEntry{At: req.At.UTC(), By: req.By, Action: req.Action, Purpose: req.Purpose,
		With: req.With, GivenBy: req.GivenBy, Basis: req.Basis, Until: req.Until, Reason: req.Reason}
	if e.GivenBy == "" {
		e.GivenBy = casefile.ConsentByClient
	}
	for _, w := range e.With {
		if w != casefile.Everyone && !slices.ContainsFunc(parties, func(p Party) bool { return p.named(w) }) {
			return fmt.Errorf("no resource or provider %s; 'casework resource list' shows them", safetext.Word(w))
		}
	}
	switch {
	case !slices.Contains(casefile.ConsentGivers, e.GivenBy):
		return fmt.Errorf("unknown --by %s: consent is given by the client or their representative", safetext.Word(e.GivenBy))
	case e.GivenBy == casefile.ConsentByRepresentative && c.Client.Representative == nil:
		return fmt.Errorf("case %s has no representative: record one first ('casework case set %s client.representative.name=...')", c.ID, c.ID)
	case e.GivenBy == casefile.ConsentByRepresentative && strings.TrimSpace(e.Basis) == "":
		return fmt.Errorf("say on what legal basis the representative acts with --basis (for example 'parental responsibility')")
	case e.Action == casefile.ConsentWithdraw && strings.TrimSpace(e.Reason) == "":
		return fmt.Errorf("a withdrawal needs --reason: it is part of the record")
	case e.Action == casefile.ConsentWithdraw && !e.Until.IsZero():
		return fmt.Errorf("--until goes with give, not withdraw")
	case !e.Until.IsZero() && e.Until.Before(casefile.NewDate(e.At)):
		return fmt.Errorf("--until %s is before today (%s)", e.Until, casefile.NewDate(e.At))
	}
	if n := len(c.Consents); n > 0 && e.At.Before(c.Consents[n-1].At) {
		return fmt.Errorf("cannot record consent at %s: it is before the last consent entry (%s); entries are kept in time order",
			e.At.Format(time.RFC3339), c.Consents[n-1].At.Format(time.RFC3339))
	}
	slices.Sort(e.With)
	e.With = slices.Compact(e.With)
	c.Consents = append(c.Consents, e)
	return nil
}

// Summary is what is in force for each purpose at t: one line each, in
// the order of purposes. A line is in force when consent holds for
// anyone: for everyone (Everyone, with the parties since withdrawn in
// Except) or for the parties in With only. Its text says what is
// recorded, by whom and when.
func Summary(c *casefile.Case, purposes []string, t time.Time) []Line {
	var out []Line
	for _, p := range purposes {
		all := At(c, p, Everyone, t)
		line := Line{Purpose: p, Everyone: all.InForce}
		// Every party an entry names, with the state that applies to it.
		var named []string
		states := map[string]State{}
		for _, e := range Entries(c) {
			if e.Purpose != p || e.At.After(t) {
				continue
			}
			for _, w := range e.With {
				if _, ok := states[w]; ok || w == casefile.Everyone {
					continue
				}
				named = append(named, w)
				states[w] = At(c, p, Party{Resource: w, Provider: w}, t)
			}
		}
		slices.Sort(named)
		var off []string
		for _, w := range named {
			switch st := states[w]; {
			case st.InForce && !all.InForce:
				line.With = append(line.With, w)
			case !st.InForce && all.InForce:
				line.Except = append(line.Except, w)
			case !st.InForce:
				off = append(off, w)
			}
		}
		line.InForce = all.InForce || len(line.With) > 0
		switch {
		case all.InForce:
			line.Text = all.Describe(p)
			if len(line.Except) > 0 {
				line.Text += ", except with " + strings.Join(line.Except, ", ")
			}
		case len(line.With) > 0:
			line.Text = describeParties(p, line.With, states)
		case all.Entry != nil || len(off) == 0:
			line.Text = all.Describe(p)
		default:
			line.Text = describeParties(p, off, states)
		}
		out = append(out, line)
	}
	return out
}

// describeParties says what the entries deciding for the parties record,
// one clause per entry in time order: "consent to share given by the
// client on 2026-01-20 with food-bank, housing-advice".
func describeParties(purpose string, parties []string, states map[string]State) string {
	type group struct {
		st      State
		parties []string
	}
	var groups []*group
	for _, w := range parties {
		st := states[w]
		i := slices.IndexFunc(groups, func(g *group) bool { return sameEntry(g.st.Entry, st.Entry) && g.st.Expired == st.Expired })
		if i < 0 {
			groups = append(groups, &group{st: st})
			i = len(groups) - 1
		}
		groups[i].parties = append(groups[i].parties, w)
	}
	slices.SortStableFunc(groups, func(a, b *group) int { return a.st.Entry.At.Compare(b.st.Entry.At) })
	var clauses []string
	for _, g := range groups {
		clauses = append(clauses, g.st.describeWith(purpose, strings.Join(g.parties, ", ")))
	}
	return strings.Join(clauses, "; ")
}

// sameEntry reports whether a and b are the same recorded entry.
func sameEntry(a, b *casefile.ConsentEntry) bool {
	return a.At.Equal(b.At) && a.Action == b.Action && slices.Equal(a.With, b.With) && a.GivenBy == b.GivenBy && a.Until == b.Until
}

// describeWith says what st records for the parties named in with, or
// for everyone when with is empty.
func (st State) describeWith(purpose, with string) string {
	e := st.Entry
	to := purpose
	if with != "" {
		to += " with " + with
	}
	switch {
	case st.Expired:
		return fmt.Sprintf("consent to %s ran out on %s", to, e.Until)
	case !st.InForce:
		return fmt.Sprintf("consent to %s was withdrawn on %s", to, casefile.NewDate(e.At))
	}
	who := "the client"
	if e.GivenBy == casefile.ConsentByRepresentative {
		who = "the client's representative"
	}
	s := fmt.Sprintf("consent to %s given by %s on %s", purpose, who, casefile.NewDate(e.At))
	if with != "" {
		s += " with " + with
	}
	if !e.Until.IsZero() {
		s += ", until " + e.Until.String()
	}
	return s
}

// Line is what is in force for one purpose.
type Line struct {
	Purpose string `json:"purpose" yaml:"purpose"`
	// InForce says whether consent holds for anyone: everyone, or the
	// parties of With.
	InForce bool `json:"in_force" yaml:"in_force"`
	// Everyone says whether it holds for every party but those of Except.
	Everyone bool `json:"everyone" yaml:"everyone"`
	// With are the parties it holds for when it does not hold for
	// everyone.
	With []string `json:"with,omitempty" yaml:"with,omitempty"`
	// Except are the parties withdrawn from a consent for everyone.
	Except []string `json:"except,omitempty" yaml:"except,omitempty"`
	Text   string   `json:"text" yaml:"text"`
}
