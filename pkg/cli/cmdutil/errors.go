// Package cmdutil holds what every command shares: the Factory, the exit
// codes and the helpers for flags and arguments.
package cmdutil

import (
	"errors"
	"fmt"
)

// Exit codes, for every command.
const (
	ExitOK       = 0 // success
	ExitFindings = 1 // the command ran and found what the caller asked about
	ExitError    = 2 // the command could not do what was asked
)

// ErrFindings is returned by a command that has already reported what it
// found (validate findings, caseload thresholds crossed): exit 1, with
// nothing more printed.
var ErrFindings = errors.New("findings reported")

// UsageError is a mistake in how the command was called or in the values
// given to it. Hint asks for the pointer to --help (wrong flags or
// arguments).
type UsageError struct {
	Err  error
	Hint bool
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ExitCode maps an error from a command to the process exit code.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrFindings):
		return ExitFindings
	}
	return ExitError
}
