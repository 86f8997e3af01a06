package caseindex

import (
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

// BenchmarkCasesWarm reads 2,000 cases through an up-to-date index: one
// stat per case and the index file, no YAML.
func BenchmarkCasesWarm(b *testing.B) {
	repo := generated(b, 2000)
	if _, err := Cases(repo); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Cases(repo); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEachWarm streams 2,000 cases through an up-to-date index, as
// caseload does: each partial case is dropped once seen.
func BenchmarkEachWarm(b *testing.B) {
	repo := generated(b, 2000)
	if _, err := Cases(repo); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Each(repo, func(int, *casefile.Case) {}); err != nil {
			b.Fatal(err)
		}
	}
}
