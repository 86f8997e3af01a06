package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/casework/casework/pkg/store"
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

// BenchmarkRunWarmWorkerChanged validates the repository named by
// CASEWORK_BENCH_REPO with the cache of findings, warm, after one worker
// file changed (its name): only the cases that look that worker up are
// checked again. The worker file is put back after.
func BenchmarkRunWarmWorkerChanged(b *testing.B) {
	root := os.Getenv("CASEWORK_BENCH_REPO")
	if root == "" {
		b.Skip("set CASEWORK_BENCH_REPO to a generated repository")
	}
	workers, _ := filepath.Glob(filepath.Join(root, store.WorkersDir, "*.yaml"))
	if len(workers) == 0 {
		b.Skip("CASEWORK_BENCH_REPO has no workers")
	}
	data, err := os.ReadFile(workers[0])
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(workers[0], data, 0o644) })
	cfg := defaultConfig(b)
	opts := Options{Root: root, Config: cfg, Now: time.Now()}
	if _, err := Run(opts); err != nil {
		b.Fatal(err)
	}
	name := regexp.MustCompile(`(?m)^name: .*$`)
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		if err := os.WriteFile(workers[0], name.ReplaceAll(data, fmt.Appendf(nil, "name: Renamed %d", n)), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := Run(opts); err != nil {
			b.Fatal(err)
		}
	}
}
