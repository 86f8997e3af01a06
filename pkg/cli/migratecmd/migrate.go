// Package migratecmd implements `casework migrate`: it rewrites records
// kept in a form that an earlier casework wrote into today's form, losing
// nothing.
package migratecmd

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/consent"
	"github.com/spf13/cobra"
	"time"
)

// NewCmdMigrate returns `casework migrate [--check]`.
func NewCmdMigrate(f *cmdutil.Factory) *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Move records kept in an older form into today's, losing nothing",
		Long: `Rewrite what an earlier casework recorded in a form it no longer writes.
Today that is one change: the single client.consent record (given, at,
scope) becomes entries of consents, per purpose: consent to services, and
consent to share with the resources the plan named, dated as recorded and
keeping the scope's words, and recorded by the case's worker at that date
(or by you, when the case names none); a record of consent not given
becomes a withdrawal. 'casework validate' names every case that needs it (rule
old-form). With --check nothing is written and the command exits 1 when a
case would change, for CI.`,
		Example: "  casework migrate --check\n  casework migrate",
		GroupID: "agency",
		Args:    cmdutil.ExactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			repo, err := f.Repo()
			if err != nil {
				return err
			}
			ids, err := repo.CaseIDs()
			if err != nil {
				return err
			}
			changed := 0
			for _, id := range ids {
				rec, err := repo.LoadCase(id)
				if err != nil {
					return err
				}
				if rec.Data.Client.Consent == (casefile.Consent{}) {
					continue
				}
				changed++
				if check {
					f.Infof("%s: client.consent is the old form", store(id))
					continue
				}
				by, err := f.Actor()
				if err != nil {
					return err
				}
				o, err := f.Ops()
				if err != nil {
					return err
				}
				if _, err := o.UpdateCase(id, func(c *casefile.Case, _ *config.Config, _ time.Time) error {
					consent.Migrate(c, by)
					return nil
				}); err != nil {
					return err
				}
				f.Infof("%s: client.consent moved into consents", store(id))
			}
			switch {
			case check && changed > 0:
				f.Infof("%d case(s) to migrate; run 'casework migrate'", changed)
				return cmdutil.ErrFindings
			case changed == 0:
				f.Infof("Nothing to migrate.")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "write nothing; exit 1 when a case would change")
	return cmd
}

// store names a case's file for messages.
func store(id string) string { return "cases/" + id + "/case.yaml" }
