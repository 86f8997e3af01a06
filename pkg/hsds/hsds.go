// Package hsds reads Open Referral HSDS 3.0 data (the Human Services Data
// Specification) and turns its services into casework resources.
//
// It reads the shapes the specification's examples come in: a tabular
// data package (a directory of CSV files, ReadPackage), and JSON
// (ReadJSON): one service, a page of services ("contents", the summary
// list the API gives), an organization with its services nested, a
// service at a location, and tabular JSON (the package's tables as JSON
// lists). Other HSDS shapes (a location, a taxonomy, an organization
// without its services, the API root) are refused with a message that
// names them.
//
// A list left out of the input (nil) is not the same as an empty one: a
// summary list leaves out phones and cost options, and Apply keeps what a
// full record gave for them.
package hsds

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// Service is the part of an HSDS 3.0 service casework uses. A nil list
// was not in the input; an empty one was, with nothing in it.
type Service struct {
	ID                     string
	Name                   string
	Description            string
	URL                    string
	Email                  string
	Status                 string
	FeesDescription        string
	EligibilityDescription string
	ApplicationProcess     string
	MinimumAge, MaximumAge *float64
	Organization           *Organization
	Phones                 []Phone
	Contacts               []Contact
	Locations              []Location
	Languages              []Language
	CostOptions            []CostOption
	Attributes             []Attribute
	// Where is where the service was read, for messages: file:line.
	Where string
}

// Organization is the organization that provides a service.
type Organization struct {
	ID, Name, Email, Website string
	Phones                   []Phone
	Contacts                 []Contact
}

// Phone is a phone number.
type Phone struct {
	Number, Extension, Type string
	Languages               []Language
}

// Contact is a named person to contact.
type Contact struct {
	Name, Title, Department, Email string
	Phones                         []Phone
}

// Location is a place where a service is delivered.
type Location struct {
	Name      string
	Addresses []Address
}

// Address is a location's address.
type Address struct {
	Attention, Address1, Address2, City, Region, StateProvince, PostalCode, Country, Type string
}

// Language is a language a service, phone or location offers.
type Language struct{ Name, Code string }

// CostOption is one price of a service: an amount in a currency, what it
// is per, the conditions it applies under (Option, and attributes), and
// the dates it is valid between.
type CostOption struct {
	ID                string
	ValidFrom         casefile.Date
	ValidTo           casefile.Date
	Option            string
	Currency          string
	Amount            *float64
	AmountDescription string
	// Conditions counts the attributes (eligibility conditions) attached
	// to the option.
	Conditions int
}

// Attribute links a service to a taxonomy term.
type Attribute struct {
	TaxonomyTermID string
	TaxonomyTerm   *TaxonomyTerm
	Label, Value   string
}

// TaxonomyTerm is a category from a taxonomy.
type TaxonomyTerm struct{ ID, Code, Name, Taxonomy string }

// Service statuses (HSDS 3.0).
const (
	StatusActive    = "active"
	StatusInactive  = "inactive"
	StatusDefunct   = "defunct"
	StatusTemporary = "temporarily closed"
)

// Statuses are the statuses HSDS 3.0 allows a service.
var Statuses = []string{StatusActive, StatusInactive, StatusDefunct, StatusTemporary}

// problems collects every problem found in the input, each one line
// starting with file:line.
type problems struct{ list []problem }

type problem struct {
	file string
	line int
	msg  string
}

func (p *problems) add(where, format string, args ...any) {
	file, rest, _ := strings.Cut(where, ":")
	line, _ := strconv.Atoi(strings.SplitN(rest, ":", 2)[0])
	p.list = append(p.list, problem{file: file, line: line, msg: where + ": " + fmt.Sprintf(format, args...)})
}

// err joins the problems in the order of the files and lines, or is nil
// when there are none.
func (p *problems) err() error {
	slices.SortStableFunc(p.list, func(a, b problem) int {
		return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line))
	})
	errs := make([]error, len(p.list))
	for i, pr := range p.list {
		errs[i] = errors.New(pr.msg)
	}
	return errors.Join(errs...)
}
