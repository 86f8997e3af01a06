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
	var q planted.Quality
	for b.Loop() {
		q = planted.Measure(set, dupes.DefaultThreshold)
	}
	b.ReportMetric(q.Recall, "recall")
	b.ReportMetric(q.Precision, "precision")
	b.ReportMetric(q.RecallPairs, "recall-all-pairs")
}
