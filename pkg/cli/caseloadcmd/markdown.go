package caseloadcmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/casework/casework/pkg/cli/output"
)

// writeMarkdown writes a heading and a Markdown (GitHub-flavoured) table of
// t, its footer as the last row. Pipes in cells are escaped and runs of
// spaces collapsed, so every cell stays in its column.
func writeMarkdown(w io.Writer, heading string, t *output.Tabular) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", heading)
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + markdownCell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|" + strings.Repeat(" --- |", len(t.Header)) + "\n")
	for _, r := range t.Rows {
		row(r)
	}
	if t.Footer != nil {
		row(t.Footer)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}
