package gitcmd

import (
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/gitsetup"
	"github.com/spf13/cobra"
)

// NewCmdGit returns `casework git` and its subcommands.
func NewCmdGit(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "git",
		Short:   "Set up a clone for working with others: merge driver, signing",
		GroupID: "agency",
	}
	cmd.AddCommand(NewCmdSetup(f))
	return cmd
}

// SetupOptions are the inputs of `casework git setup`.
type SetupOptions struct {
	F    *cmdutil.Factory
	Sign bool
	Key  string
}

// NewCmdSetup returns `casework git setup [--sign [--key PATH]]`.
func NewCmdSetup(f *cmdutil.Factory) *cobra.Command {
	opts := &SetupOptions{F: f}
	cmd := &cobra.Command{
		Use:   "setup",
		Short: "Register casework's merge driver in this clone (and, with --sign, sign commits)",
		Long: `Register casework's merge driver for case, worker and resource files:
the lines in .gitattributes (committed, so every clone has them) and the
driver in this clone's git config, which git does not copy when cloning.
Run it once in every clone; 'casework init' does it for a new repository.

--sign configures this clone to sign every commit with the acting
worker's SSH key (the signing_key in their worker file), as 'casework
validate --against REV --signatures' expects. --key names the private key
file (default: the file in ~/.ssh whose .pub matches the signing_key).`,
		Example: "  casework git setup\n  casework git setup --sign --as w-ana",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSetup(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Sign, "sign", false, "sign commits with the acting worker's signing_key")
	cmd.Flags().StringVar(&opts.Key, "key", "", "the private key `FILE` to sign with (with --sign)")
	return cmd
}

func runSetup(opts *SetupOptions) error {
	f := opts.F
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	if err := gitrev.Available(); err != nil {
		return err
	}
	if !gitsetup.InGit(repo.Root) {
		return cmdutil.Usagef("%s is not in a git repository: run 'git init' (or clone the agency's repository) first", f.Rel(repo.Root))
	}
	changed, err := gitsetup.WriteAttributes(repo.Root)
	if err != nil {
		return err
	}
	if err := gitsetup.RegisterDriver(repo.Root); err != nil {
		return err
	}
	if changed {
		f.Infof("Added casework's merge driver to .gitattributes: commit it, so that every clone has it.")
	}
	f.Infof("Registered casework's merge driver in this clone.")
	if opts.Sign {
		return setupSigning(opts)
	}
	return nil
}
