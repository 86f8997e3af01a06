package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"
	"time"

	"go.yaml.in/yaml/v3"
)

// countyFigures are the commands of issue 20 ("every command at county
// scale"), each the fastest of -runs after untimed runs that warm what it
// keeps (the case index, the key index).
type countyFigures struct {
	dupes, fmtCheck, exportCSV, renderAll, exportFHIR time.Duration
	dupesRSS, fmtRSS, exportRSS, renderRSS            int64
	newDupe                                           time.Duration // case new of a client the repository has
	validateWarm                                      time.Duration // with its cache, 3 case files changed
}

// Targets of issue 20, as ratios to the bare decode (fmt --check to
// validate, case new's warning to case new in an empty repository).
const (
	maxDupesRatio     = 0.1
	maxFmtRatio       = 1.2 // of validate
	maxExportCSVRatio = 0.2
	maxRenderRatio    = 1.5
	maxNewDupeRatio   = 1.2 // of case new in an empty repository
	maxValidateWarm   = 0.05
)

// measureCounty times dupes, fmt --check, export csv, render --all,
// export fhir --all and case new of a likely duplicate in repo.
func (c *config) measureCounty(repo string, f *figures) error {
	n := f.cases
	cf := &f.county
	out, err := os.MkdirTemp(c.dir, "out-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	for _, m := range []struct {
		what string
		d    *time.Duration
		rss  *int64
		args []string
	}{
		{"dupes", &cf.dupes, &cf.dupesRSS, []string{"dupes"}},
		{"fmt --check", &cf.fmtCheck, &cf.fmtRSS, []string{"fmt", "--check"}},
		{"export csv", &cf.exportCSV, &cf.exportRSS, []string{"export", "csv"}},
		{"render --all", &cf.renderAll, &cf.renderRSS, []string{"render", "--all", "--out", filepath.Join(out, "plans")}},
		{"export fhir --all", &cf.exportFHIR, nil, []string{"export", "fhir", "--all", "--out", filepath.Join(out, "fhir")}},
	} {
		status(n, m.what)
		if _, _, err := c.timedFindings(repo, m.args...); err != nil { // warms what it keeps
			return err
		}
		*m.d = fastest(c.runs, func() (time.Duration, int64, error) {
			return c.timedFindings(repo, m.args...)
		}, m.rss)
	}
	status(n, "validate, warm, 3 case files changed")
	if _, _, err := c.timedFindings(repo, "validate"); err != nil { // builds its cache
		return err
	}
	cf.validateWarm = fastest(c.runs, func() (time.Duration, int64, error) {
		restore, err := changeCases(repo, 3)
		if err != nil {
			return 0, 0, err
		}
		defer restore()
		return c.timedFindings(repo, "validate")
	}, nil)
	status(n, "case new of a likely duplicate")
	name, dob, err := firstClient(repo)
	if err != nil {
		return err
	}
	var times []time.Duration
	for range c.events {
		args := []string{"case", "new", "--client", name, "--worker", "w-0001"}
		if dob != "" {
			args = append(args, "--dob", dob)
		}
		d, _, err := c.timed(repo, args...)
		if err != nil {
			return err
		}
		times = append(times, d)
	}
	slices.Sort(times)
	cf.newDupe = times[len(times)/2]
	return nil
}

// timedFindings is timed, where exit status 1 (findings: pairs listed,
// files to format) counts as success.
func (c *config) timedFindings(repo string, args ...string) (time.Duration, int64, error) {
	start := time.Now()
	ps, err := c.exec(repo, c.bin, append([]string{"--dir", repo}, args...)...)
	elapsed := time.Since(start)
	if err != nil && (ps == nil || ps.ExitCode() != 1) {
		return 0, 0, err
	}
	return elapsed, maxRSS(ps), nil
}

// changeCases appends a comment to the first n case files, with distinct
// times a minute back (as a worker's edits), and returns what puts them
// back as they were, times included.
func changeCases(repo string, n int) (func(), error) {
	entries, err := os.ReadDir(filepath.Join(repo, "cases"))
	if err != nil {
		return nil, err
	}
	var undo []func()
	restore := func() {
		for _, u := range undo {
			u()
		}
	}
	for i, e := range entries[:min(n, len(entries))] {
		path := filepath.Join(repo, "cases", e.Name(), "case.yaml")
		info, err := os.Stat(path)
		if err != nil {
			restore()
			return nil, err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			restore()
			return nil, err
		}
		if err := os.WriteFile(path, append(slices.Clone(data), "# changed by casework-bench\n"...), 0o600); err != nil {
			restore()
			return nil, err
		}
		at := time.Now().Add(-time.Minute - time.Duration(i)*time.Second)
		os.Chtimes(path, at, at)
		undo = append(undo, func() {
			os.WriteFile(path, data, 0o600)
			os.Chtimes(path, info.ModTime(), info.ModTime())
		})
	}
	return restore, nil
}

// firstClient is the name and date of birth of the client of the
// repository's first case, for a case new that duplicates it.
func firstClient(repo string) (name, dob string, err error) {
	entries, err := os.ReadDir(filepath.Join(repo, "cases"))
	if err != nil || len(entries) == 0 {
		return "", "", fmt.Errorf("no cases in %s: %v", repo, err)
	}
	data, err := os.ReadFile(filepath.Join(repo, "cases", entries[0].Name(), "case.yaml"))
	if err != nil {
		return "", "", err
	}
	var c struct {
		Client struct {
			Name string `yaml:"name"`
			DOB  string `yaml:"dob"`
		} `yaml:"client"`
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		return "", "", err
	}
	return c.Client.Name, c.Client.DOB, nil
}

// reportCounty prints the figures of issue 20 and checks its targets.
func reportCounty(out io.Writer, all []figures) {
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cases\tbare decode\tdupes warm\t(x decode)\tfmt --check\t(x validate)\texport csv warm\t(x decode)\trender --all\t(x decode)\texport fhir --all\t(x decode)\tcase new, likely duplicate\t(x empty)\tvalidate warm, 3 changed\t(x decode)\tdupes peak\tfmt peak\texport csv peak\trender peak\t")
	for _, f := range all {
		cf := f.county
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.3f\t%s\t%.2f\t%s\t%.3f\t%s\t%.2f\t%s\t%.2f\t%s\t%.2f\t%s\t%.3f\t%s\t%s\t%s\t%s\t\n",
			f.cases, sec(f.decode),
			sec(cf.dupes), ratio(cf.dupes, f.decode),
			sec(cf.fmtCheck), ratio(cf.fmtCheck, f.validate),
			sec(cf.exportCSV), ratio(cf.exportCSV, f.decode),
			sec(cf.renderAll), ratio(cf.renderAll, f.decode),
			sec(cf.exportFHIR), ratio(cf.exportFHIR, f.decode),
			ms(cf.newDupe), ratio(cf.newDupe, f.newEmpty),
			sec(cf.validateWarm), ratio(cf.validateWarm, f.decode),
			mb(cf.dupesRSS), mb(cf.fmtRSS), mb(cf.exportRSS), mb(cf.renderRSS))
	}
	tw.Flush()
	fmt.Fprintln(out)
	last := all[len(all)-1]
	lc := last.county
	at := fmt.Sprintf(" (%d cases)", last.cases)
	check(out, fmt.Sprintf("warm dupes at most %.1fx the bare decode", maxDupesRatio)+at, ratio(lc.dupes, last.decode) <= maxDupesRatio)
	check(out, fmt.Sprintf("fmt --check at most %.1fx validate", maxFmtRatio)+at, ratio(lc.fmtCheck, last.validate) <= maxFmtRatio)
	check(out, fmt.Sprintf("warm export csv at most %.1fx the bare decode", maxExportCSVRatio)+at, ratio(lc.exportCSV, last.decode) <= maxExportCSVRatio)
	check(out, fmt.Sprintf("render --all at most %.1fx the bare decode", maxRenderRatio)+at, ratio(lc.renderAll, last.decode) <= maxRenderRatio)
	check(out, fmt.Sprintf("case new of a likely duplicate at most %.1fx case new in an empty repository", maxNewDupeRatio)+at, ratio(lc.newDupe, last.newEmpty) <= maxNewDupeRatio)
	check(out, fmt.Sprintf("validate with 3 case files changed, warm, at most %.2fx the bare decode", maxValidateWarm)+at, ratio(lc.validateWarm, last.decode) <= maxValidateWarm)
	fmt.Fprintln(out, "       (dupes recall and precision: BenchmarkRecall in pkg/dupes)")
}
