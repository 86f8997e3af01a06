package dupes_test

import (
	"fmt"
	"testing"

	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/dupes/planted"
)

// BenchmarkFind times blocked matching of a planted set (about 1.2
// clients per person), reporting recall against all pairs where all
// pairs is affordable.
func BenchmarkFind(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		set := planted.Make(n, 1)
		b.Run(fmt.Sprintf("clients=%d", len(set.Clients)), func(b *testing.B) {
			for b.Loop() {
				dupes.Find(set.Clients, dupes.DefaultThreshold, nil)
			}
		})
	}
}

// BenchmarkFindAll times comparing every pair, the yardstick.
func BenchmarkFindAll(b *testing.B) {
	set := planted.Make(2000, 1)
	b.Run(fmt.Sprintf("clients=%d", len(set.Clients)), func(b *testing.B) {
		for b.Loop() {
			dupes.FindAll(set.Clients, dupes.DefaultThreshold, nil)
		}
	})
}

// BenchmarkRecall reports the recall and precision of Find on a planted
// set of 5,000 people against all pairs.
func BenchmarkRecall(b *testing.B) {
	set := planted.Make(5000, 3)
	var q quality
	for b.Loop() {
		q = measure(set, dupes.DefaultThreshold)
	}
	b.ReportMetric(q.recall, "recall")
	b.ReportMetric(q.precision, "precision")
	b.ReportMetric(q.recallPairs, "recall-all-pairs")
}

// BenchmarkFindMembers times Find on the same planted people grouped
// three to a case (a client and two household members): the pairs within
// a case are dropped before they are scored, so members cost what as
// many clients would.
func BenchmarkFindMembers(b *testing.B) {
	set := planted.Make(10000, 1)
	people := make([]dupes.Client, len(set.Clients))
	for i, c := range set.Clients {
		c.Case = fmt.Sprintf("C-%d", i/3)
		if i%3 != 0 {
			c.Member = fmt.Sprintf("M%d", i%3)
		}
		people[i] = c
	}
	b.Run(fmt.Sprintf("people=%d", len(people)), func(b *testing.B) {
		for b.Loop() {
			dupes.Find(people, dupes.DefaultThreshold, nil)
		}
	})
}
