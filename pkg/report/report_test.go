package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseload"
	"github.com/casework/casework/pkg/config"
	"go.yaml.in/yaml/v3"
)

// defaults is the built-in configuration, read straight from its YAML.
func defaults(t testing.TB) *config.Config {
	t.Helper()
	var cfg config.Config
	if err := yaml.Unmarshal(config.DefaultYAML, &cfg); err != nil {
		t.Fatal(err)
	}
	return &cfg
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func date(s string) casefile.Date { return casefile.NewDate(at(s + "T00:00:00Z")) }

// client makes a case of worker w opened on opened with one SSM
// assessment per housing score, a month apart from 2026-01-10.
func client(id, w string, housing ...int) *casefile.Case {
	c := &casefile.Case{ID: id, Worker: w, Phase: "monitoring", Opened: date("2026-01-02"),
		History: []casefile.HistoryEntry{{At: at("2026-01-02T09:00:00Z"), To: "intake"}}}
	for i, h := range housing {
		c.Assessments = append(c.Assessments, casefile.Assessment{
			At: at("2026-01-10T09:00:00Z").AddDate(0, i, 0), Instrument: "ssm", Level: "care-management",
			Scores: map[string]int{"housing": h, "income": 0}})
	}
	return c
}

func options(from, to string) Options {
	f, _ := caseload.ParseMonth(from)
	tt, _ := caseload.ParseMonth(to)
	return Options{From: f, To: tt, Now: at("2026-12-01T00:00:00Z")}
}

func row(t *testing.T, r Outcomes, domain, group string) OutcomeRow {
	t.Helper()
	for _, x := range r.Rows {
		if x.Domain == domain && x.Group == group {
			return x
		}
	}
	t.Fatalf("no row %s/%s in %+v", domain, group, r.Rows)
	return OutcomeRow{}
}

func TestOutcomesByHand(t *testing.T) {
	cfg := defaults(t)
	pop := Population{Workers: []casefile.Worker{{ID: "w-a", Team: "north"}, {ID: "w-b", Team: "south"}}}
	// Five clients of north: +2, +2, 0, -1, +1 on housing (SSM: up is
	// better); income is 0, not applicable, and never counts.
	for i, s := range [][]int{{1, 3}, {2, 3, 4}, {3, 3}, {4, 3}, {2, 3}} {
		pop.Cases = append(pop.Cases, client(fmt.Sprintf("C-%d", i), "w-a", s...))
	}
	pop.Cases = append(pop.Cases, client("C-once", "w-b", 1)) // one assessment: not counted
	rep := ComputeOutcomes(pop, cfg.Assessment, options("2026-01", "2026-12"))
	all := row(t, rep, "housing", "all")
	want := OutcomeRow{Instrument: "ssm", Domain: "housing", Group: "all", Clients: Count{N: 5, Min: 5},
		MeanFirst: 2.4, MeanLatest: 3.2, MeanChange: 0.8, Improved: 0.6, Unchanged: 0.2, Worse: 0.2}
	if all != want {
		t.Errorf("housing/all:\n got %+v\nwant %+v", all, want)
	}
	if r := row(t, rep, "housing", "team:north"); r.Clients.N != 5 {
		t.Errorf("team north counts %v clients, want 5", r.Clients)
	}
	for _, r := range rep.Rows {
		if r.Domain == "income" {
			t.Errorf("a domain scored not applicable is counted: %+v", r)
		}
	}
}

func TestOutcomesSuppressSmallGroups(t *testing.T) {
	cfg := defaults(t)
	pop := Population{Workers: []casefile.Worker{{ID: "w-a"}}}
	for i := range 4 {
		pop.Cases = append(pop.Cases, client(fmt.Sprint("C-", i), "w-a", 1, 2))
	}
	rep := ComputeOutcomes(pop, cfg.Assessment, options("2026-01", "2026-12"))
	r := row(t, rep, "housing", "all")
	if !r.Clients.Suppressed || r.Clients.String() != "<5" || r.MeanChange != 0 || r.Improved != 0 {
		t.Errorf("four clients are shown: %+v", r)
	}
	o := options("2026-01", "2026-12")
	o.MinCell = 3
	if r := row(t, ComputeOutcomes(pop, cfg.Assessment, o), "housing", "all"); r.Clients.Suppressed || r.Improved != 1 {
		t.Errorf("with min_cell 3, four clients are hidden: %+v", r)
	}
}

func TestOutcomesPeriodAndNeedScale(t *testing.T) {
	cfg := defaults(t)
	var cases []*casefile.Case
	for i := range 5 {
		c := &casefile.Case{ID: fmt.Sprint("C-", i), Worker: "w-a", Opened: date("2025-06-01")}
		for j, s := range []int{3, 2, 1} { // CANS emotional: need falls, an improvement
			c.Assessments = append(c.Assessments, casefile.Assessment{At: at("2025-12-01T00:00:00Z").AddDate(0, j*2, 0),
				Instrument: "cans", Scores: map[string]int{"emotional": s}})
		}
		cases = append(cases, c)
	}
	// The period from 2026-01 sees only the scores of February and April.
	rep := ComputeOutcomes(Population{Cases: cases}, cfg.Assessment, options("2026-01", "2026-06"))
	r := row(t, rep, "emotional", "all")
	if r.MeanFirst != 2 || r.MeanLatest != 1 || r.MeanChange != -1 || r.Improved != 1 {
		t.Errorf("CANS falls from 2 to 1 should be improvement for all: %+v", r)
	}
}

func TestFlowByHand(t *testing.T) {
	cfg := defaults(t)
	var cases []*casefile.Case
	// Ten cases opened 2026-01-01, assessed after 1..10 days, closed as
	// goals-met after 10..100 days; the first is reopened ten days after.
	for i := 1; i <= 10; i++ {
		opened := at("2026-01-01T00:00:00Z")
		closed := opened.AddDate(0, 0, 10*i)
		c := &casefile.Case{ID: fmt.Sprint("C-", i), Worker: "w-a", Opened: date("2026-01-01"), Phase: "closed",
			Assessments: []casefile.Assessment{{At: opened.AddDate(0, 0, i)}},
			History:     []casefile.HistoryEntry{{At: opened, To: "intake"}, {At: closed, From: "intake", To: "closed", Reason: "goals-met"}},
			Closure:     &casefile.Closure{At: closed, Reason: "goals-met"}}
		if i == 1 {
			c.History = append(c.History, casefile.HistoryEntry{At: closed.AddDate(0, 0, 10), From: "closed", To: "assessment"})
			c.Phase = "assessment"
		}
		cases = append(cases, c)
	}
	rep := ComputeFlow(Population{Cases: cases}, cfg, options("2026-01", "2026-12"))
	want := map[string][2]float64{StageAssessment: {5.5, 9}, StageClosure: {55, 90}}
	for _, s := range rep.Stages {
		if w, ok := want[s.Stage]; ok && (s.Median != w[0] || s.P90 != w[1] || s.Cases.N != 10) {
			t.Errorf("%s: median %v p90 %v over %v, want %v over 10", s.Stage, s.Median, s.P90, s.Cases, w)
		}
	}
	if len(rep.Closures) != 1 || rep.Closures[0].Reason != "goals-met" || rep.Closures[0].Cases.N != 10 {
		t.Errorf("closures: %+v", rep.Closures)
	}
	if !rep.Reopened.Suppressed {
		t.Errorf("one reopening is shown: %+v", rep.Reopened)
	}
}

func TestCaseloadCountsClosingsForTheWorkerThen(t *testing.T) {
	cfg := defaults(t)
	c := &casefile.Case{ID: "C-1", Worker: "w-b", Opened: date("2026-01-05"), Phase: "closed",
		History: []casefile.HistoryEntry{
			{At: at("2026-01-05T09:00:00Z"), To: "intake"},
			{At: at("2026-02-10T09:00:00Z"), Assign: &casefile.Assignment{From: "w-a", To: "w-b"}},
			{At: at("2026-03-03T09:00:00Z"), From: "intake", To: "closed", Reason: "moved-away"}},
		Closure: &casefile.Closure{At: at("2026-03-03T09:00:00Z"), Reason: "moved-away"}}
	pop := Population{Cases: []*casefile.Case{c}, Workers: []casefile.Worker{{ID: "w-a", FTE: 1, Team: "t"}, {ID: "w-b", FTE: 1, Team: "t"}}}
	rep := ComputeCaseload(pop, cfg.Caseload, options("2026-01", "2026-03"))
	got := map[string][]int{}
	for _, l := range rep.Workers {
		for _, m := range l.Months {
			got[l.Name] = append(got[l.Name], m.Active, m.New, m.Closed)
		}
	}
	want := map[string][]int{"w-a": {1, 1, 0, 0, 0, 0, 0, 0, 0}, "w-b": {0, 0, 0, 1, 0, 0, 0, 0, 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("active, new, closed per month:\n got %v\nwant %v", got, want)
	}
	if len(rep.Teams) != 1 || rep.Teams[0].Months[2].Closed != 1 || rep.Agency.Months[0].New != 1 {
		t.Errorf("team and agency do not add up: %+v %+v", rep.Teams, rep.Agency)
	}
}

func TestPercentileAndMedian(t *testing.T) {
	for _, tc := range []struct {
		xs          []float64
		median, p90 float64
	}{
		{nil, 0, 0},
		{[]float64{4}, 4, 4},
		{[]float64{3, 1, 2}, 2, 3},
		{[]float64{1, 2, 3, 4}, 2.5, 4},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5.5, 9},
	} {
		if m, p := median(tc.xs), percentile(tc.xs, 90); m != tc.median || p != tc.p90 {
			t.Errorf("%v: median %v p90 %v, want %v %v", tc.xs, m, p, tc.median, tc.p90)
		}
	}
}

// TestFlowStageJSONHidesSuppressedDays holds that a suppressed or empty
// stage carries no days (left out), as CSV leaves them blank: a 0 beside
// "<5" reads as a figure.
func TestFlowStageJSONHidesSuppressedDays(t *testing.T) {
	tests := []struct {
		stage FlowStage
		want  string
	}{
		{FlowStage{Stage: "closure", Cases: count(2, 5)}, `{"stage":"closure","cases":"<5"}`},
		{FlowStage{Stage: "closure", Cases: count(0, 5)}, `{"stage":"closure","cases":0}`},
		{FlowStage{Stage: "closure", Cases: count(6, 5), Median: 3.5, P90: 9}, `{"stage":"closure","cases":6,"median_days":3.5,"p90_days":9}`},
	}
	for _, tt := range tests {
		got, err := tt.stage.MarshalJSON()
		if err != nil || string(got) != tt.want {
			t.Errorf("json of %+v = %s, %v; want %s", tt.stage, got, err, tt.want)
		}
	}
}

func TestPack(t *testing.T) {
	a := Doc{Title: "A", Intro: "about a", Sections: []Section{{Heading: "A1"}, {Heading: "A2"}}}
	b := Doc{Title: "B", Sections: []Section{{Heading: "B1"}}}
	got := Pack("Pack", "both", a, b)
	var heads []string
	for _, s := range got.Sections {
		heads = append(heads, s.Heading)
	}
	if got.Title != "Pack" || got.Intro != "both" || strings.Join(heads, ",") != "A,A1,A2,B,B1" {
		t.Fatalf("Pack gave %q %q %v", got.Title, got.Intro, heads)
	}
	if len(got.Sections[0].Text) != 1 || got.Sections[0].Text[0] != "about a" || got.Sections[3].Text != nil {
		t.Errorf("each report's introduction heads its section, and only where it has one: %+v", got.Sections)
	}
}
