package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
	"github.com/casework/casework/pkg/gen"
	"github.com/casework/casework/pkg/store"
	"go.yaml.in/yaml/v3"
)

// shared is the synthetic repository the tests of this file share: made
// once, it is the slowest part of the tests.
var shared struct {
	sync.Once
	dir string
	err error
}

// generated makes (once) a synthetic repository of 300 cases and returns
// it with its cases as the index summarises them, and its workers.
func generated(t testing.TB) (string, Population) {
	t.Helper()
	shared.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "casework-report-")
		if shared.err == nil {
			shared.dir = filepath.Join(shared.dir, "agency")
			shared.err = gen.Generate(gen.Options{Dir: shared.dir, Cases: 300, Workers: 6, Seed: 7, Years: 2}, defaults(t))
		}
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	dir := shared.dir
	repo := &store.Repo{Root: dir}
	cases, err := caseindex.Cases(repo)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := repo.AllWorkers()
	if err != nil {
		t.Fatal(err)
	}
	var workers []casefile.Worker
	for _, w := range ws {
		workers = append(workers, w.Data)
	}
	return dir, Population{Cases: cases, Workers: workers}
}

// TestOutcomesMatchAnIndependentCount checks the outcomes report, computed
// from the case index, against a count made here from the raw YAML of the
// files, without casework's types, index or history reading.
func TestOutcomesMatchAnIndependentCount(t *testing.T) {
	dir, pop := generated(t)
	cfg := defaults(t)
	o := options("2024-06", "2026-02")
	rep := ComputeOutcomes(pop, cfg.Assessment, o)

	type key struct{ instrument, domain string }
	type pt struct {
		at    time.Time
		score int
	}
	files, _ := filepath.Glob(filepath.Join(dir, "cases", "*", "case.yaml"))
	sums := map[key][2]float64{} // sum of changes, clients
	improved := map[key]float64{}
	for _, path := range files {
		var raw struct {
			Assessments []struct {
				At         time.Time      `yaml:"at"`
				Member     string         `yaml:"member"`
				Instrument string         `yaml:"instrument"`
				Scores     map[string]int `yaml:"scores"`
			} `yaml:"assessments"`
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(data, &raw); err != nil {
			t.Fatal(err)
		}
		series := map[key][]pt{}
		for _, a := range raw.Assessments {
			if a.Member != "" || a.At.Before(o.From.Start()) || !a.At.Before(o.To.End()) {
				continue // a household member's assessment is not the client's outcome
			}
			for d, s := range a.Scores {
				if a.Instrument == "ssm" && s == 0 {
					continue
				}
				k := key{a.Instrument, d}
				series[k] = append(series[k], pt{a.At, s})
			}
		}
		for k, ps := range series {
			if len(ps) < 2 {
				continue
			}
			slices.SortStableFunc(ps, func(a, b pt) int { return a.at.Compare(b.at) })
			ch := float64(ps[len(ps)-1].score - ps[0].score)
			s := sums[k]
			sums[k] = [2]float64{s[0] + ch, s[1] + 1}
			if (k.instrument == "ssm" && ch > 0) || (k.instrument == "cans" && ch < 0) {
				improved[k]++
			}
		}
	}
	checked := 0
	for _, r := range rep.Rows {
		if r.Group != "all" {
			continue
		}
		k := key{r.Instrument, r.Domain}
		s := sums[k]
		if int(s[1]) < 5 {
			if !r.Clients.Suppressed {
				t.Errorf("%v: %v clients by hand, shown as %v", k, s[1], r.Clients)
			}
			continue
		}
		checked++
		if r.Clients.N != int(s[1]) || math.Abs(r.MeanChange-s[0]/s[1]) > 0.0051 || math.Abs(r.Improved-improved[k]/s[1]) > 0.0051 {
			t.Errorf("%v: report %v clients, change %v, improved %v; by hand %v, %v, %v",
				k, r.Clients, r.MeanChange, r.Improved, s[1], s[0]/s[1], improved[k]/s[1])
		}
	}
	if checked == 0 || len(sums) == 0 {
		t.Fatalf("nothing to compare: %d rows, %d domains by hand", len(rep.Rows), len(sums))
	}
}

// TestReportsNameNoClient writes every report in every format from a
// generated repository and looks for each client's name and each case ID.
func TestReportsNameNoClient(t *testing.T) {
	_, pop := generated(t)
	o := options("2024-01", "2026-02")
	o.MinCell = 1 // show every cell: the test is that no name is in them
	out := render(t, pop, o)
	for _, c := range pop.Cases {
		for _, part := range append(strings.Fields(c.Client.Name), c.ID) {
			if len(part) > 3 && strings.Contains(out, part) {
				t.Fatalf("a report carries %q of case %s", part, c.ID)
			}
		}
	}
}

// render writes the three reports as Markdown and HTML, checking each
// page is well-formed XML (the HTML is written so) and each Markdown
// document keeps the rules markdownlint checks by default that a
// generator can break.
func render(t *testing.T, pop Population, o Options) string {
	t.Helper()
	c := defaults(t)
	docs := []Doc{
		ComputeOutcomes(pop, c.Assessment, o).Doc(c.Assessment, o.minCell()),
		ComputeCaseload(pop, c.Caseload, o).Doc(o.minCell()),
		ComputeFlow(pop, c, o).Doc(o.minCell()),
	}
	var all strings.Builder
	for _, d := range docs {
		var md, page bytes.Buffer
		if err := WriteMarkdown(&md, d); err != nil {
			t.Fatal(err)
		}
		if err := WriteHTML(&page, d); err != nil {
			t.Fatal(err)
		}
		lintMarkdown(t, d.Title, md.String())
		wellFormed(t, d.Title, page.String())
		all.WriteString(md.String())
		all.WriteString(page.String())
	}
	return all.String()
}

// wellFormed checks that an HTML page, less its doctype, parses as XML
// with every element closed.
func wellFormed(t *testing.T, name, page string) {
	t.Helper()
	page = strings.TrimPrefix(page, "<!DOCTYPE html>\n")
	dec := xml.NewDecoder(strings.NewReader(page))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: HTML is not well-formed: %v", name, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 {
		t.Fatalf("%s: %d elements left open", name, depth)
	}
}

// lintMarkdown checks the markdownlint rules a generated document can
// break: one top-level heading first (MD041, MD025), headings one level
// deeper at a time (MD001) with blank lines around them (MD022), blank
// lines around fences (MD031) and tables (MD058), fences with a language
// (MD040), no trailing spaces (MD009), no double blank lines (MD012), one
// final newline (MD047), and tables whose rows have as many cells as
// their header (MD056).
func lintMarkdown(t *testing.T, name, md string) {
	t.Helper()
	if !strings.HasPrefix(md, "# ") || strings.Count(md, "\n# ") > 0 {
		t.Errorf("%s: not one top-level heading first", name)
	}
	if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
		t.Errorf("%s: not one final newline", name)
	}
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	blank := func(i int) bool { return i < 0 || i >= len(lines) || lines[i] == "" }
	level, fence, cells := 0, false, 0
	for i, l := range lines {
		where := fmt.Sprintf("%s line %d", name, i+1)
		if i := strings.LastIndex(l, " "); len(l) > 80 && i >= 80 {
			t.Errorf("%s: longer than 80 columns with a space past them (MD013)", where)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("%s: trailing space", where)
		}
		if l == "" && i > 0 && lines[i-1] == "" {
			t.Errorf("%s: two blank lines", where)
		}
		if strings.HasPrefix(l, "```") {
			if !fence && (l == "```" || !blank(i-1)) {
				t.Errorf("%s: fence without a language or blank line before", where)
			}
			if fence && !blank(i+1) {
				t.Errorf("%s: no blank line after a fence", where)
			}
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if h := len(l) - len(strings.TrimLeft(l, "#")); h > 0 && strings.HasPrefix(l[h:], " ") {
			if h > level+1 || !blank(i-1) && i > 0 || !blank(i+1) {
				t.Errorf("%s: heading out of order or without blank lines: %q", where, l)
			}
			level = h
		}
		if strings.HasPrefix(l, "|") {
			n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") - 1
			if blank(i - 1) {
				cells = n
			} else if n != cells {
				t.Errorf("%s: %d cells, header has %d", where, n, cells)
			}
			if blank(i-1) == blank(i+1) && blank(i-1) {
				t.Errorf("%s: a table of one line", where)
			}
		} else if i > 0 && strings.HasPrefix(lines[i-1], "|") && l != "" {
			t.Errorf("%s: no blank line after a table", where)
		}
	}
	if fence {
		t.Errorf("%s: a fence left open", name)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(filepath.Dir(shared.dir))
	}
	os.Exit(code)
}

// BenchmarkReports computes the three reports over the generated
// repository's cases as the index gives them (the warm path of `casework
// report`, less reading the index).
func BenchmarkReports(b *testing.B) {
	_, pop := generated(b)
	cfg := defaults(b)
	o := options("2024-01", "2026-02")
	for b.Loop() {
		ComputeOutcomes(pop, cfg.Assessment, o)
		ComputeCaseload(pop, cfg.Caseload, o)
		ComputeFlow(pop, cfg, o)
	}
}
