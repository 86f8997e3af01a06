package gitcmd

import "github.com/casework/casework/pkg/cli/cmdutil"

func setupSigning(opts *SetupOptions) error {
	return cmdutil.Usagef("--sign is not available yet")
}
