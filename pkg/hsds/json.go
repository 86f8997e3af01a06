package hsds

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
)

// The HSDS JSON shapes, as the specification's examples name them.
const (
	ShapeService           = "service"
	ShapeOrganization      = "organization"
	ShapeServiceAtLocation = "service at location"
	ShapeLocation          = "location"
	ShapeTaxonomy          = "taxonomy"
	ShapeTaxonomyTerm      = "taxonomy term"
	ShapeAPIRoot           = "API root (version, profile, openapi_url)"
)

// ReadJSON reads HSDS 3.0 JSON: one service (service_full.json,
// service_simple.json), a page of services under "contents"
// (service_list.json) or a bare list of them, an organization with its
// services nested (organization_full.json), or a service at a location
// (service_at_location_full.json, and pages of them), or tabular JSON
// (tabular.json), joined as a data package is. Every problem is
// listed, each as name:line: what and how to fix it; a syntax error
// stops the reading where it is.
func ReadJSON(name string, data []byte) ([]Service, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	root, err := parseJSON(data)
	if err != nil {
		var oe *offsetError
		if errors.As(err, &oe) {
			line, col := lineOf(data, oe.off)
			return nil, fmt.Errorf("%s:%d:%d: %s", name, line, col, oe.msg)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r := &jsonReader{name: name, data: data}
	switch {
	case root.kind == 'a':
		for _, it := range root.items {
			r.item(it)
		}
	case root.kind != 'o':
		r.add(root, "not HSDS JSON: expected an object or a list of services, found %s", root.kindName())
	case root.get("contents") != nil:
		contents := root.get("contents")
		if contents.kind != 'a' {
			r.add(contents, `"contents" is %s; an HSDS page holds a list of services there`, contents.kindName())
		}
		for _, it := range contents.items {
			r.item(it)
		}
	case isList(root.get("service")) || isList(root.get("organization")):
		r.services = append(r.services, joinTables(r.tabular(root), &r.problems)...)
	default:
		r.item(root)
	}
	return r.services, r.err()
}

type jsonReader struct {
	name     string
	data     []byte
	services []Service
	problems
}

// where names the line of n.
func (r *jsonReader) where(n *node) string {
	line, _ := lineOf(r.data, n.off)
	return fmt.Sprintf("%s:%d", r.name, line)
}

func (r *jsonReader) add(n *node, format string, args ...any) {
	r.problems.add(r.where(n), format, args...)
}

// isList reports whether n is a JSON list.
func isList(n *node) bool { return n != nil && n.kind == 'a' }

// tabular loads the tables of tabular JSON (tabular.json in the
// examples: one list of flat objects per table, under the singular table
// name), for joinTables.
func (r *jsonReader) tabular(root *node) func(key string, required ...string) *table {
	return func(key string, required ...string) *table {
		name := strings.TrimSuffix(tableFiles[key][1], ".csv")
		t := &table{name: r.name, label: "the " + name + " table"}
		list := root.get(name)
		if list == nil {
			if len(required) > 0 {
				r.add(root, "tabular JSON without the %q table", name)
				t.broken = true
			}
			return t
		}
		t.present = true
		for _, row := range r.list(root, name) {
			values := map[string]string{}
			for i, k := range row.keys {
				switch v := row.vals[i]; v.kind {
				case 's', 'n', 'b':
					values[k] = strings.TrimSpace(v.text)
				case 'o', 'a':
					r.add(v, "%q in the %s table is %s; tabular JSON holds flat values", k, name, v.kindName())
				}
			}
			line, _ := lineOf(r.data, row.off)
			t.rows, t.lines = append(t.rows, values), append(t.lines, line)
		}
		return t
	}
}

// shape tells which HSDS object n is, from the keys only that shape has.
func shape(n *node) string {
	switch {
	case n.kind != 'o':
		return ""
	case n.get("service") != nil && n.get("service").kind == 'o':
		return ShapeServiceAtLocation
	case n.has("status", "organization", "service_at_locations", "cost_options", "eligibility_description", "application_process", "fees_description", "minimum_age", "maximum_age"):
		return ShapeService
	case n.has("services", "website", "legal_status", "tax_status", "tax_id", "year_incorporated", "parent_organization_id", "organization_identifiers", "programs", "logo"):
		return ShapeOrganization
	case n.has("location_type", "latitude", "longitude", "addresses", "transportation", "accessibility"):
		return ShapeLocation
	case n.has("openapi_url", "profile"):
		return ShapeAPIRoot
	case n.has("parent_id", "term_uri", "taxonomy", "taxonomy_detail", "code"):
		return ShapeTaxonomyTerm
	case n.has("version", "uri"):
		return ShapeTaxonomy
	}
	return ""
}

// item reads one object of a list or page: the services it holds.
func (r *jsonReader) item(n *node) {
	switch s := shape(n); s {
	case ShapeService:
		r.services = append(r.services, r.service(n, nil, nil))
	case ShapeOrganization:
		services := n.get("services")
		if services == nil {
			r.add(n, "an HSDS organization without its services (as organization_simple.json and organization lists give it): nothing to import; give the organization in full, or its services")
			return
		}
		org := r.organization(n)
		for _, it := range r.list(n, "services") {
			r.services = append(r.services, r.service(it, org, nil))
		}
	case ShapeServiceAtLocation:
		svc := n.get("service")
		r.services = append(r.services, r.service(svc, nil, n))
	case ShapeLocation, ShapeTaxonomy, ShapeTaxonomyTerm, ShapeAPIRoot:
		r.add(n, "an HSDS %s, not a service: give services, a service list, an organization with its services, or a data package", s)
	default:
		if n.kind != 'o' {
			r.add(n, "expected an HSDS service (an object with id, name and status), found %s", n.kindName())
			return
		}
		r.add(n, "not an HSDS service, organization or service at location: a service has id, name and status")
	}
}

// str reads the text at key; a number is read as its digits (HSDS
// examples give a phone's extension as a number).
func (r *jsonReader) str(n *node, key string) string {
	v := n.get(key)
	if v == nil {
		return ""
	}
	switch v.kind {
	case 's', 'n':
		return strings.TrimSpace(v.text)
	case 'z':
		return ""
	}
	r.add(v, "%q is %s; it should be text", key, v.kindName())
	return ""
}

// num reads the number at key (or text holding one); nil when absent.
func (r *jsonReader) num(n *node, key string) *float64 {
	v := n.get(key)
	if v == nil || v.kind == 'z' || v.kind == 's' && strings.TrimSpace(v.text) == "" {
		return nil
	}
	if v.kind == 's' || v.kind == 'n' {
		if f, ok := parseNumber(v.text); ok {
			return &f
		}
	}
	r.add(v, "%q should be a number, not %s", key, safetext.Token(v.text))
	return nil
}

// parseNumber reads a finite number; NaN and infinities are not amounts
// or ages.
func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

// date reads a YYYY-MM-DD date at key.
func (r *jsonReader) date(n *node, key string) casefile.Date {
	s := r.str(n, key)
	d, ok := parseDate(s)
	if !ok {
		r.add(n.get(key), "%q is %s, not a date YYYY-MM-DD", key, safetext.Token(s))
	}
	return d
}

// parseDate reads an HSDS date: YYYY-MM-DD, or the date of a date-time.
// Empty is the zero date.
func parseDate(s string) (casefile.Date, bool) {
	if s == "" {
		return casefile.Date{}, true
	}
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	d, err := casefile.ParseDate(s)
	return d, err == nil
}

// list returns the objects of the list at key: nil when the key is
// absent, empty (not nil) when it is there with nothing in it.
func (r *jsonReader) list(n *node, key string) []*node {
	v := n.get(key)
	switch {
	case v == nil:
		return nil
	case v.kind == 'z':
		return []*node{}
	case v.kind != 'a':
		r.add(v, "%q is %s; it should be a list", key, v.kindName())
		return []*node{}
	}
	out := make([]*node, 0, len(v.items))
	for _, it := range v.items {
		if it.kind != 'o' {
			r.add(it, "an item of %q is %s; it should be an object", key, it.kindName())
			continue
		}
		out = append(out, it)
	}
	return out
}

func (r *jsonReader) organization(n *node) *Organization {
	if n == nil || n.kind == 'z' {
		return nil
	}
	if n.kind != 'o' {
		r.add(n, `"organization" is %s; it should be an object`, n.kindName())
		return nil
	}
	return &Organization{ID: r.str(n, "id"), Name: r.str(n, "name"), Email: r.str(n, "email"), Website: r.str(n, "website"),
		Phones: r.phones(n, "phones"), Contacts: r.contacts(n, "contacts")}
}

// service reads a service; org is the organization it is nested in, sal
// the service at location it was read from.
func (r *jsonReader) service(n *node, org *Organization, sal *node) Service {
	s := Service{
		ID: r.str(n, "id"), Name: r.str(n, "name"), Description: r.str(n, "description"), URL: r.str(n, "url"), Email: r.str(n, "email"),
		Status: r.str(n, "status"), FeesDescription: r.str(n, "fees_description"), EligibilityDescription: r.str(n, "eligibility_description"),
		ApplicationProcess: r.str(n, "application_process"), MinimumAge: r.num(n, "minimum_age"), MaximumAge: r.num(n, "maximum_age"),
		Organization: org, Phones: r.phones(n, "phones"), Contacts: r.contacts(n, "contacts"), Languages: r.languages(n, "languages"),
		Where: r.where(n),
	}
	if o := n.get("organization"); o != nil {
		s.Organization = r.organization(o)
	}
	sals := r.list(n, "service_at_locations")
	if sal != nil {
		sals = append(sals, sal)
	}
	for _, at := range sals {
		s.Phones = appendPhones(s.Phones, r.phones(at, "phones"))
		s.Contacts = appendNew(s.Contacts, r.contacts(at, "contacts"))
		if l := at.get("location"); l != nil && l.kind == 'o' {
			s.Locations = append(s.Locations, r.location(l))
		}
	}
	if sals != nil && s.Locations == nil {
		s.Locations = []Location{}
	}
	if cos := r.list(n, "cost_options"); cos != nil {
		s.CostOptions = []CostOption{}
		for _, c := range cos {
			co := CostOption{ID: r.str(c, "id"), ValidFrom: r.date(c, "valid_from"), ValidTo: r.date(c, "valid_to"), Option: r.str(c, "option"),
				Currency: r.str(c, "currency"), Amount: r.num(c, "amount"), AmountDescription: r.str(c, "amount_description"),
				Conditions: len(r.list(c, "attributes"))}
			if co.Amount != nil {
				if err := casefile.CheckAmount(*co.Amount); err != nil {
					r.add(c.get("amount"), `"amount" %s %v`, safetext.Token(c.get("amount").text), err)
					co.Amount = nil
				}
			}
			s.CostOptions = append(s.CostOptions, co)
		}
	}
	if attrs := r.list(n, "attributes"); attrs != nil {
		s.Attributes = []Attribute{}
		for _, a := range attrs {
			attr := Attribute{TaxonomyTermID: r.str(a, "taxonomy_term_id"), Label: r.str(a, "label"), Value: r.str(a, "value")}
			if t := a.get("taxonomy_term"); t != nil && t.kind == 'o' {
				attr.TaxonomyTerm = &TaxonomyTerm{ID: r.str(t, "id"), Code: r.str(t, "code"), Name: r.str(t, "name"), Taxonomy: r.str(t, "taxonomy")}
				if attr.TaxonomyTermID == "" {
					attr.TaxonomyTermID = attr.TaxonomyTerm.ID
				}
			}
			s.Attributes = append(s.Attributes, attr)
		}
	}
	return s
}

func (r *jsonReader) phones(n *node, key string) []Phone {
	items := r.list(n, key)
	if items == nil {
		return nil
	}
	out := []Phone{}
	for _, p := range items {
		out = append(out, Phone{Number: r.str(p, "number"), Extension: r.str(p, "extension"), Type: r.str(p, "type"), Languages: r.languages(p, "languages")})
	}
	return out
}

func (r *jsonReader) contacts(n *node, key string) []Contact {
	items := r.list(n, key)
	if items == nil {
		return nil
	}
	out := []Contact{}
	for _, c := range items {
		out = append(out, Contact{Name: r.str(c, "name"), Title: r.str(c, "title"), Department: r.str(c, "department"), Email: r.str(c, "email"), Phones: r.phones(c, "phones")})
	}
	return out
}

func (r *jsonReader) languages(n *node, key string) []Language {
	items := r.list(n, key)
	if items == nil {
		return nil
	}
	out := []Language{}
	for _, l := range items {
		out = append(out, Language{Name: r.str(l, "name"), Code: r.str(l, "code")})
	}
	return out
}

func (r *jsonReader) location(n *node) Location {
	l := Location{Name: r.str(n, "name")}
	for _, a := range r.list(n, "addresses") {
		l.Addresses = append(l.Addresses, Address{Attention: r.str(a, "attention"), Address1: r.str(a, "address_1"), Address2: r.str(a, "address_2"),
			City: r.str(a, "city"), Region: r.str(a, "region"), StateProvince: r.str(a, "state_province"), PostalCode: r.str(a, "postal_code"),
			Country: r.str(a, "country"), Type: r.str(a, "address_type")})
	}
	return l
}

// appendPhones adds the phones of more that list does not have yet. A
// list given only by more counts as given.
func appendPhones(list, more []Phone) []Phone {
	if more == nil {
		return list
	}
	if list == nil {
		list = []Phone{}
	}
	for _, p := range more {
		dup := false
		for _, q := range list {
			if q.Number == p.Number && q.Extension == p.Extension {
				dup = true
			}
		}
		if !dup {
			list = append(list, p)
		}
	}
	return list
}

// appendNew adds the contacts of more that list does not have yet.
func appendNew(list, more []Contact) []Contact {
	if more == nil {
		return list
	}
	if list == nil {
		list = []Contact{}
	}
	for _, c := range more {
		dup := false
		for _, d := range list {
			if d.Name == c.Name && d.Email == c.Email {
				dup = true
			}
		}
		if !dup {
			list = append(list, c)
		}
	}
	return list
}
