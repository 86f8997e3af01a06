// Package household keeps the people around a client: the members of
// their household and the informal and professional network that
// supports them (or strains them). It adds, changes and ends entries
// without ever erasing one, derives the network support an assessment
// uses from the recorded network, and draws the eco-map.
package household

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
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
		return fmt.Errorf("unknown role %q: use one of %s (household.roles in .casework.yaml)", m.Role, strings.Join(roles, ", "))
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
	return nil, fmt.Errorf("case %s has no household member %q%s", c.ID, id, listIDs("members", memberIDs(c)))
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
// who recorded it. The entry stays.
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
	end.At = end.At.UTC()
	m.Removed = &end
	return nil
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
		return fmt.Errorf("unknown --kind %q: informal (family, friends, neighbours, faith group) or professional (GP, school, probation, …)", n.Kind)
	case n.Strength != "" && !slices.Contains(casefile.TieStrengths, n.Strength):
		return fmt.Errorf("unknown --strength %q: use one of %s", n.Strength, strings.Join(casefile.TieStrengths, ", "))
	}
	for _, p := range n.Provides {
		if !slices.Contains(provides, p) {
			return fmt.Errorf("unknown --provides %q: use any of %s (network.provides in .casework.yaml)", p, strings.Join(provides, ", "))
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
	return nil, fmt.Errorf("case %s has no network contact %q%s", c.ID, id, listIDs("contacts", ids))
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

// EndContact records that a tie ended. The entry stays.
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
	end.At = end.At.UTC()
	n.Ended = &end
	return nil
}

// Support is the network support an assessment uses (low, medium, high),
// derived from the current informal network: each strong tie that
// provides something counts 2, a moderate one 1, a weak one 0, a
// stressful one -1. Professionals do not count: they are services, not
// the client's own network. 4 or more is high, 2 or 3 medium, less low.
func Support(c *casefile.Case) string {
	score := 0
	for _, n := range c.Network {
		if !n.Current() || n.Kind != casefile.Informal {
			continue
		}
		switch n.Strength {
		case casefile.TieStrong:
			if len(n.Provides) > 0 {
				score += 2
			} else {
				score++
			}
		case casefile.TieModerate:
			score++
		case casefile.TieStressful:
			score--
		}
	}
	switch {
	case score >= 4:
		return "high"
	case score >= 2:
		return "medium"
	}
	return "low"
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
