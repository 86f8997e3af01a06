package cli

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"casework": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// shell session against the real command, with golden output. The clock is
// fixed with CASEWORK_NOW and the actor with CASEWORK_USER.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("CASEWORK_NOW", "2026-03-02T09:00:00Z")
			env.Setenv("CASEWORK_USER", "w-ana")
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			return nil
		},
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"bigfile": bigfile,
		},
		// UPDATE_SCRIPTS=1 go test ./pkg/cli rewrites the golden files
		// that cmp compares with; review the diff before committing.
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}

// bigfile PATH BYTES writes a YAML file of about BYTES bytes: a case file
// with a very long history, for the size limit.
func bigfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile PATH BYTES")
	}
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	var b strings.Builder
	b.WriteString("id: C-1\nopened: 2026-01-01\nphase: intake\nworker: w-ana\nclient:\n  name: X\nhistory:\n")
	for b.Len() < size {
		b.WriteString("  - at: 2026-01-01T00:00:00Z\n    by: w-ana\n    to: intake\n")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o600))
}
