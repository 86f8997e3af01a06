// Command casework-gen writes a synthetic case repository for benchmarks
// and tests:
//
//	casework-gen --cases 100000 --workers 700 --seed 1 DIR
//
// The same flags always give the same files, and every file passes
// `casework validate`.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/gen"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	fl := flag.NewFlagSet("casework-gen", flag.ContinueOnError)
	cases := fl.Int("cases", 1000, "number of cases")
	workers := fl.Int("workers", 0, "number of workers (default: one per 50 cases, at least 5)")
	seed := fl.Uint64("seed", 1, "random seed: the same seed gives the same repository")
	years := fl.Int("years", 5, "how many years of history before --end")
	end := fl.String("end", gen.DefaultEnd.Format(time.RFC3339), "`TIME` the synthetic history stops at (RFC 3339)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: casework-gen [--cases N] [--workers W] [--seed S] DIR")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	endAt, err := time.Parse(time.RFC3339, *end)
	if err != nil {
		fmt.Fprintf(os.Stderr, "casework-gen: --end: %v\n", err)
		return 2
	}
	if *workers == 0 {
		*workers = max(5, *cases/50)
	}
	cfg, err := cmdutil.LoadConfig(config.DefaultYAML)
	if err != nil {
		fmt.Fprintf(os.Stderr, "casework-gen: %v\n", err)
		return 2
	}
	opts := gen.Options{Dir: fl.Arg(0), Cases: *cases, Workers: *workers, Seed: *seed, End: endAt.UTC(), Years: *years}
	progress := cmdutil.NewProgress(os.Stderr, "writing cases")
	opts.Progress = progress.Update
	err = gen.Generate(opts, cfg)
	progress.Done()
	if err != nil {
		fmt.Fprintf(os.Stderr, "casework-gen: %v\n", err)
		return 2
	}
	return 0
}
