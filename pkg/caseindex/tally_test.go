package caseindex

import (
	"reflect"
	"testing"

	"github.com/casework/casework/pkg/caseload"
)

func TestTallyFile(t *testing.T) {
	tally := caseload.Tally{Month: "2026-11", Holding: map[string]caseload.Holding{"w-bo": {Active: 3}, "w-ana": {Active: 14, New: 2}}}
	text := string(formatTally(tally))
	if want := "casework-tally 2026-11\nw-ana 14 2\nw-bo 3 0\n"; text != want {
		t.Fatalf("formatTally wrote %q, want %q", text, want)
	}
	if got, ok := parseTally(text); !ok || !reflect.DeepEqual(got, tally) {
		t.Fatalf("parseTally(formatTally(t)) = %+v, %v; want %+v", got, ok, tally)
	}
	for _, bad := range []string{
		"",
		"casework-tally \n",
		"casework-tally 2026-11",                     // no end of line
		"casework-tally 2026-11\nw-ana 14 2",         // torn last line
		"casework-tally 2026-11\nw-ana 14\n",         // a count missing
		"casework-tally 2026-11\nw-ana 14 x\n",       // not a number
		"casework-tally 2026-11\nw-ana -1 0\n",       // negative
		`{"Month":"2026-11","Holding":{"w-ana":{}}}`, // the JSON of earlier versions
	} {
		if got, ok := parseTally(bad); ok {
			t.Errorf("parseTally(%q) = %+v, want no tally", bad, got)
		}
	}
	if got, ok := parseTally("casework-tally 2026-11\n"); !ok || len(got.Holding) != 0 {
		t.Errorf("a tally of no workers read as %+v, %v", got, ok)
	}
}
