package careplan

import (
	"fmt"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/consent"
)

// Referral is the name of the referral letter's template.
const Referral = "referral"

// CheckReferral says whether a referral letter about action may be
// written now: the action has a resource, and so a provider, to write to;
// it is not the client's own task; the letter is not redacted (a letter
// that cannot name the person it refers is meaningless); and consent to
// share with that resource or its provider is in force. The disclosure
// is the breach, so every refusal says how to proceed lawfully.
func CheckReferral(c *casefile.Case, action casefile.Action, res casefile.Resource, redacted bool, now time.Time) error {
	switch {
	case redacted:
		return fmt.Errorf("a referral letter cannot be redacted: the provider needs to know whom it is about; share it only with consent")
	case action.Resource == "":
		return fmt.Errorf("action %s of case %s has no resource, so there is no provider to refer to; give it one with 'casework plan action set' or write to the provider yourself", action.ID, c.ID)
	case action.Responsible == "client":
		return fmt.Errorf("action %s of case %s is the client's own task: a referral letter goes to a provider", action.ID, c.ID)
	}
	st := consent.At(c, consent.Share, consent.Party{Resource: action.Resource, Provider: res.Provider}, now)
	if !st.InForce {
		who := action.Resource
		if res.Provider != "" {
			who += " (" + res.Provider + ")"
		}
		return fmt.Errorf("no referral letter to %s for case %s: %s with them. Ask the client, then 'casework consent %s give --purpose share --with %s'",
			who, c.ID, st.Describe(consent.Share), c.ID, action.Resource)
	}
	return nil
}
