package cmdutil

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/caseindex"
)

// CaseSummaries returns every case of the repository as the partial case
// the local index keeps (ID, phase, model, worker, client name, history,
// assessment levels, what is scheduled): enough for listing, due dates and
// caseloads, without parsing every file on every run. Files that fail to
// load are left out and their errors returned together.
func (f *Factory) CaseSummaries() ([]*casefile.Case, error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	return caseindex.Cases(repo)
}
