package rendercmd

import (
	"errors"
	"strings"
	"time"

	"github.com/casework/casework/pkg/careplan"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/store"
)

// ReferralRequest asks for the referral letter about one action of a
// case. 'casework render --template referral' and 'casework refer' both
// ask through WriteReferral.
type ReferralRequest struct {
	// Case is a case ID or a unique prefix of one.
	Case string
	// Action is the ID of an action of the case's plan (any letter case).
	Action string
	// OverrideReason, when set, writes the letter although consent to
	// share with the provider is not in force, and records the override
	// with this reason in the case's history (kind consent-override),
	// under the repository lock. It changes nothing when consent is in
	// force.
	OverrideReason string
	// Redact asks for a redacted letter, which is always refused.
	Redact bool
}

// ReferralLetter is a referral letter written by WriteReferral.
type ReferralLetter struct {
	// Case is the case as it stands after the letter: with the override
	// entry in its history when one was recorded.
	Case *store.Record[casefile.Case]
	// Action is the action the letter is about, as recorded.
	Action casefile.Action
	// Markdown is the letter, from the repository's referral template
	// or the built-in one.
	Markdown []byte
	// Overridden says an override was recorded in the case's history.
	Overridden bool
}

// WriteReferral writes the referral letter about one action, or refuses
// it (a usage error, exit 2) when it must not be written: an action with
// no resource on record, the client's own task, a redacted letter, or no
// consent to share with that resource or its provider in force (see
// careplan.CheckReferral) unless OverrideReason is given. An override is
// recorded only when the letter is produced: the check, the letter and
// the history entry are made together under the repository lock, and a
// letter that fails to render records nothing.
func WriteReferral(f *cmdutil.Factory, req ReferralRequest) (*ReferralLetter, error) {
	repo, err := f.Repo()
	if err != nil {
		return nil, err
	}
	workers, resources, err := f.WorkersAndResources()
	if err != nil {
		return nil, err
	}
	sources := TemplateSources(repo)
	// write checks and renders the letter on c at now; with override, a
	// letter refused for want of consent is written and the override
	// recorded in c's history.
	write := func(c *casefile.Case, cfg *config.Config, now time.Time, override bool, actor string) (*ReferralLetter, error) {
		letter := &ReferralLetter{}
		if a, err := planning.FindAction(&c.Plan, req.Action); err == nil {
			res, ok := resources[a.Resource]
			err := careplan.CheckReferral(c, *a, res, ok, req.Redact, now)
			switch {
			case needsConsent(err) && override:
				letter.Overridden = true
			case err != nil:
				return nil, cmdutil.Usagef("%w", err)
			}
			letter.Action = *a
		} // an unknown action is refused by careplan.Build, naming the plan's actions
		in := careplan.Input{Case: c, Config: cfg, Workers: workers, Resources: resources,
			Today: casefile.NewDate(now), Action: req.Action, ConsentOverride: letter.Overridden}
		data, err := careplan.Build(in)
		if err != nil {
			return nil, cmdutil.Usagef("%w", err)
		}
		if letter.Markdown, err = careplan.Render(careplan.Referral, data, sources...); err != nil {
			return nil, err
		}
		if letter.Overridden {
			c.History = append(c.History, casefile.HistoryEntry{At: now, By: actor, Kind: casefile.HistoryConsentOverride,
				Action: letter.Action.ID, With: letter.Action.Resource, Reason: strings.TrimSpace(req.OverrideReason)})
		}
		return letter, nil
	}
	rec, err := f.LoadCase(req.Case)
	if err != nil {
		return nil, err
	}
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	letter, err := write(&rec.Data, cfg, f.Now(), false, "")
	if err == nil || strings.TrimSpace(req.OverrideReason) == "" || !needsConsent(err) {
		if err != nil {
			return nil, err
		}
		letter.Case = rec
		return letter, nil
	}
	// No consent, and an override asked for: check, write and record it
	// under the lock, on the case as it stands there.
	actor, err := f.Actor()
	if err != nil {
		return nil, err
	}
	o, err := f.Ops()
	if err != nil {
		return nil, err
	}
	rec, err = o.UpdateCase(req.Case, func(c *casefile.Case, cfg *config.Config, now time.Time) error {
		letter, err = write(c, cfg, now, true, actor)
		return err
	})
	if err != nil {
		return nil, err
	}
	letter.Case = rec
	return letter, nil
}

// needsConsent reports whether err refuses a letter for want of consent
// to share.
func needsConsent(err error) bool {
	var noConsent *careplan.NoConsentError
	return errors.As(err, &noConsent)
}
