package planted

import "github.com/casework/casework/pkg/dupes"

// Quality is how dupes.Find does on a labelled set against dupes.FindAll
// (every pair compared) at the same threshold.
type Quality struct {
	Planted, FoundAll, FoundBlocked int     // planted pairs: all, found by FindAll, found by Find
	PairsAll, PairsBlocked          int     // pairs reported
	Recall                          float64 // planted pairs Find finds, of those FindAll finds
	RecallPairs                     float64 // every pair Find reports, of FindAll's
	Precision                       float64 // planted pairs among those Find reports
}

// Measure runs Find and FindAll over the set at threshold and compares
// them.
func Measure(set Set, threshold float64) Quality {
	all := dupes.FindAll(set.Clients, threshold, nil)
	blocked := dupes.Find(set.Clients, threshold, nil)
	q := Quality{Planted: len(set.Planted), PairsAll: len(all), PairsBlocked: len(blocked)}
	for _, m := range all {
		if _, ok := set.Planted[PairOf(m.A.Case, m.B.Case)]; ok {
			q.FoundAll++
		}
	}
	for _, m := range blocked {
		if _, ok := set.Planted[PairOf(m.A.Case, m.B.Case)]; ok {
			q.FoundBlocked++
		}
	}
	q.Recall = float64(q.FoundBlocked) / float64(q.FoundAll)
	q.RecallPairs = float64(len(blocked)) / float64(len(all))
	q.Precision = float64(q.FoundBlocked) / float64(len(blocked))
	return q
}
