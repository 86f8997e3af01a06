package careplan

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
)

// lint checks the markdownlint rules the built-in documents hold to (no
// markdownlint-cli runs offline in this project, so the rules that matter
// are checked here): MD009 no trailing spaces, MD010 no hard tabs, MD012 no runs of blank
// lines, MD022 blank lines around headings, MD025 one H1, MD031 blank
// lines around fenced code, MD032 blank lines around lists, MD033 no raw
// HTML (comments aside), MD034 no bare URLs or e-mail addresses, MD047
// one newline at the end. It returns one line per problem.
func lint(md string) []string {
	var probs []string
	add := func(n int, rule, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("line %d: %s %s", n+1, rule, fmt.Sprintf(format, args...)))
	}
	if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
		add(strings.Count(md, "\n"), "MD047", "the file must end with exactly one newline")
	}
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	blank := func(i int) bool { return i < 0 || i >= len(lines) || strings.TrimSpace(lines[i]) == "" }
	fenced, h1 := false, 0
	for i, l := range lines {
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			if !fenced && !blank(i-1) || fenced && !blank(i+1) {
				add(i, "MD031", "fenced code needs a blank line around it")
			}
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		if strings.TrimRight(l, " \t") != l {
			add(i, "MD009", "trailing space")
		}
		if strings.Contains(l, "\t") {
			add(i, "MD010", "hard tab")
		}
		if i > 0 && blank(i) && blank(i-1) {
			add(i, "MD012", "more than one blank line")
		}
		if isHeading(l) {
			if strings.HasPrefix(l, "# ") {
				h1++
				if h1 > 1 {
					add(i, "MD025", "a second H1: %q", l)
				}
			}
			if !blank(i-1) || !blank(i+1) {
				add(i, "MD022", "heading needs a blank line before and after: %q", l)
			}
		}
		if isListItem(l) {
			if !blank(i-1) && !isListItem(lines[i-1]) && !isContinuation(lines[i-1]) {
				add(i, "MD032", "list needs a blank line before it: %q", l)
			}
			for j := i + 1; j < len(lines); j++ {
				if isListItem(lines[j]) || isContinuation(lines[j]) {
					continue
				}
				if !blank(j) && j == i+1 {
					add(j, "MD032", "list needs a blank line after it: %q", lines[j])
				}
				break
			}
		}
		for _, p := range rawHTML(l) {
			add(i, "MD033", "raw HTML %q", p)
		}
		for _, p := range bareLinks(l) {
			add(i, "MD034", "bare URL or e-mail %q", p)
		}
	}
	return probs
}

func isHeading(l string) bool { return regexp.MustCompile(`^#{1,6} `).MatchString(l) }

var listItem = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s`)

func isListItem(l string) bool { return listItem.MatchString(l) }

// isContinuation is an indented line under a list item.
func isContinuation(l string) bool { return strings.HasPrefix(l, "  ") && strings.TrimSpace(l) != "" }

var (
	codeSpan  = regexp.MustCompile("`[^`]+`") // "``" alone is no code span
	autolinks = regexp.MustCompile(`(?i)<(?:https?://[^\s<>]+|[^\s<>@]+@[^\s<>]+)>`)
	htmlTag   = regexp.MustCompile(`</?[A-Za-z][^>]*>|<!--`)
	// bare is what GitHub's Markdown links by itself: a URL at the start
	// of a line or after a space or one of "*_~(", whose domain starts
	// with a letter, digit or underscore (GFM's extended autolinks:
	// "http://!" is no link), and an e-mail address.
	bare = regexp.MustCompile(`(?i)(?:^|[\s*_~(])https?://[a-z0-9_][^\s<>]*|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)
)

// rawHTML is the HTML in a line that is not an autolink, code or an
// HTML comment on its own line (markdownlint allows comments).
func rawHTML(l string) []string {
	if strings.HasPrefix(l, "<!--") && strings.HasSuffix(l, "-->") {
		return nil
	}
	l = codeSpan.ReplaceAllString(autolinks.ReplaceAllString(l, " "), " ") // autolinks bind before code spans (CommonMark)
	return htmlTag.FindAllString(l, -1)
}

// bareLinks are URLs and e-mail addresses outside autolinks and code.
func bareLinks(l string) []string {
	l = codeSpan.ReplaceAllString(autolinks.ReplaceAllString(l, " "), " ") // autolinks bind before code spans (CommonMark)
	return bare.FindAllString(l, -1)
}

func TestLintCatchesWhatItChecks(t *testing.T) {
	tests := []struct{ md, rule string }{
		{"# A\n\ntext \n", "MD009"},
		{"# A\n\n\ntext\n", "MD012"},
		{"# A\ntext\n", "MD022"},
		{"# A\n\n# B\n", "MD025"},
		{"# A\n\ntext\n- item\n", "MD032"},
		{"# A\n\n- item\ntext\n", "MD032"},
		{"# A\n\nsee <b>this</b>\n", "MD033"},
		{"# A\n\nmail a@b.example\n", "MD034"},
		{"# A\n\nsee https://x.example\n", "MD034"},
		{"# A\n\ntext", "MD047"},
		{"# A\n\na\tb\n", "MD010"},
		{"# A\n\ntext\n```\ncode\n```\n", "MD031"},
	}
	for _, tt := range tests {
		if got := strings.Join(lint(tt.md), "; "); !strings.Contains(got, tt.rule) {
			t.Errorf("lint(%q) = %q, want %s", tt.md, got, tt.rule)
		}
	}
	clean := "# A\n\n<!-- markdownlint-disable MD013 -->\n\n- <a@b.example>\n- `x@y.example`\n\n## B\n\n| a | b |\n| --- | --- |\n| <https://x.example> | &lt;b> |\n"
	if got := lint(clean); len(got) > 0 {
		t.Errorf("clean Markdown: %q", got)
	}
	if got := lint("# A\n\nsee http://! now\n"); len(got) > 0 {
		t.Errorf("a scheme with no domain is no link in GFM: %q", got)
	}
}

// hostile puts what breaks Markdown into every kind of free text: HTML,
// bare addresses, heading and quote markers at the start of lines,
// trailing spaces, table pipes and runs of blank lines.
func hostile(t *testing.T, in Input) Input {
	const bad = "# Not a title <script>alert(1)</script> mail x.y@evil.example or https://evil.example/a?b=1 |pipe|   \n\n\n> quoted\n## also not\tafter a tab"
	c := *in.Case
	c.Referral.Reason, c.Referral.Source = bad, bad
	c.Plan.Goals = append([]casefile.Goal(nil), c.Plan.Goals...)
	c.Plan.Goals[0].Text = bad
	c.Plan.Goals[0].Actions = append([]casefile.Action(nil), c.Plan.Goals[0].Actions...)
	c.Plan.Goals[0].Actions[0].Text = bad
	c.Assessments = append([]casefile.Assessment(nil), c.Assessments...)
	last := &c.Assessments[len(c.Assessments)-1]
	last.Strengths = append([]string{bad}, last.Strengths...)
	last.Needs = append([]casefile.Need{{Domain: "housing", Priority: "high", Text: bad}}, last.Needs...)
	c.Reviews = append(append([]casefile.Review(nil), c.Reviews...), casefile.Review{At: c.Reviews[len(c.Reviews)-1].At.Add(time.Hour), By: "w-ana", Note: bad, ConfidentialNote: bad})
	c.Network = append(append([]casefile.Contact(nil), c.Network...), casefile.Contact{ID: "N9", Name: "<b>Bold</b> Name", Kind: casefile.Informal, Relationship: bad, Contact: "friend@pals.example"})
	c.Closure = &casefile.Closure{At: time.Date(2026, 6, 30, 16, 0, 0, 0, time.UTC), Reason: "goals-met", Evaluation: bad}
	c.Phase = casefile.ClosedPhase
	in.Case = &c
	return in
}

// TestBuiltinOutputIsCleanMarkdown renders every built-in template over
// the fixture (plain, redacted, with hostile free text) and over every
// case of the sample agency, and lints each.
func TestBuiltinOutputIsCleanMarkdown(t *testing.T) {
	var inputs []namedInput
	for _, redacted := range []bool{false, true} {
		in := fixture(t)
		in.Redact = redacted
		inputs = append(inputs, namedInput{fmt.Sprintf("fixture redacted=%v", redacted), in})
		in = closed(t, fixture(t))
		in.Redact = redacted
		in.Config.CrisisContact, in.Config.ComplaintsContact = "crisis@agency.example", "https://agency.example/complain"
		in.Config.CarePlan.ShowCosts = true
		inputs = append(inputs, namedInput{fmt.Sprintf("closed redacted=%v", redacted), in})
		in = hostile(t, fixture(t))
		in.Redact = redacted
		inputs = append(inputs, namedInput{fmt.Sprintf("hostile redacted=%v", redacted), in})
	}
	inputs = append(inputs, sampleAgency(t)...)
	checked := 0
	for _, tt := range inputs {
		for _, name := range Names(builtin) {
			in := tt.in
			in.Professional = name == Summary
			if name == Referral {
				a := firstReferable(in.Case)
				if a == "" || in.Redact {
					continue
				}
				in.Action = a
			}
			if name == "closure" && in.Case.IsOpen() {
				continue
			}
			data, err := Build(in)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			out, err := Render(name, data, builtin)
			if err != nil {
				t.Fatalf("%s %s: %v", tt.name, name, err)
			}
			checked++
			for _, p := range lint(string(out)) {
				t.Errorf("%s, %s: %s", tt.name, name, p)
			}
			if strings.Contains(string(out), "<script>") || strings.Contains(string(out), "<b>") {
				t.Errorf("%s, %s: HTML from the records reached the output", tt.name, name)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d documents were linted", checked)
	}
}

// namedInput is an input to render, named for messages.
type namedInput struct {
	name string
	in   Input
}

// firstReferable is the first action of the plan with a resource.
func firstReferable(c *casefile.Case) string {
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			if a.Resource != "" {
				return a.ID
			}
		}
	}
	return ""
}

// sampleAgency loads every case of examples/agency with the agency's
// configuration, workers and resources.
func sampleAgency(t *testing.T) []namedInput {
	t.Helper()
	root := filepath.Join("..", "..", "examples", "agency")
	data, err := os.ReadFile(filepath.Join(root, config.FileName))
	if err != nil {
		t.Fatalf("the sample agency: %v", err)
	}
	cfg, err := config.Load(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	workers := map[string]casefile.Worker{}
	for _, w := range decodeAll[casefile.Worker](t, filepath.Join(root, "workers", "*.yaml")) {
		workers[w.ID] = w
	}
	resources := map[string]casefile.Resource{}
	for _, r := range decodeAll[casefile.Resource](t, filepath.Join(root, "resources", "*.yaml")) {
		resources[r.ID] = r
	}
	var out []namedInput
	for _, c := range decodeAll[casefile.Case](t, filepath.Join(root, "cases", "*", "case.yaml")) {
		c := c
		for _, redacted := range []bool{false, true} {
			out = append(out, namedInput{fmt.Sprintf("sample %s redacted=%v", c.ID, redacted), Input{Case: &c, Config: cfg, Workers: workers, Resources: resources,
				Today: mustDate(t, "2026-06-15"), Redact: redacted}})
		}
	}
	if len(out) == 0 {
		t.Fatal("no sample cases found")
	}
	return out
}

func decodeAll[T any](t *testing.T, pattern string) []T {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := store.Decode[T](p, data)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rec.Data)
	}
	return out
}

// FuzzSafe: whatever free text holds, what inline makes of it has no raw
// HTML and no bare URL or e-mail address.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "mail a@b.example.", "see https://x.example/a?b=1)", "<a@b.example>", "<<https://x.example>>", "a@b.c@d.example", "https://x.example/<b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := inline(s)
		if p := rawHTML(out); len(p) > 0 {
			t.Errorf("inline(%q) = %q holds HTML %q", s, out, p)
		}
		if p := bareLinks(out); len(p) > 0 {
			t.Errorf("inline(%q) = %q holds a bare link %q", s, out, p)
		}
	})
}
