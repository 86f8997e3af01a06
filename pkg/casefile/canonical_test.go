package casefile

import (
	"strings"
	"testing"
	"time"
)

// shuffled is a hand-edited case file: keys out of order at every level,
// comments everywhere, a flow mapping, quoted scalars, a key left empty.
const shuffled = `# Case of a family referred by the school.

worker: w-ana # reference person
phase: intake
id: C-2026-AAAAAAAAAA
model: "" # to be decided
opened: 2026-03-02
history:
  # the opening
  - reason: opened
    to: intake
    by: w-ana
    at: 2026-03-02T09:00:00Z
client:
  # phone given at first visit
  phone: "555-0100"
  name: 'Maria Lopez'
  consent: {scope: providers, given: true}
assessments:
  - scores:
      income: 2
      housing: 1 # eviction notice
    by: w-ana
    at: 2026-03-03T09:00:00Z
    instrument: ssm
plan:
  goals:
    - status: open
      text: Keep the home
      id: G1
      actions:
        - status: planned
          cost: 22.50
          text: Advice
          id: A1
  budget: 100
# end of the case
`

const canonical = `# Case of a family referred by the school.

id: C-2026-AAAAAAAAAA
# to be decided
opened: 2026-03-02
phase: intake
worker: w-ana # reference person
client:
  name: Maria Lopez
  # phone given at first visit
  phone: 555-0100
  consent:
    given: true
    scope: providers
history:
  # the opening
  - at: 2026-03-02T09:00:00Z
    by: w-ana
    to: intake
    reason: opened
assessments:
  - at: 2026-03-03T09:00:00Z
    by: w-ana
    instrument: ssm
    scores:
      housing: 1 # eviction notice
      income: 2
plan:
  budget: 100
  goals:
    - id: G1
      text: Keep the home
      status: open
      actions:
        - id: A1
          text: Advice
          cost: 22.5
          status: planned
# end of the case
`

func TestFormatCanonicalOrderKeepsComments(t *testing.T) {
	var c Case
	got, err := Format("case.yaml", []byte(shuffled), &c)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != canonical {
		t.Errorf("formatted:\n%s\nwant:\n%s", got, canonical)
	}
	for _, line := range strings.Split(shuffled, "\n") {
		if _, comment, ok := strings.Cut(line, "# "); ok && !strings.Contains(string(got), comment) {
			t.Errorf("comment %q lost", comment)
		}
	}
}

func TestFormatIsIdempotent(t *testing.T) {
	for name, in := range map[string]string{"shuffled": shuffled, "hand-edited": handEdited, "canonical": canonical} {
		var c1, c2 Case
		once, err := Format("case.yaml", []byte(in), &c1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		twice, err := Format("case.yaml", once, &c2)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if string(once) != string(twice) {
			t.Errorf("%s: second format changed the file:\n%s\nthen:\n%s", name, once, twice)
		}
	}
}

func TestFormatOfWrittenFileIsNoOp(t *testing.T) {
	c := Case{ID: "C-1", Opened: NewDate(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)), Phase: "intake", Worker: "w-ana",
		Client:  Client{Name: "Maria", Phone: "0123"},
		History: []HistoryEntry{{At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), By: "w-ana", To: "intake"}},
		Plan:    Plan{Goals: []Goal{{ID: "G1", Text: "home", Status: "open", Actions: []Action{{ID: "A1", Text: "x", Cost: 12.5, Status: "planned"}}}}}}
	doc, err := NewDocument(&c)
	if err != nil {
		t.Fatal(err)
	}
	written, err := doc.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	// Then a later command updates it in place.
	c.Phase = "assessment"
	c.History = append(c.History, HistoryEntry{At: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC), By: "w-ana", From: "intake", To: "assessment"})
	c.Referral.Source = "school"
	updated, err := doc.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{written, updated} {
		var back Case
		got, err := Format("case.yaml", data, &back)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(data) {
			t.Errorf("format changed a file casework wrote:\n%s\nto:\n%s", data, got)
		}
	}
}

func TestFormatRefusesBadFiles(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"unknown key": {"id: C-1\nopend: 2026-01-01\n", `case.yaml:2:1: unknown key "opend"`},
		"syntax":      {"id: [\n", "case.yaml:"},
		"empty":       {"", "case.yaml: the file is empty"},
	} {
		var c Case
		_, err := Format("case.yaml", []byte(tc.in), &c)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", name, err, tc.want)
		}
	}
}

func TestFormatKeepsHeaderAtTop(t *testing.T) {
	in := "# Ben joined in March.\nname: Ben\n# half time\nfte: 0.5\nid: w-ben\n"
	want := "# Ben joined in March.\nid: w-ben\nname: Ben\n# half time\nfte: 0.5\n"
	var w Worker
	got, err := Format("w.yaml", []byte(in), &w)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
