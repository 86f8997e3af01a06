package cmdutil

import (
	"errors"
	"testing"

	"github.com/spf13/pflag"
)

func TestFlagError(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		want      string
		showUsage bool
	}{
		{[]string{"--cost", "abc"}, `--cost: "abc" is not a number (e.g. 120 or 120.50)`, false},
		{[]string{"--count=x"}, `--count: "x" is not a whole number (e.g. 12)`, false},
		{[]string{"--wait", "soon"}, `--wait: "soon" is not a duration (e.g. 90m or 24h)`, false},
		{[]string{"-100"}, `-100 is read as a flag: to give a negative number, put -- before it (casework ... -- -100); for a flag's value write --flag=-100`, false},
		{[]string{"-12.50"}, `-12.50 is read as a flag: to give a negative number, put -- before it (casework ... -- -12.50); for a flag's value write --flag=-12.50`, false},
		{[]string{"-x"}, `unknown shorthand flag: 'x' in -x`, true},
		{[]string{"--nope"}, `unknown flag: --nope`, true},
	} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.SetOutput(discard{})
		fs.Float64("cost", 0, "")
		fs.Int("count", 0, "")
		fs.Duration("wait", 0, "")
		err := fs.Parse(tc.args)
		if err == nil {
			t.Fatalf("%v: parsed", tc.args)
		}
		got := FlagError(err)
		var u *UsageError
		if !errors.As(got, &u) || got.Error() != tc.want || u.ShowUsage != tc.showUsage {
			t.Errorf("%v: got %q (usage %v), want %q (usage %v)", tc.args, got, ShowsUsage(got), tc.want, tc.showUsage)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"120", 120, true}, {"120.50", 120.5, true}, {"-5", -5, true}, {"0", 0, true},
		{"abc", 0, false}, {"NaN", 0, false}, {"-Inf", 0, false}, {"infinity", 0, false},
		{"0x10", 0, false}, {"1_000", 0, false}, {"", 0, false},
	} {
		got, err := ParseNumber("amount", tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseNumber(%q) = %v, %v", tc.in, got, err)
		}
		if err != nil && err.Error() != `amount: "`+tc.in+`" is not a number (e.g. 120 or 120.50)` {
			t.Errorf("ParseNumber(%q) error %q", tc.in, err)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 cases", 1: "1 case", 2: "2 cases"} {
		if got := Plural(n, "case", "cases"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}
