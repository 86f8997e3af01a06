package careplan

import (
	"fmt"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
)

// Referral is the name of the referral letter's template.
const Referral = "referral"

// IsClientTask reports whether the client is responsible for the action:
// its responsible is "client" or the client's name (or its first part),
// in any letter case.
func IsClientTask(c *casefile.Case, a casefile.Action) bool {
	who := strings.Join(strings.Fields(strings.ToLower(a.Responsible)), " ")
	if who == "" {
		return false
	}
	name := strings.Fields(strings.ToLower(c.Client.Name))
	return who == "client" || who == "the client" ||
		(len(name) > 0 && (who == strings.Join(name, " ") || who == name[0]))
}

// CheckReferralTarget says whether a referral letter about action can be
// written at all, consent aside: the action has a resource on record, and
// so a provider, to write to; it is not the client's own task; and the
// letter is not redacted (a letter that cannot name the person it refers
// is meaningless). res is the action's resource; ok says whether it is on
// record.
func CheckReferralTarget(c *casefile.Case, action casefile.Action, res casefile.Resource, ok, redacted bool) error {
	switch {
	case redacted:
		return fmt.Errorf("a referral letter cannot be redacted: the provider needs to know whom it is about; share it only with consent")
	case action.Resource == "":
		return fmt.Errorf("action %s of case %s has no resource, so there is no provider to refer to; give it one with 'casework plan action set' or write to the provider yourself", action.ID, c.ID)
	case IsClientTask(c, action):
		return fmt.Errorf("action %s of case %s is the client's own task: a referral letter goes to a provider", action.ID, c.ID)
	case !ok:
		return fmt.Errorf("action %s of case %s names resource %s, which is not in resources/: add it with 'casework resource add' so the letter can name the provider and its contact", action.ID, c.ID, action.Resource)
	}
	return nil
}

// shareConsent is the consent to share with the action's resource or its
// provider at t.
func shareConsent(c *casefile.Case, action casefile.Action, res casefile.Resource, t time.Time) consent.State {
	return consent.At(c, consent.Share, consent.Party{Resource: action.Resource, Provider: res.Provider}, t)
}

// NoConsentError refuses a referral letter for want of consent to share.
// It says how to proceed lawfully: ask the client, or, where a duty
// requires sharing without consent, record the override.
type NoConsentError struct {
	Case, Action, Resource, Provider string
	State                            consent.State
}

func (e *NoConsentError) Error() string {
	who := e.Resource
	if e.Provider != "" {
		who += " (" + e.Provider + ")"
	}
	return fmt.Sprintf("no referral letter to %s for case %s: %s with them. Ask the client, then 'casework consent %s give --purpose share --with %s'",
		who, e.Case, e.State.Describe(consent.Share), e.Case, e.Resource)
}

// CheckReferral says whether a referral letter about action may be
// written at now: CheckReferralTarget, and consent to share with that
// resource or its provider is in force (else a *NoConsentError). The
// disclosure is the breach, so every refusal says how to proceed
// lawfully.
func CheckReferral(c *casefile.Case, action casefile.Action, res casefile.Resource, ok, redacted bool, now time.Time) error {
	if err := CheckReferralTarget(c, action, res, ok, redacted); err != nil {
		return err
	}
	if st := shareConsent(c, action, res, now); !st.InForce {
		return &NoConsentError{Case: c.ID, Action: action.ID, Resource: action.Resource, Provider: res.Provider, State: st}
	}
	return nil
}
