// Command casework-docs writes casework's command-line reference from the
// live command tree: Markdown pages into docs/cli and man pages into
// docs/man (`make docs`). A test fails when the committed pages are stale.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/casework/casework/pkg/cli"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manDate is the date on the man pages. It is fixed, not today's, so the
// pages only change when the commands do.
var manDate = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

func main() {
	md := flag.String("md", "docs/cli", "`DIR` for the Markdown reference")
	man := flag.String("man", "docs/man", "`DIR` for the man pages")
	flag.Parse()
	if err := generate(*md, *man); err != nil {
		fmt.Fprintln(os.Stderr, "casework-docs:", err)
		os.Exit(1)
	}
}

// generate replaces the contents of mdDir and manDir with the reference of
// the current command tree.
func generate(mdDir, manDir string) error {
	root := commandTree()
	for _, dir := range []string{mdDir, manDir} {
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	if err := doc.GenMarkdownTree(root, mdDir); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	header := &doc.GenManHeader{Title: "CASEWORK", Section: "1", Source: "casework", Manual: "casework manual", Date: &manDate}
	if err := doc.GenManTree(root, header, manDir); err != nil {
		return fmt.Errorf("man pages: %w", err)
	}
	return nil
}

// commandTree is casework's root command as users see it, with cobra's
// completion command added and no generation date on any page.
func commandTree() *cobra.Command {
	f := cmdutil.NewFactory(strings.NewReader(""), io.Discard, io.Discard)
	f.Cwd = filepath.Clean("/")
	root := cli.NewRootCmd(f)
	root.InitDefaultCompletionCmd()
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(root)
	return root
}
