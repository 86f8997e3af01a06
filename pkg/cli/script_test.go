package cli

import (
	"os"
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
		// UPDATE_SCRIPTS=1 go test ./pkg/cli rewrites the golden files
		// that cmp compares with; review the diff before committing.
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}
