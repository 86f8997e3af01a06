package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteMarkdown writes d as Markdown that markdownlint accepts, with its
// charts as Mermaid diagrams (xychart-beta for trends and bars, pie for
// shares), which GitHub and GitLab render.
func WriteMarkdown(w io.Writer, d Doc) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", mdText(d.Title))
	if d.Intro != "" {
		fmt.Fprintf(&b, "\n%s\n", wrap(mdText(d.Intro), 80))
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "\n## %s\n", mdText(s.Heading))
		for _, t := range s.Text {
			fmt.Fprintf(&b, "\n%s\n", wrap(mdText(t), 80))
		}
		for _, c := range s.Charts {
			writeMermaid(&b, c)
		}
		for _, t := range s.Tables {
			writeMDTable(&b, t)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMermaid writes a chart as a fenced Mermaid diagram.
func writeMermaid(b *strings.Builder, c Chart) {
	b.WriteString("\n```mermaid\n")
	if c.Kind == Shares {
		fmt.Fprintf(b, "pie title %s\n", mermaidText(c.Title))
		for i, l := range c.Labels {
			if v := c.Series[0].Values[i]; v > 0 {
				fmt.Fprintf(b, "    %q : %s\n", mermaidText(l), num(v))
			}
		}
		b.WriteString("```\n")
		return
	}
	b.WriteString("xychart-beta\n")
	fmt.Fprintf(b, "    title %q\n", mermaidText(c.Title))
	labels := make([]string, len(c.Labels))
	for i, l := range c.Labels {
		labels[i] = strconv.Quote(mermaidText(l))
	}
	// Lists are written without spaces, so that a long one is a single
	// word to markdownlint's line-length rule, which then lets it be.
	fmt.Fprintf(b, "    x-axis [%s]\n", strings.Join(labels, ","))
	top := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			top = math.Max(top, v)
		}
	}
	fmt.Fprintf(b, "    y-axis %q 0 --> %s\n", mermaidText(c.YLabel), num(niceCeil(top)))
	kind := "line"
	if c.Kind == Bars {
		kind = "bar"
	}
	for _, s := range c.Series {
		vals := make([]string, len(s.Values))
		for i, v := range s.Values {
			vals[i] = num(v)
		}
		fmt.Fprintf(b, "    %s [%s]\n", kind, strings.Join(vals, ","))
	}
	b.WriteString("```\n")
	if len(c.Series) > 1 {
		names := make([]string, len(c.Series))
		for i, s := range c.Series {
			names[i] = fmt.Sprintf("%d. %s", i+1, s.Name)
		}
		fmt.Fprintf(b, "\n%s\n", wrap(mdText("Series in order: "+strings.Join(names, "; ")+"."), 80))
	}
}

// writeMDTable writes a pipe table.
func writeMDTable(b *strings.Builder, t Table) {
	b.WriteString("\n")
	row := func(cells []string) {
		esc := make([]string, len(cells))
		for i, c := range cells {
			if c == "" {
				c = "–" // an empty cell reads as missing; a dash as not shown
			}
			esc[i] = strings.ReplaceAll(mdText(c), "|", `\|`)
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(esc, " | "))
	}
	row(t.Header)
	sep := make([]string, len(t.Header))
	for i := range sep {
		sep[i] = "---"
	}
	fmt.Fprintf(b, "| %s |\n", strings.Join(sep, " | "))
	for _, r := range t.Rows {
		row(r)
	}
}

// mdText keeps a line of text from being read as Markdown or HTML: a "<"
// that could open a tag is escaped ("<5" stays as it reads).
func mdText(s string) string {
	r := strings.NewReplacer("\n", " ", "\r", " ", "`", "'", "*", `\*`, "_", `\_`, "[", `\[`)
	s = r.Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && opensTag(s[i+1]) {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// opensTag reports whether c after "<" could start HTML.
func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// mermaidText keeps a label from breaking a Mermaid diagram.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "'", "\n", " ", "\r", " ").Replace(s)
}

// num writes a number with at most two decimals and no trailing zeros.
func num(v float64) string { return strconv.FormatFloat(round2(v), 'f', -1, 64) }

// niceCeil rounds a chart's top up to a readable value (1, 2 or 5 times a
// power of ten), at least 1.
func niceCeil(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// wrap breaks a paragraph into lines of at most width bytes at spaces
// (markdownlint's line-length rule); a longer word stands alone.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		switch {
		case n == 0:
		case n+1+len(w) > width && !startsBlock(w):
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// startsBlock reports whether a word at the start of a line would make it
// a list item, heading or quote.
func startsBlock(w string) bool {
	if strings.ContainsAny(w[:1], "#>-+*") {
		return true
	}
	i := strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' })
	return i > 0 && (w[i] == '.' || w[i] == ')')
}
