package cmdutil

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/spf13/cobra"
)

// Number formats a number without trailing zeros: 1, 0.5, 12.75.
func Number(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// Money formats an amount with two decimals, or "" for zero.
func Money(x float64) string {
	if x == 0 {
		return ""
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// Amount formats an amount of money with its currency: "720.00 GBP"
// (config currency), "0.00 GBP" for nothing.
func Amount(x float64, currency string) string { return casefile.Amount(x, currency) }

// Stamp formats a time for tables: 2026-03-02 09:15 (UTC).
func Stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// formatsKey is the annotation under which a command declares the -o
// formats it prints.
const formatsKey = "casework:formats"

// Prints declares the -o formats cmd prints, its default first, and
// returns cmd. It is the one declaration of a command's output: the check
// of -o before the command runs, the printer and shell completion all read
// it. A command that declares none prints no records and refuses -o.
func Prints(cmd *cobra.Command, formats ...string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[formatsKey] = strings.Join(formats, ",")
	return cmd
}

// Formats returns the -o formats cmd declared, its default first; none
// when it prints no records.
func Formats(cmd *cobra.Command) []string {
	s := cmd.Annotations[formatsKey]
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// CheckFormat checks an -o value against the formats cmd declared: a
// usage error when cmd prints no records, or prints none in that format.
// An empty value is always accepted (the default).
func CheckFormat(cmd *cobra.Command, format string) error {
	if format == "" {
		return nil
	}
	formats := Formats(cmd)
	switch {
	case len(formats) == 0:
		return CallErrorf("%s prints no records: leave out -o/--output", cmd.CommandPath())
	case !slices.Contains(formats, format):
		return CallErrorf("unknown output format %q: use one of %s", format, strings.Join(formats, ", "))
	}
	return nil
}

// UseFormats checks -o against the formats cmd declared and keeps them for
// Printer and Format. The root command calls it before any command runs,
// so a wrong -o is refused before anything is read or written.
func (f *Factory) UseFormats(cmd *cobra.Command) error {
	if err := CheckFormat(cmd, f.Flags.Output); err != nil {
		return err
	}
	f.formats = Formats(cmd)
	return nil
}

// Format is the output format chosen with -o, else the command's default.
// It panics when the running command declared no formats: printing from
// such a command is a bug in casework.
func (f *Factory) Format() string {
	if len(f.formats) == 0 {
		panic("casework: a command printed records without declaring its -o formats (cmdutil.Prints)")
	}
	if f.Flags.Output == "" {
		return f.formats[0]
	}
	return f.Flags.Output
}

// Printer returns the printer for the output format (Format).
func (f *Factory) Printer() *output.Printer {
	return &output.Printer{Format: f.Format(), Out: f.IO.Out}
}

// ParseAt reads --at: an RFC 3339 time or a date (midnight UTC), not in
// the future. Empty means now. Commands that record something late call
// it before taking the lock, and again under it with the lock's time.
func ParseAt(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return now, nil
	}
	t, err := casefile.ParseTime(s)
	if err != nil {
		d, derr := casefile.ParseDate(s)
		if derr != nil {
			return time.Time{}, Usagef("--at %q is neither a time (2026-03-02T14:30:00Z) nor a date (2026-03-02)", s)
		}
		t = d.Time()
	}
	t = t.UTC()
	if t.After(now) {
		return time.Time{}, Usagef("--at %s is in the future; --at records what already happened", s)
	}
	return t, nil
}
