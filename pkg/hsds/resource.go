package hsds

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/eligibility"
	"github.com/casework/casework/pkg/safetext"
)

// Source marks resources imported from HSDS (casefile.Resource.Source).
const Source = "hsds"

// DefaultPer is the unit of a price whose cost option says none.
const DefaultPer = "use"

// Options say how services become resources.
type Options struct {
	// DefaultCategory is the category of a service with no taxonomy term.
	DefaultCategory string
	// Today is the day of the import: a cost option is current when it
	// is valid on it.
	Today casefile.Date
}

// Check reports what keeps s from being a resource: no id, no name, a
// status HSDS does not have.
func Check(s Service) error {
	switch {
	case s.ID == "":
		return fmt.Errorf("%s: the service has no id", s.Where)
	case s.Name == "":
		return fmt.Errorf("%s: service %s has no name", s.Where, safetext.Token(s.ID))
	case !slices.Contains(Statuses, s.Status):
		return fmt.Errorf("%s: service %s has status %s; HSDS 3.0 statuses are %s", s.Where, safetext.Token(s.ID), safetext.Excerpt(s.Status), strings.Join(Statuses, ", "))
	}
	return nil
}

// Apply writes what service s says onto r: a new, empty resource, or one
// an earlier import made. A field the service does not have is left as it
// is, so that a summary list (no phones, no cost options) never erases
// what a full record gave; a list the service has, even empty, replaces
// the old one. It returns warnings (prices kept as text, ages rounded);
// an error names every problem of the service, with where it was read.
//
// The mapping, field by field, is docs/referrals-and-services.md.
func Apply(s Service, r *casefile.Resource, opts Options) ([]string, error) {
	if err := Check(s); err != nil {
		return nil, err
	}
	var warnings []string
	warn := func(format string, args ...any) {
		warnings = append(warnings, fmt.Sprintf("%s: service %s: ", s.Where, safetext.Token(s.ID))+fmt.Sprintf(format, args...))
	}
	r.ID, r.Name, r.Status, r.Source = s.ID, s.Name, s.Status, Source
	if s.Attributes != nil || r.Category == "" {
		r.Category = category(s, opts.DefaultCategory)
	}
	if o := s.Organization; o != nil && o.Name != "" {
		r.Provider = o.Name
	}
	if _, given := servicePhones(s); given || r.Contact == "" {
		// a record that lists no phones (a summary) would lose the
		// phone an earlier, full record put in the contact line.
		set(&r.Contact, contact(s))
	}
	set(&r.Fees, s.FeesDescription)
	set(&r.Application, s.ApplicationProcess)
	set(&r.Eligibility, s.EligibilityDescription)
	if s.CostOptions != nil {
		costs(s, r, opts.Today, warn)
	}
	if phones, given := servicePhones(s); given {
		r.Phones = nil
		for _, p := range phones {
			if n := number(p.Number); n != "" {
				r.Phones = append(r.Phones, casefile.ResourcePhone{Number: n, Extension: p.Extension, Type: p.Type, Languages: languages(p.Languages)})
			}
		}
	}
	if contacts, given := serviceContacts(s); given {
		r.Person = person(contacts)
	}
	if s.Locations != nil {
		r.Locations = nil
		for _, l := range s.Locations {
			if loc := (casefile.ResourceLocation{Name: l.Name, Address: address(l.Addresses)}); !slices.Contains(r.Locations, loc) {
				r.Locations = append(r.Locations, loc)
			}
		}
	}
	if s.Languages != nil {
		r.Languages = languages(s.Languages)
	}
	minAge, maxAge := r.MinAge, r.MaxAge
	if s.MinimumAge != nil {
		minAge = age(*s.MinimumAge, math.Ceil, "minimum_age", warn)
	}
	if s.MaximumAge != nil {
		maxAge = age(*s.MaximumAge, math.Floor, "maximum_age", warn)
	}
	if err := eligibility.CheckRange(minAge, maxAge); err != nil {
		return warnings, fmt.Errorf("%s: service %s: %v (HSDS minimum_age and maximum_age)", s.Where, safetext.Token(s.ID), err)
	}
	r.MinAge, r.MaxAge = minAge, maxAge
	return warnings, nil
}

// set sets *field to v when the service has a value for it.
func set(field *string, v string) {
	if v != "" {
		*field = v
	}
}

// age turns an HSDS age (a number of years) into whole years, rounding a
// fraction inwards (a minimum up, a maximum down) with a warning.
func age(v float64, round func(float64) float64, field string, warn func(string, ...any)) *int {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1000 {
		warn("%s %s is not an age; left out", field, strconv.FormatFloat(v, 'g', 6, 64))
		return nil
	}
	n := int(round(v))
	if float64(n) != v {
		warn("%s %s is not a whole number of years; taken as %d", field, strconv.FormatFloat(v, 'f', -1, 64), n)
	}
	return &n
}

// costs chooses the service's cost: the first cost option that is valid
// today, applies to everyone (no option text, no conditions) and has an
// amount. Every other option is kept as text in prices, with a warning
// when it is expired, not yet valid or conditional.
func costs(s Service, r *casefile.Resource, today casefile.Date, warn func(string, ...any)) {
	r.Cost, r.Per, r.Currency, r.Prices = 0, "", "", nil
	chosen := false
	for _, c := range s.CostOptions {
		if c.Amount == nil {
			if c.Option != "" || c.AmountDescription != "" {
				r.Prices = append(r.Prices, priceText(c, ""))
			}
			continue
		}
		var state string
		switch {
		case !c.ValidTo.IsZero() && c.ValidTo.Before(today):
			state = "expired"
		case !c.ValidFrom.IsZero() && c.ValidFrom.After(today):
			state = "not yet valid"
		}
		conditional := c.Option != "" || c.Conditions > 0
		if state == "" && !conditional && !chosen {
			chosen = true
			r.Cost, r.Per, r.Currency = *c.Amount, per(c), strings.ToUpper(c.Currency)
			continue
		}
		r.Prices = append(r.Prices, priceText(c, state))
		why := state
		if conditional {
			why = strings.TrimPrefix(why+" and conditional", " and ")
		}
		if why != "" {
			warn("cost option %s is %s; kept as text under prices, not taken as the cost", safetext.Token(c.ID), why)
		}
	}
}

// per is the unit of a price: its amount_description without "per ".
func per(c CostOption) string {
	p := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.AmountDescription), "per "))
	if p == "" {
		return DefaultPer
	}
	return p
}

// priceText writes a cost option as text: "35.00 GBP per 1 hour session
// (Under 18s and Over 60s; 2020-01-01 to 2022-12-31; expired on …)".
func priceText(c CostOption, note string) string {
	var b strings.Builder
	if c.Amount != nil {
		b.WriteString(strconv.FormatFloat(*c.Amount, 'f', 2, 64))
		if c.Currency != "" {
			b.WriteString(" " + strings.ToUpper(c.Currency))
		}
		b.WriteString(" per " + per(c))
	} else {
		b.WriteString(c.AmountDescription)
	}
	var terms []string
	switch {
	case c.Option != "":
		terms = append(terms, c.Option)
	case c.Conditions > 0:
		terms = append(terms, "with conditions")
	}
	if !c.ValidFrom.IsZero() || !c.ValidTo.IsZero() {
		terms = append(terms, strings.TrimSpace(orText(c.ValidFrom.String(), "…")+" to "+orText(c.ValidTo.String(), "…")))
	}
	if note != "" {
		terms = append(terms, note)
	}
	if len(terms) > 0 {
		b.WriteString(" (" + strings.Join(terms, "; ") + ")")
	}
	return strings.TrimSpace(b.String())
}

func orText(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// category is the name of the service's first taxonomy term, in lower
// case, else fallback.
func category(s Service, fallback string) string {
	for _, a := range s.Attributes {
		if a.TaxonomyTerm != nil && a.TaxonomyTerm.Name != "" {
			return strings.ToLower(a.TaxonomyTerm.Name)
		}
	}
	return fallback
}

// servicePhones are the service's phones, else its organization's; given
// says the input had either list.
func servicePhones(s Service) ([]Phone, bool) {
	if len(s.Phones) > 0 {
		return s.Phones, true
	}
	if o := s.Organization; o != nil && len(o.Phones) > 0 {
		return o.Phones, true
	}
	return nil, s.Phones != nil
}

// serviceContacts are the service's contacts, else its organization's.
func serviceContacts(s Service) ([]Contact, bool) {
	if len(s.Contacts) > 0 {
		return s.Contacts, true
	}
	if o := s.Organization; o != nil && len(o.Contacts) > 0 {
		return o.Contacts, true
	}
	return nil, s.Contacts != nil
}

// person is the first contact with a name or an email.
func person(contacts []Contact) *casefile.ResourcePerson {
	for _, c := range contacts {
		if c.Name == "" && c.Email == "" {
			continue
		}
		p := &casefile.ResourcePerson{Name: c.Name, Title: c.Title, Department: c.Department, Email: c.Email}
		if ph := firstPhone(c.Phones); ph != nil {
			p.Phone = phoneText(*ph)
		}
		return p
	}
	return nil
}

// contact joins the service's email, website and first phone, falling
// back to the organization's for each that the service lacks.
func contact(s Service) string {
	email, url, phone := s.Email, s.URL, firstPhone(s.Phones)
	if o := s.Organization; o != nil {
		email, url = or(email, o.Email), or(url, o.Website)
		if phone == nil {
			phone = firstPhone(o.Phones)
		}
	}
	parts := []string{}
	for _, p := range []string{email, url} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if phone != nil {
		parts = append(parts, phoneText(*phone))
	}
	return strings.Join(parts, "; ")
}

func firstPhone(ps []Phone) *Phone {
	for i := range ps {
		if number(ps[i].Number) != "" {
			return &ps[i]
		}
	}
	return nil
}

// number is a phone number without the quotes some exports wrap it in
// (the specification's examples give "\"+44 1234 234567\"").
func number(n string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(n), `"'`))
}

// phoneText is a number with its extension: "+44 1234 234567 ext. 100".
func phoneText(p Phone) string {
	if p.Extension != "" {
		return number(p.Number) + " ext. " + p.Extension
	}
	return number(p.Number)
}

// languages names each language (its name, else its code), once.
func languages(ls []Language) []string {
	var out []string
	for _, l := range ls {
		if n := or(l.Name, l.Code); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// address writes a location's first physical address (else its first
// address) on one line.
func address(as []Address) string {
	if len(as) == 0 {
		return ""
	}
	a := as[0]
	for _, b := range as {
		if b.Type == "physical" {
			a = b
			break
		}
	}
	var parts []string
	for _, p := range []string{a.Address1, a.Address2, a.City, a.Region, a.StateProvince, a.PostalCode, a.Country} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
