package cli

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOnlyCommandsImportTheCLI: no domain package, none of their tests,
// and neither casework-gen nor casework-bench imports pkg/cli (they load
// the configuration with config.Load, not through the CLI), and only
// pkg/cli imports cobra or tablewriter.
func TestOnlyCommandsImportTheCLI(t *testing.T) {
	const module = "github.com/casework/casework/"
	forbidden := []string{module + "pkg/cli", "github.com/spf13/cobra", "github.com/olekukonko/tablewriter", "github.com/spf13/viper"}
	for _, dir := range []string{"..", "../../cmd/casework-gen", "../../cmd/casework-bench"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "cli" || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") {
				return nil
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range forbidden {
					if p == bad || strings.HasPrefix(p, bad+"/") {
						t.Errorf("%s imports %s", path, p)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
