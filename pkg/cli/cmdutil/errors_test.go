package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestExitCode(t *testing.T) {
	usage := Usagef("--month: %w", fs.ErrInvalid)
	tests := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{ErrFindings, ExitFindings},
		{fmt.Errorf("validate: %w", ErrFindings), ExitFindings},
		{usage, ExitUsage},
		{fmt.Errorf("case new: %w", usage), ExitUsage},
		{errors.New("cannot write"), ExitError},
	}
	for _, tt := range tests {
		if got := ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
	if !IsUsage(fmt.Errorf("x: %w", usage)) || IsUsage(errors.New("x")) {
		t.Error("IsUsage does not follow the chain")
	}
}

// TestUsagefKeepsChain: a usage error made from another error still
// answers errors.Is for it.
func TestUsagefKeepsChain(t *testing.T) {
	err := Usagef("--month: %w", fs.ErrInvalid)
	if !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("%v lost its cause", err)
	}
	if err.Error() != "--month: invalid argument" {
		t.Errorf("message %q", err.Error())
	}
}

// TestShowsUsage: a wrong call is followed by the usage, a refused value
// is not.
func TestShowsUsage(t *testing.T) {
	if !ShowsUsage(fmt.Errorf("x: %w", CallErrorf("takes no arguments"))) {
		t.Error("a wrong call does not show the usage")
	}
	if ShowsUsage(Usagef("unknown phase")) || !IsUsage(Usagef("unknown phase")) {
		t.Error("a refused value shows the usage, or is no usage error")
	}
}
