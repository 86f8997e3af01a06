package cmdutil

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestAmountFlags: an amount flag refuses what casefile.CheckAmount
// refuses, in one line that names the flag and not the value; other
// number flags too; a negative number among the arguments gets the hint
// about '--'.
func TestAmountFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string // "" when accepted
	}{
		{[]string{"--cost", "12.50"}, ""},
		{[]string{"--cost", "0"}, ""},
		{[]string{"--cost", "-5"}, "--cost must not be negative: an amount is 0 or more"},
		{[]string{"--cost=-0.5"}, "--cost must not be negative: an amount is 0 or more"},
		{[]string{"--cost", "1,200"}, "--cost is not an amount: give a number, 0 or more, e.g. 1200 or 850.50"},
		{[]string{"--cost", "NaN"}, "--cost is not a number"},
		{[]string{"--cost", "-Inf"}, "--cost is not a number"},
		{[]string{"--fte", "half"}, "--fte: not a number: give one like 0.5 (the value given is not shown)"},
		{[]string{"--count", "many"}, "--count: not a whole number: give one like 3 (the value given is not shown)"},
		{[]string{"ID", "-100"}, "-100 is read as flags, not as a number; to give an argument that starts with '-', put it after '--' (x ... -- -100); amounts are never negative"},
		{[]string{"ID", "-2.5"}, "-2.5 is read as flags, not as a number; to give an argument that starts with '-', put it after '--' (x ... -- -2.5); amounts are never negative"},
		{[]string{"ID", "--", "-100"}, ""},
	}
	for _, tt := range tests {
		var cost, fte float64
		var count int
		cmd := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }, SilenceErrors: true, SilenceUsage: true}
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		AmountVar(cmd.Flags(), &cost, "cost", 0, "cost")
		cmd.Flags().Float64Var(&fte, "fte", 1, "fte")
		cmd.Flags().IntVar(&count, "count", 1, "count")
		cmd.SetFlagErrorFunc(FlagError)
		cmd.SetArgs(tt.args)
		err := cmd.Execute()
		if tt.want == "" {
			if err != nil {
				t.Errorf("%v: %v", tt.args, err)
			}
			continue
		}
		if err == nil || err.Error() != tt.want || !IsUsage(err) || ShowsUsage(err) {
			t.Errorf("%v:\ngot  %v\nwant %s", tt.args, err, tt.want)
		}
		if strings.Contains(err.Error(), "strconv") {
			t.Errorf("%v: Go internals in %q", tt.args, err)
		}
	}
}
