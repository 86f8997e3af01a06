// Command casework-bench measures casework on generated repositories and
// prints tables of figures, each relative to a yardstick measured in the
// same run on the same machine:
//
//	casework-bench --sizes 10000,100000 --dir bench
//
// For each size it generates a repository with casework-gen (kept under
// --dir for the next run), then times a bare parallel yaml.Node decode of
// every file (finding them as validate does) and `validate --no-cache`,
// alternately; a warm `caseload` and `case list`; `case new` in the big
// repository against an empty one; and every other command that reads the
// whole repository (county.go): dupes, fmt --check cold and warm, export
// csv, render --all, export fhir --all, the three reports, validate with 3
// case files changed, and case new of a likely duplicate. Each figure
// comes with the child's peak memory (rusage maxrss) and, where there is
// one, its target. Last, the recall and precision of dupes on a planted
// set. `make bench` runs it; docs/performance.md explains the method.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run())
}

// config is the command line.
type config struct {
	sizes  []int
	dir    string
	bin    string
	gen    string
	runs   int
	fresh  bool
	events int

	skip    []string // commands not to measure (-skip)
	created []string // case directories made by case new, removed after each size
}

func run() int {
	var c config
	sizes := flag.String("sizes", "10000,100000", "comma-separated numbers of cases")
	flag.StringVar(&c.dir, "dir", "bench", "where the generated repositories are kept")
	flag.StringVar(&c.bin, "casework", "bin/casework", "the casework binary")
	flag.StringVar(&c.gen, "gen", "bin/casework-gen", "the casework-gen binary")
	flag.IntVar(&c.runs, "runs", 3, "timed runs of each command; the fastest counts")
	flag.BoolVar(&c.fresh, "fresh", false, "generate the repositories again")
	flag.IntVar(&c.events, "new", 7, "case new runs in each repository; the median counts")
	skip := flag.String("skip", "", "comma-separated commands of the county table not to measure, as named there (\"export fhir --all\"), to save time")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "casework-bench: bad --sizes %q\n", *sizes)
			return 2
		}
		c.sizes = append(c.sizes, n)
	}
	for _, s := range strings.Split(*skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			c.skip = append(c.skip, s)
		}
	}
	if err := c.measure(os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "casework-bench: %v\n", err)
		return 1
	}
	return 0
}

// figures are the measurements of one repository size.
type figures struct {
	cases                    int
	files                    int // files the yardstick decoded
	gen                      time.Duration
	decode                   time.Duration
	validate, caseload, list time.Duration
	validateRSS, caseloadRSS int64 // bytes
	newEmpty, newFull        time.Duration
	county                   countyFigures // issue 20 (county.go)
}

func (c *config) measure(out io.Writer) error {
	fmt.Fprintf(out, "casework-bench: %s/%s, %d CPUs, %s; started %s, load average %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), time.Now().UTC().Format(time.RFC3339), loadAverage())
	defer func() {
		fmt.Fprintf(out, "\nfinished %s, load average %s\n", time.Now().UTC().Format(time.RFC3339), loadAverage())
	}()
	var all []figures
	for _, n := range c.sizes {
		f, err := c.measureSize(n)
		if err != nil {
			return err
		}
		all = append(all, f)
	}
	status(0, "dupes recall on a planted set")
	q := recall()
	report(out, all)
	reportCounty(out, all, q)
	return nil
}

func (c *config) measureSize(n int) (figures, error) {
	f := figures{cases: n}
	repo := filepath.Join(c.dir, fmt.Sprintf("repo-%d", n))
	if c.fresh {
		os.RemoveAll(repo)
	}
	if _, err := os.Stat(filepath.Join(repo, ".casework.yaml")); err != nil {
		os.RemoveAll(repo)
		start := time.Now()
		if _, err := c.exec("", c.gen, "--cases", strconv.Itoa(n), "--seed", "1", repo); err != nil {
			return f, err
		}
		f.gen = time.Since(start)
	}
	status(n, "decode and validate (load average "+loadAverage()+")")
	if err := c.decodeAndValidate(repo, &f); err != nil {
		return f, err
	}
	status(n, "caseload")
	// Warm: the first run builds the index; the second finds the case
	// files' metadata back in the caches that validate's runs crowded out.
	for range 2 {
		c.timed(repo, "caseload")
	}
	f.caseload = fastest(c.runs, func() (time.Duration, int64, error) {
		return c.timed(repo, "caseload")
	}, &f.caseloadRSS)
	f.list = fastest(c.runs, func() (time.Duration, int64, error) {
		return c.timed(repo, "case", "list")
	}, nil)
	status(n, "case new")
	empty := filepath.Join(c.dir, "empty")
	os.RemoveAll(empty)
	if _, err := c.exec("", c.bin, "init", empty); err != nil {
		return f, err
	}
	if _, err := c.exec("", c.bin, "--dir", empty, "worker", "add", "w-0001", "--name", "Bench Worker"); err != nil {
		return f, err
	}
	defer c.removeCreated()
	f.newEmpty = c.medianNew(empty)
	f.newFull = c.medianNew(repo)
	defer os.RemoveAll(empty)
	f.county.emptyRepo = empty
	if err := c.measureCounty(repo, &f); err != nil {
		return f, err
	}
	return f, nil
}

// decodeAndValidate times the yardstick and validate, alternately, so that
// both meet the same state of the machine's caches; each once untimed
// first, then -runs times, the fastest counting. At 100,000 cases the files
// and their directories may not all stay in the page cache between runs,
// and then any one run can be slowed by the disk.
func (c *config) decodeAndValidate(repo string, f *figures) error {
	if _, _, err := bareDecode(repo); err != nil {
		return err
	}
	if _, _, err := c.timed(repo, "validate", "--no-cache"); err != nil {
		return err
	}
	for range c.runs {
		d, files, err := bareDecode(repo)
		if err != nil {
			return err
		}
		v, rss, err := c.timed(repo, "validate", "--no-cache") // cold: every file read
		if err != nil {
			return err
		}
		f.files = files
		f.decode = shortest(f.decode, d)
		f.validate = shortest(f.validate, v)
		f.validateRSS = max(f.validateRSS, rss)
	}
	return nil
}

// shortest is the shorter of two times, where 0 means none yet.
func shortest(a, b time.Duration) time.Duration {
	if a == 0 || b < a {
		return b
	}
	return a
}

// medianNew is the median time of `case new` in repo, after one untimed
// (which finds what an earlier run changed: the key index, the tally).
func (c *config) medianNew(repo string) time.Duration {
	c.newCase(repo, "case", "new", "--client", "Bench Client", "--worker", "w-0001")
	var times []time.Duration
	for range c.events {
		d, _, err := c.newCase(repo, "case", "new", "--client", "Bench Client", "--worker", "w-0001")
		if err == nil {
			times = append(times, d)
		}
	}
	if len(times) == 0 {
		return 0
	}
	slices.Sort(times)
	return times[len(times)/2]
}

// timed runs casework in repo and returns its wall time and peak memory.
func (c *config) timed(repo string, args ...string) (time.Duration, int64, error) {
	start := time.Now()
	ps, err := c.exec(repo, c.bin, append([]string{"--dir", repo}, args...)...)
	elapsed := time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	return elapsed, maxRSS(ps), nil
}

// execOut runs a command with the user set and returns its output.
func (c *config) execOut(name string, args ...string) (*os.ProcessState, string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "CASEWORK_USER=w-0001")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return cmd.ProcessState, "", fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, firstLine(stderr.String()))
	}
	return cmd.ProcessState, stdout.String(), nil
}

// exec runs a command, discarding its output, with the user set.
func (c *config) exec(_ string, name string, args ...string) (*os.ProcessState, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "CASEWORK_USER=w-0001")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err != nil {
		return cmd.ProcessState, fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, firstLine(stderr.String()))
	}
	return cmd.ProcessState, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// maxRSS is the child's peak resident memory in bytes (Linux reports
// kilobytes; macOS bytes).
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return ru.Maxrss
	}
	return ru.Maxrss * 1024
}

// fastest runs measure runs times and returns the fastest time; rss, when
// given, gets the largest peak memory seen. A failed run stops the
// program: the figures would be meaningless.
func fastest(runs int, measure func() (time.Duration, int64, error), rss *int64) time.Duration {
	best := time.Duration(0)
	for range runs {
		d, mem, err := measure()
		if err != nil {
			fmt.Fprintf(os.Stderr, "casework-bench: %v\n", err)
			os.Exit(1)
		}
		best = shortest(best, d)
		if rss != nil && mem > *rss {
			*rss = mem
		}
	}
	return best
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes
// (Linux), or "unknown": figures taken on a busy machine are noisier.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func status(n int, what string) {
	if n == 0 {
		fmt.Fprintf(os.Stderr, "casework-bench: %s: %s\n", time.Now().UTC().Format("15:04:05"), what)
		return
	}
	fmt.Fprintf(os.Stderr, "casework-bench: %s: %d cases: %s\n", time.Now().UTC().Format("15:04:05"), n, what)
}
