package caseindex

import (
	"testing"
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
