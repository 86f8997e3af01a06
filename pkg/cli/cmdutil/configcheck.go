package cmdutil

import (
	"errors"
	"fmt"

	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/validate"
)

// checkConfig refuses to write while the configuration has an error that
// validate would report (validate.ConfigFindings: an empty or broken
// workflow, no closure reasons, risk levels that do not agree, ...): one
// line saying so, then each problem with its position. It runs once, at
// a command's first write (beforeWrite), so commands that only read still
// work in a repository whose configuration needs fixing.
func (f *Factory) checkConfig() error {
	data, err := f.repo.ReadFile(config.FileName)
	if err != nil {
		return err
	}
	var problems []error
	for _, fd := range validate.ConfigFindings(data, f.cfg) {
		if fd.Severity == validate.Error {
			problems = append(problems, errors.New(fd.String()))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	//lint:ignore ST1005 a header line that ends in a colon: the problems follow, one a line
	head := fmt.Errorf("the configuration in %s has %s, so casework changes nothing until it is fixed ('casework validate' checks it):", config.FileName, Plural(len(problems), "error", "errors"))
	return errors.Join(append([]error{head}, problems...)...)
}
