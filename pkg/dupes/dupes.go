// Package dupes finds clients who are probably one person entered twice,
// so that one person does not get two case managers: names compared after
// folding case, accents, punctuation and word order, with the date of
// birth weighing in.
//
// Find compares only candidate pairs, those that share a blocking key
// (see Keys) or sit near each other in the sorted names; FindAll compares
// every pair and is the yardstick its recall is measured against.
package dupes

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// DefaultThreshold is the score from which a pair is reported.
const DefaultThreshold = 0.85

// Weights of the date of birth.
const (
	// sameDOBBoost closes this share of the gap between the name score and 1.
	sameDOBBoost = 0.5
	// differentDOBFactor multiplies the name score when both dates are
	// known and differ: two different people, most likely.
	differentDOBFactor = 0.6
	// swappedDOBFactor multiplies it when the dates differ only by day and
	// month swapped, a common typing slip.
	swappedDOBFactor = 0.95
)

// Client is a person of a case as compared: its client, or a member of
// its household (Member, an M-ID), so that one person known to two cases
// is found whichever role they have in each. Two people of one case are
// never compared.
type Client struct {
	Case   string
	Member string // "" for the case's client
	Name   string
	DOB    casefile.Date
}

// Ref names the person in decisions and output: the case ID for its
// client, "CASE/M1" for a member.
func (c Client) Ref() string {
	if c.Member == "" {
		return c.Case
	}
	return c.Case + "/" + c.Member
}

// People are the persons of a case that dupes compares: the client and
// the current members of the household (a member who left is no longer
// part of the case's household).
func People(c *casefile.Case) []Client {
	out := []Client{{Case: c.ID, Name: c.Client.Name, DOB: c.Client.DOB}}
	for _, m := range c.Household {
		if m.Current() && m.Name != "" {
			out = append(out, Client{Case: c.ID, Member: m.ID, Name: m.Name, DOB: m.DOB})
		}
	}
	return out
}

// Match is a likely duplicate pair with its score (0 to 1) and the reasons
// for it.
type Match struct {
	A, B    Client
	Score   float64
	Reasons []string
}

// prepared is a client's name normalised once, however many pairs it is
// in, and its date of birth as numbers.
type prepared struct {
	text    string   // the normalised name: words sorted, joined by spaces
	joined  []rune   // text as runes
	words   [][]rune // the sorted words
	y, m, d int      // the date of birth; y is 0 when it is missing
}

func prepare(c Client) prepared {
	ws := tokens(c.Name)
	p := prepared{text: strings.Join(ws, " ")}
	p.joined = []rune(p.text)
	p.words = make([][]rune, len(ws))
	for i, w := range ws {
		p.words[i] = []rune(w)
	}
	if !c.DOB.IsZero() {
		t := c.DOB.Time()
		p.y, p.m, p.d = t.Year(), int(t.Month()), t.Day()
	}
	return p
}

// dobRelation is how two dates of birth compare.
type dobRelation int

const (
	dobMissing dobRelation = iota
	dobSame
	dobSwapped // day and month swapped (1984-05-01 and 1984-01-05)
	dobDifferent
)

func relate(a, b *prepared) dobRelation {
	switch {
	case a.y == 0 || b.y == 0:
		return dobMissing
	case a.y == b.y && a.m == b.m && a.d == b.d:
		return dobSame
	case a.y == b.y && a.m == b.d && a.d == b.m:
		return dobSwapped
	}
	return dobDifferent
}

// ceiling is the highest score a pair with this relation of dates can
// reach, whatever the names: pairs that cannot reach the threshold are
// never scored.
func (r dobRelation) ceiling() float64 {
	switch r {
	case dobSwapped:
		return swappedDOBFactor
	case dobDifferent:
		return differentDOBFactor
	}
	return 1
}

// nameScore is NameScore of prepared names.
func nameScore(a, b *prepared) float64 {
	if len(a.words) >= 2 && len(b.words) >= 2 {
		return wordScore(a.words, b.words)
	}
	return jaroWinkler(a.joined, b.joined)
}

// score is the pair's score: the names' weighed by the dates of birth.
func score(a, b *prepared, rel dobRelation) float64 {
	s := nameScore(a, b)
	switch rel {
	case dobSame:
		s += (1 - s) * sameDOBBoost
	case dobSwapped:
		s *= swappedDOBFactor
	case dobDifferent:
		s *= differentDOBFactor
	}
	return s
}

// NameScore is how alike two names are, from 0 to 1. When both have at
// least two words: the mean of each word's Jaro-Winkler similarity with
// the word of the other name it is paired with (see wordScore), so word
// order, a second surname or a middle name cost little. Otherwise:
// Jaro-Winkler of the normalised names. (Jaro-Winkler of whole names with
// their words sorted would rate a shared surname sorted first, "Hussain
// Ivan" and "Hussain Olivia", as the same person.)
func NameScore(a, b string) float64 {
	pa, pb := prepare(Client{Name: a}), prepare(Client{Name: b})
	return nameScore(&pa, &pb)
}

// wordScore is the mean, over the words of the shorter name, of their
// Jaro-Winkler match with a word of the other, each word used once (best
// matches first), scaled down a little for every word left unmatched in
// the longer name. Each word used once: otherwise "John Johnson" would
// match every John, both its words matching "john".
func wordScore(a, b [][]rune) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) > maxKeyWords {
		b = b[:maxKeyWords]
		a = a[:min(len(a), maxKeyWords)]
	}
	var sims [maxKeyWords][maxKeyWords]float64
	for i, wa := range a {
		for j, wb := range b {
			sims[i][j] = jaroWinkler(wa, wb)
		}
	}
	var usedA, usedB [maxKeyWords]bool
	var sum float64
	for range a {
		bi, bj, best := 0, 0, -1.0
		for i := range a {
			for j := range b {
				if !usedA[i] && !usedB[j] && sims[i][j] > best {
					bi, bj, best = i, j, sims[i][j]
				}
			}
		}
		usedA[bi], usedB[bj] = true, true
		sum += best
	}
	return sum / float64(len(a)) * (1 - 0.05*float64(len(b)-len(a)))
}

// Compare scores one pair of clients and says why.
func Compare(a, b Client) (float64, []string) {
	pa, pb := prepare(a), prepare(b)
	return compare(&pa, &pb)
}

func compare(a, b *prepared) (float64, []string) {
	rel := relate(a, b)
	reasons := make([]string, 0, 2)
	if a.text == b.text {
		reasons = append(reasons, "same name")
	} else {
		reasons = append(reasons, fmt.Sprintf("names %.2f alike", nameScore(a, b)))
	}
	switch rel {
	case dobMissing:
		reasons = append(reasons, "date of birth missing")
	case dobSame:
		reasons = append(reasons, "same date of birth")
	case dobSwapped:
		reasons = append(reasons, "dates of birth differ by day and month swapped")
	default:
		reasons = append(reasons, "different dates of birth")
	}
	return score(a, b, rel), reasons
}

// Skip says whether a pair of persons, named by Client.Ref, is not to be
// reported (a recorded decision that they are two people); nil skips
// none.
type Skip func(a, b string) bool

// Find returns the pairs of persons of different cases scoring at least
// threshold, highest score first (then by Ref), comparing only the candidate pairs that
// blocking proposes (see Keys): about as many as the clients, where
// FindAll compares every pair. Pairs that skip names are left out.
func Find(clients []Client, threshold float64, skip Skip) []Match {
	ps := prepareAll(clients)
	var found []scored
	candidates(ps, threshold, func(i, j int) {
		if clients[i].Case == clients[j].Case {
			return // two people of one case: a family, not a duplicate
		}
		if s, ok := scorePair(ps, i, j, threshold); ok {
			found = append(found, scored{int32(i), int32(j), s})
		}
	})
	return matches(clients, ps, found, skip)
}

// FindAll is Find comparing every pair: the yardstick of Find's recall.
func FindAll(clients []Client, threshold float64, skip Skip) []Match {
	ps := prepareAll(clients)
	var found []scored
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if clients[i].Case == clients[j].Case {
				continue
			}
			if s, ok := scorePair(ps, i, j, threshold); ok {
				found = append(found, scored{int32(i), int32(j), s})
			}
		}
	}
	return matches(clients, ps, found, skip)
}

// scored is a pair of clients, by index, that reached the threshold.
type scored struct {
	i, j  int32
	score float64
}

func prepareAll(clients []Client) []prepared {
	ps := make([]prepared, len(clients))
	for i, c := range clients {
		ps[i] = prepare(c)
	}
	return ps
}

// scorePair scores clients i and j, reporting whether they reach the
// threshold; the dates of birth are compared first, the names only when
// the dates leave the pair a chance.
func scorePair(ps []prepared, i, j int, threshold float64) (float64, bool) {
	a, b := &ps[i], &ps[j]
	rel := relate(a, b)
	if rel.ceiling() < threshold {
		return 0, false
	}
	s := score(a, b, rel)
	return s, s >= threshold
}

// matches turns the pairs found into matches with their reasons, less
// those skip names, in order.
func matches(clients []Client, ps []prepared, found []scored, skip Skip) []Match {
	out := make([]Match, 0, len(found))
	for _, f := range found {
		ca, cb := clients[f.i], clients[f.j]
		if skip != nil && skip(ca.Ref(), cb.Ref()) {
			continue
		}
		_, reasons := compare(&ps[f.i], &ps[f.j])
		if cb.Ref() < ca.Ref() {
			ca, cb = cb, ca
		}
		out = append(out, Match{A: ca, B: cb, Score: f.score, Reasons: reasons})
	}
	sortMatches(out)
	return out
}

func sortMatches(matches []Match) {
	slices.SortFunc(matches, func(x, y Match) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A.Ref(), y.A.Ref()); c != 0 {
			return c
		}
		return cmp.Compare(x.B.Ref(), y.B.Ref())
	})
}
