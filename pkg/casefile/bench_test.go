package casefile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gen"
)

// BenchmarkParseAndDecode parses and strictly decodes generated case files
// (about 3.5 KB each), as every command that loads a case does; reported
// per file.
func BenchmarkParseAndDecode(b *testing.B) {
	cfg := config.Default()
	dir := b.TempDir()
	if err := gen.Generate(gen.Options{Dir: dir, Cases: 40, Workers: 2, Seed: 1}, cfg); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "cases", "*", "case.yaml"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no case files: %v", err)
	}
	files := make([][]byte, len(paths))
	for i, p := range paths {
		if files[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		doc, err := casefile.Parse("case.yaml", files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		var c casefile.Case
		if errs := doc.Decode(&c); len(errs) > 0 {
			b.Fatal(errs)
		}
		i++
	}
}
