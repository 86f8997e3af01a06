package casefile_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gen"
)

// TestEncodeFastMatchesEncode is the fast encoder's differential test over
// real data: every case, worker and resource file of generated
// repositories (three seeds) and of the sample agency is decoded, and
// wherever the fast encoder is sure of its bytes they must be Encode's.
// It must be sure of nearly every generated file, or fmt --check gains
// nothing.
func TestEncodeFastMatchesEncode(t *testing.T) {
	repos := []string{filepath.Join("..", "..", "examples", "agency")}
	for _, seed := range []uint64{1, 2, 3} {
		dir := t.TempDir()
		if err := gen.Generate(gen.Options{Dir: dir, Cases: 400, Workers: 8, Seed: seed}, config.Default()); err != nil {
			t.Fatal(err)
		}
		repos = append(repos, dir)
	}
	for i, repo := range repos {
		files, sure := 0, 0
		for _, kind := range []struct {
			glob string
			new  func() any
		}{
			{"cases/*/case.yaml", func() any { return new(casefile.Case) }},
			{"workers/*.yaml", func() any { return new(casefile.Worker) }},
			{"resources/*.yaml", func() any { return new(casefile.Resource) }},
		} {
			paths, err := filepath.Glob(filepath.Join(repo, kind.glob))
			if err != nil || len(paths) == 0 {
				t.Fatalf("%s: no %s files (%v)", repo, kind.glob, err)
			}
			for _, path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				v := kind.new()
				doc, err := casefile.Parse(path, data)
				if err != nil {
					t.Fatal(err)
				}
				if errs := doc.Decode(v); len(errs) > 0 {
					t.Fatalf("%s: %v", path, errs)
				}
				want, err := casefile.Encode(v)
				if err != nil {
					t.Fatal(err)
				}
				files++
				got, ok := casefile.EncodeFast(v)
				if !ok {
					continue
				}
				sure++
				if !bytes.Equal(got, want) {
					t.Errorf("%s: the fast encoder wrote other bytes than yaml.v3:\n%s", path, firstDifference(got, want))
				}
			}
		}
		share := float64(sure) / float64(files)
		t.Logf("%s: fast encoder sure of %d of %d files (%.1f%%)", repo, sure, files, 100*share)
		if floor := 0.99; i > 0 && share < floor {
			t.Errorf("%s: the fast encoder is sure of only %.1f%% of generated files, want at least %.0f%%", repo, 100*share, 100*floor)
		}
		if floor := 0.9; i == 0 && share < floor {
			t.Errorf("%s: the fast encoder is sure of only %.1f%% of the agency's files, want at least %.0f%%", repo, 100*share, 100*floor)
		}
	}
}

// firstDifference shows the line where got and want part.
func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  fast:    %q\n  yaml.v3: %q", i+1, gl, wl)
		}
	}
	return "(same lines)"
}
