// Package dupes finds clients who are probably one person entered twice,
// so that one person does not get two case managers: names compared after
// folding case, accents, punctuation and word order, with the date of
// birth weighing in.
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

// Client is a case's client as compared.
type Client struct {
	Case string
	Name string
	DOB  casefile.Date
}

// Match is a likely duplicate pair with its score (0 to 1) and the reasons
// for it.
type Match struct {
	A, B    Client
	Score   float64
	Reasons []string
}

// NameScore is how alike two names are, from 0 to 1: Jaro-Winkler of the
// normalised names, or, when both have at least two words, the mean of each
// word's best match in the other name, whichever is higher (so a second
// surname or a middle name costs little).
func NameScore(a, b string) float64 {
	ta, tb := tokens(a), tokens(b)
	score := JaroWinkler(strings.Join(ta, " "), strings.Join(tb, " "))
	if len(ta) >= 2 && len(tb) >= 2 {
		score = max(score, wordScore(ta, tb))
	}
	return score
}

// wordScore is the mean, over the words of the shorter name, of their best
// Jaro-Winkler match among the words of the other, scaled down a little
// for every word left unmatched in the longer name.
func wordScore(a, b []string) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var sum float64
	for _, wa := range a {
		best := 0.0
		for _, wb := range b {
			best = max(best, JaroWinkler(wa, wb))
		}
		sum += best
	}
	return sum / float64(len(a)) * (1 - 0.05*float64(len(b)-len(a)))
}

// Compare scores one pair of clients and says why.
func Compare(a, b Client) (float64, []string) {
	name := NameScore(a.Name, b.Name)
	reasons := []string{fmt.Sprintf("names %.2f alike", name)}
	if Normalize(a.Name) == Normalize(b.Name) {
		reasons[0] = "same name"
	}
	score := name
	switch {
	case a.DOB.IsZero() || b.DOB.IsZero():
		reasons = append(reasons, "date of birth missing")
	case a.DOB.String() == b.DOB.String():
		score += (1 - score) * sameDOBBoost
		reasons = append(reasons, "same date of birth")
	case swapped(a.DOB, b.DOB):
		score *= swappedDOBFactor
		reasons = append(reasons, "dates of birth differ by day and month swapped")
	default:
		score *= differentDOBFactor
		reasons = append(reasons, "different dates of birth")
	}
	return score, reasons
}

// swapped reports whether two dates are the same with day and month
// swapped (1984-05-01 and 1984-01-05).
func swapped(a, b casefile.Date) bool {
	ta, tb := a.Time(), b.Time()
	return ta.Year() == tb.Year() && int(ta.Month()) == tb.Day() && ta.Day() == int(tb.Month())
}

// Find returns the pairs of clients scoring at least threshold, highest
// score first (then by case IDs). Every pair is compared once.
func Find(clients []Client, threshold float64) []Match {
	var matches []Match
	for i := range clients {
		for j := i + 1; j < len(clients); j++ {
			score, reasons := Compare(clients[i], clients[j])
			if score >= threshold {
				matches = append(matches, Match{A: clients[i], B: clients[j], Score: score, Reasons: reasons})
			}
		}
	}
	slices.SortFunc(matches, func(x, y Match) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A.Case, y.A.Case); c != 0 {
			return c
		}
		return cmp.Compare(x.B.Case, y.B.Case)
	})
	return matches
}
