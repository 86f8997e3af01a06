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
	// No Title: each page is titled for its command (CASEWORK-CASE-NEW).
	header := &doc.GenManHeader{Section: "1", Source: "casework", Manual: "casework manual", Date: &manDate}
	if err := doc.GenManTree(root, header, manDir); err != nil {
		return fmt.Errorf("man pages: %w", err)
	}
	return addRootSections(filepath.Join(manDir, "casework.1"))
}

// addRootSections adds to casework(1) the sections a Unix user looks for,
// which cobra does not write: EXIT STATUS, ENVIRONMENT, FILES and
// EXAMPLES, before SEE ALSO (the order of man-pages(7)), and git(1) to SEE
// ALSO.
func addRootSections(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	page := string(data)
	i := strings.Index(page, "\n.SH SEE ALSO\n")
	if i < 0 {
		return fmt.Errorf("man pages: %s has no SEE ALSO section", path)
	}
	page = page[:i+1] + rootSections + page[i+1:]
	page = strings.TrimRight(page, "\n") + ", \\fBgit(1)\\fP\n"
	return os.WriteFile(path, []byte(page), 0o644)
}

// rootSections are the sections addRootSections adds, in roff.
const rootSections = `.SH EXIT STATUS
.TP
\fB0\fP
Success.
.TP
\fB1\fP
The command ran and found what was asked about: errors from \fBcasework validate\fP (warnings alone exit 0), caseload thresholds crossed with \fB\-\-fail\-on\fP, files \fBcasework fmt \-\-check\fP would change, likely duplicates from \fBcasework dupes\fP.
.TP
\fB2\fP
The command could not do what was asked: a wrong call or value, a broken file or configuration, no case repository. One line says what and how to fix it, and nothing was changed.

.SH ENVIRONMENT
.TP
\fBCASEWORK_DIR\fP
The case repository, when \fB\-\-dir\fP is not given (default: the nearest parent directory holding \fI.casework.yaml\fP).
.TP
\fBCASEWORK_USER\fP
The worker who acts, when \fB\-\-as\fP is not given (default: \fIuser\fP in the configuration, else git's user.email matched against the workers).
.TP
\fBCASEWORK_COMMIT\fP
\fB1\fP commits the files each command writes, as \fB\-\-commit\fP does.
.TP
\fBCASEWORK_\fP\fISECTION\fP\fB_\fP\fIKEY\fP
Overrides a setting of \fI.casework.yaml\fP, e.g. \fBCASEWORK_CASELOAD_MAX_ACTIVE=20\fP or \fBCASEWORK_REVIEW_INTERVAL=2w\fP. A value that cannot be read is refused with the variable's name.
.TP
\fBCASEWORK_NOW\fP
Fixes the clock (an RFC 3339 time), for reproducible runs and tests.
.TP
\fBCASEWORK_DEBUG\fP
Set: an internal error is followed by its stack trace.
.TP
\fBNO_COLOR\fP
Accepted and changes nothing, like \fB\-\-no\-color\fP: casework prints no colour.

.SH FILES
.TP
\fI.casework.yaml\fP
The agency's configuration, at the root of the case repository (\fBcasework init\fP writes it, commented).
.TP
\fIcases/ID/case.yaml\fP, \fIcases/ID/notes/*.md\fP
A case, and its contact notes.
.TP
\fIworkers/ID.yaml\fP, \fIresources/ID.yaml\fP
Caseworkers and community resources.
.TP
\fIschemas/\fP
JSON Schemas of the files, for editors (\fBcasework schema\fP).
.TP
\fI.casework/\fP
Local state: the lock and caches. Not committed (\fI.gitignore\fP).

.SH EXAMPLES
Start an agency's repository, add a worker and open a case:
.PP
.RS
.nf
casework init northside \-\-agency 'Northside Family Services'
cd northside && git init
casework worker add w\-ana \-\-name 'Ana Ruiz'
id=$(casework case new \-\-client 'Maria Lopez' \-\-worker w\-ana)
casework case move "$id" assessment \-\-commit
.fi
.RE
.PP
What is due in the next two weeks, and the check CI runs:
.PP
.RS
.nf
casework due \-\-within 2w
casework validate
.fi
.RE

`

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
