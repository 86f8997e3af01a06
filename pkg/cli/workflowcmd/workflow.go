// Package workflowcmd implements `casework workflow`.
package workflowcmd

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/output"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/workflow"
	"github.com/spf13/cobra"
)

// Options are the inputs of `casework workflow`.
type Options struct {
	F       *cmdutil.Factory
	Mermaid bool
}

// NewCmdWorkflow returns `casework workflow [--mermaid]`.
func NewCmdWorkflow(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "workflow",
		Short: "Print the configured phases and transitions (--mermaid: a diagram)",
		Long: `Print the workflow configured in .casework.yaml: each phase, where a case
may go next, and the guards that must hold to enter it; the initial phase is
marked. -o json or -o yaml gives the workflow configuration itself.
--mermaid prints a Mermaid stateDiagram-v2, which GitHub renders in
Markdown, with each move's guards as its label.

Guards a phase can require:
` + guardHelp(),
		Example: "  casework workflow\n  casework workflow --mermaid > docs/workflow.mmd",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		GroupID: "agency",
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Mermaid, "mermaid", false, "print a Mermaid stateDiagram-v2")
	cmdutil.Prints(cmd, output.Table, output.JSON, output.YAML, output.CSV)
	return cmd
}

func run(opts *Options) error {
	f := opts.F
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	for _, p := range workflow.CheckConfig(cfg.Workflow) {
		f.Warnf("%s: %s", config.FileName, p.Error())
	}
	if opts.Mermaid {
		if f.Flags.Output != "" {
			return cmdutil.Usagef("--mermaid prints a diagram; leave out -o")
		}
		return Mermaid(f.IO.Out, cfg.Workflow)
	}
	p := f.Printer()
	tab := &output.Tabular{Header: []string{"phase", "next", "requires"}}
	for _, ph := range cfg.Workflow.Phases {
		name := ph.Name
		if name == cfg.Workflow.Initial {
			name += " (initial)"
		}
		tab.Rows = append(tab.Rows, []string{name, strings.Join(ph.Next, ", "), strings.Join(ph.Requires, ", ")})
	}
	return p.Print(cfg.Workflow, tab)
}

var unsafeID = regexp.MustCompile(`[^A-Za-z0-9_]`)

// Mermaid writes the workflow as a Mermaid stateDiagram-v2: the initial
// phase entered from [*], every allowed move, labelled with the guards of
// its target. closed is not a final state: it can be reopened.
func Mermaid(w io.Writer, wf config.Workflow) error {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	id := func(name string) string { return unsafeID.ReplaceAllString(name, "_") }
	for _, p := range wf.Phases {
		if id(p.Name) != p.Name {
			fmt.Fprintf(&b, "    state %q as %s\n", p.Name, id(p.Name))
		}
	}
	if wf.Initial != "" {
		fmt.Fprintf(&b, "    [*] --> %s\n", id(wf.Initial))
	}
	for _, p := range wf.Phases {
		for _, n := range p.Next {
			fmt.Fprintf(&b, "    %s --> %s", id(p.Name), id(n))
			if to, ok := wf.Phase(n); ok && len(to.Requires) > 0 {
				fmt.Fprintf(&b, ": requires %s", strings.Join(to.Requires, ", "))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// guardHelp lists the known guards and what each requires.
func guardHelp() string {
	var b strings.Builder
	for _, name := range workflow.GuardNames() {
		fmt.Fprintf(&b, "  %-11s %s\n", name, workflow.Guards[name].Doc)
	}
	return b.String()
}
