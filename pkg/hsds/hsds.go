// Package hsds reads Open Referral HSDS 3.0 data (the Human Services Data
// Specification) and turns its services into casework resources. It reads
// a tabular data package (a directory of CSV files: services.csv,
// organizations.csv and, when present, phones.csv, cost_options.csv,
// attributes.csv and taxonomy_terms.csv) or JSON in the shape of the HSDS
// API (a list of service objects with nested organization, phones,
// cost_options and attributes, bare or under "contents").
package hsds

// Service is the part of an HSDS 3.0 service casework uses.
type Service struct {
	ID                     string        `json:"id"`
	OrganizationID         string        `json:"organization_id"`
	Name                   string        `json:"name"`
	Description            string        `json:"description"`
	URL                    string        `json:"url"`
	Email                  string        `json:"email"`
	Status                 string        `json:"status"`
	FeesDescription        string        `json:"fees_description"`
	EligibilityDescription string        `json:"eligibility_description"`
	Organization           *Organization `json:"organization"`
	Phones                 []Phone       `json:"phones"`
	CostOptions            []CostOption  `json:"cost_options"`
	Attributes             []Attribute   `json:"attributes"`
	// Where is where the service was read, for messages: a CSV file and
	// line, or a JSON file and index.
	Where string `json:"-"`
}

// Organization is the organization that provides a service.
type Organization struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Email   string  `json:"email"`
	Website string  `json:"website"`
	Phones  []Phone `json:"phones"`
}

// Phone is a phone number.
type Phone struct {
	Number string `json:"number"`
}

// CostOption is one price of a service.
type CostOption struct {
	Option            string   `json:"option"`
	Currency          string   `json:"currency"`
	Amount            *float64 `json:"amount"`
	AmountDescription string   `json:"amount_description"`
}

// Attribute links a service to a taxonomy term.
type Attribute struct {
	TaxonomyTermID string        `json:"taxonomy_term_id"`
	TaxonomyTerm   *TaxonomyTerm `json:"taxonomy_term"`
	Label          string        `json:"label"`
	Value          string        `json:"value"`
}

// TaxonomyTerm is a category from a taxonomy.
type TaxonomyTerm struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// Service statuses (HSDS 3.0).
const (
	StatusActive    = "active"
	StatusInactive  = "inactive"
	StatusDefunct   = "defunct"
	StatusTemporary = "temporarily closed"
)

// Statuses are the statuses HSDS 3.0 allows a service.
var Statuses = []string{StatusActive, StatusInactive, StatusDefunct, StatusTemporary}
