package dupes

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"María López", "lopez maria"},
		{"  SMITH,  John ", "john smith"},
		{"Jean-Luc O'Brien", "jean luc obrien"},
		{"Søren Kierkegaard", "kierkegaard soren"},
		{"Straße", "strasse"},
		{"Łukasz Wałęsa", "lukasz walesa"},
		{"J. R. R. Tolkien", "j r r tolkien"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.961},
		{"dwayne", "duane", 0.840},
		{"dixon", "dicksonx", 0.813},
		{"same", "same", 1},
		{"", "", 1},
		{"abc", "", 0},
		{"abc", "xyz", 0},
	}
	for _, tt := range tests {
		got := JaroWinkler(tt.a, tt.b)
		if math.Abs(got-tt.want) > 0.001 {
			t.Errorf("JaroWinkler(%q, %q) = %.3f, want %.3f", tt.a, tt.b, got, tt.want)
		}
		if back := JaroWinkler(tt.b, tt.a); math.Abs(back-got) > 1e-9 {
			t.Errorf("JaroWinkler is not symmetric on %q, %q: %.3f vs %.3f", tt.a, tt.b, got, back)
		}
	}
}

func date(s string) casefile.Date {
	if s == "" {
		return casefile.Date{}
	}
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name         string
		a, b         string
		dobA, dobB   string
		dupe         bool // at or above the default threshold
		reasonSubstr string
	}{
		{"spelling variant, same DOB", "Jon Smith", "John Smith", "1980-04-02", "1980-04-02", true, "same date of birth"},
		{"spelling variant, no DOB", "Jon Smith", "John Smith", "", "1980-04-02", true, "date of birth missing"},
		{"accents", "María López", "Maria Lopez", "", "", true, "same name"},
		{"swapped first and last name", "Lopez Maria", "Maria Lopez", "1984-05-01", "1984-05-01", true, "same name"},
		{"surname first with comma", "López, María", "Maria Lopez", "", "", true, "same name"},
		{"second surname", "María López García", "Maria Lopez", "1984-05-01", "1984-05-01", true, "same date of birth"},
		{"day and month swapped", "Maria Lopez", "Maria Lopez", "1984-05-01", "1984-01-05", true, "swapped"},
		{"same name, different DOB", "John Smith", "John Smith", "1980-04-02", "1992-11-30", false, "different dates of birth"},
		{"different people", "John Smith", "Eva Holm", "1980-04-02", "1980-04-02", false, "same date of birth"},
		{"similar surname, different first name", "Anna Berg", "Tom Berg", "", "", false, "date of birth missing"},
		{"first name only", "Maria", "Maria Lopez", "", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Client{Case: "C-1", Name: tt.a, DOB: date(tt.dobA)}
			b := Client{Case: "C-2", Name: tt.b, DOB: date(tt.dobB)}
			score, reasons := Compare(a, b)
			if got := score >= DefaultThreshold; got != tt.dupe {
				t.Errorf("score %.3f (%v): duplicate = %v, want %v", score, reasons, got, tt.dupe)
			}
			if !strings.Contains(strings.Join(reasons, "; "), tt.reasonSubstr) {
				t.Errorf("reasons %q lack %q", reasons, tt.reasonSubstr)
			}
			if back, _ := Compare(b, a); math.Abs(back-score) > 1e-9 {
				t.Errorf("Compare is not symmetric: %.3f vs %.3f", score, back)
			}
		})
	}
}

func TestDOBWeighs(t *testing.T) {
	name := NameScore("Jon Smith", "John Smith")
	same, _ := Compare(Client{Name: "Jon Smith", DOB: date("1980-04-02")}, Client{Name: "John Smith", DOB: date("1980-04-02")})
	none, _ := Compare(Client{Name: "Jon Smith"}, Client{Name: "John Smith", DOB: date("1980-04-02")})
	diff, _ := Compare(Client{Name: "Jon Smith", DOB: date("1980-04-02")}, Client{Name: "John Smith", DOB: date("1981-04-02")})
	if !(same > none && none == name && none > diff) {
		t.Errorf("same DOB %.3f, missing %.3f (name %.3f), different %.3f: want same > missing = name > different", same, none, name, diff)
	}
}

func TestFind(t *testing.T) {
	clients := []Client{
		{Case: "C-1", Name: "Maria Lopez", DOB: date("1984-05-01")},
		{Case: "C-2", Name: "Tom Berg"},
		{Case: "C-3", Name: "María López", DOB: date("1984-05-01")},
		{Case: "C-4", Name: "Jon Smith"},
		{Case: "C-5", Name: "John Smith"},
		{Case: "C-6", Name: "John Smith", DOB: date("1950-01-01")},
	}
	got := Find(clients, DefaultThreshold, nil)
	var pairs []string
	for _, m := range got {
		pairs = append(pairs, m.A.Case+"+"+m.B.Case)
	}
	want := "C-1+C-3 C-5+C-6 C-4+C-5 C-4+C-6"
	if strings.Join(pairs, " ") != want {
		t.Errorf("Find pairs = %v, want %s", pairs, want)
	}
	if len(Find(clients, 1.01, nil)) != 0 {
		t.Error("a threshold above 1 found pairs")
	}
}

func TestDecisions(t *testing.T) {
	var d Decisions
	at := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	if !d.AddNotDuplicate("C-5", "C-4", "w-ana", at) {
		t.Fatal("first decision not added")
	}
	if d.AddNotDuplicate("C-4", "C-5", "w-bo", at) {
		t.Error("the same pair, the other way round, added twice")
	}
	if n := d.NotDuplicates[0]; n.A != "C-4" || n.B != "C-5" {
		t.Errorf("pair recorded as %s, %s; want the IDs in order", n.A, n.B)
	}
	clients := []Client{{Case: "C-4", Name: "John Smith"}, {Case: "C-5", Name: "Jon Smith"}, {Case: "C-6", Name: "John Smith"}}
	var got []string
	for _, m := range Find(clients, DefaultThreshold, d.Skip()) {
		got = append(got, m.A.Case+"+"+m.B.Case)
	}
	if want := "C-4+C-6 C-5+C-6"; strings.Join(got, " ") != want {
		t.Errorf("pairs %v, want %s", got, want)
	}
}

func TestMembersAcrossCases(t *testing.T) {
	cases := []*casefile.Case{
		{ID: "C-1", Client: casefile.Client{Name: "Maria Lopez", DOB: date("1984-05-01")}, Household: []casefile.Member{
			{ID: "M1", Name: "Leo Lopez", DOB: date("2015-02-11")},
			{ID: "M2", Name: "Maria Lopez", DOB: date("1984-05-01")}, // recorded twice in one case: not a duplicate across cases
			{ID: "M3", Name: "Ana Lopez", DOB: date("2018-09-30"), Removed: &casefile.Ended{}},
		}},
		{ID: "C-2", Client: casefile.Client{Name: "Pablo Ruiz"}, Household: []casefile.Member{{ID: "M1", Name: "Leo López", DOB: date("2015-02-11")}}},
		{ID: "C-3", Client: casefile.Client{Name: "Lopez, Leo", DOB: date("2015-02-11")}},
		{ID: "C-4", Client: casefile.Client{Name: "Ana Lopez", DOB: date("2018-09-30")}},
	}
	var people []Client
	for _, c := range cases {
		people = append(people, People(c)...)
	}
	if len(people) != 7 {
		t.Fatalf("%d people: a member who left is not compared, %+v", len(people), people)
	}
	pairs := func(ms []Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.A.Ref()+" "+m.B.Ref())
		}
		return out
	}
	want := []string{"C-1/M1 C-2/M1", "C-1/M1 C-3", "C-2/M1 C-3"}
	got := pairs(Find(people, DefaultThreshold, nil))
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("Find: %q, want %q", got, want)
	}
	if all := pairs(FindAll(people, DefaultThreshold, nil)); strings.Join(all, ", ") != strings.Join(want, ", ") {
		t.Errorf("FindAll: %q, want %q", all, want)
	}
	var d Decisions
	d.AddNotDuplicate("C-3", "C-1/M1", "w-ana", time.Time{})
	if got := pairs(Find(people, DefaultThreshold, d.Skip())); strings.Join(got, ", ") != "C-1/M1 C-2/M1, C-2/M1 C-3" {
		t.Errorf("with a decision about a member: %q", got)
	}
}
