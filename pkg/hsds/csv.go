package hsds

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/safetext"
)

// table is one CSV file of a data package: its rows as column -> value,
// with their line numbers. A table that is not in the package has
// present false and no rows.
type table struct {
	// name is the file the rows are in; label names the table in
	// messages (the file name, or "the organization table").
	name    string
	label   string
	present bool
	// broken says the table could not be read at all.
	broken bool
	rows   []map[string]string
	lines  []int
}

// labelText names the table in messages.
func (t *table) labelText() string { return or(t.label, t.name) }

// where names a row of the table: file:line.
func (t *table) where(i int) string { return fmt.Sprintf("%s:%d", t.name, t.lines[i]) }

// tableFiles are the tables a data package may hold, each under its HSDS
// 3.0 file name and the singular name later 3.x examples use.
var tableFiles = map[string][]string{
	"services":             {"services.csv", "service.csv"},
	"organizations":        {"organizations.csv", "organization.csv"},
	"phones":               {"phones.csv", "phone.csv"},
	"cost_options":         {"cost_options.csv", "cost_option.csv"},
	"attributes":           {"attributes.csv", "attribute.csv"},
	"taxonomy_terms":       {"taxonomy_terms.csv", "taxonomy_term.csv"},
	"contacts":             {"contacts.csv", "contact.csv"},
	"locations":            {"locations.csv", "location.csv"},
	"addresses":            {"addresses.csv", "address.csv"},
	"languages":            {"languages.csv", "language.csv"},
	"service_at_locations": {"service_at_locations.csv", "service_at_location.csv"},
}

// IsPackageFile reports whether name is the file of a data package's
// services table, so that a path to it stands for its directory.
func IsPackageFile(name string) bool {
	for _, n := range append(tableFiles["services"], "datapackage.json") {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

// readTable reads the table called key from dir. A missing optional table
// is not present; a missing required one, or a required column missing,
// is a problem. Rows that do not read are listed in probs, and skipped.
func readTable(dir, key string, probs *problems, required ...string) *table {
	names := tableFiles[key]
	t := &table{name: names[0]}
	var f *os.File
	var err error
	for _, n := range names {
		if f, err = os.Open(filepath.Join(dir, n)); !errors.Is(err, fs.ErrNotExist) {
			t.name = n
			break
		}
	}
	if errors.Is(err, fs.ErrNotExist) && len(required) == 0 {
		return t
	}
	if err != nil {
		probs.add(t.name, "cannot read: %v", unwrapPath(err))
		t.broken = true
		return t
	}
	defer f.Close()
	t.present = true
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		probs.add(t.name, "the file is empty; an HSDS table starts with a header line")
		t.broken = true
		return t
	}
	if err != nil {
		probs.add(t.name+":1", "%s", csvProblem(err))
		t.broken = true
		return t
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	for i, col := range header {
		if !utf8.ValidString(col) {
			probs.add(fmt.Sprintf("%s:1:%d", t.name, i+1), "invalid UTF-8 in the header; save the file as UTF-8")
			t.broken = true
			return t
		}
		header[i] = strings.TrimSpace(col)
	}
	for _, col := range required {
		if !contains(header, col) {
			probs.add(t.name+":1", "no %q column; HSDS 3.0 %s has columns %s", col, t.name, strings.Join(required, ", "))
			t.broken = true
			return t
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			probs.add(fmt.Sprintf("%s:%d:%d", t.name, pe.Line, pe.Column), "%s", csvProblem(err))
			continue
		}
		if err != nil {
			probs.add(t.name, "%s", csvProblem(err))
			break
		}
		line, _ := r.FieldPos(0)
		row, ok := map[string]string{}, true
		for i, field := range rec {
			if !utf8.ValidString(field) {
				l, c := r.FieldPos(i)
				probs.add(fmt.Sprintf("%s:%d:%d", t.name, l, c), "invalid UTF-8; save the file as UTF-8")
				ok = false
				break
			}
			if i < len(header) {
				row[header[i]] = strings.TrimSpace(field)
			}
		}
		if ok {
			t.rows = append(t.rows, row)
			t.lines = append(t.lines, line)
		}
	}
	return t
}

// csvProblem says what is wrong with a CSV line, in words.
func csvProblem(err error) string {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, csv.ErrQuote):
		return "a quote (\") is missing or out of place; quote a value that holds a comma, quote or line break, and double a quote inside it"
	case errors.Is(err, csv.ErrBareQuote):
		return "a quote (\") inside a value that is not quoted; quote the value and double the quote"
	case errors.As(err, &pe):
		return "not valid CSV"
	}
	return "cannot read the file"
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if strings.TrimSpace(v) == s {
			return true
		}
	}
	return false
}

// index groups the row numbers of a table by the value of one column;
// rows where it is empty are left out.
func (t *table) index(col string) map[string][]int {
	out := map[string][]int{}
	for i, row := range t.rows {
		if v := row[col]; v != "" {
			out[v] = append(out[v], i)
		}
	}
	return out
}

// given returns an empty, non-nil list when the table is present (the
// package says what the service has, perhaps nothing), else nil.
func given[T any](t *table) []T {
	if t.present {
		return []T{}
	}
	return nil
}

// otherEntities are the link_entity values of attributes that describe
// something other than a service.
var otherEntities = []string{"organization", "location", "service_at_location", "cost_option", "contact", "phone", "program"}

// ReadPackage reads an HSDS 3.0 tabular data package: services.csv and
// organizations.csv are required; phones, cost options, attributes,
// taxonomy terms, contacts, locations, addresses, languages and services
// at locations are read when present (under their plural or singular
// file names). Every problem is listed, each as file:line.
func ReadPackage(dir string) ([]Service, error) {
	probs := &problems{}
	services := joinTables(func(key string, required ...string) *table { return readTable(dir, key, probs, required...) }, probs)
	return services, probs.err()
}

// optionalTables are the tables of a data package read when present.
var optionalTables = []string{"phones", "cost_options", "attributes", "taxonomy_terms", "contacts", "locations", "addresses", "languages", "service_at_locations"}

// joinTables reads the tables of a data package with load (from CSV
// files, or from tabular JSON) and joins them into services, adding every
// problem to probs.
func joinTables(load func(key string, required ...string) *table, probs *problems) []Service {
	services := load("services", "id", "name", "status")
	orgs := load("organizations", "id", "name")
	t := map[string]*table{}
	for _, key := range optionalTables {
		t[key] = load(key)
	}
	if services.broken || orgs.broken {
		return nil
	}
	p := &pkg{t: t, probs: probs}
	p.indexes()
	orgByID := map[string]*Organization{}
	for i, row := range orgs.rows {
		o := &Organization{ID: row["id"], Name: row["name"], Email: row["email"], Website: or(row["website"], row["url"])}
		for _, pi := range p.phonesByOrg[o.ID] {
			if t["phones"].rows[pi]["service_id"] == "" {
				o.Phones = append(o.Phones, p.phone(pi))
			}
		}
		for _, ci := range p.byCol("contacts", "organization_id")[o.ID] {
			if t["contacts"].rows[ci]["service_id"] == "" {
				o.Contacts = append(o.Contacts, p.contact(ci))
			}
		}
		if orgByID[o.ID] != nil {
			probs.add(orgs.where(i), "organization id %s is also on an earlier line; ids must be unique", safetext.Token(o.ID))
		}
		orgByID[o.ID] = o
	}
	out := make([]Service, 0, len(services.rows))
	for i, row := range services.rows {
		s := Service{
			ID: row["id"], Name: row["name"], Description: row["description"], URL: row["url"], Email: row["email"], Status: row["status"],
			FeesDescription: row["fees_description"], EligibilityDescription: row["eligibility_description"], ApplicationProcess: row["application_process"],
			Where: services.where(i),
		}
		s.MinimumAge, s.MaximumAge = p.number(s.Where, "minimum_age", row["minimum_age"]), p.number(s.Where, "maximum_age", row["maximum_age"])
		if id := row["organization_id"]; id != "" {
			if s.Organization = orgByID[id]; s.Organization == nil {
				probs.add(s.Where, "organization_id %s is not in %s", safetext.Token(id), orgs.labelText())
			}
		}
		p.fill(&s)
		out = append(out, s)
	}
	return out
}

// pkg joins the optional tables of a data package to its services.
type pkg struct {
	t           map[string]*table
	probs       *problems
	phonesByOrg map[string][]int
	cols        map[string]map[string][]int
	terms       map[string]*TaxonomyTerm
	costIDs     map[string]int
}

func (p *pkg) indexes() {
	p.cols = map[string]map[string][]int{}
	p.phonesByOrg = p.byCol("phones", "organization_id")
	p.terms = map[string]*TaxonomyTerm{}
	for _, row := range p.t["taxonomy_terms"].rows {
		p.terms[row["id"]] = &TaxonomyTerm{ID: row["id"], Code: row["code"], Name: row["name"], Taxonomy: row["taxonomy"]}
	}
	p.costIDs = map[string]int{}
	for _, ai := range p.t["attributes"].rows {
		if ai["link_entity"] == "cost_option" || ai["link_entity"] == "" {
			p.costIDs[ai["link_id"]]++
		}
	}
}

// byCol indexes a table by a column, once.
func (p *pkg) byCol(key, col string) map[string][]int {
	k := key + "." + col
	if p.cols[k] == nil {
		p.cols[k] = p.t[key].index(col)
	}
	return p.cols[k]
}

func (p *pkg) number(where, col, v string) *float64 {
	if v == "" {
		return nil
	}
	f, ok := parseNumber(v)
	if !ok {
		p.probs.add(where, "%s %s is not a number", col, safetext.Token(v))
		return nil
	}
	return &f
}

func (p *pkg) phone(i int) Phone {
	row := p.t["phones"].rows[i]
	ph := Phone{Number: row["number"], Extension: row["extension"], Type: row["type"]}
	for _, li := range p.byCol("languages", "phone_id")[row["id"]] {
		ph.Languages = append(ph.Languages, p.language(li))
	}
	return ph
}

func (p *pkg) contact(i int) Contact {
	row := p.t["contacts"].rows[i]
	c := Contact{Name: row["name"], Title: row["title"], Department: row["department"], Email: row["email"]}
	for _, pi := range p.byCol("phones", "contact_id")[row["id"]] {
		c.Phones = append(c.Phones, p.phone(pi))
	}
	return c
}

func (p *pkg) language(i int) Language {
	row := p.t["languages"].rows[i]
	return Language{Name: row["name"], Code: row["code"]}
}

// fill joins the optional tables to s.
func (p *pkg) fill(s *Service) {
	t := p.t
	s.Phones = given[Phone](t["phones"])
	for _, pi := range p.byCol("phones", "service_id")[s.ID] {
		s.Phones = appendPhones(s.Phones, []Phone{p.phone(pi)})
	}
	s.Languages = given[Language](t["languages"])
	for _, li := range p.byCol("languages", "service_id")[s.ID] {
		s.Languages = append(s.Languages, p.language(li))
	}
	s.Contacts = given[Contact](t["contacts"])
	for _, ci := range p.byCol("contacts", "service_id")[s.ID] {
		s.Contacts = appendNew(s.Contacts, []Contact{p.contact(ci)})
	}
	if sal := t["service_at_locations"]; sal.present {
		s.Locations = []Location{}
		locs := p.byCol("locations", "id")
		for _, si := range p.byCol("service_at_locations", "service_id")[s.ID] {
			row := sal.rows[si]
			for _, ci := range p.byCol("contacts", "service_at_location_id")[row["id"]] {
				s.Contacts = appendNew(s.Contacts, []Contact{p.contact(ci)})
			}
			for _, li := range locs[row["location_id"]] {
				s.Locations = append(s.Locations, p.location(li))
			}
		}
	}
	if co := t["cost_options"]; co.present {
		s.CostOptions = []CostOption{}
		for _, ci := range p.byCol("cost_options", "service_id")[s.ID] {
			row, where := co.rows[ci], co.where(ci)
			c := CostOption{ID: row["id"], Option: row["option"], Currency: row["currency"], AmountDescription: row["amount_description"], Conditions: p.costIDs[row["id"]]}
			c.Amount = p.number(where, "amount", row["amount"])
			if c.Amount != nil {
				if err := casefile.CheckAmount(*c.Amount); err != nil {
					p.probs.add(where, "amount %s %v", safetext.Token(row["amount"]), err)
					c.Amount = nil
				}
			}
			var ok bool
			for _, d := range []struct {
				col string
				to  *casefile.Date
			}{{"valid_from", &c.ValidFrom}, {"valid_to", &c.ValidTo}} {
				if *d.to, ok = parseDate(row[d.col]); !ok {
					p.probs.add(where, "%s %s is not a date YYYY-MM-DD", d.col, safetext.Token(row[d.col]))
				}
			}
			s.CostOptions = append(s.CostOptions, c)
		}
	}
	if at := t["attributes"]; at.present {
		s.Attributes = []Attribute{}
		for _, ai := range p.byCol("attributes", "link_id")[s.ID] {
			row := at.rows[ai]
			if contains(otherEntities, row["link_entity"]) {
				continue
			}
			s.Attributes = append(s.Attributes, Attribute{TaxonomyTermID: row["taxonomy_term_id"], TaxonomyTerm: p.terms[row["taxonomy_term_id"]], Label: row["label"], Value: row["value"]})
		}
	}
}

func (p *pkg) location(i int) Location {
	row := p.t["locations"].rows[i]
	l := Location{Name: row["name"]}
	for _, ai := range p.byCol("addresses", "location_id")[row["id"]] {
		a := p.t["addresses"].rows[ai]
		l.Addresses = append(l.Addresses, Address{Attention: a["attention"], Address1: a["address_1"], Address2: a["address_2"], City: a["city"],
			Region: a["region"], StateProvince: a["state_province"], PostalCode: a["postal_code"], Country: a["country"], Type: a["address_type"]})
	}
	return l
}
