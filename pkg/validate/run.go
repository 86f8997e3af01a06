package validate

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
	"go.yaml.in/yaml/v3"
)

// Options say what to validate.
type Options struct {
	// Root is the repository's root directory.
	Root string
	// Config is the effective configuration (defaults, file, environment).
	Config *config.Config
	// Now is the current time: nothing may be dated after it.
	Now time.Time
	// Base, when set, is the repository at an earlier git revision to
	// compare with (--against).
	Base *Base
	// Progress, when set, is called as cases are checked, from any
	// goroutine, with how many are done out of how many.
	Progress func(done, total int)
	// NoCache reads and checks every file, neither reading nor writing
	// the cache of findings (CachePath).
	NoCache bool
	// stats, when set, learns which case directories were checked
	// rather than taken from the cache (for tests).
	stats *runStats
}

// runStats is what a run tells a test of its use of the cache.
type runStats struct {
	checked []string // the case directories checked, sorted
}

// Base is the repository at a git revision: its files by path.
type Base struct {
	Rev   string
	Files map[string][]byte
}

// validator holds what one run has loaded and found.
type validator struct {
	Options
	findings []Finding
	// known is the workers, resources and configuration of the run,
	// which the checks of a case read through its accessors (known.go).
	known *known
	// reads is what the checks of one case read of known; nil but in
	// the validator of one case.
	reads *reads
	// clock is the time, which the checks of a case read through its
	// accessors (clock.go).
	clock *clock
	cases []*caseRecord
	// caseLinks are the links checkCases found in the case directories
	// it checked.
	caseLinks []string
}

// caseRecord is a loaded case file.
type caseRecord struct {
	*record
	dir  string
	data casefile.Case
}

// Run checks the whole repository from disk and returns every finding,
// sorted. It returns an error only when it could not read the repository.
func Run(opts Options) ([]Finding, error) {
	v := &validator{Options: opts, known: newKnown(opts.Config), clock: &clock{now: opts.Now}}
	repo, err := store.Open(opts.Root)
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	l, err := readLayout(repo)
	if err != nil {
		return nil, err
	}
	v.findings = append(v.findings, l.strays...)
	v.checkConfig()
	v.loadWorkers(repo, l.workers)
	v.loadResources(repo, l.resources)
	v.known.index()
	if err := v.checkCases(repo, l.cases); err != nil {
		return nil, err
	}
	v.findings = append(v.findings, linkFindings(repo, v.findings, l, v.caseLinks)...)
	if opts.Base != nil {
		v.against(opts.Base)
	}
	Sort(v.findings)
	return v.findings, nil
}

// add records a finding at a key path of rec.
func (v *validator) add(rec *record, key string, sev Severity, rule, format string, args ...any) {
	line, col := rec.pos(key)
	v.findings = append(v.findings, at(rec.path, line, col, sev, rule, format, args...))
}

// readRecord reads and decodes one YAML record, with its problems.
func readRecord(repo *store.Repo, rel string, out any) (*record, []Finding) {
	data, err := repo.ReadFile(rel)
	if err != nil {
		return nil, []Finding{ReadFailure(rel, err)}
	}
	return parse(rel, data, out)
}

// requireValues reports required keys that are missing (unless the
// decoder already did) or empty.
func (v *validator) requireValues(rec *record, keys ...string) {
	if rec.root == nil {
		return
	}
	for _, key := range keys {
		n, found := Lookup(rec.root, key)
		if !found {
			parent, name := "", key
			if i := strings.LastIndexByte(key, '.'); i >= 0 {
				parent, name = key[:i], key[i+1:]
			}
			if v.reported(rec.path, prefixed(parent, fmt.Sprintf("missing required key %q", name))) {
				continue
			}
			if _, ok := Lookup(rec.root, parent); parent != "" && !ok {
				continue // the parent is missing: reported once, for it
			}
			v.add(rec, parent, Error, "missing-key", "%s", prefixed(parent, fmt.Sprintf("missing required key %q", name)))
			continue
		}
		if n.Kind == yaml.ScalarNode && (n.Value == "" || n.Tag == "!!null") {
			v.add(rec, key, Error, "empty-value", "%s must not be empty", key)
		}
	}
}

func prefixed(where, msg string) string {
	if where == "" {
		return msg
	}
	return where + ": " + msg
}

// reported reports whether a finding with this message was already made
// for path.
func (v *validator) reported(path, msg string) bool {
	for _, f := range v.findings {
		if f.Path == path && f.Message == msg {
			return true
		}
	}
	return false
}
