// Package completion gives the shells dynamic completion of casework's
// arguments and flags: case IDs (described by phase and worker, never by
// client), workers, resources, phases, domains, closure reasons,
// templates, note kinds and output formats. Register walks the finished
// command tree, so commands added later are covered by the same rules.
package completion

import (
	"slices"
	"strings"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/planning"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// completer lists the candidates for one argument or flag value.
type completer func(c *source, args []string, toComplete string) ([]string, cobra.ShellCompDirective)

// Register installs completion on cmd and every command under it: each
// positional argument by the placeholder its Use line gives it (ID, WORKER,
// PHASE, a|b|c), each flag by its name.
func Register(cmd *cobra.Command, f *cmdutil.Factory) {
	s := &source{f: f}
	if cmd.Runnable() && cmd.ValidArgsFunction == nil {
		if byArg := argCompleters(cmd); len(byArg) > 0 {
			cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				i := len(args)
				if i >= len(byArg) && variadic(cmd) {
					i = len(byArg) - 1
				}
				if i >= len(byArg) || byArg[i] == nil {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return byArg[i](s, args, toComplete)
			}
		}
	}
	cmd.LocalFlags().VisitAll(func(fl *pflag.Flag) {
		if fl.Name == "output" {
			// -o is a global flag: it completes to the formats that the
			// command being completed declared (cmdutil.Prints), and to
			// nothing for a command that prints no records.
			_ = cmd.RegisterFlagCompletionFunc(fl.Name, func(target *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				return matching(cmdutil.Formats(target), toComplete), cobra.ShellCompDirectiveNoFileComp
			})
			return
		}
		c := flagCompleter(cmd, fl.Name)
		if c == nil {
			c = valueCompleter(fl)
		}
		if c != nil {
			// An error means a completion is already registered: keep it.
			_ = cmd.RegisterFlagCompletionFunc(fl.Name, func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				return c(s, args, toComplete)
			})
		}
	})
	for _, sub := range cmd.Commands() {
		Register(sub, f)
	}
}

// argCompleters gives each positional placeholder of cmd its completer
// (nil: free text).
func argCompleters(cmd *cobra.Command) []completer {
	var out []completer
	for _, word := range positional(cmd) {
		out = append(out, argCompleter(cmd, strings.TrimSuffix(word, "...")))
	}
	return out
}

// variadic reports whether the last positional placeholder of cmd's Use
// line repeats (PATH...).
func variadic(cmd *cobra.Command) bool {
	words := positional(cmd)
	return len(words) > 0 && strings.HasSuffix(words[len(words)-1], "...")
}

// positional lists the positional placeholders of cmd's Use line, up to
// the first flag.
func positional(cmd *cobra.Command) []string {
	var out []string
	for _, word := range strings.Fields(cmd.Use)[1:] {
		if strings.HasPrefix(word, "-") || strings.HasPrefix(word, "[-") || word == "|" {
			break
		}
		out = append(out, strings.Trim(word, "[]"))
	}
	return out
}

// argCompleter is the completer of one positional placeholder.
func argCompleter(cmd *cobra.Command, word string) completer {
	switch {
	case strings.Contains(word, "|"):
		return fixed(strings.Split(word, "|")...)
	case word == "ID":
		switch parent := cmd.Parent().Name(); {
		case cmd.Name() == "add" && (parent == "worker" || parent == "resource"):
			return nil // a new ID
		case parent == "worker":
			return (*source).workers
		case parent == "resource":
			return (*source).resources
		}
		return (*source).cases
	case word == "WORKER":
		return (*source).workers
	case word == "GOAL":
		return (*source).goals
	case word == "ACTION":
		return (*source).actions
	case word == "PHASE":
		return (*source).nextPhases
	case word == "DIR", word == "PATH", word == "FILE":
		return files
	}
	return nil
}

// flagCompleter is the completer of a flag, chosen by its name (and, for
// the few names with two meanings, by its command).
func flagCompleter(cmd *cobra.Command, name string) completer {
	switch name {
	case "worker", "as":
		return (*source).workers
	case "by":
		if cmd.Name() == "agree" {
			return fixed(planning.AgreedBy...)
		}
		return (*source).workers
	case "resource":
		return (*source).resources
	case "phase", "to":
		return configured(phaseNames)
	case "domain":
		return instrumentDomains(cmd)
	case "score":
		return suffixed(instrumentDomains(cmd), "=")
	case "need":
		return suffixed(instrumentDomains(cmd), ":")
	case "team":
		return (*source).teams
	case "within":
		return fixed("1d", "7d", "2w", "4w")
	case "reason":
		if cmd.Name() == "close" {
			return configured(closureReasons)
		}
	case "level", "risk":
		return configured(riskLevels)
	case "flag":
		return configured(riskFlags)
	case "template":
		return (*source).templates
	case "kind":
		return fixed(casefile.NoteKinds...)
	case "network":
		return fixed(assess.Networks...)
	case "model":
		return configured(models)
	case "instrument":
		return configured(instruments)
	case "goal":
		if cmd.Name() == "review" {
			return suffixed((*source).goals, "=")
		}
		return (*source).goals
	case "action":
		if cmd.Name() == "review" {
			return suffixed((*source).actions, "=")
		}
		return (*source).actions
	case "dir":
		return func(*source, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		}
	}
	return nil
}

// valueCompleter is the completion of a flag no name rule covers: file
// names for a flag whose value is a FILE or PATH, directories for a DIR,
// and nothing (not the shell's file names) for any other value.
func valueCompleter(fl *pflag.Flag) completer {
	if fl.Value.Type() == "bool" {
		return nil
	}
	switch name, _ := pflag.UnquoteUsage(fl); name {
	case "FILE", "PATH":
		return files
	case "DIR":
		return func(*source, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		}
	}
	return func(*source, []string, string) ([]string, cobra.ShellCompDirective) { return nil, noFiles }
}

// PlainUsage removes the backticks that mark a flag's placeholder in its
// usage (`WORKER` who is acting) from every flag of cmd and its
// subcommands: the help shows them as the placeholder, but the shells
// show a flag's usage as its description, raw. Call it only when casework
// runs to complete a word (cobra.ShellCompRequestCmd), never for --help.
func PlainUsage(cmd *cobra.Command) {
	plain := func(fl *pflag.Flag) { fl.Usage = strings.ReplaceAll(fl.Usage, "`", "") }
	cmd.LocalFlags().VisitAll(plain)
	cmd.PersistentFlags().VisitAll(plain)
	for _, sub := range cmd.Commands() {
		PlainUsage(sub)
	}
}

// fixed completes one of a fixed list of words.
func fixed(words ...string) completer {
	return func(_ *source, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return matching(slices.Clone(words), toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// files leaves completion to the shell's file names.
func files(*source, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveDefault
}

// suffixed completes the words of c followed by sep (DOMAIN=, G1=), with no
// space after, so the user types the value next.
func suffixed(c completer, sep string) completer {
	return func(s *source, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if strings.Contains(toComplete, sep) {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		words, dir := c(s, args, toComplete)
		for i, w := range words {
			id, desc, _ := strings.Cut(w, "\t")
			words[i] = id + sep
			if desc != "" {
				words[i] += "\t" + desc
			}
		}
		return words, dir | cobra.ShellCompDirectiveNoSpace
	}
}

// matching keeps the candidates (a word, optionally a tab and its
// description) that start with prefix, ignoring letter case.
func matching(words []string, prefix string) []string {
	out := words[:0]
	for _, w := range words {
		if hasPrefixFold(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

// matchingIDs is matching for IDs that casework resolves in any letter
// case (cases, goals, actions): the part of each candidate that the user
// typed is given back as typed, so that a shell that filters candidates
// by the exact prefix (bash) keeps "c-2026-a" for C-2026-AAAA, and
// completes it to c-2026-aAAA, which names the same case.
func matchingIDs(words []string, prefix string) []string {
	out := matching(words, prefix)
	for i, w := range out {
		out[i] = prefix + w[len(prefix):]
	}
	return out
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
