package caseindex

import (
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
