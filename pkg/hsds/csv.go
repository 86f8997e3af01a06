package hsds

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// table is one CSV file of a data package: its rows as column -> value,
// with their line numbers.
type table struct {
	name  string
	rows  []map[string]string
	lines []int
}

// readTable reads dir/name. A missing optional table is empty; a missing
// required one is an error.
func readTable(dir, name string, required ...string) (*table, error) {
	t := &table{name: name}
	f, err := os.Open(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) && len(required) == 0 {
		return t, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, unwrapPath(err))
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: the file is empty; an HSDS table starts with a header line", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	header[0] = strings.TrimPrefix(header[0], "\ufeff")
	for i, col := range header {
		if !utf8.ValidString(col) {
			return nil, fmt.Errorf("%s:1:%d: invalid UTF-8 in the header; save the file as UTF-8", name, i+1)
		}
	}
	for _, col := range required {
		if !contains(header, col) {
			return nil, fmt.Errorf("%s:1: no %q column; HSDS 3.0 %s has columns %s", name, col, name, strings.Join(required, ", "))
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		for i, field := range rec {
			if !utf8.ValidString(field) {
				l, c := r.FieldPos(i)
				return nil, fmt.Errorf("%s:%d:%d: invalid UTF-8; save the file as UTF-8", name, l, c)
			}
		}
		row := map[string]string{}
		for i, col := range header {
			if i < len(rec) {
				row[strings.TrimSpace(col)] = strings.TrimSpace(rec[i])
			}
		}
		t.rows = append(t.rows, row)
		t.lines = append(t.lines, line)
	}
	return t, nil
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

// byKey groups a table's rows by the value of one column.
func (t *table) byKey(col string) map[string][]map[string]string {
	out := map[string][]map[string]string{}
	for _, row := range t.rows {
		out[row[col]] = append(out[row[col]], row)
	}
	return out
}

// ReadPackage reads an HSDS 3.0 tabular data package: services.csv and
// organizations.csv are required; phones.csv, cost_options.csv,
// attributes.csv and taxonomy_terms.csv are read when present.
func ReadPackage(dir string) ([]Service, error) {
	services, err := readTable(dir, "services.csv", "id", "name", "status")
	if err != nil {
		return nil, err
	}
	orgs, err := readTable(dir, "organizations.csv", "id", "name")
	if err != nil {
		return nil, err
	}
	var optional [4]*table
	for i, name := range []string{"phones.csv", "cost_options.csv", "attributes.csv", "taxonomy_terms.csv"} {
		if optional[i], err = readTable(dir, name); err != nil {
			return nil, err
		}
	}
	phones, costs, attrs, terms := optional[0], optional[1], optional[2], optional[3]
	orgByID := map[string]*Organization{}
	for _, row := range orgs.rows {
		orgByID[row["id"]] = &Organization{ID: row["id"], Name: row["name"], Email: row["email"], Website: row["website"]}
	}
	for _, row := range phones.rows {
		if o := orgByID[row["organization_id"]]; o != nil && row["service_id"] == "" {
			o.Phones = append(o.Phones, Phone{Number: row["number"]})
		}
	}
	termByID := map[string]*TaxonomyTerm{}
	for _, row := range terms.rows {
		termByID[row["id"]] = &TaxonomyTerm{ID: row["id"], Code: row["code"], Name: row["name"]}
	}
	phonesOf, costsOf, attrsOf := phones.byKey("service_id"), costs.byKey("service_id"), attrs.byKey("link_id")
	out := make([]Service, 0, len(services.rows))
	for i, row := range services.rows {
		s := Service{
			ID: row["id"], OrganizationID: row["organization_id"], Name: row["name"], Description: row["description"],
			URL: row["url"], Email: row["email"], Status: row["status"],
			FeesDescription: row["fees_description"], EligibilityDescription: row["eligibility_description"],
			Organization: orgByID[row["organization_id"]],
			Where:        fmt.Sprintf("services.csv:%d", services.lines[i]),
		}
		if s.OrganizationID != "" && s.Organization == nil {
			return nil, fmt.Errorf("%s: organization_id %q is not in organizations.csv", s.Where, s.OrganizationID)
		}
		for _, p := range phonesOf[s.ID] {
			s.Phones = append(s.Phones, Phone{Number: p["number"]})
		}
		for _, c := range costsOf[s.ID] {
			co := CostOption{Option: c["option"], Currency: c["currency"], AmountDescription: c["amount_description"]}
			if c["amount"] != "" {
				amount, err := strconv.ParseFloat(c["amount"], 64)
				if err != nil {
					return nil, fmt.Errorf("cost_options.csv: amount %q of service %s is not a number", c["amount"], s.ID)
				}
				co.Amount = &amount
			}
			s.CostOptions = append(s.CostOptions, co)
		}
		for _, a := range attrsOf[s.ID] {
			if a["link_entity"] != "" && a["link_entity"] != "service" {
				continue
			}
			s.Attributes = append(s.Attributes, Attribute{TaxonomyTermID: a["taxonomy_term_id"], TaxonomyTerm: termByID[a["taxonomy_term_id"]], Label: a["label"], Value: a["value"]})
		}
		out = append(out, s)
	}
	return out, nil
}
