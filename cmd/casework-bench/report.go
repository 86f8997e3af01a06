package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// Targets of the figures (docs/performance.md).
const (
	maxValidateRatio = 1.3
	maxWarmRatio     = 0.2
	maxValidateMB    = 200
	maxNewRatio      = 1.5
	maxGrowth        = 11
)

func report(out io.Writer, all []figures) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cases\tfiles\tgenerate\tbare decode\tvalidate\t(x decode)\tcaseload warm\t(x decode)\tcase list warm\t(x decode)\tvalidate peak\tcaseload peak\tcase new empty\tcase new here\t(x empty)\t")
	for _, f := range all {
		gen := "kept"
		if f.gen > 0 {
			gen = sec(f.gen)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%.2f\t%s\t%.3f\t%s\t%.3f\t%s\t%s\t%s\t%s\t%.2f\t\n",
			f.cases, f.files, gen, sec(f.decode),
			sec(f.validate), ratio(f.validate, f.decode),
			sec(f.caseload), ratio(f.caseload, f.decode),
			sec(f.list), ratio(f.list, f.decode),
			mb(f.validateRSS), mb(f.caseloadRSS),
			ms(f.newEmpty), ms(f.newFull), ratio(f.newFull, f.newEmpty))
	}
	tw.Flush()
	fmt.Fprintln(out)
	last := all[len(all)-1]
	check(out, fmt.Sprintf("validate at most %.1fx the bare decode", maxValidateRatio), ratio(last.validate, last.decode) <= maxValidateRatio)
	check(out, fmt.Sprintf("warm caseload at most %.1fx the bare decode", maxWarmRatio), ratio(last.caseload, last.decode) <= maxWarmRatio)
	check(out, fmt.Sprintf("warm case list at most %.1fx the bare decode", maxWarmRatio), ratio(last.list, last.decode) <= maxWarmRatio)
	check(out, fmt.Sprintf("validate peak memory at %d cases under %d MB (%s)", last.cases, maxValidateMB, mb(last.validateRSS)), last.validateRSS < maxValidateMB<<20)
	check(out, fmt.Sprintf("case new at %d cases at most %.1fx an empty repository", last.cases, maxNewRatio), ratio(last.newFull, last.newEmpty) <= maxNewRatio)
	if len(all) > 1 {
		first := all[0]
		scale := float64(last.cases) / float64(first.cases)
		for _, g := range []struct {
			what     string
			from, to time.Duration
		}{{"validate", first.validate, last.validate}, {"warm caseload", first.caseload, last.caseload}, {"warm case list", first.list, last.list}} {
			growth := ratio(g.to, g.from)
			check(out, fmt.Sprintf("%s from %d to %d cases (%.0fx the cases) grows %.1fx, at most %dx", g.what, first.cases, last.cases, scale, growth, maxGrowth), growth <= maxGrowth)
		}
		// Not a target, but the floor under the growth of validate: when
		// the machine's caches cannot hold the larger repository, reading
		// each file costs more there, whatever reads it.
		fmt.Fprintf(out, "       (the bare decode itself grows %.1fx)\n", ratio(last.decode, first.decode))
	}
}

func check(out io.Writer, what string, ok bool) {
	mark := "met   "
	if !ok {
		mark = "MISSED"
	}
	fmt.Fprintf(out, "%s %s\n", mark, what)
}

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func sec(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%.0fms", float64(d)/float64(time.Millisecond)) }

func mb(b int64) string { return fmt.Sprintf("%d MB", b>>20) }
