package identity

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func TestResolve(t *testing.T) {
	dir := MapDirectory{
		"w-ana": {ID: "w-ana", Email: "Ana@Example.org"},
		"w-sue": {ID: "w-sue", Email: "sue@example.org"},
		"w-two": {ID: "w-two", Email: "shared@example.org"},
		"w-tw2": {ID: "w-tw2", Email: "shared@example.org"},
		"w-old": {ID: "w-old", Email: "old@example.org", Retired: &casefile.Retired{On: casefile.NewDate(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))}},
	}
	tests := []struct {
		name   string
		claims []Claim
		want   string // worker ID, or a fragment of the error
		err    bool
	}{
		{"ID", []Claim{{"w-ana", "--as"}}, "w-ana", false},
		{"first non-empty claim wins", []Claim{{"", "--as"}, {" w-sue ", "CASEWORK_USER"}, {"w-ana", "user"}}, "w-sue", false},
		{"email, any case", []Claim{{"ana@example.ORG", "git's user.email"}}, "w-ana", false},
		{"typo", []Claim{{"w-anna", "--as"}}, `--as "w-anna" is not the ID of any worker in workers/ (did you mean w-ana?)`, true},
		{"unknown email", []Claim{{"dev@example.org", "git's user.email"}}, `git's user.email "dev@example.org" is not the email of any worker`, true},
		{"shared email", []Claim{{"shared@example.org", "git's user.email"}}, "more than one worker (w-tw2, w-two)", true},
		{"a path is no ID", []Claim{{"../w-ana", "--as"}}, "is not the ID of any worker", true},
		{"nothing", []Claim{{"", "--as"}}, "cannot tell who is acting", true},
		{"retired, by ID", []Claim{{"w-old", "CASEWORK_USER"}}, "CASEWORK_USER names worker w-old, who retired on 2026-05-01 and no longer acts for the agency", true},
		{"retired, by email", []Claim{{"old@example.org", "git's user.email"}}, "git's user.email names worker w-old, who retired on 2026-05-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Resolve(dir, tt.claims...)
			if tt.err {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil || w.ID != tt.want {
				t.Fatalf("got %q, %v; want %s", w.ID, err, tt.want)
			}
		})
	}
	if _, err := Resolve(dir); !errors.Is(err, ErrNoClaim) {
		t.Errorf("no claims: %v", err)
	}
	if _, err := Resolve(MapDirectory{}, Claim{"w-ana", "--as"}); err == nil || !strings.Contains(err.Error(), "no workers yet") {
		t.Errorf("empty repository: %v", err)
	}
}

// failing is a Directory whose worker files do not load.
type failing struct{}

func (failing) Worker(string) (casefile.Worker, bool, error) {
	return casefile.Worker{}, false, errors.New("workers/w-ana.yaml:1:1: broken")
}
func (failing) Workers() ([]casefile.Worker, error) { return nil, errors.New("broken") }

func TestResolveLoadError(t *testing.T) {
	if _, err := Resolve(failing{}, Claim{"w-ana", "--as"}); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("err = %v", err)
	}
}
