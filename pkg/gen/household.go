package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/household"
)

// Stories the household and network of a case follow, chosen from the
// referral reason.
const (
	storyFamily = iota // a parent with children: the school and the GP around them
	storyAlone         // an adult living alone: a neighbour and the GP
	storyCarer         // an adult cared for by a partner or a grown-up child
	storyNew           // new to the area: hardly anyone yet
)

// storyOf is the story a referral reason tells.
func storyOf(rng *rand.Rand, reason string) int {
	switch {
	case strings.Contains(reason, "school"):
		return storyFamily
	case strings.Contains(reason, "lives alone"):
		return storyAlone
	case strings.Contains(reason, "Carer"):
		return storyCarer
	case strings.Contains(reason, "no support network"):
		return storyNew
	case rng.IntN(2) == 0:
		return storyFamily
	}
	return storyAlone
}

// Planted people known to two cases: every plantEvery-th case and the
// one after it share a child, a member of both households (two separated
// parents' cases), so that dupes has a person across cases to find.
const plantEvery = 40

// planted reports whether case i holds a planted shared child.
func planted(i int) bool { return i%plantEvery == 1 || i%plantEvery == 2 }

// sharedChild is the child that the two planted cases of pair share,
// drawn from its own random source, so that both cases draw the same
// child however the work is shared out; born 1 to 10 years before the
// oldest case may open (since), so before either case opened.
func sharedChild(seed uint64, pair int, since time.Time) casefile.Member {
	rng := rand.New(rand.NewPCG(seed^0x5eed, uint64(pair)))
	born := since.AddDate(-1-rng.IntN(10), -rng.IntN(12), 0)
	return casefile.Member{
		Name: pick(rng, firstNames) + " " + pick(rng, lastNames), Relationship: pick(rng, []string{"son", "daughter"}),
		DOB: casefile.NewDate(time.Date(born.Year(), born.Month(), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)), Role: "child",
	}
}

// surround gives the case a household and a network fitting its story.
// Case index i tells whether it holds a planted shared child (a family's
// case, then).
func (a *agency) surround(rng *rand.Rand, c *casefile.Case, opened time.Time, i int, opts Options) {
	last := c.Client.Name[strings.LastIndex(c.Client.Name, " ")+1:]
	roles, provides := a.cfg.Household.Roles, a.cfg.Network.Provides
	member := func(m casefile.Member) {
		if !slices.Contains(roles, m.Role) {
			m.Role = ""
		}
		household.AddMember(c, m, roles)
	}
	contact := func(n casefile.Contact) {
		n.Provides = slices.DeleteFunc(n.Provides, func(p string) bool { return !slices.Contains(provides, p) })
		household.AddContact(c, n, provides)
	}
	born := func(minAge, maxAge int) casefile.Date {
		b := opened.AddDate(-minAge-rng.IntN(maxAge-minAge+1), -rng.IntN(12), 0)
		return casefile.NewDate(time.Date(b.Year(), b.Month(), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
	}
	phone := func() string { return fmt.Sprintf("07700 %06d", rng.IntN(1000000)) }
	gp := casefile.Contact{Name: "Dr " + pick(rng, lastNames), Kind: casefile.Professional, Relationship: "GP",
		Organisation: pick(rng, surgeries), Contact: fmt.Sprintf("0161 555 %04d", rng.IntN(10000)), Provides: []string{"health"}}
	story := storyOf(rng, c.Referral.Reason)
	if planted(i) {
		story = storyFamily
	}
	switch story {
	case storyFamily:
		c.Client.DOB = born(24, 50)
		if rng.IntN(3) == 0 {
			member(casefile.Member{Name: pick(rng, firstNames) + " " + pick(rng, lastNames), Relationship: "partner", DOB: born(24, 55), LivesWith: true, Role: "partner", Phone: phone()})
		}
		for range 1 + rng.IntN(3) {
			member(casefile.Member{Name: pick(rng, firstNames) + " " + last, Relationship: pick(rng, []string{"son", "daughter"}), DOB: born(1, 16), LivesWith: true, Role: "child"})
		}
		if planted(i) {
			child := sharedChild(opts.Seed, i/plantEvery, opts.End.AddDate(-opts.Years, 0, 0))
			child.LivesWith = i%plantEvery == 1
			member(child)
		}
		contact(casefile.Contact{Name: pick(rng, firstNames) + " " + last, Kind: casefile.Informal, Relationship: pick(rng, []string{"sister", "mother", "grandmother", "brother"}),
			Provides: pickSome(rng, []string{"childcare", "emotional", "practical"}), Strength: pick(rng, []string{casefile.TieStrong, casefile.TieStrong, casefile.TieModerate, casefile.TieStressful}), Contact: phone()})
		contact(casefile.Contact{Name: pick(rng, []string{"Mrs ", "Mr ", "Ms "}) + pick(rng, lastNames), Kind: casefile.Professional, Relationship: "school",
			Organisation: pick(rng, schools), Provides: []string{"education"}, Strength: casefile.TieModerate})
		contact(gp)
	case storyAlone:
		contact(casefile.Contact{Name: pick(rng, firstNames) + " " + pick(rng, lastNames), Kind: casefile.Informal, Relationship: "neighbour",
			Provides: pickSome(rng, []string{"practical", "emotional"}), Strength: pick(rng, []string{casefile.TieModerate, casefile.TieWeak, casefile.TieStrong}), Contact: phone()})
		if rng.IntN(3) == 0 {
			contact(casefile.Contact{Name: pick(rng, firstNames) + " " + pick(rng, lastNames), Kind: casefile.Informal, Relationship: pick(rng, []string{"friend", "niece", "son", "daughter"}),
				Provides: pickSome(rng, []string{"emotional", "financial", "practical"}), Strength: pick(rng, []string{casefile.TieWeak, casefile.TieModerate}), Contact: phone()})
		}
		contact(gp)
	case storyCarer:
		c.Client.DOB = born(60, 90)
		member(casefile.Member{Name: pick(rng, firstNames) + " " + last, Relationship: pick(rng, []string{"husband", "wife", "son", "daughter"}), DOB: born(35, 85), LivesWith: true, Role: "carer", Phone: phone()})
		contact(casefile.Contact{Name: pick(rng, firstNames) + " " + pick(rng, lastNames), Kind: casefile.Informal, Relationship: pick(rng, []string{"neighbour", "friend"}),
			Provides: []string{"practical"}, Strength: casefile.TieModerate})
		contact(gp)
	case storyNew:
		if rng.IntN(2) == 0 {
			contact(gp)
		}
	}
}

// pickSome draws one or two of the values, in their order.
func pickSome(rng *rand.Rand, values []string) []string {
	first := rng.IntN(len(values))
	out := []string{values[first]}
	if second := rng.IntN(len(values)); second != first && rng.IntN(2) == 0 {
		out = append(out, values[second])
	}
	slices.SortFunc(out, func(a, b string) int { return slices.Index(values, a) - slices.Index(values, b) })
	return out
}

// moveOut records, now and then, that a member left the household: a
// grown child moving out, a partner leaving.
func (l *life) moveOut() {
	var current []string
	for _, m := range l.c.Household {
		if m.Current() {
			current = append(current, m.ID)
		}
	}
	if len(current) == 0 || l.rng.IntN(15) != 0 {
		return
	}
	household.RemoveMember(l.c, pick(l.rng, current), casefile.Ended{At: l.t, By: l.worker(), Reason: pick(l.rng, moveOutReasons)})
}

// assessMember assesses, now and then, a member of the household on the
// instrument that fits their age: CANS for a child, the default one for
// an adult (the Self-Sufficiency Matrix is completed for each adult).
func (l *life) assessMember() {
	var current []casefile.Member
	for _, m := range l.c.Household {
		if m.Current() {
			current = append(current, m)
		}
	}
	if len(current) == 0 || l.rng.IntN(3) != 0 {
		return
	}
	m := pick(l.rng, current)
	ins := l.a.cfg.Assessment.Instruments
	in := ins[0]
	if age, ok := household.Age(m.DOB, l.t); ok && age < 18 && len(ins) > 1 {
		in = ins[1]
	}
	l.record(in, m.ID)
}
