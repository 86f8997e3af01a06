package hsds

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// Source marks resources imported from HSDS (casefile.Resource.Source).
const Source = "hsds"

// DefaultPer is the unit of a price whose cost option says none.
const DefaultPer = "use"

// Resource turns a service into a casework resource:
//
//   - id: the service id; name: the service name; provider: the
//     organization's name;
//   - category: the name of the service's first taxonomy term (lower
//     case), else defaultCategory;
//   - cost and per: the first cost option with an amount (per from its
//     amount_description, "per " removed, else "use");
//   - contact: the service's email, url and first phone, else the
//     organization's;
//   - eligibility: eligibility_description, then fees_description and the
//     other prices and their conditions, which casework has no field for;
//   - status: the HSDS status; source: hsds.
func Resource(s Service, defaultCategory string) (casefile.Resource, error) {
	switch {
	case s.ID == "":
		return casefile.Resource{}, fmt.Errorf("%s: the service has no id", s.Where)
	case s.Name == "":
		return casefile.Resource{}, fmt.Errorf("%s: service %s has no name", s.Where, s.ID)
	case !slices.Contains(Statuses, s.Status):
		return casefile.Resource{}, fmt.Errorf("%s: service %s has status %q; HSDS 3.0 statuses are %s", s.Where, s.ID, s.Status, strings.Join(Statuses, ", "))
	}
	r := casefile.Resource{ID: s.ID, Name: s.Name, Category: category(s, defaultCategory), Status: s.Status, Source: Source}
	if s.Organization != nil {
		r.Provider = s.Organization.Name
	}
	var prices []string
	for _, c := range s.CostOptions {
		if c.Amount == nil {
			continue
		}
		per := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.AmountDescription), "per "))
		if per == "" {
			per = DefaultPer
		}
		if r.Per == "" {
			r.Cost, r.Per = *c.Amount, per
		}
		price := strconv.FormatFloat(*c.Amount, 'f', 2, 64)
		if c.Currency != "" {
			price += " " + strings.ToUpper(c.Currency)
		}
		price += " per " + per
		if c.Option != "" {
			price += " (" + c.Option + ")"
		}
		prices = append(prices, price)
	}
	r.Contact = contact(s)
	var elig []string
	if s.EligibilityDescription != "" {
		elig = append(elig, s.EligibilityDescription)
	}
	if s.FeesDescription != "" {
		elig = append(elig, "Fees: "+s.FeesDescription)
	}
	if len(prices) > 1 || (len(prices) == 1 && s.CostOptions[0].Option != "") {
		elig = append(elig, "Prices: "+strings.Join(prices, "; "))
	}
	r.Eligibility = strings.Join(elig, ". ")
	return r, nil
}

func category(s Service, fallback string) string {
	for _, a := range s.Attributes {
		if a.TaxonomyTerm != nil && a.TaxonomyTerm.Name != "" {
			return strings.ToLower(a.TaxonomyTerm.Name)
		}
	}
	return fallback
}

// contact joins the service's email, website and first phone, falling
// back to the organization's for each that the service lacks.
func contact(s Service) string {
	email, url, phone := s.Email, s.URL, firstPhone(s.Phones)
	if o := s.Organization; o != nil {
		email, url, phone = or(email, o.Email), or(url, o.Website), or(phone, firstPhone(o.Phones))
	}
	var parts []string
	for _, p := range []string{email, url, phone} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

func firstPhone(ps []Phone) string {
	for _, p := range ps {
		if p.Number != "" {
			return p.Number
		}
	}
	return ""
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
