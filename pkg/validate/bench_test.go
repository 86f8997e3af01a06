package validate

import (
	"os"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// BenchmarkRun validates the repository named by CASEWORK_BENCH_REPO (a
// generated one, e.g. bench/repo-10000 from 'make bench').
func BenchmarkRun(b *testing.B) {
	root := os.Getenv("CASEWORK_BENCH_REPO")
	if root == "" {
		b.Skip("set CASEWORK_BENCH_REPO to a generated repository")
	}
	doc, err := casefile.Parse(config.FileName, config.DefaultYAML)
	if err != nil {
		b.Fatal(err)
	}
	cfg := &config.Config{}
	if errs := casefile.DecodePartial(doc.Root(), cfg); len(errs) > 0 {
		b.Fatal(errs)
	}
	for b.Loop() {
		if _, err := Run(Options{Root: root, Config: cfg, Now: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}
