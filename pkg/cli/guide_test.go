package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The guide and the README tour are tests: their commands are taken from
// the documents themselves and run in order, in one bash, in an empty
// folder, so that what a reader types is what is tested. The rules a
// document follows (docs/testing.md, "The guide and the README are
// tests"):
//
//   - A ```console block holds commands, each on a line starting with
//     "$ " (continued on the next lines while a line ends with "\"), each
//     followed by the output it prints, stdout and stderr together.
//   - A ```sh block holds commands only, one a line (continued with "\"),
//     with # comments.
//   - Other blocks are not run.
//   - A marker on the line before a block, "<!-- WORDS -->", changes how
//     it runs; WORDS, separated by ", ", are "exits N" (each of its
//     commands must exit with status N; without it, 0), "output varies"
//     (its output is not compared) and "not run" (the block is left out).
//
// Each document runs twice: on the real clock, where only exit statuses
// are checked, and on the fixed date of fixedNow, where the output shown
// in console blocks is compared too (IDs, hashes and note file names
// masked; a line "..." stands for any lines). On the fixed date, `date`
// counts from that date too, so the dates a document computes with
// `date -d` are the same on every run, and the clock moves on one minute
// a command, so that each is at a time of its own, as when a person types.

// fixedNow is the date the output in the documents was made on.
const fixedNow = "2026-06-15T09:00:00Z"

// A docStep is one command of a document.
type docStep struct {
	line   int    // where it starts in the document
	cmd    string // the command, continuation lines included
	exit   int    // the exit status it must end with
	output []string
	check  bool // the output is compared (console blocks)
	outAt  int  // the index of the line after the command, where its output starts
}

// docSteps reads the commands of a Markdown document.
func docSteps(t *testing.T, doc string) []docStep {
	t.Helper()
	var steps []docStep
	var lang, marker string
	var blockExit int
	var blockCheck bool
	var err error
	lines := strings.Split(doc, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if lang == "" {
			if strings.HasPrefix(l, "```") {
				lang = strings.TrimPrefix(l, "```")
				if lang == "" {
					lang = "text"
				}
				exit, check := 0, lang == "console"
				if m := regexp.MustCompile(`^<!-- (.*) -->$`).FindStringSubmatch(marker); m != nil {
					for _, word := range strings.Split(m[1], ", ") {
						switch {
						case word == "not run":
							lang = "not run"
						case word == "output varies":
							check = false
						case strings.HasPrefix(word, "exits "):
							if exit, err = strconv.Atoi(strings.TrimPrefix(word, "exits ")); err != nil {
								t.Fatalf("line %d: %q: write <!-- exits N -->", i, marker)
							}
						default:
							t.Fatalf("line %d: unknown marker %q: use exits N, output varies or not run", i, word)
						}
					}
				}
				blockExit, blockCheck = exit, check
			} else if strings.TrimSpace(l) != "" {
				marker = strings.TrimSpace(l)
			}
			continue
		}
		if l == "```" {
			lang, marker = "", ""
			continue
		}
		switch lang {
		case "console":
			if !strings.HasPrefix(l, "$ ") {
				if len(steps) == 0 || steps[len(steps)-1].outAt == 0 {
					t.Fatalf("line %d: output before the first command of a console block", i+1)
				}
				steps[len(steps)-1].output = append(steps[len(steps)-1].output, l)
				continue
			}
			start := i
			cmd := strings.TrimPrefix(l, "$ ")
			for strings.HasSuffix(cmd, `\`) && i+1 < len(lines) {
				i++
				cmd += "\n" + lines[i]
			}
			steps = append(steps, docStep{line: start + 1, cmd: cmd, exit: blockExit, check: blockCheck, outAt: i + 1})
		case "sh":
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			start := i
			cmd := l
			for strings.HasSuffix(cmd, `\`) && i+1 < len(lines) {
				i++
				cmd += "\n" + lines[i]
			}
			steps = append(steps, docStep{line: start + 1, cmd: cmd, exit: blockExit})
		}
	}
	if lang != "" {
		t.Fatalf("a code block is not closed")
	}
	return steps
}

// runDoc runs the commands of the document at path in a new folder, with
// bash, and checks each one's exit status and, with fixed, its output.
func runDoc(t *testing.T, path string, fixed bool) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("needs bash")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	steps := docSteps(t, string(data))
	if len(steps) == 0 {
		t.Fatalf("%s: no commands found", path)
	}
	work, out := t.TempDir(), t.TempDir()
	var script strings.Builder
	if fixed {
		day := fixedNow[:len("2006-01-02")]
		fmt.Fprintf(&script, "date() { if [ \"$1\" = -d ]; then command date -u -d %q\" $2\" \"${@:3}\"; else command date -u -d %q \"$@\"; fi; }\n", day, fixedNow)
	}
	start, err := time.Parse(time.RFC3339, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range steps {
		if fixed {
			at := start.Add(time.Duration(i) * time.Minute).Format(time.RFC3339)
			fmt.Fprintf(&script, "export CASEWORK_NOW=%s GIT_AUTHOR_DATE=%s GIT_COMMITTER_DATE=%s\n", at, at, at)
		}
		fmt.Fprintf(&script, "{ %s\n} >%q 2>&1\necho $? >%q\n", s.cmd, filepath.Join(out, strconv.Itoa(i)), filepath.Join(out, strconv.Itoa(i)+".rc"))
		fmt.Fprintf(&script, "[ \"$(cat %q)\" = %d ] || exit 0\n", filepath.Join(out, strconv.Itoa(i)+".rc"), s.exit)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-c", script.String())
	cmd.Dir = work
	cmd.Env = docEnv(work, fixed)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bash: %v\n%s", err, msg)
	}
	var fresh, actual [][]string // for UPDATE_DOCS: the output to write, the output printed
	for i, s := range steps {
		rc, err := os.ReadFile(filepath.Join(out, strconv.Itoa(i)+".rc"))
		if err != nil {
			t.Fatalf("%s:%d: never ran (a command before it failed)", path, s.line)
		}
		got, _ := os.ReadFile(filepath.Join(out, strconv.Itoa(i)))
		if code := strings.TrimSpace(string(rc)); code != strconv.Itoa(s.exit) {
			t.Fatalf("%s:%d: %s\nexited %s, want %d; it printed:\n%s", path, s.line, s.cmd, code, s.exit, got)
		}
		gotLines := strings.Split(strings.TrimRight(string(got), "\n"), "\n")
		if len(gotLines) == 1 && gotLines[0] == "" {
			gotLines = nil
		}
		fresh, actual = append(fresh, s.output), append(actual, gotLines)
		if fixed && s.check {
			if !matchOutput(maskOutput(s.output), maskOutput(gotLines)) {
				fresh[i] = gotLines
				if os.Getenv("UPDATE_DOCS") != "" {
					continue
				}
				t.Errorf("%s:%d: %s\nprinted (masked):\n%s\nthe document shows (masked):\n%s", path, s.line, s.cmd,
					strings.Join(maskOutput(gotLines), "\n"), strings.Join(maskOutput(s.output), "\n"))
			}
		}
	}
	if fixed && os.Getenv("UPDATE_DOCS") != "" {
		updateDoc(t, path, string(data), steps, fresh, actual)
	}
}

// updateDoc writes into the document at path the output each console
// command printed where it differs from what the document shows
// (UPDATE_DOCS=1 go test ./pkg/cli -run 'TestUserGuide|TestReadmeTour'):
// review the diff, and shorten long output with "..." by hand. The case
// IDs of the run are written as the document's: the first case made is
// the document's first, and so on.
func updateDoc(t *testing.T, path, doc string, steps []docStep, fresh, actual [][]string) {
	lines := strings.Split(doc, "\n")
	var shown, ran []string
	for i, s := range steps {
		shown = appendIDs(shown, s.output)
		ran = appendIDs(ran, actual[i])
	}
	for i := range fresh {
		fresh[i] = slices.Clone(fresh[i])
		for j, l := range fresh[i] {
			fresh[i][j] = masks[0].re.ReplaceAllStringFunc(l, func(id string) string {
				if k := slices.Index(ran, id); k >= 0 && k < len(shown) {
					return shown[k]
				}
				return id
			})
		}
	}
	for i := len(fresh) - 1; i >= 0; i-- {
		s := steps[i]
		if s.outAt == 0 {
			continue
		}
		tail := append(append([]string{}, fresh[i]...), lines[s.outAt+len(s.output):]...)
		lines = append(lines[:s.outAt], tail...)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// docEnv is the environment of a document's run: the caller's, without
// casework's variables, with a home of its own (no one's git
// configuration) and, when fixed, the fixed clock for casework and git.
func docEnv(work string, fixed bool) []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "CASEWORK_") || strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "HOME=") {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "HOME="+filepath.Join(work, ".home"), "GIT_CONFIG_NOSYSTEM=1", "TZ=UTC")
	if fixed {
		env = append(env, "CASEWORK_NOW="+fixedNow, "GIT_AUTHOR_DATE="+fixedNow, "GIT_COMMITTER_DATE="+fixedNow)
	}
	return env
}

// masks replace what differs from run to run: case IDs (random), note
// file names (a random suffix) and git hashes. A masked value has the
// length of the value, so that table columns stay aligned.
var masks = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`C-\d{4}-[0-9A-Z]{10}`), "C-YYYY-IDIDIDIDID"},
	{regexp.MustCompile(`(\d{8}T\d{6}Z)-[0-9A-Z]{4}\.md`), "${1}-XXXX.md"},
	{regexp.MustCompile(`\b[0-9a-f]{7}\b`), "HHHHHHH"},
}

// appendIDs adds to ids the case IDs in lines it does not hold yet, in
// the order they come.
func appendIDs(ids []string, lines []string) []string {
	for _, l := range lines {
		for _, id := range masks[0].re.FindAllString(l, -1) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func maskOutput(lines []string) []string {
	masked := make([]string, len(lines))
	for i, l := range lines {
		for _, m := range masks {
			l = m.re.ReplaceAllString(l, m.with)
		}
		masked[i] = strings.TrimRight(l, " ")
	}
	if len(masked) == 1 && masked[0] == "" {
		return nil
	}
	return masked
}

// matchOutput reports whether got is what want shows, where a line "..."
// of want stands for any lines.
func matchOutput(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "..." {
		for i := 0; i <= len(got); i++ {
			if matchOutput(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matchOutput(want[1:], got[1:])
}

// TestUserGuide runs docs/user-guide.md as a reader would, on the real
// clock and on the date its output was made on.
func TestUserGuide(t *testing.T) {
	t.Run("real-clock", func(t *testing.T) { t.Parallel(); runDoc(t, "../../docs/user-guide.md", false) })
	t.Run("fixed-clock", func(t *testing.T) { t.Parallel(); runDoc(t, "../../docs/user-guide.md", true) })
}

// TestReadmeTour runs the tour of README.md in the same way.
func TestReadmeTour(t *testing.T) {
	t.Run("real-clock", func(t *testing.T) { t.Parallel(); runDoc(t, "../../README.md", false) })
	t.Run("fixed-clock", func(t *testing.T) { t.Parallel(); runDoc(t, "../../README.md", true) })
}

// TestDocSteps holds the reading of a document to its rules.
func TestDocSteps(t *testing.T) {
	doc := "text\n```console\n$ a \\\n    b\nout 1\n\nout 2\n$ c\n```\n<!-- exits 2 -->\n```console\n$ d\n```\n" +
		"<!-- not run -->\n```sh\nmake x\n```\n<!-- exits 1, output varies -->\n```console\n$ v\nw\n```\n```sh\n# comment\ne   # f\n\ng \\\n  h\n```\n```yaml\nk: v\n```\n"
	got := docSteps(t, doc)
	want := []docStep{
		{line: 3, cmd: "a \\\n    b", output: []string{"out 1", "", "out 2"}, check: true, outAt: 4},
		{line: 8, cmd: "c", check: true, outAt: 8},
		{line: 12, cmd: "d", exit: 2, check: true, outAt: 12},
		{line: 20, cmd: "v", exit: 1, output: []string{"w"}, outAt: 20},
		{line: 25, cmd: "e   # f"},
		{line: 27, cmd: "g \\\n  h"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("docSteps =\n%+v\nwant\n%+v", got, want)
	}
	for _, tt := range []struct {
		want, got string
		ok        bool
	}{
		{"a\n...\nd", "a\nb\nc\nd", true},
		{"a\n...\nd", "a\nd", true},
		{"a\n...", "a", true},
		{"a\nb", "a\nc", false},
		{"a", "a\nb", false},
		{"...\nz", "a\nb", false},
	} {
		if matchOutput(strings.Split(tt.want, "\n"), strings.Split(tt.got, "\n")) != tt.ok {
			t.Errorf("matchOutput(%q, %q) = %v", tt.want, tt.got, !tt.ok)
		}
	}
}
