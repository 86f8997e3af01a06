// Package identity decides who is acting: the claim a caller makes (--as,
// CASEWORK_USER, user in the configuration, git's user.email) must resolve
// to one worker of the repository, by ID or by e-mail address. Nothing is
// recorded under a name that is not a worker.
package identity

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// Claim is who a caller says they are, and where that came from.
type Claim struct {
	// Value is a worker ID or an e-mail address.
	Value string
	// Source names where the value came from, for messages: "--as",
	// "CASEWORK_USER", "user in .casework.yaml", "git's user.email".
	Source string
}

// Directory is the repository's workers, as the resolver needs them.
type Directory interface {
	// Worker returns the worker with the given ID; found is false when
	// there is none.
	Worker(id string) (w casefile.Worker, found bool, err error)
	// Workers returns every worker.
	Workers() ([]casefile.Worker, error)
}

// ErrNoClaim is returned by Resolve when nobody said who is acting.
var ErrNoClaim = errors.New("cannot tell who is acting: pass --as WORKER, set CASEWORK_USER=WORKER, set user: WORKER in .casework.yaml, or set git's user.email to a worker's email (casework worker list shows the workers)")

// Resolve returns the worker the first non-empty claim names. A value
// with an @ is matched against the workers' e-mail addresses (case does
// not matter); any other value is a worker ID. An e-mail address that two
// workers share is refused rather than guessed. A worker who retired
// (worker retire) no longer acts for the agency, and is refused too.
func Resolve(dir Directory, claims ...Claim) (casefile.Worker, error) {
	w, source, err := resolve(dir, claims)
	if err == nil && w.IsRetired() {
		return casefile.Worker{}, fmt.Errorf("%s names worker %s, who retired on %s and no longer acts for the agency: act as a current worker with --as WORKER or CASEWORK_USER", source, w.ID, w.Retired.Date())
	}
	return w, err
}

// resolve finds the worker the first non-empty claim names, and says
// which claim named them.
func resolve(dir Directory, claims []Claim) (casefile.Worker, string, error) {
	var claim Claim
	for _, c := range claims {
		if v := strings.TrimSpace(c.Value); v != "" {
			claim = Claim{Value: v, Source: c.Source}
			break
		}
	}
	if claim.Value == "" {
		return casefile.Worker{}, "", ErrNoClaim
	}
	if !strings.Contains(claim.Value, "@") {
		w, found, err := dir.Worker(claim.Value)
		if err != nil || found {
			return w, claim.Source, err
		}
	}
	workers, err := dir.Workers()
	if err != nil {
		return casefile.Worker{}, "", err
	}
	var matches []casefile.Worker
	for _, w := range workers {
		if w.Email != "" && strings.EqualFold(w.Email, claim.Value) {
			matches = append(matches, w)
		}
	}
	switch {
	case len(matches) == 1:
		return matches[0], claim.Source, nil
	case len(matches) > 1:
		ids := make([]string, len(matches))
		for i, w := range matches {
			ids[i] = w.ID
		}
		sort.Strings(ids)
		return casefile.Worker{}, "", fmt.Errorf("%s %q is the email of more than one worker (%s): pass --as with the worker ID, and give each worker their own email", claim.Source, claim.Value, strings.Join(ids, ", "))
	case len(workers) == 0:
		return casefile.Worker{}, "", fmt.Errorf("the repository has no workers yet: add the first with 'casework worker add ID --name NAME --email EMAIL'")
	}
	what := "the ID"
	if strings.Contains(claim.Value, "@") {
		what = "the email"
	}
	msg := fmt.Sprintf("%s %q is not %s of any worker in workers/", claim.Source, claim.Value, what)
	if near := closest(claim.Value, workers); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return casefile.Worker{}, "", errors.New(msg + ": act as a worker with --as WORKER or CASEWORK_USER, or add yourself with 'casework worker add' (casework worker list shows the workers)")
}

// closest returns the worker ID nearest to value, when it is near enough
// to be a typo.
func closest(value string, workers []casefile.Worker) string {
	ids := make([]string, len(workers))
	for i, w := range workers {
		ids[i] = w.ID
	}
	return casefile.Closest(value, ids)
}

// MapDirectory is a Directory over workers held in memory, by ID.
type MapDirectory map[string]casefile.Worker

// Worker implements Directory.
func (m MapDirectory) Worker(id string) (casefile.Worker, bool, error) {
	w, ok := m[id]
	return w, ok, nil
}

// Workers implements Directory.
func (m MapDirectory) Workers() ([]casefile.Worker, error) {
	out := make([]casefile.Worker, 0, len(m))
	for _, w := range m {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
