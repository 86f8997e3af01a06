package casefile

import (
	"fmt"
	"strings"
	"unicode"
)

// Rules of the plausibility checks (Plausibility). docs/validation.md
// lists them.
const (
	RuleImplausibleName  = "implausible-name"  // a name holding a control character or a line break
	RuleImplausibleEmail = "implausible-email" // not one address of the form name@domain.tld
	RuleImplausibleDOB   = "implausible-dob"   // a date of birth before 1900 or over MaxAge years ago
	RuleFutureDOB        = "future-date"       // a date of birth after today
)

// Plausibility limits of a date of birth.
const (
	// EarliestBirthYear is the first year a date of birth may be in.
	EarliestBirthYear = 1900
	// MaxAge is the most years a date of birth may lie before today.
	MaxAge = 120
)

// Implausible is a value that cannot be right: a name with a line break,
// an e-mail address without a domain, a date of birth in 1800. Key is the
// value's path in the case file (client.email, household[0].dob). Msg
// names the key and says how to correct it; it never repeats the value,
// which is client data.
type Implausible struct {
	Key  string
	Rule string
	Msg  string
}

// Plausibility checks the names, e-mail addresses and dates of birth of a
// case (client, representative, household members) as of today. It is the
// one place these rules live: validate reports each finding as an error,
// and a command refuses to write a case it would make implausible
// (NewlyImplausible).
func Plausibility(c *Case, today Date) []Implausible {
	var out []Implausible
	add := func(p *Implausible) {
		if p != nil {
			out = append(out, *p)
		}
	}
	add(CheckName("client.name", c.Client.Name))
	add(CheckEmail("client.email", c.Client.Email))
	add(CheckDOB("client.dob", c.Client.DOB, today))
	if r := c.Client.Representative; r != nil {
		add(CheckName("client.representative.name", r.Name))
		add(CheckEmail("client.representative.email", r.Email))
	}
	for i, m := range c.Household {
		add(CheckName(fmt.Sprintf("household[%d].name", i), m.Name))
		add(CheckDOB(fmt.Sprintf("household[%d].dob", i), m.DOB, today))
	}
	return out
}

// NewlyImplausible returns the problems of after that before did not have
// (by key and rule): what a change would add. A change is refused for
// those only, so a case with an old implausible value can still be worked
// on while validate reports it.
func NewlyImplausible(before, after []Implausible) []Implausible {
	had := map[[2]string]bool{}
	for _, p := range before {
		had[[2]string{p.Key, p.Rule}] = true
	}
	var out []Implausible
	for _, p := range after {
		if !had[[2]string{p.Key, p.Rule}] {
			out = append(out, p)
		}
	}
	return out
}

// CheckName reports a name (at key) that holds a control character: a
// line break or tab would break tables and documents. nil when it is
// plausible.
func CheckName(key, name string) *Implausible {
	if strings.IndexFunc(name, unicode.IsControl) < 0 {
		return nil
	}
	return &Implausible{key, RuleImplausibleName, key + " holds a line break or another control character: write the name on one line, with spaces only"}
}

// CheckEmail reports an e-mail address (at key) that cannot be one: it
// must be a single address, local@domain, with no spaces or control
// characters and a dot inside the domain. Empty is plausible (not given).
func CheckEmail(key, email string) *Implausible {
	if email == "" {
		return nil
	}
	local, domain, ok := strings.Cut(email, "@")
	valid := ok && local != "" && !strings.Contains(domain, "@") &&
		strings.Contains(strings.Trim(domain, "."), ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..") &&
		strings.IndexFunc(email, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`,;<>()[]\"`, r)
		}) < 0
	if valid {
		return nil
	}
	return &Implausible{key, RuleImplausibleEmail, key + " is not an e-mail address: write one address, like name@example.org"}
}

// CheckDOB reports a date of birth (at key) after today, before
// EarliestBirthYear or more than MaxAge years before today. The zero date
// (not given) is plausible.
func CheckDOB(key string, dob, today Date) *Implausible {
	switch {
	case dob.IsZero():
		return nil
	case dob.After(today):
		return &Implausible{key, RuleFutureDOB, key + " is in the future: check the year (YYYY-MM-DD)"}
	case dob.Time().Year() < EarliestBirthYear:
		return &Implausible{key, RuleImplausibleDOB, fmt.Sprintf("%s is before %d: check the year (YYYY-MM-DD)", key, EarliestBirthYear)}
	case tooOld(dob, today):
		return &Implausible{key, RuleImplausibleDOB, fmt.Sprintf("%s is more than %d years ago: check the year (YYYY-MM-DD)", key, MaxAge)}
	}
	return nil
}

// tooOld reports whether dob lies more than MaxAge years before today.
func tooOld(dob, today Date) bool { return dob.Before(Date{today.Time().AddDate(-MaxAge, 0, 0)}) }

// PlausibleUntil returns the first day after today on which
// Plausibility(c, day) can find otherwise than on today, and false when
// no later day can: only the dates of birth depend on the day. A date of
// birth after today stops being in the future on its day; one within
// MaxAge years becomes too old on the first day it lies more than MaxAge
// years back; one before EarliestBirthYear or already too old stays so.
// (validate keeps a case's findings until then; see its cache.)
func PlausibleUntil(c *Case, today Date) (Date, bool) {
	var first Date
	for _, dob := range datesOfBirth(c) {
		if d, ok := dobUntil(dob, today); ok && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	return first, !first.IsZero()
}

// datesOfBirth are the dates of birth Plausibility checks.
func datesOfBirth(c *Case) []Date {
	out := []Date{c.Client.DOB}
	for _, m := range c.Household {
		out = append(out, m.DOB)
	}
	return out
}

// dobUntil is the first day after today on which CheckDOB(dob) can find
// otherwise than on today, and false when no later day can.
func dobUntil(dob, today Date) (Date, bool) {
	switch {
	case dob.IsZero(), dob.Time().Year() < EarliestBirthYear, tooOld(dob, today):
		return Date{}, false
	case dob.After(today):
		return dob, true
	}
	// tooOld is monotonic in the day and first holds about MaxAge years
	// and a day after dob (a day or two later or sooner where a 29
	// February is moved by AddDate).
	d := Date{dob.Time().AddDate(MaxAge, 0, -2)}
	if !d.After(today) {
		d = today.AddDays(1)
	}
	for !tooOld(dob, d) {
		d = d.AddDays(1)
	}
	return d, true
}
