package cmdutil

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// ParseAmount reads an amount of money given as the argument or flag
// what ("--cost", "the budget"): a number, 0 or more, as
// casefile.CheckAmount has it. The message names what, never the value.
func ParseAmount(what, s string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, Usagef("%s is not an amount: give a number, 0 or more, e.g. 1200 or 850.50", what)
	}
	if err := casefile.CheckAmount(x); err != nil {
		return 0, Usagef("%s %v", what, err)
	}
	return x, nil
}

// AmountVar defines the amount-of-money flag name on fs, read with
// ParseAmount: a negative, infinite or unparsable amount is refused in
// one line naming the flag, before the command runs.
func AmountVar(fs *pflag.FlagSet, p *float64, name string, value float64, usage string) {
	*p = value
	fs.Var((*amountValue)(p), name, usage)
}

type amountValue float64

func (a *amountValue) String() string { return strconv.FormatFloat(float64(*a), 'f', -1, 64) }
func (a *amountValue) Type() string   { return "AMOUNT" }
func (a *amountValue) Set(s string) error {
	x, err := ParseAmount("", s)
	if err != nil {
		return amountError{err}
	}
	*a = amountValue(x)
	return nil
}

// amountError is ParseAmount's message without a subject: FlagError puts
// the flag's name in front.
type amountError struct{ error }

// FlagError turns an error of cobra's flag parsing into a one-line usage
// error that names the flag and never repeats its value (pflag's own
// messages quote it and carry strconv's). A negative number given where
// an argument belongs is read as flags ("-100" as -1 -0 -0): the message
// says so and how to pass it after "--".
func FlagError(cmd *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	var missing *pflag.NotExistError
	switch {
	case errors.As(err, &invalid):
		name := "--" + invalid.GetFlag().Name
		var ae amountError
		if errors.As(err, &ae) {
			return Usagef("%s%v", name, ae.error)
		}
		return Usagef("%s: %s", name, expected(invalid.GetFlag().Value.Type()))
	case errors.As(err, &missing) && negativeNumber.MatchString(missing.GetSpecifiedShortnames()):
		arg := "-" + missing.GetSpecifiedShortnames()
		return Usagef("%s is read as flags, not as a number; to give an argument that starts with '-', put it after '--' (%s ... -- %s); amounts are never negative", arg, cmd.CommandPath(), arg)
	}
	return &UsageError{Err: err, ShowUsage: true}
}

// negativeNumber is what follows the '-' of an argument that reads as a
// negative number.
var negativeNumber = regexp.MustCompile(`^[0-9][0-9.,_]*$`)

// expected says what a flag of a pflag value type takes.
func expected(typ string) string {
	switch typ {
	case "int", "int64", "uint", "uint64", "count":
		return "not a whole number: give one like 3 (the value given is not shown)"
	case "float32", "float64":
		return "not a number: give one like 0.5 (the value given is not shown)"
	case "bool":
		return "give true or false (the value given is not shown)"
	case "duration":
		return "not a duration: give one like 30s or 5m (the value given is not shown)"
	}
	return fmt.Sprintf("not a valid %s (the value given is not shown)", typ)
}
