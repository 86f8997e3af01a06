package household

import (
	"encoding/json"
	"fmt"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
)

// Problem is a change to the household or network between two versions
// of a case that the rules do not allow. Key is the dotted path of the
// entry in the newer case file (household[1]); Rule names the rule
// broken.
type Problem struct {
	Key, Rule, Msg string
}

// Kept checks the household and network of now against an earlier
// version of the same case, old: entries are kept as they were recorded,
// ended but never erased or rewritten. Every entry of old is still there,
// at the same place with the same ID; a current entry may be changed
// (member set, network set) or ended; an ended entry never changes again
// and is never reopened; and each entry ended since old has its departure
// among the history entries appended since (appended). New entries are
// added at the end. 'casework validate --against' reports these.
func Kept(old, now *casefile.Case, appended []casefile.HistoryEntry) []Problem {
	var probs []Problem
	left := map[casefile.Departure]bool{}
	for _, h := range appended {
		if history.IsDeparture(h) {
			left[*h.Left] = true
		}
	}
	for i, o := range old.Household {
		key := fmt.Sprintf("household[%d]", i)
		var n *casefile.Member
		if i < len(now.Household) {
			n = &now.Household[i]
		}
		var is *casefile.Ended
		if n != nil {
			is = n.Removed
		}
		probs = append(probs, keep(key, "member", o.ID, n != nil, func() string { return n.ID }, o.Removed, is, o, deref(n), left[casefile.Departure{Member: o.ID}])...)
	}
	for i, o := range old.Network {
		key := fmt.Sprintf("network[%d]", i)
		var n *casefile.Contact
		if i < len(now.Network) {
			n = &now.Network[i]
		}
		var is *casefile.Ended
		if n != nil {
			is = n.Ended
		}
		probs = append(probs, keep(key, "network contact", o.ID, n != nil, func() string { return n.ID }, o.Ended, is, o, deref(n), left[casefile.Departure{Contact: o.ID}])...)
	}
	return probs
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// keep checks one entry: old (was ended at was) against now (ended at
// is), which exists when present.
func keep(key, what, id string, present bool, nowID func() string, was, is *casefile.Ended, old, now any, departed bool) []Problem {
	problem := func(rule, format string, args ...any) []Problem {
		return []Problem{{Key: key, Rule: rule, Msg: fmt.Sprintf(format, args...)}}
	}
	switch {
	case !present:
		return problem("entry-removed", "%s %s was erased; entries are never erased: record that they left with 'casework member remove' or 'casework network end'", what, id)
	case nowID() != id:
		return problem("entry-rewritten", "%s now has ID %s where %s %s was; entries keep their place and ID, and new ones are added at the end", key, nowID(), what, id)
	case was != nil && is == nil:
		return problem("entry-reopened", "%s %s had ended and its end was erased; an ended entry is kept as it was (add the person again for a new start)", what, id)
	case was != nil && !sameJSON(old, now):
		return problem("entry-rewritten", "%s %s had ended and was changed since; an ended entry is kept as it was", what, id)
	case was == nil && is != nil && !departed:
		return problem("unrecorded-departure", "%s %s was ended without a departure in the history; use 'casework member remove' or 'casework network end'", what, id)
	}
	return nil
}

// sameJSON reports whether a and b encode alike.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
