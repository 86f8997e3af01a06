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
	files := generatedCases(b)
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

// generatedCases are the bytes of 40 generated case files.
func generatedCases(b testing.TB) [][]byte {
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
	return files
}

// BenchmarkFormat formats generated case files, already canonical, as
// `fmt --check` does; reported per file. Against BenchmarkParseAndDecode,
// it is what fmt adds to reading a file.
func BenchmarkFormat(b *testing.B) {
	files := generatedCases(b)
	i := 0
	for b.Loop() {
		var c casefile.Case
		if _, err := casefile.Format("case.yaml", files[i%len(files)], &c); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestFormatShortcutAgrees: a generated file (canonical, no comments) is
// left as it is by Format, which takes its shortcut for it, and the full
// canonical form agrees with the shortcut.
func TestFormatShortcutAgrees(t *testing.T) {
	for i, data := range generatedCases(t) {
		var c casefile.Case
		got, err := casefile.Format("case.yaml", data, &c)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(data) {
			t.Fatalf("file %d: Format changed a generated file", i)
		}
		doc, err := casefile.Parse("case.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		var full casefile.Case
		if errs := doc.Decode(&full); len(errs) > 0 {
			t.Fatal(errs)
		}
		if err := doc.Canonicalize(&full); err != nil {
			t.Fatal(err)
		}
		if slow, err := doc.Bytes(); err != nil || string(slow) != string(data) {
			t.Fatalf("file %d: the canonical form differs from the file Format's shortcut accepted (%v)", i, err)
		}
	}
}

// generatedValues are the decoded generatedCases.
func generatedValues(b testing.TB) []*casefile.Case {
	files := generatedCases(b)
	cases := make([]*casefile.Case, len(files))
	for i, data := range files {
		doc, err := casefile.Parse("case.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		cases[i] = new(casefile.Case)
		if errs := doc.Decode(cases[i]); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
	return cases
}

// BenchmarkEncode encodes decoded generated cases with yaml.v3, as
// Format's comparison did before the fast encoder; reported per file.
func BenchmarkEncode(b *testing.B) {
	cases := generatedValues(b)
	i := 0
	for b.Loop() {
		if _, err := casefile.Encode(cases[i%len(cases)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkEncodeFast encodes the same cases with the fast encoder that
// Format asks first; against BenchmarkEncode, what it saves.
func BenchmarkEncodeFast(b *testing.B) {
	cases := generatedValues(b)
	i := 0
	for b.Loop() {
		if _, ok := casefile.EncodeFast(cases[i%len(cases)]); !ok {
			b.Fatal("the fast encoder gave up on a generated case")
		}
		i++
	}
}
