package merge

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// BenchmarkFiles merges a case with a long past (1,000 reviews) where each
// side added ten reviews and changed a field of its own.
func BenchmarkFiles(b *testing.B) {
	var past strings.Builder
	for i := range 1000 {
		past.WriteString(review(fmt.Sprintf("2025-%02d-%02dT09:%02d:00Z", 1+i%12, 1+i%28, i%60), "w-ana", fmt.Sprintf("review %d", i)))
	}
	old := base + past.String()
	ours, theirs := strings.Replace(old, "worker: w-ana", "worker: w-ben", 1), strings.Replace(old, "phase: implementation", "phase: monitoring", 1)
	for i := range 10 {
		ours += review(fmt.Sprintf("2026-03-%02dT09:00:00Z", 3+i), "w-ben", "ours")
		theirs += review(fmt.Sprintf("2026-03-%02dT10:00:00Z", 3+i), "w-sue", "theirs")
	}
	b.SetBytes(int64(len(ours)))
	for b.Loop() {
		if _, c, err := Files(casePath, []byte(old), []byte(ours), []byte(theirs)); err != nil || len(c) > 0 {
			b.Fatal(err, c)
		}
	}
}

// BenchmarkFormat is the yardstick: formatting the same case once, as
// `casework fmt` does (the merge formats its result once, twice when
// there are conflicts).
func BenchmarkFormat(b *testing.B) {
	var past strings.Builder
	for i := range 1010 {
		past.WriteString(review(fmt.Sprintf("2025-%02d-%02dT09:%02d:00Z", 1+i%12, 1+i%28, i%60), "w-ana", fmt.Sprintf("review %d", i)))
	}
	data := []byte(base + past.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := canonical(casePath, mustParse(b, data)); err != nil {
			b.Fatal(err)
		}
	}
}

func mustParse(b *testing.B, data []byte) *yaml.Node {
	n, err := parse(casePath, "test", data)
	if err != nil {
		b.Fatal(err)
	}
	return n
}
