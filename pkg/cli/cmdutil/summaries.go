package cmdutil

import (
	"github.com/casework/casework/pkg/casefile"
)

// CaseSummaries returns every case of the repository as the partial case
// the local index keeps; see ops.Ops.Summaries.
func (f *Factory) CaseSummaries() ([]*casefile.Case, error) {
	o, err := f.Ops()
	if err != nil {
		return nil, err
	}
	return o.Summaries()
}

// EachCaseSummary is CaseSummaries one case at a time, for a command that
// keeps only what it computes from each; see ops.Ops.EachSummary.
func (f *Factory) EachCaseSummary(fn func(n int, c *casefile.Case)) error {
	o, err := f.Ops()
	if err != nil {
		return err
	}
	return o.EachSummary(fn)
}
