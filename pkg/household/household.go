// Package household keeps the people around a client: the members of
// their household and the informal and professional network that
// supports them (or strains them). It adds, changes and ends entries
// without ever erasing one (Kept is that rule between two versions of a
// case), derives the network support an assessment uses from the
// recorded network, and draws the eco-map.
package household

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/safetext"
)

// AddMember adds m to the household with the next member ID (M1, M2, …)
// and returns it. roles are the configured household roles.
func AddMember(c *casefile.Case, m casefile.Member, roles []string) (casefile.Member, error) {
	if err := checkMember(m, roles); err != nil {
		return m, err
	}
	ids := make([]string, len(c.Household))
	for i, x := range c.Household {
		ids[i] = x.ID
	}
	m.ID = casefile.NextID("M", ids)
	c.Household = append(c.Household, m)
	return m, nil
}

// checkMember refuses a member without a name or relationship, or with a
// role the agency does not use.
func checkMember(m casefile.Member, roles []string) error {
	switch {
	case strings.TrimSpace(m.Name) == "":
		return fmt.Errorf("a household member needs a name (--name)")
	case strings.TrimSpace(m.Relationship) == "":
		return fmt.Errorf("say how the member is related to the client (--relationship, for example son, partner, grandmother)")
	case m.Role != "" && !slices.Contains(roles, m.Role):
		return fmt.Errorf("unknown role %s: use one of %s (household.roles in .casework.yaml)", safetext.Word(m.Role), strings.Join(roles, ", "))
	}
	return nil
}

// FindMember returns the member with the ID (any letter case).
func FindMember(c *casefile.Case, id string) (*casefile.Member, error) {
	for i := range c.Household {
		if strings.EqualFold(c.Household[i].ID, id) {
			return &c.Household[i], nil
		}
	}
	return nil, fmt.Errorf("case %s has no household member %s%s", c.ID, safetext.Word(id), listIDs("members", memberIDs(c)))
}

// SetMember changes a current member with change, then checks the
// result. On error c is unchanged.
func SetMember(c *casefile.Case, id string, roles []string, change func(*casefile.Member)) (casefile.Member, error) {
	m, err := FindMember(c, id)
	if err != nil {
		return casefile.Member{}, err
	}
	if !m.Current() {
		return *m, fmt.Errorf("member %s left the household on %s; their entry is kept as it was", m.ID, casefile.NewDate(m.Removed.At))
	}
	changed := *m
	change(&changed)
	if err := checkMember(changed, roles); err != nil {
		return *m, err
	}
	*m = changed
	return changed, nil
}

// RemoveMember records that a member left the household, when, why and
// who recorded it: in the member's entry, which stays, and as a departure
// in the case's history.
func RemoveMember(c *casefile.Case, id string, end casefile.Ended) error {
	m, err := FindMember(c, id)
	if err != nil {
		return err
	}
	if !m.Current() {
		return fmt.Errorf("member %s already left the household on %s", m.ID, casefile.NewDate(m.Removed.At))
	}
	if strings.TrimSpace(end.Reason) == "" {
		return fmt.Errorf("say why the member left the household (--reason): it is part of the record")
	}
	if err := checkOrder(c, end.At); err != nil {
		return err
	}
	end.At = end.At.UTC()
	m.Removed = &end
	record(c, end, casefile.Departure{Member: m.ID})
	return nil
}

// checkOrder refuses an end dated before the last entry of the history,
// which is kept in time order.
func checkOrder(c *casefile.Case, at time.Time) error {
	if last := history.Of(c).Last(); at.Before(last) {
		return fmt.Errorf("the case's history has an entry dated %s, after this one (%s); history is kept in time order", last.UTC().Format(time.RFC3339), at.UTC().Format(time.RFC3339))
	}
	return nil
}

// record appends the departure to the case's history.
func record(c *casefile.Case, end casefile.Ended, d casefile.Departure) {
	c.History = append(c.History, casefile.HistoryEntry{At: end.At, By: end.By, Left: &d, Reason: end.Reason})
}

// AddContact adds n to the network with the next network ID (N1, N2, …)
// and returns it. provides are the configured kinds of support.
func AddContact(c *casefile.Case, n casefile.Contact, provides []string) (casefile.Contact, error) {
	if n.Kind == "" {
		n.Kind = casefile.Informal
	}
	if err := checkContact(n, provides); err != nil {
		return n, err
	}
	ids := make([]string, len(c.Network))
	for i, x := range c.Network {
		ids[i] = x.ID
	}
	n.ID = casefile.NextID("N", ids)
	c.Network = append(c.Network, n)
	return n, nil
}

func checkContact(n casefile.Contact, provides []string) error {
	switch {
	case strings.TrimSpace(n.Name) == "":
		return fmt.Errorf("a network contact needs a name (--name): a person or an organisation")
	case strings.TrimSpace(n.Relationship) == "":
		return fmt.Errorf("say who they are to the client (--relationship, for example sister, GP, form tutor)")
	case !slices.Contains(casefile.ContactKinds, n.Kind):
		return fmt.Errorf("unknown --kind %s: informal (family, friends, neighbours, faith group) or professional (GP, school, probation, …)", safetext.Word(n.Kind))
	case n.Strength != "" && !slices.Contains(casefile.TieStrengths, n.Strength):
		return fmt.Errorf("unknown --strength %s: use one of %s", safetext.Word(n.Strength), strings.Join(casefile.TieStrengths, ", "))
	}
	for _, p := range n.Provides {
		if !slices.Contains(provides, p) {
			return fmt.Errorf("unknown --provides %s: use any of %s (network.provides in .casework.yaml)", safetext.Word(p), strings.Join(provides, ", "))
		}
	}
	return nil
}

// FindContact returns the network contact with the ID (any letter case).
func FindContact(c *casefile.Case, id string) (*casefile.Contact, error) {
	for i := range c.Network {
		if strings.EqualFold(c.Network[i].ID, id) {
			return &c.Network[i], nil
		}
	}
	var ids []string
	for _, n := range c.Network {
		ids = append(ids, n.ID)
	}
	return nil, fmt.Errorf("case %s has no network contact %s%s", c.ID, safetext.Word(id), listIDs("contacts", ids))
}

// SetContact changes a current contact with change, then checks the
// result. On error c is unchanged.
func SetContact(c *casefile.Case, id string, provides []string, change func(*casefile.Contact)) (casefile.Contact, error) {
	n, err := FindContact(c, id)
	if err != nil {
		return casefile.Contact{}, err
	}
	if !n.Current() {
		return *n, fmt.Errorf("the tie with %s ended on %s; its entry is kept as it was", n.ID, casefile.NewDate(n.Ended.At))
	}
	changed := *n
	changed.Provides = slices.Clone(n.Provides)
	change(&changed)
	if err := checkContact(changed, provides); err != nil {
		return *n, err
	}
	*n = changed
	return changed, nil
}

// EndContact records that a tie ended: in the contact's entry, which
// stays, and as a departure in the case's history.
func EndContact(c *casefile.Case, id string, end casefile.Ended) error {
	n, err := FindContact(c, id)
	if err != nil {
		return err
	}
	if !n.Current() {
		return fmt.Errorf("the tie with %s already ended on %s", n.ID, casefile.NewDate(n.Ended.At))
	}
	if strings.TrimSpace(end.Reason) == "" {
		return fmt.Errorf("say why the tie ended (--reason): it is part of the record")
	}
	if err := checkOrder(c, end.At); err != nil {
		return err
	}
	end.At = end.At.UTC()
	n.Ended = &end
	record(c, end, casefile.Departure{Contact: n.ID})
	return nil
}

// MemberToAssess returns the ID of the current member id names (any
// letter case): an assessment is of a member who is in the household now.
func MemberToAssess(c *casefile.Case, id string) (string, error) {
	m, err := FindMember(c, id)
	if err != nil {
		return "", err
	}
	if !m.Current() {
		return "", fmt.Errorf("member %s left the household on %s; assess the people who are in it now", m.ID, casefile.NewDate(m.Removed.At))
	}
	return m.ID, nil
}

// Derived is the network support read from the recorded network, with
// what it was read from.
type Derived struct {
	// Level is low, medium or high.
	Level string
	// Score is the points the ties add up to.
	Score int
	// Informal is how many current informal ties there are, and
	// Professional how many current professionals give support.
	Informal, Professional int
	// Recorded says whether the case records any network at all (a tie
	// that ended included): with none, there is nothing to derive from.
	Recorded bool
}

// Why reads "medium: 3 points from 2 informal ties and 1 professional
// support".
func (d Derived) Why() string {
	return fmt.Sprintf("%s: %d %s from %d informal %s and %d professional %s", d.Level,
		d.Score, plural(d.Score, "point", "points"), d.Informal, plural(d.Informal, "tie", "ties"),
		d.Professional, plural(d.Professional, "support", "supports"))
}

// Derive reads the network support from the case's current network.
// Each informal tie (family, friends, neighbours, a faith group) counts by
// its strength: strong 2 when it gives something, else 1; moderate 1;
// weak 0; stressful -1, a tie that costs the client more than it gives.
// Professionals that give something (and are not a stressful or weak tie)
// add 1 point together, however many they are: a service supports the
// client but does not stand in for their own network. 4 points or more is
// high, 2 or 3 medium, less low.
func Derive(c *casefile.Case) Derived {
	d := Derived{Recorded: len(c.Network) > 0}
	professional := false
	for _, n := range c.Network {
		if !n.Current() {
			continue
		}
		if n.Kind == casefile.Professional {
			if len(n.Provides) > 0 && n.Strength != casefile.TieStressful && n.Strength != casefile.TieWeak {
				d.Professional++
				professional = true
			}
			continue
		}
		d.Informal++
		switch n.Strength {
		case casefile.TieStrong:
			if len(n.Provides) > 0 {
				d.Score += 2
			} else {
				d.Score++
			}
		case casefile.TieModerate:
			d.Score++
		case casefile.TieStressful:
			d.Score--
		}
	}
	if professional {
		d.Score++
	}
	switch {
	case d.Score >= 4:
		d.Level = "high"
	case d.Score >= 2:
		d.Level = "medium"
	default:
		d.Level = "low"
	}
	return d
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Age is how old a member is on a date, and false when their date of
// birth is not recorded.
func Age(dob casefile.Date, on time.Time) (int, bool) {
	if dob.IsZero() {
		return 0, false
	}
	t := dob.Time()
	years := on.Year() - t.Year()
	if on.Month() < t.Month() || on.Month() == t.Month() && on.Day() < t.Day() {
		years--
	}
	return years, true
}

func memberIDs(c *casefile.Case) []string {
	var ids []string
	for _, m := range c.Household {
		ids = append(ids, m.ID)
	}
	return ids
}

// listIDs names the IDs there are, for messages.
func listIDs(what string, ids []string) string {
	if len(ids) == 0 {
		return " (it has no " + what + " yet)"
	}
	return "; its " + what + " are " + strings.Join(ids, ", ")
}
