// Package notecmd implements `casework note`.
package notecmd

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework note`.
type Options struct {
	F      *cmdutil.Factory
	CaseID string
	Text   string
	Kind   string
	// Confidential marks the note as never to reach the client or a
	// provider.
	Confidential bool
}

// NewCmdNote returns `casework note ID [TEXT] [--kind KIND]`.
func NewCmdNote(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "note ID [TEXT]",
		Short: "Add a contact note to a case (text from stdin when not given)",
		Long: `Add a contact note: a Markdown file of its own under the case's notes/
directory, with the time, the author and the kind of contact. Notes are
never rewritten. Without TEXT, the note is read from standard input; on a
terminal casework says so ("Type the note; end with Ctrl-D") on stderr.`,
		Example: "  casework note C-2026-7K3Q 'Phoned about the housing application.' --kind call\n  casework note C-2026-7K3Q --kind visit < visit.md",
		GroupID: "cases",
		Args:    cmdutil.RangeArgs(1, 2, "a case ID and, optionally, the note's TEXT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CaseID = args[0]
			if len(args) == 2 {
				opts.Text = args[1]
			} else {
				text, err := readNote(f, isTerminal(f.IO.In))
				if err != nil {
					return err
				}
				opts.Text = text
			}
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Confidential, "confidential", false, "information that must never reach the client or a provider (only the case-summary shows it)")
	cmd.Flags().StringVar(&opts.Kind, "kind", "contact", "`KIND` of contact: "+strings.Join(casefile.NoteKinds, ", "))
	return cmd
}

func run(opts *Options) error {
	if !slices.Contains(casefile.NoteKinds, opts.Kind) {
		return cmdutil.Usagef("unknown --kind %q: use one of %s", opts.Kind, strings.Join(casefile.NoteKinds, ", "))
	}
	if strings.TrimSpace(opts.Text) == "" {
		return cmdutil.Usagef("the note is empty: give TEXT or pipe it on stdin")
	}
	if len(opts.Text) > casefile.MaxFileSize {
		return cmdutil.Usagef("the note is over %d bytes; attach long documents elsewhere and refer to them", casefile.MaxFileSize)
	}
	by, err := opts.F.Actor()
	if err != nil {
		return err
	}
	o, err := opts.F.Ops()
	if err != nil {
		return err
	}
	rel, err := o.AddNote(opts.CaseID, func(now time.Time) *casefile.Note {
		return &casefile.Note{At: now, By: by, Kind: opts.Kind, Confidential: opts.Confidential, Body: opts.Text}
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(opts.F.IO.Out, rel)
	return err
}

// Prompt is what note says on stderr when it reads the note from a
// terminal, where it would otherwise wait without a word.
const Prompt = "Type the note; end with Ctrl-D on a line of its own (Ctrl-C cancels)."

// readNote reads the note from stdin, prompting first when stdin is a
// terminal.
func readNote(f *cmdutil.Factory, terminal bool) (string, error) {
	if terminal {
		f.Infof("%s", Prompt)
	}
	data, err := io.ReadAll(io.LimitReader(f.IO.In, casefile.MaxFileSize+1))
	if err != nil {
		return "", fmt.Errorf("cannot read the note from stdin: %w", err)
	}
	return string(data), nil
}

// isTerminal reports whether r is a terminal: a character device other
// than the null device (stdin redirected from /dev/null gets no prompt).
func isTerminal(r io.Reader) bool {
	file, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := file.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}
