package caseloadcmd

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/cli/output"
)

func TestBar(t *testing.T) {
	tests := map[float64]string{
		0:      "          ",
		0.05:   "▌         ",
		0.45:   "████▌     ",
		0.8125: "████████▏ ",
		1:      "██████████",
		1.0001: "██████████▶",
		3:      "██████████▶",
		-1:     "          ",
	}
	for load, want := range tests {
		if got := Bar(load); got != want {
			t.Errorf("Bar(%v) = %q, want %q", load, got, want)
		}
	}
}

func TestWriteMarkdown(t *testing.T) {
	var b strings.Builder
	tab := &output.Tabular{
		Header: []string{"worker", "why"},
		Rows:   [][]string{{"w-ana", "a | b"}, {"w-ben", "  two   spaces "}},
		Footer: []string{"total", ""},
	}
	if err := writeMarkdown(&b, "Caseload 2026-03", tab); err != nil {
		t.Fatal(err)
	}
	want := "### Caseload 2026-03\n\n| worker | why |\n| --- | --- |\n| w-ana | a \\| b |\n| w-ben | two spaces |\n| total |  |\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
