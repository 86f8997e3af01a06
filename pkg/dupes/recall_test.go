package dupes_test

import (
	"testing"

	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/dupes/planted"
)

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
			q := planted.Measure(planted.Make(1500, seed), threshold)
			t.Logf("threshold %.2f seed %d: %d planted; all pairs finds %d of them (%d pairs), blocking %d (%d pairs): recall %.3f (of every pair %.3f), precision %.3f",
				threshold, seed, q.Planted, q.FoundAll, q.PairsAll, q.FoundBlocked, q.PairsBlocked, q.Recall, q.RecallPairs, q.Precision)
			if q.Recall < 0.98 {
				t.Errorf("threshold %.2f seed %d: blocking finds %d of the %d planted pairs that all pairs finds (recall %.3f); want at least 0.98", threshold, seed, q.FoundBlocked, q.FoundAll, q.Recall)
			}
			if q.FoundAll < q.Planted*8/10 {
				t.Errorf("all pairs finds only %d of %d planted pairs: the planted set or the score is off", q.FoundAll, q.Planted)
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
