// Command casework is case management for social work over plain files.
package main

import (
	"os"

	"github.com/casework/casework/pkg/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
