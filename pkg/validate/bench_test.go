package validate

import (
	"os"
	"testing"
	"time"
)

// BenchmarkRun validates the repository named by CASEWORK_BENCH_REPO (a
// generated one, e.g. bench/repo-10000 from 'make bench').
func BenchmarkRun(b *testing.B) {
	root := os.Getenv("CASEWORK_BENCH_REPO")
	if root == "" {
		b.Skip("set CASEWORK_BENCH_REPO to a generated repository")
	}
	cfg := defaultConfig(b)
	for b.Loop() {
		if _, err := Run(Options{Root: root, Config: cfg, Now: time.Now(), NoCache: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunWarm validates the repository named by CASEWORK_BENCH_REPO
// with the cache of findings, warm, after three case files changed.
func BenchmarkRunWarm(b *testing.B) {
	root := os.Getenv("CASEWORK_BENCH_REPO")
	if root == "" {
		b.Skip("set CASEWORK_BENCH_REPO to a generated repository")
	}
	cfg := defaultConfig(b)
	opts := Options{Root: root, Config: cfg, Now: time.Now()}
	if _, err := Run(opts); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		touchCases(b, root, 3)
		b.StartTimer()
		if _, err := Run(opts); err != nil {
			b.Fatal(err)
		}
	}
}
