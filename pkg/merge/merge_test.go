package merge

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
	"go.yaml.in/yaml/v3"
)

const base = `# Case of the north team
id: C-1
opened: 2026-03-01
phase: implementation
worker: w-ana
client:
  name: Maria Lopez
  phone: "555"
history:
  - at: 2026-03-01T09:00:00Z
    by: w-ana
    to: intake
    reason: opened
plan:
  goals:
    - id: G1
      text: Keep the flat
      status: open
reviews:
  - at: 2026-03-02T09:00:00Z
    by: w-ana
    note: first
`

const casePath = "cases/C-1/case.yaml"

func review(at, by, note string) string {
	return fmt.Sprintf("  - at: %s\n    by: %s\n    note: %s\n", at, by, note)
}

func TestFiles(t *testing.T) {
	tests := []struct {
		name         string
		ours, theirs string
		want         []string // lines the result must hold, in this order
		conflicts    []string
	}{
		{
			name:   "reviews on both sides, in time order",
			ours:   base + review("2026-03-05T09:00:00Z", "w-ana", "ours"),
			theirs: base + review("2026-03-04T09:00:00Z", "w-sue", "theirs # a comment"),
			want:   []string{"    note: first", "    note: theirs # a comment", "    note: ours"},
		},
		{
			name:   "the same review on both sides is kept once",
			ours:   base + review("2026-03-05T09:00:00Z", "w-ana", "same"),
			theirs: base + review("2026-03-05T09:00:00Z", "w-ana", "same"),
			want:   []string{"    note: first", "    note: same"},
		},
		{
			name:   "different fields, and a new list on one side",
			ours:   strings.Replace(base, "worker: w-ana", "worker: w-ben", 1),
			theirs: strings.Replace(base, `phone: "555"`, `phone: "556" # new number`, 1) + "approvals:\n  - at: 2026-03-03T09:00:00Z\n    by: w-sue\n    what: closure\n",
			want:   []string{"# Case of the north team", "worker: w-ben", `  phone: "556" # new number`, "reviews:", "approvals:", "    what: closure"},
		},
		{
			name:   "goals merge by id",
			ours:   strings.Replace(base, "      status: open", "      status: achieved", 1),
			theirs: strings.Replace(base, "      status: open\n", "      status: open\n    - id: G2\n      text: Find work\n      status: open\n", 1),
			want:   []string{"    - id: G1", "      status: achieved", "    - id: G2", "      text: Find work"},
		},
		{
			name:      "the same field changed differently",
			ours:      strings.Replace(base, "phase: implementation", "phase: monitoring", 1),
			theirs:    strings.Replace(base, "phase: implementation", "phase: closed", 1) + review("2026-03-04T09:00:00Z", "w-sue", "kept"),
			want:      []string{"<<<<<<< ours: phase", "phase: monitoring", "=======", "phase: closed", ">>>>>>> theirs: phase", "    note: kept"},
			conflicts: []string{"phase"},
		},
		{
			name:      "removed on one side, changed on the other",
			ours:      strings.Replace(base, "  phone: \"555\"\n", "", 1),
			theirs:    strings.Replace(base, `phone: "555"`, `phone: "556"`, 1),
			want:      []string{"<<<<<<< ours: client.phone", "=======", `  phone: "556"`, ">>>>>>> theirs: client.phone"},
			conflicts: []string{"client.phone"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, conflicts, err := Files(casePath, []byte(base), []byte(tt.ours), []byte(tt.theirs))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range conflicts {
				got = append(got, c.Path)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.conflicts) && !(len(got) == 0 && len(tt.conflicts) == 0) {
				t.Errorf("conflicts %v, want %v", got, tt.conflicts)
			}
			rest := string(out)
			for _, w := range tt.want {
				i := strings.Index(rest, w+"\n")
				if i < 0 {
					t.Fatalf("no line %q (in order) in:\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			if len(conflicts) == 0 {
				var c casefile.Case
				again, err := casefile.Format(casePath, out, &c)
				if err != nil || string(again) != string(out) {
					t.Errorf("result is not canonical (%v):\n%s", err, out)
				}
			} else if m := Conflicts(out); len(m) != len(conflicts) || m[0].Field != conflicts[0].Path {
				t.Errorf("Conflicts = %+v", m)
			}
		})
	}
}

func TestFilesErrors(t *testing.T) {
	if _, _, err := Files("notes/x.md", nil, nil, nil); err == nil {
		t.Error("not a record file: no error")
	}
	if _, _, err := Files(casePath, []byte(base), []byte("id: [\n"), []byte(base)); err == nil || !strings.Contains(err.Error(), "(ours)") {
		t.Errorf("broken ours: %v", err)
	}
	// Both sides added the file: no ancestor.
	out, c, err := Files(casePath, nil, []byte(base), []byte(base+review("2026-03-04T09:00:00Z", "w-sue", "x")))
	if err != nil || len(c) != 0 || !strings.Contains(string(out), "note: x") {
		t.Errorf("add/add: %v %v\n%s", c, err, out)
	}
}

func TestKind(t *testing.T) {
	for p, want := range map[string]string{
		"cases/C-1/case.yaml":        "*casefile.Case",
		"agency/cases/C-1/case.yaml": "*casefile.Case",
		"workers/w-ana.yaml":         "*casefile.Worker",
		"resources/food.yaml":        "*casefile.Resource",
		"cases/C-1/notes/x.md":       "<nil>",
		".casework.yaml":             "<nil>",
		"cases/C-1/other.yaml":       "<nil>",
		"workers/sub/w-ana.yaml":     "<nil>",
	} {
		if got := fmt.Sprintf("%T", Kind(p)); got != want {
			t.Errorf("Kind(%s) = %s, want %s", p, got, want)
		}
	}
}

// TestNeverDropsAnEntry: random pairs of edits from one base, merged;
// every dated entry of both sides is in the result (on both sides of any
// conflict), and a result without conflicts is canonical.
func TestNeverDropsAnEntry(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 19))
	for iter := range 250 {
		ours, theirs := edit(r, "ours"), edit(r, "theirs")
		out, conflicts, err := Files(casePath, []byte(base), []byte(ours), []byte(theirs))
		if err != nil {
			t.Fatalf("iteration %d: %v\nours:\n%s\ntheirs:\n%s", iter, err, ours, theirs)
		}
		o, th := Sides(out)
		for _, side := range []string{ours, theirs} {
			for _, e := range entries(t, []byte(side)) {
				for _, res := range [][]byte{o, th} {
					if !contains(entries(t, res), e) {
						t.Fatalf("iteration %d: entry %s lost:\nours:\n%s\ntheirs:\n%s\nresult:\n%s", iter, e, ours, theirs, out)
					}
				}
			}
		}
		if len(conflicts) == 0 {
			var c casefile.Case
			if again, err := casefile.Format(casePath, out, &c); err != nil || string(again) != string(out) {
				t.Fatalf("iteration %d: not canonical (%v):\n%s", iter, err, out)
			}
		} else if len(Conflicts(out)) == 0 {
			t.Fatalf("iteration %d: conflicts %v but no markers:\n%s", iter, conflicts, out)
		}
	}
}

// edit makes random changes to the base: entries appended to the dated
// lists, fields changed, goals added.
func edit(r *rand.Rand, side string) string {
	s := base
	tail := ""
	for i := range r.IntN(4) {
		at := fmt.Sprintf("2026-03-%02dT%02d:00:00Z", 2+r.IntN(5), r.IntN(3)+8)
		tail += review(at, "w-"+side, fmt.Sprintf("%s %d", side, i))
		if r.IntN(5) == 0 {
			tail += review(at, "w-ana", "both") // the same entry, maybe on both sides
		}
	}
	s += tail
	if r.IntN(3) == 0 {
		s += fmt.Sprintf("approvals:\n  - at: 2026-03-0%dT09:00:00Z\n    by: w-sue\n    what: closure\n    note: %s\n", 2+r.IntN(5), side)
	}
	if r.IntN(3) == 0 {
		s = strings.Replace(s, "phase: implementation", []string{"phase: monitoring", "phase: closed"}[r.IntN(2)], 1)
	}
	if r.IntN(3) == 0 {
		s = strings.Replace(s, `phone: "555"`, fmt.Sprintf(`phone: "55%d" # %s`, r.IntN(3), side), 1)
	}
	if r.IntN(3) == 0 {
		s = strings.Replace(s, "      status: open\n", fmt.Sprintf("      status: open\n    - id: G%s\n      text: %s goal\n      status: open\n", side, side), 1)
	}
	if r.IntN(4) == 0 {
		s = strings.Replace(s, "    reason: opened\n", "    reason: opened\n  - at: 2026-03-03T09:00:00Z\n    by: w-"+side+"\n    from: intake\n    to: assessment\n", 1)
	}
	return s
}

// entries lists the keys of every entry of the file's dated lists.
func entries(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	for _, e := range Entries(data) {
		out = append(out, e.Key)
	}
	if out == nil && len(data) > 0 {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			t.Fatalf("%v:\n%s", err, data)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestConflictsOfGitsOwnMarkers(t *testing.T) {
	data := "id: C-1\nclient:\n  name: X\n<<<<<<< HEAD\n  phone: \"1\"\n||||||| base\n  phone: \"0\"\n=======\n  phone: \"2\"\n>>>>>>> other\nphase: intake\n"
	m := Conflicts([]byte(data))
	if len(m) != 1 || m[0].Field != "client.phone" || m[0].Line != 4 || len(m[0].Ours) != 1 || len(m[0].Theirs) != 1 || m[0].Theirs[0] != `  phone: "2"` {
		t.Fatalf("Conflicts = %+v", m)
	}
	o, th := Sides([]byte(data))
	if strings.Contains(string(o), `"0"`) || !strings.Contains(string(o), `"1"`) || !strings.Contains(string(th), `"2"`) || strings.Contains(string(th), "<<<") {
		t.Errorf("Sides:\n%s\n%s", o, th)
	}
	if !HasMarkers([]byte(data)) || HasMarkers([]byte("a: '<<<<<<<'\n")) {
		t.Error("HasMarkers")
	}
}
