// Command casework-gen writes a synthetic case repository for benchmarks
// and tests:
//
//	casework-gen --cases 100000 --workers 700 --seed 1 DIR
//
// The same flags always give the same files, and every file passes
// `casework validate`. Cases carry households and networks that fit their
// stories (a family with children around the school and the GP, an adult
// living alone with a neighbour and the GP), some members assessed and
// some moving out; and every 40th case and the next share a child, a
// member of both households, for 'casework dupes' to find.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

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
	cfg := config.Default()
	opts := gen.Options{Dir: fl.Arg(0), Cases: *cases, Workers: *workers, Seed: *seed, End: endAt.UTC(), Years: *years}
	opts.Progress = tenths(os.Stderr)
	err = gen.Generate(opts, cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "casework-gen: %v\n", err)
		return 2
	}
	return 0
}

// tenths reports progress as a line on w at every tenth of the cases
// written: readable in a terminal and in a log alike.
func tenths(w io.Writer) func(done, total int) {
	var mu sync.Mutex
	shown := 0
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if total <= 0 {
			return
		}
		if tenth := done * 10 / total; tenth > shown {
			shown = tenth
			fmt.Fprintf(w, "casework-gen: %d/%d cases written\n", done, total)
		}
	}
}
