package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/store"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"casework": func() {
			if os.Getenv(stallEnv) != "" {
				store.MidWriteHook = stallMidWrite
			}
			if d, err := time.ParseDuration(os.Getenv(lockTimeoutEnv)); err == nil {
				store.LockTimeout = d
			}
			os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
		// exitwith N says so on stdout and stderr and exits with status N:
		// the tests of exits use it.
		"exitwith": func() {
			n, _ := strconv.Atoi(os.Args[1])
			fmt.Printf("out %d\n", n)
			fmt.Fprintf(os.Stderr, "err %d\n", n)
			os.Exit(n)
		},
	})
}

// stallEnv, set in the environment of casework run by a test, stops it in
// its first write of a record, after the new data is in a temporary file and
// before it replaces the record, and prints stalledLine and the temporary
// file's path on stderr: a test can then kill it at that moment. Only the
// test binary knows it; casework itself has no such switch.
const (
	stallEnv    = "CASEWORK_TEST_STALL_MID_WRITE"
	stalledLine = "casework-test: stalled mid-write"
)

// lockTimeoutEnv, a duration, replaces store.LockTimeout in casework run by
// a test, so that giving up on the lock can be tested in less than 30s.
const lockTimeoutEnv = "CASEWORK_TEST_LOCK_TIMEOUT"

// stallMidWrite is store.MidWriteHook under stallEnv. Caches and the lock
// in .casework/ are not records and pass.
func stallMidWrite(tmp, path string) {
	if slices.Contains(strings.Split(filepath.ToSlash(path), "/"), store.StateDir) {
		return
	}
	fmt.Fprintf(os.Stderr, "%s %s\n", stalledLine, tmp)
	time.Sleep(time.Hour)
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// shell session against the real command, with golden output. The clock is
// fixed with CASEWORK_NOW and the actor with CASEWORK_USER.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams("testdata/script"))
}

// scriptParams are the parameters of the scripts in dir: the environment
// and the commands they may use besides testscript's own.
func scriptParams(dir string) testscript.Params {
	return testscript.Params{
		Dir: dir,
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
			"exits":   exits,
		},
		// UPDATE_SCRIPTS=1 go test ./pkg/cli rewrites the golden files
		// that cmp compares with; review the diff before committing.
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	}
}

// exits CODE PROGRAM [ARGS...] runs PROGRAM like exec, keeping its stdout
// and stderr for the commands that follow, and passes only when it exits
// with status CODE. It is how a script says which failure it means:
// '! exec' passes on any non-zero status, so a usage error (2) would pass
// where a finding (1) was meant, and a crash would pass for either.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exits takes no '!': say the status the command must end with, as in 'exits 2 casework ...'")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want < 0 || want > 255 {
		ts.Fatalf("exits: %q is not an exit status (0 to 255); usage: exits CODE PROGRAM [ARGS...]", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) || !ee.Exited() {
			ts.Fatalf("%s did not exit with a status (want %d): %v", args[1], want, err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
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

// TestExits holds the exits command to its word: each script below must
// pass or fail as its name says.
func TestExits(t *testing.T) {
	cases := []struct {
		script string
		pass   bool
	}{
		{"exits 0 exitwith 0", true},
		{"exits 1 exitwith 1", true},
		{"exits 2 exitwith 2", true},
		{"exits 2 exitwith 1", false},
		{"exits 1 exitwith 2", false},
		{"exits 2 exitwith 0", false},
		{"exits 0 exitwith 2", false},
		{"! exits 2 exitwith 2", false},
		{"! exits 2 exitwith 1", false},
		{"exits two exitwith 2", false},
		{"exits 2", false},
		{"exits 2 no-such-program-here", false},
		// stdout and stderr stay for the commands that follow.
		{"exits 2 exitwith 2\nstdout '^out 2$'\nstderr '^err 2$'", true},
		{"exits 2 exitwith 2\nstdout 'err 2'", false},
	}
	dir := t.TempDir()
	for i, c := range cases {
		file := filepath.Join(dir, fmt.Sprintf("s%d.txtar", i))
		if err := os.WriteFile(file, []byte(c.script+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		p := scriptParams("")
		p.Files = []string{file}
		rt := &recordT{}
		testscript.RunT(rt, p)
		if rt.failed == c.pass {
			t.Errorf("%q: passed %v, want %v\n%s", c.script, !rt.failed, c.pass, rt.log.String())
		}
	}
}

// recordT is a testscript.T that records whether a script failed instead
// of failing the test that runs it.
type recordT struct {
	failed bool
	log    strings.Builder
}

func (r *recordT) Skip(args ...any)  { r.Log(args...); runtime.Goexit() }
func (r *recordT) Fatal(args ...any) { r.Log(args...); r.FailNow() }
func (r *recordT) Parallel()         {}
func (r *recordT) Log(args ...any)   { fmt.Fprintln(&r.log, args...) }
func (r *recordT) FailNow()          { r.failed = true; runtime.Goexit() }
func (r *recordT) Verbose() bool     { return false }

// Run runs f on its own goroutine, as testing does, so that FailNow ends
// only f.
func (r *recordT) Run(name string, f func(testscript.T)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
}

// TestScriptsNameExitCodes keeps the scripts saying which failure they
// mean: a script that runs casework expecting it to fail must use exits
// with the exact status, not '! exec', which passes on any non-zero status.
// ('exists 2 ...' is flagged too: it is exits misspelt, checking a file.)
func TestScriptsNameExitCodes(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	negExec := regexp.MustCompile(`^(\s*\[[^\]]*\])*\s*!\s*exec\s+casework\b`)
	misspelt := regexp.MustCompile(`^(\s*\[[^\]]*\])*\s*!?\s*exists\s+\d+\s`)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
				break // the archive's files follow the script
			}
			switch {
			case negExec.MatchString(line):
				t.Errorf("%s:%d: '! exec casework' passes on any failure: say which with 'exits 1' or 'exits 2'", file, i+1)
			case misspelt.MatchString(line):
				t.Errorf("%s:%d: 'exists' checks files: did you mean 'exits'?", file, i+1)
			}
		}
	}
}
