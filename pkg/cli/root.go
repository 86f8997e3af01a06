// Package cli is the casework command line: the root command, its global
// flags and the exit-code policy. It is the only package that imports
// cobra, viper or tablewriter.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/approvecmd"
	"github.com/casework/casework/pkg/cli/assesscmd"
	"github.com/casework/casework/pkg/cli/casecmd"
	"github.com/casework/casework/pkg/cli/caseloadcmd"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/completion"
	"github.com/casework/casework/pkg/cli/consentcmd"
	"github.com/casework/casework/pkg/cli/duecmd"
	"github.com/casework/casework/pkg/cli/dupescmd"
	"github.com/casework/casework/pkg/cli/exportcmd"
	"github.com/casework/casework/pkg/cli/fmtcmd"
	"github.com/casework/casework/pkg/cli/gitcmd"
	"github.com/casework/casework/pkg/cli/householdcmd"
	"github.com/casework/casework/pkg/cli/initcmd"
	"github.com/casework/casework/pkg/cli/logcmd"
	"github.com/casework/casework/pkg/cli/migratecmd"
	"github.com/casework/casework/pkg/cli/notecmd"
	"github.com/casework/casework/pkg/cli/plancmd"
	"github.com/casework/casework/pkg/cli/refercmd"
	"github.com/casework/casework/pkg/cli/rendercmd"
	"github.com/casework/casework/pkg/cli/reportcmd"
	"github.com/casework/casework/pkg/cli/resourcecmd"
	"github.com/casework/casework/pkg/cli/reviewcmd"
	"github.com/casework/casework/pkg/cli/riskcmd"
	"github.com/casework/casework/pkg/cli/schemacmd"
	"github.com/casework/casework/pkg/cli/spendcmd"
	"github.com/casework/casework/pkg/cli/validatecmd"
	"github.com/casework/casework/pkg/cli/versioncmd"
	"github.com/casework/casework/pkg/cli/workercmd"
	"github.com/casework/casework/pkg/cli/workflowcmd"
	"github.com/casework/casework/pkg/safetext"
	"github.com/spf13/cobra"
)

// NewRootCmd builds the casework command tree over f.
func NewRootCmd(f *cmdutil.Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "casework",
		Short: "Case management for social work, over plain files in git",
		Long: `casework keeps each client's case as YAML in a git repository. It opens
and updates cases, moves them through the phases of case management,
checks in CI that the history is honest, computes caseloads against the
agency's limits, and renders care plans.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       cmdutil.Version(),
	}
	root.SetFlagErrorFunc(cmdutil.FlagError)
	// Before any command runs, -o is checked against the formats the
	// command declares (cmdutil.Prints): a wrong -o changes nothing. A
	// command's own persistent hooks run after this one, not instead.
	cobra.EnableTraverseRunHooks = true
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		return f.UseFormats(cmd)
	}
	pf := root.PersistentFlags()
	pf.StringVar(&f.Flags.Dir, "dir", "", "case repository `DIR` (default: $CASEWORK_DIR, else the nearest parent with .casework.yaml)")
	pf.StringVarP(&f.Flags.Output, "output", "o", "", "output `FORMAT`, for the commands that print records or reports: each lists its formats in its help (table, json, yaml, csv, ...)")
	pf.StringVar(&f.Flags.As, "as", "", "`WORKER` who is acting (default: $CASEWORK_USER, else user in config, else git user.email)")
	pf.BoolVarP(&f.Flags.Quiet, "quiet", "q", false, "print only data and errors")
	// casework prints no colour, so --no-color (and NO_COLOR) asks for
	// what it already does: accepted so scripts written to SPEC section 2
	// run, and read nowhere (docs/cli-conventions.md).
	pf.Bool("no-color", false, "print no colour (casework never does; accepted for scripts, like NO_COLOR)")
	pf.BoolVar(&f.Flags.Commit, "commit", false, "commit the files the command writes to git, and only those (also when CASEWORK_COMMIT=1)")

	root.AddGroup(&cobra.Group{ID: "cases", Title: "Cases:"}, &cobra.Group{ID: "agency", Title: "Agency:"})
	for _, c := range []*cobra.Command{
		initcmd.NewCmdInit(f),
		casecmd.NewCmdCase(f),
		notecmd.NewCmdNote(f),
		workercmd.NewCmdWorker(f),
		resourcecmd.NewCmdResource(f),
		versioncmd.NewCmdVersion(f),
		validatecmd.NewCmdValidate(f),
		workflowcmd.NewCmdWorkflow(f),
		caseloadcmd.NewCmdCaseload(f),
		reportcmd.NewCmdReport(f),
		consentcmd.NewCmdConsent(f),
		migratecmd.NewCmdMigrate(f),
		householdcmd.NewCmdMember(f),
		householdcmd.NewCmdNetwork(f),
		assesscmd.NewCmdAssess(f),
		riskcmd.NewCmdRisk(f),
		plancmd.NewCmdPlan(f),
		reviewcmd.NewCmdReview(f),
		approvecmd.NewCmdApprove(f),
		duecmd.NewCmdDue(f),
		rendercmd.NewCmdRender(f),
		refercmd.NewCmdRefer(f),
		refercmd.NewCmdReferral(f),
		spendcmd.NewCmdSpend(f),
		logcmd.NewCmdLog(f),
		dupescmd.NewCmdDupes(f),
		fmtcmd.NewCmdFmt(f),
		exportcmd.NewCmdExport(f),
		schemacmd.NewCmdSchema(f),
		gitcmd.NewCmdGit(f),
		gitcmd.NewCmdMergeDriver(f),
		gitcmd.NewCmdSync(f),
	} {
		root.AddCommand(c)
	}
	// --version prints what 'casework version' prints. The template is
	// cobra's text/template: braces in the line would be read as actions.
	root.SetVersionTemplate(strings.NewReplacer("{", "", "}", "").Replace(versioncmd.Line()) + "\n")
	// validate checks the whole repository: an agency command, listed with
	// the others rather than under "Additional Commands".
	for _, c := range root.Commands() {
		if c.Name() == "validate" && c.GroupID == "" {
			c.GroupID = "agency"
		}
	}
	root.SetHelpCommand(newHelpCmd())
	root.InitDefaultCompletionCmd()
	refuseUnknownCommands(root)
	completion.Register(root, f)
	describeFormats(root)
	return root
}

// Main runs casework with args and returns the exit code. Errors are
// reported on stderr as one line each; no stack trace ever reaches the
// user.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "casework: internal error: %v\nThis is a bug; no file was changed by the failing step. Please report it with the command you ran.\n", r)
			if os.Getenv("CASEWORK_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			code = cmdutil.ExitError
		}
	}()
	f := cmdutil.NewFactory(stdin, stdout, stderr)
	root := NewRootCmd(f)
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		completion.PlainUsage(root)
	}
	f.Flags.Commit = f.Getenv("CASEWORK_COMMIT") == "1"
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		err = f.Commit(strings.TrimPrefix(cmd.CommandPath(), root.Name()+" "))
	}
	if err == nil && f.Incomplete() {
		err = cmdutil.ErrFindings // a listing without a broken case file: exit 1
	}
	if err != nil && !errors.Is(err, cmdutil.ErrFindings) {
		printError(stderr, err, cmd)
	}
	return cmdutil.ExitCode(err)
}

// maxErrorLines caps how many problems one failing command lists; validate
// lists them all.
const maxErrorLines = 20

// printError writes err to w, one problem a line: every problem of a
// positioned error list and of joined errors, up to maxErrorLines. Each
// problem's control characters are escaped, newlines too: no text taken
// from a file name or a file can start a line of its own (a CI workflow
// command) or reach the terminal as an escape sequence. An error of
// several lines is an errors.Join of one error a line. A usage error is
// followed by the usage line of cmd, the command that refused it, and
// where to read more.
func printError(w io.Writer, err error, cmd *cobra.Command) {
	var lines []string
	var collect func(err error)
	collect = func(err error) {
		es, isList := err.(casefile.Errors)
		switch {
		case isList:
			for _, e := range es {
				lines = append(lines, safetext.Escape(e.Error()))
			}
		case isJoined(err):
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				collect(e)
			}
		default:
			if prefix, inner, ok := wrappedJoin(err); ok {
				lines = append(lines, safetext.Escape(prefix+inner[0].Error()))
				for _, e := range inner[1:] {
					collect(e)
				}
				return
			}
			lines = append(lines, safetext.Escape(strings.TrimSpace(err.Error())))
		}
	}
	collect(err)
	if len(lines) > maxErrorLines {
		more := len(lines) - maxErrorLines
		lines = append(lines[:maxErrorLines], fmt.Sprintf("... and %d more problems; run 'casework validate' to see them all", more))
	}
	if cmdutil.ShowsUsage(err) && cmd != nil {
		lines = append(lines, "Usage: "+cmd.UseLine(), fmt.Sprintf("Run '%s --help' for more.", cmd.CommandPath()))
	}
	fmt.Fprintln(w, strings.Join(lines, "\n"))
}

// wrappedJoin finds joined errors inside err, wrapped with a prefix
// ("cannot add worker w-bo: " + a header line and its problems): the
// prefix and the joined errors, so that the prefix goes on the first line
// and each further problem on a line of its own.
func wrappedJoin(err error) (prefix string, inner []error, ok bool) {
	var joined interface {
		error
		Unwrap() []error
	}
	if !errors.As(err, &joined) || len(joined.Unwrap()) == 0 {
		return "", nil, false
	}
	prefix, ok = strings.CutSuffix(err.Error(), joined.Error())
	return prefix, joined.Unwrap(), ok
}

func isJoined(err error) bool {
	_, ok := err.(interface{ Unwrap() []error })
	return ok
}
