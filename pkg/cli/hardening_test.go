package cli

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/casework/casework/pkg/store"
)

// casework runs the casework command (the test binary, installed on PATH by
// testscript.Main) in dir and returns its exit code and output.
func casework(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	return caseworkEnv(t, dir, []string{"CASEWORK_DIR="}, args...)
}

// caseworkEnv is casework with extra environment variables.
func caseworkEnv(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command("casework", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "CASEWORK_USER=w-a"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		t.Fatalf("casework %v: %v", args, err)
	}
	return 0, string(out)
}

func mustRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	code, out := casework(t, dir, args...)
	if code != 0 {
		t.Fatalf("casework %v: exit %d: %s", args, code, out)
	}
	return out
}

// newRepo makes a repository with two workers and one case, C-1.
func newRepo(t *testing.T) string {
	dir := t.TempDir()
	mustRun(t, dir, "init", ".")
	mustRun(t, dir, "worker", "add", "w-a", "--name", "A")
	mustRun(t, dir, "worker", "add", "w-b", "--name", "B")
	mustRun(t, dir, "case", "new", "--client", "Client One", "--worker", "w-a", "--id", "C-1")
	return dir
}

// TestConcurrentWriters runs 60 casework processes at once on one
// repository: creations, notes and updates of the same case. Each must land
// or fail cleanly with exit 2, and none may be lost.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 60 processes")
	}
	dir := newRepo(t)
	const n = 20
	type result struct {
		kind string
		code int
		out  string
	}
	results := make(chan result, 3*n)
	var wg sync.WaitGroup
	run := func(kind string, args ...string) {
		defer wg.Done()
		code, out := casework(t, dir, args...)
		results <- result{kind, code, out}
	}
	for i := 0; i < n; i++ {
		wg.Add(3)
		go run("new", "case", "new", "--client", fmt.Sprintf("Client %d", i), "--worker", "w-a", "--id", fmt.Sprintf("N-%d", i))
		go run("note", "note", "C-1", fmt.Sprintf("note number %d", i))
		target := []string{"w-a", "w-b"}[i%2]
		go run("assign", "case", "assign", "C-1", target)
	}
	wg.Wait()
	close(results)
	assigned := 0
	for r := range results {
		switch {
		case r.code == 0 && r.kind == "assign":
			assigned++
		case r.code == 0:
		case r.code == 2 && r.kind == "assign" && strings.Contains(r.out, "already assigned"):
		default:
			t.Errorf("%s: exit %d: %s", r.kind, r.code, r.out)
		}
	}
	repo := &store.Repo{Root: dir}
	for i := 0; i < n; i++ {
		if _, err := repo.LoadCase(fmt.Sprintf("N-%d", i)); err != nil {
			t.Errorf("creation lost: %v", err)
		}
	}
	notes, err := repo.Notes("C-1")
	if err != nil || len(notes) != n {
		t.Errorf("notes: %d of %d landed (%v)", len(notes), n, err)
	}
	rec, err := repo.LoadCase("C-1")
	if err != nil {
		t.Fatalf("case C-1 broken after concurrent updates: %v", err)
	}
	got := 0
	for _, h := range rec.Data.History {
		if h.IsAssignment() {
			got++
		}
	}
	if got != assigned {
		t.Errorf("%d assignments succeeded but history records %d", assigned, got)
	}
}

// TestLockTimeout: a command that cannot get the repository's write lock
// within the timeout gives up with exit 2, a message that says to try
// again, and nothing changed; one whose wait ends in time goes ahead.
func TestLockTimeout(t *testing.T) {
	dir := newRepo(t)
	repo := &store.Repo{Root: dir}
	release, err := repo.Lock()
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"CASEWORK_DIR=", lockTimeoutEnv + "=300ms"}
	start := time.Now()
	code, out := caseworkEnv(t, dir, env, "case", "set", "C-1", "client.address=1 Locked Road")
	if code != 2 || !strings.Contains(out, "another casework command is writing to this repository") || !strings.Contains(out, "try again") {
		t.Errorf("while the lock is held: exit %d: %s", code, out)
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("gave up after %s, before the timeout", waited)
	}
	if rec, err := repo.LoadCase("C-1"); err != nil || rec.Data.Client.Address != "" {
		t.Errorf("a refused write changed the case: %v", err)
	}

	// The lock let go while a command waits: it goes ahead.
	env = []string{"CASEWORK_DIR=", lockTimeoutEnv + "=20s"}
	go func() {
		time.Sleep(300 * time.Millisecond)
		release()
	}()
	if code, out := caseworkEnv(t, dir, env, "case", "set", "C-1", "client.address=2 Free Road"); code != 0 {
		t.Errorf("after the lock was let go: exit %d: %s", code, out)
	}
	if rec, err := repo.LoadCase("C-1"); err != nil || rec.Data.Client.Address != "2 Free Road" {
		t.Errorf("the write that waited did not land: %v", err)
	}
}

// TestKillDuringWrites kills casework with SIGKILL while it writes. Every
// file must be left old or new, never broken, and leftover temporary files
// must never be read as records. Kills at random moments cover every stage
// of a command; kills of a process stopped in the middle of replacing a
// record (stallEnv) prove that the dangerous moment is among them, and the
// test fails if that moment is never reached.
func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many processes")
	}
	dir := newRepo(t)
	repo := &store.Repo{Root: dir}
	prev := ""
	// command returns the i-th write: a long note or a new address.
	command := func(i int, env ...string) (*exec.Cmd, string) {
		value := fmt.Sprintf("%d Long Street, flat %d", i, i)
		var cmd *exec.Cmd
		if i%3 == 0 {
			cmd = exec.Command("casework", "note", "C-1", strings.Repeat("long note text ", 2000))
		} else {
			cmd = exec.Command("casework", "case", "set", "C-1", "client.address="+value)
		}
		cmd.Dir = dir
		cmd.Env = append(append(os.Environ(), "CASEWORK_USER=w-a", "CASEWORK_DIR="), env...)
		return cmd, value
	}
	// check fails unless the case and its notes load and the address is
	// the one before the write or the one it was writing.
	check := func(what string, value string) {
		t.Helper()
		rec, err := repo.LoadCase("C-1")
		if err != nil {
			t.Fatalf("after %s: case broken: %v", what, err)
		}
		addr := rec.Data.Client.Address
		if addr != prev && addr != value {
			t.Fatalf("after %s: address %q is neither old %q nor new %q", what, addr, prev, value)
		}
		prev = addr
		if _, err := repo.Notes("C-1"); err != nil {
			t.Fatalf("after %s: a note is broken: %v", what, err)
		}
	}

	rng := rand.New(rand.NewSource(1))
	leftBehind := 0
	for i := 0; i < 60; i++ {
		cmd, value := command(i)
		before := len(tempFiles(dir))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Intn(8000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if len(tempFiles(dir)) > before {
			leftBehind++
		}
		check(fmt.Sprintf("random kill %d", i), value)
	}
	t.Logf("%d of 60 random kills landed while a temporary file was being written", leftBehind)

	// The stalled writes are numbered on from the random ones, so that each
	// writes an address no earlier write did: had random write 1 been the
	// last to land, a stalled write of its address would seem to land.
	for i := 60; i < 66; i++ {
		cmd, value := command(i, stallEnv+"=1")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stalled := make(chan string, 1)
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				if tmp, ok := strings.CutPrefix(sc.Text(), stalledLine+" "); ok {
					stalled <- tmp
				}
			}
			close(stalled)
		}()
		var tmp string
		select {
		case tmp = <-stalled:
		case <-time.After(30 * time.Second):
		}
		if tmp == "" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("write %d never stopped between writing its temporary file and replacing the record: the kill would prove nothing (is store.MidWriteHook still called?)", i)
		}
		if !filepath.IsAbs(tmp) { // relative to the repository's root
			tmp = filepath.Join(dir, tmp)
		}
		if _, err := os.Stat(tmp); err != nil {
			t.Fatalf("write %d stopped mid-write but its temporary file is not there: %v", i, err)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(tmp); err != nil {
			t.Fatalf("the kill of write %d did not land mid-write: its temporary file is gone (%v)", i, err)
		}
		check(fmt.Sprintf("kill mid-write %d", i), value)
		if prev == value && i%3 != 0 {
			t.Fatalf("killed mid-write %d, yet the new address %q landed", i, value)
		}
	}

	// Leftover temporary files are not records: listing and loading work.
	ids, err := repo.CaseIDs()
	if err != nil || len(ids) != 1 {
		t.Errorf("case IDs %v, %v", ids, err)
	}
	mustRun(t, dir, "case", "list")
	t.Logf("%d temporary files left by killed writes (removed by later writes once stale)", len(tempFiles(dir)))
}

// tempFiles lists the temporary files of writes under dir.
func tempFiles(dir string) []string {
	var tmp []string
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && store.IsTemp(path) {
			tmp = append(tmp, path)
		}
		return nil
	})
	return tmp
}

// TestMessagesCarryNoClientData runs a case through its life with canary
// values in every client field and checks that nothing casework writes to
// stderr (messages, warnings, errors) repeats any of them.
func TestMessagesCarryNoClientData(t *testing.T) {
	dir := newRepo(t)
	canaries := []string{"Zanzibarova", "Quixotic", "1911-11-11", "0799-CANARY", "canary@example.org", "7 Canary Wharf", "Klingon", "Guardianname"}
	// Each step names the exit status it must end with: a step that should
	// succeed and fails would hide its messages from the check, and a refusal
	// (2) is there to check what refusals say.
	steps := []struct {
		code int
		args []string
	}{
		{0, []string{"case", "new", "--client", "Quixotic Zanzibarova", "--dob", "1911-11-11", "--worker", "w-a", "--id", "C-9", "--referral-source", "school"}},
		{0, []string{"case", "set", "C-9", "client.phone=0799-CANARY", "client.email=canary@example.org", "client.address=7 Canary Wharf", "client.language=Klingon", "client.representative.name=Guardianname", "client.gender=Quixotic"}},
		{2, []string{"case", "set", "C-9", "client.dob=1911-11-31"}},
		{2, []string{"case", "set", "C-9", "client.consent.given=Zanzibarova"}},
		{0, []string{"note", "C-9", "Met Quixotic Zanzibarova at 7 Canary Wharf."}},
		{0, []string{"case", "assign", "C-9", "w-b", "--reason", "handover"}},
		{0, []string{"case", "move", "C-9", "assessment"}},
		{2, []string{"case", "move", "C-9", "implementation"}}, // assessment -> implementation is not a legal move
		{0, []string{"assess", "C-9", "--score", "housing=2", "--network", "low"}},
		{0, []string{"case", "move", "C-9", "planning"}},
		{0, []string{"plan", "goal", "add", "C-9", "Keep the flat"}},
		{0, []string{"plan", "agree", "C-9", "--by", "representative"}},
		{0, []string{"case", "move", "C-9", "implementation"}},
		{0, []string{"review", "C-9", "--goal", "G1=in-progress"}},
		{0, []string{"case", "close", "C-9", "--reason", "goals-met"}},
		{0, []string{"case", "reopen", "C-9", "--reason", "again"}},
		{0, []string{"validate"}},
		{0, []string{"caseload"}},
		{0, []string{"due"}},
		{0, []string{"log", "C-9"}},
		{0, []string{"dupes"}},
	}
	// With git, every change is committed: the commit messages must not
	// carry client data either.
	env := append(os.Environ(), "CASEWORK_USER=w-a", "CASEWORK_DIR=")
	_, gitErr := exec.LookPath("git")
	if gitErr == nil {
		env = append(env, "CASEWORK_COMMIT=1", "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_NOSYSTEM=1", "HOME="+t.TempDir())
		for _, args := range [][]string{{"init", "-q"}, {"config", "commit.gpgsign", "false"}, {"add", "-A"}, {"commit", "-qm", "base"}} {
			git := exec.Command("git", args...)
			git.Dir, git.Env = dir, env
			if out, err := git.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
	}
	for _, step := range steps {
		args := step.args
		cmd := exec.Command("casework", args...)
		cmd.Dir = dir
		cmd.Env = env
		var stderr strings.Builder
		cmd.Stderr = &stderr
		code := 0
		if err := cmd.Run(); err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("casework %s: %v", strings.Join(args, " "), err)
			}
			code = ee.ExitCode()
		}
		if code != step.code {
			t.Fatalf("casework %s: exit %d, want %d:\n%s", strings.Join(args, " "), code, step.code, stderr.String())
		}
		if code != 0 && stderr.Len() == 0 {
			t.Errorf("casework %s: exit %d without a message", strings.Join(args, " "), code)
		}
		for _, c := range canaries {
			if strings.Contains(stderr.String(), c) {
				t.Errorf("casework %s: stderr shows client data %q:\n%s", strings.Join(args, " "), c, stderr.String())
			}
		}
	}
	if gitErr == nil {
		git := exec.Command("git", "log", "--format=%B")
		git.Dir, git.Env = dir, env
		msgs, err := git.Output()
		if err != nil || !strings.Contains(string(msgs), "C-9: assessment → planning") {
			t.Errorf("git log after committed steps: %v\n%s", err, msgs)
		}
		for _, c := range canaries {
			if strings.Contains(string(msgs), c) {
				t.Errorf("a commit message shows client data %q:\n%s", c, msgs)
			}
		}
	}
	// File names never hold client data either.
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		for _, c := range canaries {
			if err == nil && strings.Contains(path, c) {
				t.Errorf("file name %s holds client data", path)
			}
		}
		return nil
	})
}
