package household

import (
	"encoding/json"
	"fmt"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
	"github.com/casework/casework/pkg/safetext"
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
	left := map[casefile.Departure]bool{}
	for _, h := range appended {
		if history.IsDeparture(h) {
			left[*h.Left] = true
		}
	}
	members := kept("household", "member", old.Household, now.Household,
		func(m casefile.Member) (string, *casefile.Ended) { return m.ID, m.Removed },
		func(id string) bool { return left[casefile.Departure{Member: id}] })
	contacts := kept("network", "network contact", old.Network, now.Network,
		func(n casefile.Contact) (string, *casefile.Ended) { return n.ID, n.Ended },
		func(id string) bool { return left[casefile.Departure{Contact: id}] })
	return append(members, contacts...)
}

// kept checks one list (key, of entries called what): each entry of old
// against the entry at its place in now. entry gives an entry's ID and
// end; departed says whether the history appended a departure of an ID.
func kept[T any](key, what string, old, now []T, entry func(T) (string, *casefile.Ended), departed func(string) bool) []Problem {
	var probs []Problem
	for i, o := range old {
		k := fmt.Sprintf("%s[%d]", key, i)
		problem := func(rule, format string, args ...any) {
			probs = append(probs, Problem{Key: k, Rule: rule, Msg: fmt.Sprintf(format, args...)})
		}
		id, was := entry(o)
		shown := safetext.Token(id) // from a file: quoted, or escaped
		if i >= len(now) {
			problem("entry-removed", "%s %s was erased; entries are never erased: record that they left with 'casework member remove' or 'casework network end'", what, shown)
			continue
		}
		nowID, is := entry(now[i])
		switch {
		case nowID != id:
			problem("entry-rewritten", "%s now has ID %s where %s %s was; entries keep their place and ID, and new ones are added at the end", k, safetext.Token(nowID), what, shown)
		case was != nil && is == nil:
			problem("entry-reopened", "%s %s had ended and its end was erased; an ended entry is kept as it was (add the person again for a new start)", what, shown)
		case was != nil && !sameJSON(o, now[i]):
			problem("entry-rewritten", "%s %s had ended and was changed since; an ended entry is kept as it was", what, shown)
		case was == nil && is != nil && !departed(id):
			problem("unrecorded-departure", "%s %s was ended without a departure in the history; use 'casework member remove' or 'casework network end'", what, shown)
		}
	}
	return probs
}

// sameJSON reports whether a and b encode alike.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
