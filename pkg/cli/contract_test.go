package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// runMain runs casework in this process and returns its exit code, stdout
// and stderr.
func runMain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// commandTree is the command tree as Main builds it, with cobra's own
// commands (help, completion) in place.
func commandTree(t *testing.T) *cobra.Command {
	t.Helper()
	root := NewRootCmd(cmdutil.NewFactory(nil, &bytes.Buffer{}, &bytes.Buffer{}))
	return root
}

// walk calls fn on every command under root, root included.
func walk(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, sub := range cmd.Commands() {
		walk(sub, fn)
	}
}

// path is the arguments that name cmd (without "casework").
func path(cmd *cobra.Command) []string {
	return strings.Fields(cmd.CommandPath())[1:]
}

// TestDeclaredFormats holds the output contract: what a command declares
// (cmdutil.Prints) is exactly what -o accepts and what completion offers,
// and a command that declares nothing refuses -o.
func TestDeclaredFormats(t *testing.T) {
	// The formats of the commands whose output the SPEC fixes.
	want := map[string][]string{
		"case list":          {"table", "json", "yaml", "csv"},
		"case show":          {"table", "json", "yaml"},
		"case new":           nil,
		"case move":          nil,
		"note":               nil,
		"render":             nil,
		"init":               nil,
		"version":            nil,
		"plan goal add":      nil,
		"caseload":           {"table", "json", "yaml", "csv", "markdown"},
		"due":                {"table", "json", "yaml", "csv", "ics"},
		"validate":           {"text", "json", "github"},
		"export csv":         {"csv"},
		"export fhir":        {"json"},
		"workflow":           {"table", "json", "yaml", "csv"},
		"worker list":        {"table", "json", "yaml", "csv"},
		"resource list":      {"table", "json", "yaml", "csv"},
		"caseload rebalance": {"table", "json", "yaml", "csv"},
		"report outcomes":    {"markdown", "html", "json", "csv"},
		"consent":            {"table", "json", "yaml"},
		"migrate":            nil,
		"member list":        {"table", "json", "yaml", "csv"},
		"network list":       {"table", "json", "yaml", "csv"},
		"network":            nil,
	}
	seen := map[string]bool{}
	walk(commandTree(t), func(cmd *cobra.Command) {
		if !cmd.Runnable() || cmd.Hidden {
			return
		}
		name := strings.Join(path(cmd), " ")
		formats := cmdutil.Formats(cmd)
		if w, ok := want[name]; ok {
			seen[name] = true
			if !slices.Equal(formats, w) {
				t.Errorf("casework %s declares %v, want %v", name, formats, w)
			}
		}
		// -o: every declared format passes, anything else is a usage error.
		for _, f := range formats {
			if err := cmdutil.CheckFormat(cmd, f); err != nil {
				t.Errorf("casework %s -o %s: %v", name, f, err)
			}
		}
		for _, f := range []string{"xml", "json", "csv", "markdown"} {
			if slices.Contains(formats, f) {
				continue
			}
			err := cmdutil.CheckFormat(cmd, f)
			if !cmdutil.IsUsage(err) {
				t.Errorf("casework %s -o %s: %v, want a usage error", name, f, err)
			}
		}
		// Completion of -o offers the declared formats, and nothing else.
		_, out, _ := runMain(t, append(append([]string{"__complete"}, path(cmd)...), "-o", "")...)
		var offered []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if !strings.HasPrefix(line, ":") {
				offered = append(offered, line)
			}
		}
		if !slices.Equal(offered, formats) {
			t.Errorf("completion of casework %s -o offers %v, want %v", name, offered, formats)
		}
	})
	for name := range want {
		if !seen[name] {
			t.Errorf("no command casework %s", name)
		}
	}
}

// TestExitCodes pins the exit code and the first line of stderr of calls
// that must be refused before anything is read or written.
func TestExitCodes(t *testing.T) {
	t.Setenv("CASEWORK_DIR", t.TempDir()) // no repository: nothing may be needed
	tests := []struct {
		args   []string
		code   int
		stderr []string
	}{
		// Typos at every level are usage errors with a suggestion.
		{[]string{"case", "lst"}, 2, []string{`unknown command "lst" for "casework case": did you mean "list"`, "Usage: casework case", "Run 'casework case --help' for more."}},
		{[]string{"plan", "goal", "ad", "C-1", "x"}, 2, []string{`unknown command "ad" for "casework plan goal": did you mean "add"?`}},
		{[]string{"export", "fihr", "C-1"}, 2, []string{`unknown command "fihr" for "casework export": did you mean "fhir"?`}},
		{[]string{"valdate"}, 2, []string{`unknown command "valdate" for "casework": did you mean "validate"?`}},
		{[]string{"completion", "bsh"}, 2, []string{`did you mean "bash"`}},
		{[]string{"network", "lst", "C-1"}, 2, []string{`unknown command "lst" for "casework network": did you mean "list"`}},
		{[]string{"caseload", "rebalanse"}, 2, []string{`unknown command "rebalanse" for "casework caseload": did you mean "rebalance"?`}},
		{[]string{"help", "nonexist"}, 2, []string{`unknown command "nonexist" for "casework"`}},
		{[]string{"help", "case", "lst"}, 2, []string{`unknown command "lst" for "casework case": did you mean "list"`}},
		// A usage error names the command's usage.
		{[]string{"case", "move", "C-1"}, 2, []string{"casework case move takes", "Usage: casework case move ID PHASE", "Run 'casework case move --help' for more."}},
		{[]string{"case", "list", "--bogus"}, 2, []string{"unknown flag: --bogus", "Usage: casework case list [flags]"}},
		// -o is checked against what the command declares, first.
		{[]string{"case", "list", "-o", "xml"}, 2, []string{`unknown output format "xml": use one of table, json, yaml, csv`}},
		{[]string{"case", "new", "--client", "X", "--worker", "w-a", "-o", "xml"}, 2, []string{"casework case new prints no records: leave out -o/--output"}},
		{[]string{"render", "C-1", "-o", "json"}, 2, []string{"casework render prints no records"}},
		{[]string{"export", "csv", "-o", "json"}, 2, []string{`unknown output format "json": use one of csv`}},
		{[]string{"validate", "-o", "table"}, 2, []string{`unknown output format "table": use one of text, json, github`}},
		{[]string{"consent", "C-1", "give", "--purpose", "services", "-o", "json"}, 2, []string{"-o goes with showing what is in force: leave it out with give"}},
		{[]string{"migrate", "-o", "json"}, 2, []string{"casework migrate prints no records"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runMain(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, errOut)
			}
			if out != "" {
				t.Errorf("stdout: %q, want nothing", out)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
}

// TestGroupsAloneShowHelp: a command that only groups others, called
// alone, prints its help and succeeds.
func TestGroupsAloneShowHelp(t *testing.T) {
	for _, args := range [][]string{{}, {"case"}, {"plan", "goal"}, {"help", "case", "move"}} {
		code, out, errOut := runMain(t, args...)
		if code != 0 || !strings.Contains(out, "Usage:") || errOut != "" {
			t.Errorf("casework %v: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
		}
	}
}

// TestJSONMatchesSchema: the JSON that case show, worker show and resource
// show print for every record of the example agency validates against the
// schema that `casework schema` prints for that kind of file, and holds no
// null.
func TestJSONMatchesSchema(t *testing.T) {
	const dir = "../../examples/agency"
	t.Setenv("CASEWORK_DIR", dir)
	t.Setenv("CASEWORK_NOW", "2026-06-15T09:00:00Z")
	for _, kind := range []struct{ schema, dir, show string }{
		{"case", "cases", "case"},
		{"worker", "workers", "worker"},
		{"resource", "resources", "resource"},
	} {
		code, out, errOut := runMain(t, "schema", kind.schema)
		if code != 0 {
			t.Fatalf("schema %s: exit %d: %s", kind.schema, code, errOut)
		}
		var schema map[string]any
		if err := json.Unmarshal([]byte(out), &schema); err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(filepath.Join(dir, kind.dir))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			id := strings.TrimSuffix(e.Name(), ".yaml")
			code, out, errOut := runMain(t, kind.show, "show", id, "-o", "json")
			if code != 0 {
				t.Fatalf("%s show %s: exit %d: %s", kind.show, id, code, errOut)
			}
			if strings.Contains(out, "null") {
				t.Errorf("%s show %s -o json says null:\n%s", kind.show, id, out)
			}
			var doc any
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			for _, p := range checkSchema(schema, doc, "$") {
				t.Errorf("%s show %s -o json against schema %s: %s", kind.show, id, kind.schema, p)
			}
			n++
		}
		if n == 0 {
			t.Errorf("no %s in %s", kind.dir, dir)
		}
	}
}

// TestNoNullInJSON: reports in JSON and YAML leave out an absent value
// rather than print null.
func TestNoNullInJSON(t *testing.T) {
	t.Setenv("CASEWORK_DIR", "../../examples/agency")
	t.Setenv("CASEWORK_NOW", "2026-06-15T09:00:00Z")
	null := regexp.MustCompile(`(?m)null|: ~$|: \{\}$`)
	for _, args := range [][]string{
		{"case", "list"}, {"case", "list", "--closed"}, {"worker", "list"}, {"resource", "list"},
		{"caseload"}, {"due", "--within", "8w"}, {"workflow"}, {"plan", "show", "C-2026-7K3Q"},
		{"case", "show", "C-2026-1YB5"}, {"dupes"}, {"validate"}, {"export", "fhir", "C-2026-7K3Q"},
		{"report", "outcomes"}, {"report", "caseload"}, {"report", "flow"},
	} {
		for _, format := range []string{"json", "yaml"} {
			if format == "yaml" && slices.Contains([]string{"export", "validate", "report"}, args[0]) {
				continue
			}
			code, out, errOut := runMain(t, append(args, "-o", format)...)
			if code > 1 {
				t.Errorf("casework %v -o %s: exit %d: %s", args, format, code, errOut)
			}
			if null.MatchString(out) {
				t.Errorf("casework %v -o %s says null:\n%s", args, format, out)
			}
		}
	}
}
