package cli

import (
	"fmt"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// refuseUnknownCommands makes cmd and every command under it that groups
// subcommands (casework, case, plan goal, export...) refuse an unknown
// subcommand with a usage error and a "did you mean", instead of printing
// help and succeeding with nothing done. Called alone, a group prints its
// help.
//
// A group that also runs on its own (caseload, network ID --mermaid) keeps
// its arguments, but a first argument that is close to one of its
// subcommands' names is taken for a mistyped subcommand.
func refuseUnknownCommands(cmd *cobra.Command) {
	switch {
	case cmd.HasSubCommands() && !cmd.Runnable():
		cmd.Args = cobra.ArbitraryArgs
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return unknownCommand(cmd, args[0])
		}
	case cmd.HasSubCommands():
		own := cmd.Args
		cmd.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 && len(suggestions(cmd, args[0])) > 0 {
				return unknownCommand(cmd, args[0])
			}
			if own == nil {
				return nil
			}
			return own(cmd, args)
		}
	}
	for _, sub := range cmd.Commands() {
		refuseUnknownCommands(sub)
	}
}

// unknownCommand is the usage error for a subcommand name that cmd does
// not have, with the names it may have meant.
func unknownCommand(cmd *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q for %q", name, cmd.CommandPath())
	if s := suggestions(cmd, name); len(s) > 0 {
		for i := range s {
			s[i] = fmt.Sprintf("%q", s[i])
		}
		msg += ": did you mean " + strings.Join(s, " or ") + "?"
	}
	return cmdutil.CallErrorf("%s", msg)
}

// suggestions are the subcommands of cmd that name may be a mistyping of,
// by cobra's rules (edit distance 2, or a prefix).
func suggestions(cmd *cobra.Command, name string) []string {
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // as cobra's own suggestions
	}
	return cmd.SuggestionsFor(name)
}

// newHelpCmd is `casework help [COMMAND...]`: the help of a command, and a
// usage error (exit 2, with a "did you mean") for a command that does not
// exist, where cobra's own prints the root's help and succeeds.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND...]",
		Short: "Help about any command",
		Long:  "Help shows the description, usage and flags of any command: casework help case move.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, sub.Name()+"\t"+sub.Short)
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil {
				return cmdutil.CallErrorf("%w", err)
			}
			if len(rest) > 0 {
				return unknownCommand(cmd, rest[0])
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}

// describeFormats adds to the help of every command that prints records
// the -o formats it declared, so that the reference lists them.
func describeFormats(cmd *cobra.Command) {
	if formats := cmdutil.Formats(cmd); len(formats) > 0 {
		line := fmt.Sprintf("Output (-o): %s (default %s).", strings.Join(formats, ", "), formats[0])
		if cmd.Long == "" {
			cmd.Long = cmd.Short + "."
		}
		cmd.Long = strings.TrimRight(cmd.Long, "\n") + "\n\n" + line
	}
	for _, sub := range cmd.Commands() {
		describeFormats(sub)
	}
}
