package cmdutil

import (
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// version is set at build time with -ldflags "-X .../cmdutil.version=v1.2.3".
var version = ""

// Version is the version of this build: the release tag when built from
// one, else the module version or "dev".
func Version() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// ExactArgs is cobra.ExactArgs with a message that names what is missing.
func ExactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return CallErrorf("%s takes %s (got %s)", cmd.CommandPath(), names, Plural(len(args), "argument", "arguments"))
		}
		return nil
	}
}

// RangeArgs accepts between lo and hi arguments.
func RangeArgs(lo, hi int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < lo || len(args) > hi {
			return CallErrorf("%s takes %s (got %s)", cmd.CommandPath(), names, Plural(len(args), "argument", "arguments"))
		}
		return nil
	}
}

// MinArgs accepts at least n arguments.
func MinArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return CallErrorf("%s takes %s", cmd.CommandPath(), names)
		}
		return nil
	}
}

// RequireFlag reports a missing required flag as a usage error.
func RequireFlag(cmd *cobra.Command, name string) error {
	if !cmd.Flags().Changed(name) {
		return CallErrorf("%s needs --%s", cmd.CommandPath(), name)
	}
	return nil
}

// ChangedFlags names the command's own flags given on the command line,
// for commands that change only what they are told to (worker set,
// resource set); hint is the usage error when none was given.
func ChangedFlags(cmd *cobra.Command, hint string) ([]string, error) {
	var changed []string
	cmd.LocalFlags().VisitAll(func(fl *pflag.Flag) {
		if fl.Changed {
			changed = append(changed, fl.Name)
		}
	})
	if len(changed) == 0 {
		return nil, CallErrorf("%s", hint)
	}
	return changed, nil
}
