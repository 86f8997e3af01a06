package cmdutil

import (
	"errors"
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
)

// CaseSummaries returns every case of the repository as the partial case
// the local index keeps (see ops.Ops.Summaries), for a listing: a case
// file that does not load is left out with a warning on stderr that names
// it and the fix, and the command then exits 1 (Factory.Incomplete), so
// one broken file does not hide the rest of the agency and a script still
// notices. Any other error (the repository cannot be read) stops the
// command.
func (f *Factory) CaseSummaries() ([]*casefile.Case, error) {
	o, err := f.Ops()
	if err != nil {
		return nil, err
	}
	cases, err := o.Summaries()
	if err == nil {
		return cases, nil
	}
	broken, rest := splitFileErrors(err)
	if rest != nil {
		return nil, err
	}
	for _, fe := range broken {
		f.Warnf("skipped a case file that does not load: %s; fix it (run 'casework validate' to check every file)", firstProblem(fe))
	}
	f.incomplete = true
	return cases, nil
}

// Incomplete reports whether the command left out a case file that does
// not load (CaseSummaries): its answer is partial, and it exits 1.
func (f *Factory) Incomplete() bool { return f.incomplete }

// splitFileErrors separates the case files that failed to load from any
// other error in err, a list joined by caseindex.Cases.
func splitFileErrors(err error) (broken []*caseindex.FileError, rest []error) {
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	for _, e := range errs {
		var fe *caseindex.FileError
		if errors.As(e, &fe) {
			broken = append(broken, fe)
		} else {
			rest = append(rest, e)
		}
	}
	return broken, rest
}

// firstProblem says what is wrong with a case file in one line: its first
// problem, with the path, and how many more there are.
func firstProblem(fe *caseindex.FileError) string {
	var es casefile.Errors
	if errors.As(fe.Err, &es) && len(es) > 1 {
		return fmt.Sprintf("%s (and %d more problems)", es[0], len(es)-1)
	}
	msg := fe.Err.Error()
	if !strings.Contains(msg, fe.Path) {
		msg = fe.Path + ": " + msg
	}
	return msg
}
