package caseload

import (
	"slices"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

func TestLimitsFor(t *testing.T) {
	tests := []struct {
		name   string
		worker casefile.Worker
		want   Limits
	}{
		{"full time gets the agency's limits", casefile.Worker{FTE: 1}, Limits{15, 12, 10, 8, 0.8}},
		{"part time counts cases the same", casefile.Worker{FTE: 0.5}, Limits{15, 12, 10, 8, 0.8}},
		{"overrides are used as written", casefile.Worker{FTE: 0.5, Limits: &casefile.Limits{MaxActive: 20, WarnNewPerMonth: 3}}, Limits{20, 12, 10, 3, 0.8}},
		{"zero override keeps the default", casefile.Worker{FTE: 1, Limits: &casefile.Limits{}}, Limits{15, 12, 10, 8, 0.8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LimitsFor(agency, tt.worker); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	off := agency
	off.WarnActive = 0
	if got := LimitsFor(off, casefile.Worker{FTE: 0.5}).WarnActive; got != 0 {
		t.Errorf("agency limit 0 (off) became %d", got)
	}
}

func TestEvaluate(t *testing.T) {
	l := Limits{MaxActive: 15, WarnActive: 12, MaxNewPerMonth: 10, WarnNewPerMonth: 8, WarnLoad: 0.8}
	tests := []struct {
		name            string
		active, fresh   int
		hours, capacity float64
		want            Status
		reasons         []string
	}{
		{"quiet", 3, 1, 10, 120, OK, nil},
		{"just under warn", 11, 7, 95, 120, OK, nil},
		{"at warn_active", 12, 0, 42, 120, Warn, []string{"12 active >= warn 12"}},
		{"at max_active is full, not over", 15, 0, 52.5, 120, Warn, []string{"15 active, at max 15"}},
		{"past max_active", 16, 0, 56, 120, Over, []string{"16 active > max 15"}},
		{"at warn_new", 8, 8, 42, 120, Warn, []string{"8 new >= warn 8"}},
		{"at max_new", 10, 10, 52.5, 120, Warn, []string{"10 new, at max 10"}},
		{"past max_new", 11, 11, 57.75, 120, Over, []string{"11 new > max 10"}},
		{"load at 80%", 1, 0, 96, 120, Warn, []string{"load 80% >= 80%"}},
		{"load at 100% is warn", 1, 0, 120, 120, Warn, []string{"load 100% >= 80%"}},
		{"load past 100%", 1, 0, 121, 120, Over, []string{"load 100.8% > 100%"}},
		{"over comes first, warnings follow", 16, 8, 10, 120, Over, []string{"16 active > max 15", "8 new >= warn 8"}},
		{"no capacity", 1, 0, 3.5, 0, Over, []string{"no capacity (fte 0 or no worker file)"}},
		{"no capacity, no work", 0, 0, 0, 0, OK, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, reasons := Evaluate(l, tt.active, tt.fresh, tt.hours, tt.capacity, ratio(tt.hours, tt.capacity))
			if status != tt.want || !slices.Equal(reasons, tt.reasons) {
				t.Errorf("got %s %q, want %s %q", status, reasons, tt.want, tt.reasons)
			}
		})
	}
	if s, _ := Evaluate(Limits{}, 100, 100, 1, 120, ratio(1, 120)); s != OK {
		t.Errorf("limits off: got %s", s)
	}
}

func TestStatus(t *testing.T) {
	if !Over.AtLeast(Warn) || !Warn.AtLeast(Warn) || OK.AtLeast(Warn) || Warn.AtLeast(Over) {
		t.Error("status order is wrong")
	}
	for _, s := range []string{"warn", "over"} {
		if got, err := ParseStatus(s); err != nil || string(got) != s {
			t.Errorf("ParseStatus(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"ok", "OVER", ""} {
		if _, err := ParseStatus(s); err == nil {
			t.Errorf("ParseStatus(%q) accepted", s)
		}
	}
}

func TestPercent(t *testing.T) {
	for load, want := range map[float64]string{0: "0%", 0.456: "45.6%", 0.5: "50%", 1.0083: "100.8%", 2: "200%"} {
		if got := Percent(load); got != want {
			t.Errorf("Percent(%v) = %s, want %s", load, got, want)
		}
	}
}
