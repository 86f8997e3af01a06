package gen

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/household"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/validate"
)

// loadDefaults is the built-in configuration, loaded as the CLI loads it.
func loadDefaults(t testing.TB) *config.Config {
	t.Helper()
	return config.Default()
}

func generate(t testing.TB, dir string, cases int, seed uint64) {
	t.Helper()
	if err := Generate(Options{Dir: dir, Cases: cases, Workers: 8, Seed: seed}, loadDefaults(t)); err != nil {
		t.Fatal(err)
	}
}

func TestGeneratedRepositoryValidates(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 200, 7)
	findings, err := validate.Run(validate.Options{Root: dir, Config: loadDefaults(t), Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("%s", f)
	}
	phases := map[string]int{}
	entries, _ := os.ReadDir(filepath.Join(dir, "cases"))
	if len(entries) != 200 {
		t.Fatalf("%d case directories, want 200", len(entries))
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, "cases", e.Name(), "case.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"intake", "assessment", "planning", "implementation", "monitoring", "closed"} {
			if bytes.Contains(data, []byte("\nphase: "+p+"\n")) {
				phases[p]++
			}
		}
	}
	for _, p := range []string{"intake", "monitoring", "closed"} {
		if phases[p] == 0 {
			t.Errorf("no case in %s: %v", p, phases)
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	generate(t, a, 30, 3)
	generate(t, b, 30, 3)
	files := 0
	filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs between two runs with the same seed", rel)
		}
		files++
		return nil
	})
	if files < 30 {
		t.Errorf("only %d files", files)
	}
}

func TestGenerateRefusesARepository(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 1, 1)
	if err := Generate(Options{Dir: dir, Cases: 1, Workers: 1}, loadDefaults(t)); err == nil {
		t.Error("generated over an existing repository")
	}
}

// TestEncodeIsCanonical checks the shortcut of encode against the way
// casework writes records.
func TestEncodeIsCanonical(t *testing.T) {
	cfg := loadDefaults(t)
	opts := Options{Cases: 50, Workers: 4, Seed: 9, End: DefaultEnd, Years: 5}
	a := newAgency(opts, cfg)
	for i := range 50 {
		g := a.newCase(rand.New(rand.NewPCG(9, uint64(i))), opts, i)
		doc, err := casefile.NewDocument(g.c)
		if err != nil {
			t.Fatal(err)
		}
		want, err := doc.Marshal(g.c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := casefile.Encode(g.c)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("case %d: encode gives\n%s\nwant\n%s", i, got, want)
		}
	}
}

// TestHouseholdsFitTheStories checks the generated households and
// networks: families with children, the school and the GP around them;
// members who left recorded in the history; members assessed apart from
// the client; and the planted children known to two cases, which dupes
// finds.
func TestHouseholdsFitTheStories(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 200, 7)
	cases, err := (&store.Repo{Root: dir}).AllCases()
	if err != nil {
		t.Fatal(err)
	}
	var children, schools, gps, departures, memberAssessments, derived int
	var people []dupes.Client
	for _, rec := range cases {
		c := &rec.Data
		people = append(people, dupes.People(c)...)
		for _, m := range c.Household {
			if m.Role == "child" {
				children++
				if age, _ := household.Age(m.DOB, c.Opened.Time()); age > 17 {
					t.Errorf("case %s: a child of %d", c.ID, age)
				}
			}
		}
		for _, n := range c.Network {
			switch n.Relationship {
			case "school":
				schools++
			case "GP":
				gps++
			}
		}
		for _, h := range c.History {
			if h.Left != nil {
				departures++
			}
		}
		memberAssessments += len(c.MemberAssessments())
		for _, a := range c.ClientAssessments() {
			if a.NetworkDerived != "" {
				derived++
			}
		}
	}
	for what, n := range map[string]int{"children": children, "schools": schools, "GPs": gps, "departures": departures, "member assessments": memberAssessments, "derived network support": derived} {
		if n == 0 {
			t.Errorf("no %s in 200 generated cases", what)
		}
	}
	shared := 0
	for _, m := range dupes.Find(people, dupes.DefaultThreshold, nil) {
		if m.A.Member != "" && m.B.Member != "" && m.A.Name == m.B.Name && m.A.DOB == m.B.DOB {
			shared++
		}
	}
	if want := 200 / plantEvery; shared < want {
		t.Errorf("dupes found %d children known to two cases, want at least the %d planted", shared, want)
	}
}
