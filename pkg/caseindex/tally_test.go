package caseindex

import (
	"maps"
	"reflect"
	"testing"

	"github.com/casework/casework/pkg/caseload"
)

func TestTallyFile(t *testing.T) {
	tally := caseload.Tally{Month: "2026-11", Holding: map[string]caseload.Holding{"w-bo": {Active: 3}, "w-ana": {Active: 14, New: 2}}}
	text := string(formatTally(tally, 7))
	if want := "casework-tally 2026-11 7\nw-ana 14 2\nw-bo 3 0\n"; text != want {
		t.Fatalf("formatTally wrote %q, want %q", text, want)
	}
	if got, gen, ok := parseTally(text); !ok || !reflect.DeepEqual(got, tally) || gen != 7 {
		t.Fatalf("parseTally(formatTally(t)) = %+v, %d, %v; want %+v", got, gen, ok, tally)
	}
	for _, bad := range []string{
		"",
		"casework-tally \n",
		"casework-tally 2026-11 1",                   // no end of line
		"casework-tally 2026-11\nw-ana 14 2\n",       // no generation (an earlier version)
		"casework-tally 2026-11 -3\n",                // negative generation
		"casework-tally 2026-11 1\nw-ana 14 2",       // torn last line
		"casework-tally 2026-11 1\nw-ana 14\n",       // a count missing
		"casework-tally 2026-11 1\nw-ana 14 x\n",     // not a number
		"casework-tally 2026-11 1\nw-ana -1 0\n",     // negative
		"casework-tally 2026-11 1\nw-ana 1 0 9\n",    // a field too many
		"casework-tally 2026-11 1\n 1 0\n",           // no worker
		`{"Month":"2026-11","Holding":{"w-ana":{}}}`, // the JSON of earlier versions
	} {
		if got, _, ok := parseTally(bad); ok {
			t.Errorf("parseTally(%q) = %+v, want no tally", bad, got)
		}
	}
	if got, _, ok := parseTally("casework-tally 2026-11 0\n"); !ok || len(got.Holding) != 0 {
		t.Errorf("a tally of no workers read as %+v, %v", got, ok)
	}
}

// TestTallyChanges: an update reads one worker from its line and writes
// the workers it changed into the tally as it was, the rest untouched,
// the same text as writing the whole tally again.
func TestTallyChanges(t *testing.T) {
	whole := caseload.Tally{Month: "2026-11", Holding: map[string]caseload.Holding{"w-ana": {Active: 14, New: 2}, "w-bo": {Active: 3}, "w-cy": {Active: 7, New: 1}}}
	f, ok := scanTally(string(formatTally(whole, 4)))
	if !ok {
		t.Fatal("the tally written does not read")
	}
	for worker, want := range map[string]caseload.Holding{"w-ana": {Active: 14, New: 2}, "w-bo": {Active: 3}, "w-cy": {Active: 7, New: 1}, "w-b": {}, "w-dee": {}, "ana": {}} {
		if got := f.Holding(worker); got != want {
			t.Errorf("Holding(%s) = %+v, want %+v", worker, got, want)
		}
	}
	for _, tc := range []struct {
		name    string
		changed map[string]caseload.Holding
	}{
		{"nothing", nil},
		{"the first", map[string]caseload.Holding{"w-ana": {Active: 15, New: 3}}},
		{"the last", map[string]caseload.Holding{"w-cy": {Active: 6, New: 1}}},
		{"a new one first", map[string]caseload.Holding{"a-new": {Active: 1, New: 1}}},
		{"a new one between", map[string]caseload.Holding{"w-b": {Active: 1}}},
		{"a new one last", map[string]caseload.Holding{"w-zed": {Active: 1}}},
		{"two, one moved from the other", map[string]caseload.Holding{"w-ana": {Active: 13, New: 2}, "w-bo": {Active: 4}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := caseload.Tally{Month: whole.Month, Holding: maps.Clone(whole.Holding)}
			maps.Copy(want.Holding, tc.changed)
			if got, wantText := string(patchTally(f, tc.changed, 5)), string(formatTally(want, 5)); got != wantText {
				t.Fatalf("patched:\n%s\nwant:\n%s", got, wantText)
			}
		})
	}
}
