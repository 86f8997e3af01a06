package careplan

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/templates"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var builtin = Source{Label: "built-in ", FS: templates.FS}

// fixture loads the rich case in testdata and the workers, resources and
// default configuration it refers to.
func fixture(t *testing.T) Input {
	t.Helper()
	data, err := os.ReadFile("testdata/case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := store.Decode[casefile.Case]("testdata/case.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var records struct {
		Workers   []casefile.Worker
		Resources []casefile.Resource
	}
	data, err = os.ReadFile("testdata/records.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &records); err != nil {
		t.Fatal(err)
	}
	var cfg config.Config
	if err := yaml.Unmarshal(config.DefaultYAML, &cfg); err != nil {
		t.Fatal(err)
	}
	cfg.Agency = "Northside Family Services"
	in := Input{
		Case:      &rec.Data,
		Config:    &cfg,
		Workers:   map[string]casefile.Worker{},
		Resources: map[string]casefile.Resource{},
		Today:     mustDate(t, "2026-03-02"),
	}
	for _, w := range records.Workers {
		in.Workers[w.ID] = w
	}
	for _, r := range records.Resources {
		in.Resources[r.ID] = r
	}
	return in
}

func mustDate(t *testing.T, s string) casefile.Date {
	t.Helper()
	d, err := casefile.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// closed turns the fixture's case into a closed one.
func closed(t *testing.T, in Input) Input {
	c := *in.Case
	c.Phase = casefile.ClosedPhase
	c.Closure = &casefile.Closure{
		At:         time.Date(2026, 6, 30, 16, 0, 0, 0, time.UTC),
		Reason:     "goals-met",
		Evaluation: "Maria Lopez and her son moved into social housing in May.\nIncome restored after the appeal.",
		FollowUp:   mustDate(t, "2026-09-30"),
	}
	in.Case = &c
	return in
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden   string
		template string
		input    func(*testing.T) Input
	}{
		{"careplan", "careplan", fixture},
		{"careplan-redacted", "careplan", func(t *testing.T) Input {
			in := fixture(t)
			in.Redact = true
			return in
		}},
		{"careplan-new-case", "careplan", func(t *testing.T) Input {
			in := fixture(t)
			in.Case = &casefile.Case{ID: "C-2", Opened: in.Today, Phase: "intake", Worker: "w-nobody", Client: casefile.Client{Name: "Bo Li"}}
			return in
		}},
		{"careplan-stale-agreement", "careplan", func(t *testing.T) Input {
			in := fixture(t)
			c := *in.Case
			c.Plan.Budget = 1000
			c.Plan.Goals = append([]casefile.Goal(nil), c.Plan.Goals...)
			c.Plan.Goals[0].Text = "Stable housing by the summer"
			in.Case = &c
			return in
		}},
		{"referral", "referral", func(t *testing.T) Input {
			in := fixture(t)
			in.Action = "a1"
			return in
		}},
		{"referral-for-member", "referral", func(t *testing.T) Input {
			in := fixture(t)
			in.Case.Plan.Goals[1].Actions[1].For = "M1"
			in.Case.Plan.Goals[1].Actions[1].Status = "planned"
			in.Case.Plan.Agreed.Digest = in.Case.Plan.Digest() // agreed as it now stands
			in.Action = "A4"
			return in
		}},
		{"referral-override", "referral", func(t *testing.T) Input {
			in := fixture(t)
			in.Case.Client.Consent = casefile.Consent{}
			in.Case.Plan.Agreed = nil
			in.Action, in.ConsentOverride = "A1", true
			return in
		}},
		{"careplan-show-costs", "careplan", func(t *testing.T) Input {
			in := fixture(t)
			in.Config.CarePlan.ShowCosts = true
			in.Config.CrisisContact = "0800 123 456 (day and night)"
			in.Config.ComplaintsContact = "https://northside.example/complaints"
			in.Case.Plan.Goals[1].Actions[1].For = "M1"
			in.Case.Plan.Agreed.Digest = in.Case.Plan.Digest() // agreed as it now stands
			return in
		}},
		{"case-summary-redacted", "case-summary", func(t *testing.T) Input {
			in := fixture(t)
			in.Professional, in.Redact = true, true
			return in
		}},
		{"closure", "closure", func(t *testing.T) Input { return closed(t, fixture(t)) }},
		{"case-summary", "case-summary", func(t *testing.T) Input {
			in := fixture(t)
			in.Professional = true
			return in
		}},
		{"case-summary-household", "case-summary", func(t *testing.T) Input {
			in := fixture(t)
			in.Professional = true
			in.Case = withMemberAssessed(in.Case)
			return in
		}},
		{"closure-redacted", "closure", func(t *testing.T) Input {
			in := closed(t, fixture(t))
			in.Redact = true
			return in
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			data, err := Build(tt.input(t))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Render(tt.template, data, builtin)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := Render(tt.template, data, builtin)
			if string(again) != string(got) {
				t.Error("rendering twice gave different output")
			}
			path := filepath.Join("testdata", tt.golden+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from the output; run go test ./pkg/careplan -update and review the diff\n--- got ---\n%s", path, got)
			}
		})
	}
}

func TestRedactedOutputHasNoClientValues(t *testing.T) {
	for _, name := range []string{"careplan", "referral", "closure"} {
		in := closed(t, fixture(t))
		in.Redact, in.Action = true, "A1"
		data, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(name, data, builtin)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.ToLower(string(out))
		for _, leak := range []string{"maria", "lopez", "garcia", "1984", "555-0142", "0142", "elm street", "springfield housing", "rosa", "sister", "spanish", "female",
			"leo", "2015-09-03", "hugh", "patel", "carl", "novak", "surgery@"} {
			if leak == "springfield housing" {
				continue // the provider's name, not the client's address
			}
			if strings.Contains(got, leak) {
				t.Errorf("%s: redacted output contains %q", name, leak)
			}
		}
		if !strings.Contains(got, "c-2026-7k3qx9m2ab") {
			t.Errorf("%s: redacted output lost the case ID", name)
		}
	}
}

func TestBuild(t *testing.T) {
	d, err := Build(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"reference person", d.Worker.Name, "Ana Ruiz"},
		{"team role from case", d.Team[0].Role, "psychologist"},
		{"team role from worker", d.Team[1].Role, "welfare-rights-adviser"},
		{"born", d.Client.Born, "1984-05-01 (age 41)"},
		{"latest assessment", d.Assessment.Level, "intensive"},
		{"assessments", d.Assessment.NumAssessments, 2},
		{"instrument name", d.Assessment.Instrument, "Self-Sufficiency Matrix"},
		{"scores in instrument order", d.Assessment.Scores[0].Domain, "housing"},
		{"score label", d.Assessment.Scores[0].Label, "In Crisis"},
		{"not applicable", d.Assessment.Scores[3].Label, "not applicable"},
		{"highest need first", d.Needs[0].Domain, "housing"},
		{"lowest need last", d.Needs[2].Domain, "employment"},
		{"responsible worker", d.Goals[0].Actions[0].Responsible, "Ana Ruiz"},
		{"responsible other", d.Goals[0].Actions[1].Responsible, "Maria"},
		{"resource", d.Goals[0].Actions[0].ResourceName(), "Emergency Rent Fund"},
		{"a service is never overdue", d.Goals[0].Actions[0].Overdue, false},
		{"a service past its end is to review", d.Goals[0].Actions[0].Ended, true},
		{"a task is not ended", d.Goals[0].Actions[1].Ended, false},
		{"current risk", d.Risk.Level, "high"},
		{"risk is the highest level", d.Risk.Highest, true},
		{"risk records", d.Risk.Records, 2},
		{"risk recorded by", d.Risk.By.Name, "Ana Ruiz"},
		{"review interval of a high risk", d.Reviews.Interval, "7 days"},
		{"cancelled not overdue", d.Goals[1].Actions[1].Overdue, false},
		{"total without cancelled", d.Cost.Total, 1500.0},
		{"not over", d.Cost.Over, false},
		{"next review", d.Reviews.Next.String(), "2026-03-16"},
		{"review goals sorted", d.Reviews.Last[0].Goals[0].Goal, "G1"},
		{"agreement current", d.Agreement.Current, true},
		{"approval current", d.Approvals[0].Current, true},
		{"no closure", d.Closure == nil, true},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	in := fixture(t)
	in.Action = "A9"
	if _, err := Build(in); err == nil || !strings.Contains(err.Error(), `no action "A9" in the plan; its actions are A1, A2, A3, A4`) {
		t.Errorf("unknown action: %v", err)
	}
	in = fixture(t)
	in.Config.ReviewInterval = "monthly"
	if _, err := Build(in); err == nil || !strings.Contains(err.Error(), "review_interval") {
		t.Errorf("bad interval: %v", err)
	}
}

func TestOverride(t *testing.T) {
	repo := Source{Label: "templates/", FS: fstest.MapFS{
		"careplan.md.tmpl": {Data: []byte("# Ours {{.Case.ID}}\n\n\n\nbody   \n\n")},
		"letter.md.tmpl":   {Data: []byte("# Letter\n")},
		"broken.md.tmpl":   {Data: []byte("# {{.Case.ID\n")},
		"missing.md.tmpl":  {Data: []byte("# {{.Nope}}\n")},
		"notes.txt":        {Data: []byte("not a template")},
	}}
	d := &Data{Case: CaseInfo{ID: "C-1"}}
	got, err := Render("careplan", d, repo, builtin)
	if err != nil || string(got) != "# Ours C-1\n\nbody\n" {
		t.Errorf("override: %q, %v", got, err)
	}
	names := strings.Join(Names(repo, builtin), " ")
	if names != "broken careplan case-summary closure letter missing referral" {
		t.Errorf("Names = %s", names)
	}
	var unknown *UnknownTemplateError
	if _, err := Render("nope", d, repo, builtin); !errors.As(err, &unknown) || !strings.Contains(err.Error(), `no template "nope"; available templates: broken, careplan,`) {
		t.Errorf("unknown: %v", err)
	}
	if _, err := Render("broken", d, repo, builtin); err == nil || !strings.Contains(err.Error(), "templates/broken.md.tmpl:1") {
		t.Errorf("broken: %v", err)
	}
	if _, err := Render("missing", d, repo, builtin); err == nil || !strings.Contains(err.Error(), "templates/missing.md.tmpl:1") {
		t.Errorf("missing field: %v", err)
	}
}

func TestFuncs(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Money(0), "0.00"},
		{Money(1250.5), "1,250.50"},
		{Money(999.999), "1,000.00"},
		{Money(-1234567), "-1,234,567.00"},
		{Amount(1250.5, "GBP"), "1,250.50 GBP"},
		{Amount(0, "EUR"), "0.00 EUR"},
		{Amount(3, ""), "3.00"},
		{cell("a | b\nc"), `a \| b c`},
		{cell("  "), None},
		{heading("Find housing.\n"), "Find housing"},
		{heading("Is it (really)?"), "Is it (really)"},
		{heading("Stable housing for [redacted]"), "Stable housing for [redacted]"},
		{heading("Stable housing for [redacted]."), "Stable housing for [redacted]"},
		{heading(`Call "the office" ;`), `Call "the office"`},
		{heading("Ask about the ‘grant’"), "Ask about the ‘grant’"},
		{human("case-management"), "case management"},
		{human("family_social"), "family social"},
		{link("a@b.example"), "<a@b.example>"},
		{link("https://x.example/a"), "<https://x.example/a>"},
		{link("555-0100"), "555-0100"},
		{link("ask a@b.example"), "ask <a@b.example>"},
		{link("<a@b.example>"), "<a@b.example>"},
		{inline("see https://x.example/a. Or <b>bold</b>"), "see <https://x.example/a>. Or &lt;b>bold&lt;/b>"},
		{inline("mail a.b@c.example, then\ncall"), "mail <a.b@c.example>, then call"},
		{text("# Not a heading\n> not a quote\nplain <i>"), "\\# Not a heading\n\\> not a quote\nplain &lt;i>"},
		{capital("mental health"), "Mental health"},
		{capital(""), ""},
		{every(30 * 24 * time.Hour), "30 days"},
		{every(24 * time.Hour), "day"},
		{every(36 * time.Hour), "36 hours"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for _, v := range []any{casefile.Date{}, time.Time{}, ""} {
		if s, err := formatDate(v); s != None || err != nil {
			t.Errorf("date(%#v) = %q, %v", v, s, err)
		}
	}
	if _, err := formatDate(3); err == nil {
		t.Error("date(3) should fail")
	}
}

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\n# A  \n\n\n\ntext\t\n\n", "# A\n\ntext\n"},
		{"```\na\n\n\nb\n```\n\n\nc", "```\na\n\n\nb\n```\n\nc\n"},
		{"", "\n"},
	}
	for _, tt := range tests {
		if got := string(Tidy([]byte(tt.in))); got != tt.want {
			t.Errorf("Tidy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSafetyPlanStaysOutOfReferrals: a letter to a provider gives the
// risk level only; what was disclosed and the safety plan stay in the
// professional summary and the closure summary. The client's own plan
// shows neither: a printed plan may be found at home (the worker goes
// through the safety plan with the client in a safe form).
func TestSafetyPlanStaysOutOfReferrals(t *testing.T) {
	for _, tt := range []struct {
		template, action string
		want             bool
	}{{"case-summary", "", true}, {"closure", "", true}, {"careplan", "", false}, {"referral", "A1", false}, {"referral", "A3", false}} {
		in := fixture(t)
		if tt.template == "closure" {
			in = closed(t, in)
		}
		in.Action, in.Professional = tt.action, tt.template == Summary
		data, err := Build(in)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(tt.template, data, builtin)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"domestic abuse helpline", "threatened her"} {
			if tt.template == "closure" && secret == "threatened her" {
				continue // the closure summary gives the safety plan, not the reason
			}
			if got := strings.Contains(string(out), secret); got != tt.want {
				t.Errorf("%s %s: contains %q = %v, want %v", tt.template, tt.action, secret, got, tt.want)
			}
		}
		if got := strings.Contains(string(out), "high"); got != (tt.template != "careplan") {
			t.Errorf("%s %s: shows the risk level = %v", tt.template, tt.action, got)
		}
	}
}

func TestStrengthsAccumulateNewestFirst(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   [][]string
		want []string
	}{
		{"one assessment", [][]string{{"Cooks well", "Close to her sister"}}, []string{"Cooks well", "Close to her sister"}},
		{"a re-assessment keeps earlier strengths", [][]string{{"Devoted to her two children"}, {"Found a part-time job"}},
			[]string{"Found a part-time job", "Devoted to her two children"}},
		{"duplicates folded, newest spelling kept", [][]string{{"close to her  sister"}, {"Close to her sister", "Cooks"}},
			[]string{"Close to her sister", "Cooks"}},
		{"none", [][]string{{}, {}}, nil},
	} {
		var all []casefile.Assessment
		for _, s := range tc.in {
			all = append(all, casefile.Assessment{Strengths: s})
		}
		if got := strengths(all); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestConfidentialNeverReachesClientOrProvider plants a canary in a
// review's confidential note and checks every built-in document: only the
// professional summary shows it, and the documents for the client and for
// providers never do, plain or redacted.
func TestConfidentialNeverReachesClientOrProvider(t *testing.T) {
	const canary = "Ex-partner seen outside the house on Tuesday (CANARY-7731)"
	for _, name := range Names(builtin) {
		for _, redacted := range []bool{false, true} {
			in := closed(t, fixture(t))
			in.Case.Reviews = append(in.Case.Reviews, casefile.Review{At: in.Case.Reviews[len(in.Case.Reviews)-1].At.Add(time.Hour), By: "w-ana", Note: "Reviewed.", ConfidentialNote: canary})
			in.Redact, in.Action, in.Professional = redacted, "A1", name == Summary
			data, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Render(name, data, builtin)
			if err != nil {
				t.Fatal(err)
			}
			shown := strings.Contains(string(out), "CANARY-7731")
			if shown != (name == Summary) {
				t.Errorf("%s (redacted %v): confidential note shown = %v", name, redacted, shown)
			}
		}
	}
}

// TestReferralNeedsAsLastAssessed: a referral gives the needs of its
// goal's domain from the latest assessment that recorded any there, and
// never another domain's.
func TestReferralNeedsAsLastAssessed(t *testing.T) {
	in := fixture(t)
	c := *in.Case
	c.Assessments = append(append([]casefile.Assessment(nil), c.Assessments...),
		casefile.Assessment{At: c.Assessments[len(c.Assessments)-1].At.Add(time.Hour), By: "w-ana", Instrument: "ssm", Scores: map[string]int{"housing": 2}})
	in.Case, in.Action = &c, "A1"
	d, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Needs) != 0 {
		t.Errorf("the latest assessment has no needs, got %v", d.Needs)
	}
	if got := d.Action.Needs; len(got) != 1 || got[0].Domain != "housing" {
		t.Errorf("referral needs = %v, want the housing need of the assessment before", got)
	}
}

func TestIsClientTask(t *testing.T) {
	c := &casefile.Case{Client: casefile.Client{Name: "Maria Lopez Garcia"}}
	for _, tt := range []struct {
		responsible string
		want        bool
	}{
		{"client", true}, {"Client", true}, {"the client", true}, {"Maria", true}, {"maria lopez  garcia", true},
		{"", false}, {"w-ana", false}, {"provider", false}, {"Maria's sister", false}, {"Lopez", false},
	} {
		if got := IsClientTask(c, casefile.Action{Responsible: tt.responsible}); got != tt.want {
			t.Errorf("IsClientTask(%q) = %v, want %v", tt.responsible, got, tt.want)
		}
	}
}

func TestCheckReferral(t *testing.T) {
	in := fixture(t)
	c := in.Case
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	res := in.Resources["r-rent"]
	a1 := c.Plan.Goals[0].Actions[0]
	for _, tt := range []struct {
		name     string
		action   casefile.Action
		known    bool
		redacted bool
		consent  bool
		want     string
	}{
		{"in force", a1, true, false, true, ""},
		{"redacted", a1, true, true, true, "cannot be redacted"},
		{"no resource", casefile.Action{ID: "A2", Responsible: "w-ana"}, true, false, true, "has no resource"},
		{"client's task", casefile.Action{ID: "A5", Resource: "r-rent", Responsible: "client"}, true, false, true, "the client's own task"},
		{"unknown resource", a1, false, false, true, "which is not in resources/"},
		{"no consent", a1, true, false, false, "no consent to share is recorded with them"},
	} {
		c := *c
		if !tt.consent {
			c.Client.Consent = casefile.Consent{}
		}
		err := CheckReferral(&c, tt.action, res, tt.known, tt.redacted, now)
		switch {
		case tt.want == "" && err != nil, tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		var noConsent *NoConsentError
		if errors.As(err, &noConsent) != (tt.name == "no consent") {
			t.Errorf("%s: NoConsentError = %v", tt.name, errors.As(err, &noConsent))
		}
	}
}

// withMemberAssessed is c with a son in the household, assessed twice
// after the client's latest assessment.
func withMemberAssessed(c *casefile.Case) *casefile.Case {
	out := *c
	out.Household = []casefile.Member{{ID: "M1", Name: "Leo Lopez", Relationship: "son", DOB: casefile.NewDate(time.Date(2015, 2, 11, 0, 0, 0, 0, time.UTC)), LivesWith: true, Role: "child"}}
	last := c.Assessments[len(c.Assessments)-1].At
	out.Assessments = append(slices.Clone(c.Assessments),
		casefile.Assessment{At: last.Add(time.Hour), By: "w-ana", Member: "M1", Instrument: "cans", Scores: map[string]int{"school": 3}, Level: "intensive"},
		casefile.Assessment{At: last.Add(2 * time.Hour), By: "w-ana", Member: "M1", Instrument: "cans", Scores: map[string]int{"school": 2, "emotional": 1}, Level: "care-management"})
	return &out
}

func TestMemberAssessmentsApart(t *testing.T) {
	in := fixture(t)
	in.Professional = true
	client, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Case = withMemberAssessed(in.Case)
	both, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(client.Assessment, both.Assessment) || !reflect.DeepEqual(client.Needs, both.Needs) {
		t.Errorf("a member's assessment changed the client's: %+v", both.Assessment)
	}
	if len(both.MemberAssessments) != 1 || both.MemberAssessments[0].NumAssessments != 2 || both.MemberAssessments[0].Level != "care-management" {
		t.Fatalf("member assessments %+v", both.MemberAssessments)
	}
	in.Redact = true
	red, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render("case-summary", red, builtin)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "Leo") || !strings.Contains(string(out), "**M1 [redacted]** (son)") {
		t.Errorf("redacted summary:\n%s", out)
	}
}

// A redacted name at the end of a goal keeps its closing bracket in the
// heading, a street written with its type abbreviated is scrubbed, and
// the summary says what a consent for everyone leaves out.
func TestSummaryRedactedHeadingsAndConsent(t *testing.T) {
	in := fixture(t)
	c := *in.Case
	c.Plan.Goals = slices.Clone(c.Plan.Goals)
	c.Plan.Goals[0].Text = "Stable housing for Mrs Lopez"
	c.Plan.Goals[1].Text = "Keep away from Elm St."
	at := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	c.Consents = append(slices.Clone(c.Consents),
		casefile.ConsentEntry{At: at, By: "w-ana", Action: casefile.ConsentGive, Purpose: "share", With: []string{"*"}, GivenBy: "client"},
		casefile.ConsentEntry{At: at.Add(time.Hour), By: "w-ana", Action: casefile.ConsentWithdraw, Purpose: "share", With: []string{"food-bank"}, GivenBy: "client", Reason: "r"})
	in.Case, in.Redact, in.Professional = &c, true, true
	data, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(Summary, data, builtin)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\n### Goal G1: Stable housing for [redacted]\n", "\n### Goal G2: Keep away from [redacted]\n", "share: yes, except with food-bank"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the redacted summary lacks %q:\n%s", want, out)
		}
	}
}
