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
	// ExitUsage is for a command called wrongly (unknown command or flag,
	// wrong arguments, a value out of range): it did nothing.
	ExitUsage = 2
)

// ErrFindings is returned by a command that has already reported what it
// found (validate findings, caseload thresholds crossed): exit 1, with
// nothing more printed.
var ErrFindings = errors.New("findings reported")

// UsageError is a mistake in how the command was called or in the values
// given to it. It decides the exit code (ExitUsage); when ShowUsage is set
// (the call itself was wrong: an unknown command or flag, the wrong
// arguments, an -o the command does not print) the message is followed by
// the command's usage line and a pointer to --help. A refused value is one
// line that says how to fix it.
type UsageError struct {
	Err       error
	ShowUsage bool
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a UsageError for a value the command refuses. As with
// fmt.Errorf, %w keeps the wrapped error in the chain.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// CallErrorf returns a UsageError for a wrong call (unknown command or
// flag, wrong arguments), which is followed by the command's usage.
func CallErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...), ShowUsage: true}
}

// ShowsUsage reports whether err is, or wraps, a UsageError that is
// followed by the command's usage.
func ShowsUsage(err error) bool {
	var usage *UsageError
	return errors.As(err, &usage) && usage.ShowUsage
}

// IsUsage reports whether err is, or wraps, a UsageError.
func IsUsage(err error) bool {
	var usage *UsageError
	return errors.As(err, &usage)
}

// ExitCode maps an error from a command to the process exit code.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrFindings):
		return ExitFindings
	case IsUsage(err):
		return ExitUsage
	}
	return ExitError
}
