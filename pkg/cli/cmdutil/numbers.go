package cmdutil

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// negativeNumber matches an argument that is a negative number, which the
// flag parser takes for a group of one-letter flags (-100, -12.50).
var negativeNumber = regexp.MustCompile(`^-[0-9]+([.,][0-9]+)?$`)

// FlagError turns an error of the flag parser into a usage error of one
// line that names the flag and the form it accepts, with no parser
// internals (strconv...): a number flag given "abc" is refused as a value;
// an unknown one-letter flag that is really a negative number gets the
// hint to put -- before it. Any other flag error is a wrong call, followed
// by the command's usage. The root command's SetFlagErrorFunc calls it, so
// every command's flags get the same answers.
func FlagError(err error) error {
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) {
		fl := invalid.GetFlag()
		return Usagef("--%s: %q is not %s", fl.Name, invalid.GetValue(), acceptedForm(fl.Value.Type()))
	}
	var missing *pflag.NotExistError
	if errors.As(err, &missing) && missing.GetSpecifiedShortnames() != "" {
		if arg := "-" + missing.GetSpecifiedShortnames(); negativeNumber.MatchString(arg) {
			return Usagef("%s is read as a flag: to give a negative number, put -- before it (casework ... -- %s); for a flag's value write --flag=%s", arg, arg, arg)
		}
	}
	return &UsageError{Err: err, ShowUsage: true}
}

// acceptedForm says what a flag of pflag type typ accepts, for messages.
func acceptedForm(typ string) string {
	switch typ {
	case "float64", "float32":
		return "a number (e.g. 120 or 120.50)"
	case "int", "int64", "int32", "uint", "uint64":
		return "a whole number (e.g. 12)"
	case "bool":
		return "true or false"
	case "duration":
		return "a duration (e.g. 90m or 24h)"
	}
	return "a valid " + typ
}

// ParseNumber reads a number given as an argument (what names it in the
// message), e.g. an amount: 120, 120.50 or -5. It refuses NaN and
// infinities, and names the accepted form instead of the parser's error.
func ParseNumber(what, s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	lower := strings.ToLower(strings.TrimLeft(strings.TrimSpace(s), "+-"))
	if err != nil || strings.HasPrefix(lower, "inf") || strings.HasPrefix(lower, "nan") || strings.ContainsAny(lower, "x_p") {
		return 0, Usagef("%s: %q is not a number (e.g. 120 or 120.50)", what, s)
	}
	return v, nil
}

// Plural is "1 case", "2 cases": n and the noun in the right number.
func Plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
