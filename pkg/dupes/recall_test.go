package dupes_test

import (
	"testing"

	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/dupes/planted"
)

// quality is how Find does on a labelled set against FindAll.
type quality struct {
	planted, foundAll, foundBlocked int     // planted pairs: all, found by FindAll, found by Find
	pairsAll, pairsBlocked          int     // pairs reported
	recall                          float64 // planted pairs Find finds, of those FindAll finds
	recallPairs                     float64 // every pair Find reports, of FindAll's
	precision                       float64 // planted pairs among those Find reports
}

func measure(set planted.Set, threshold float64) quality {
	all := dupes.FindAll(set.Clients, threshold, nil)
	blocked := dupes.Find(set.Clients, threshold, nil)
	q := quality{planted: len(set.Planted), pairsAll: len(all), pairsBlocked: len(blocked)}
	for _, m := range all {
		if _, ok := set.Planted[planted.PairOf(m.A.Case, m.B.Case)]; ok {
			q.foundAll++
		}
	}
	for _, m := range blocked {
		if _, ok := set.Planted[planted.PairOf(m.A.Case, m.B.Case)]; ok {
			q.foundBlocked++
		}
	}
	q.recall = float64(q.foundBlocked) / float64(q.foundAll)
	q.recallPairs = float64(len(blocked)) / float64(len(all))
	q.precision = float64(q.foundBlocked) / float64(len(blocked))
	return q
}

// TestRecall holds blocking to at least 0.98 of the planted duplicates
// that comparing every pair finds, at the default threshold and a lower
// one. Precision (planted pairs among those reported) and the share of
// every pair all-pairs reports, planted or not, are logged: the pairs
// blocking leaves out are, in the main, people sharing a surname with
// given names alike only by Jaro-Winkler ("John" and "Björn") and a
// date of birth missing.
func TestRecall(t *testing.T) {
	for _, threshold := range []float64{dupes.DefaultThreshold, 0.75} {
		for _, seed := range []uint64{1, 2} {
			q := measure(planted.Make(1500, seed), threshold)
			t.Logf("threshold %.2f seed %d: %d planted; all pairs finds %d of them (%d pairs), blocking %d (%d pairs): recall %.3f (of every pair %.3f), precision %.3f",
				threshold, seed, q.planted, q.foundAll, q.pairsAll, q.foundBlocked, q.pairsBlocked, q.recall, q.recallPairs, q.precision)
			if q.recall < 0.98 {
				t.Errorf("threshold %.2f seed %d: blocking finds %d of the %d planted pairs that all pairs finds (recall %.3f); want at least 0.98", threshold, seed, q.foundBlocked, q.foundAll, q.recall)
			}
			if q.foundAll < q.planted*8/10 {
				t.Errorf("all pairs finds only %d of %d planted pairs: the planted set or the score is off", q.foundAll, q.planted)
			}
		}
	}
}

// TestFindBlocks: records with nothing in common that a key or the
// sorted neighbourhood could see are not compared, even at a low
// threshold (without it, the test of recall above would pass with
// Find comparing every pair).
func TestFindBlocks(t *testing.T) {
	var clients []dupes.Client
	for i, name := range []string{"Anna Berg", "Xavier Zorn"} {
		clients = append(clients, dupes.Client{Case: string(rune('A' + i)), Name: name})
	}
	for i := range 30 {
		clients = append(clients, dupes.Client{Case: "M" + string(rune('A'+i)), Name: "Mid " + string(rune('a'+i)) + "name"})
	}
	all := dupes.FindAll(clients, 0.01, nil)
	blocked := dupes.Find(clients, 0.01, nil)
	if len(blocked) >= len(all) {
		t.Errorf("Find reported %d pairs, FindAll %d: blocking compared every pair", len(blocked), len(all))
	}
}
