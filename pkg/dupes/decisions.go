package dupes

import "time"

// DecisionsFile is where decisions about pairs of cases are recorded,
// relative to the repository's root. It is tracked in git beside the
// cases, so every clone and CI see the same decisions, and it holds case
// IDs only: no client data.
const DecisionsFile = ".casework-decisions.yaml"

// Decisions are what people decided about pairs that dupes listed.
type Decisions struct {
	// NotDuplicates are pairs of cases checked and found to be two
	// people: dupes never lists them again.
	NotDuplicates []NotDuplicate `yaml:"not_duplicates"`
}

// NotDuplicate records that persons A and B are two people: each a case
// ID for its client, or CASE/M1 for a member of its household
// (dupes.Client.Ref).
type NotDuplicate struct {
	A  string    `yaml:"a"`
	B  string    `yaml:"b"`
	By string    `yaml:"by"`
	At time.Time `yaml:"at"`
}

// Recorded reports whether the pair a, b (in either order) is recorded as
// two people.
func (d *Decisions) Recorded(a, b string) bool {
	for _, n := range d.NotDuplicates {
		if n.A == a && n.B == b || n.A == b && n.B == a {
			return true
		}
	}
	return false
}

// AddNotDuplicate records that the clients of cases a and b are two
// people, the two IDs in order; false when it was already recorded.
func (d *Decisions) AddNotDuplicate(a, b, by string, at time.Time) bool {
	if d.Recorded(a, b) {
		return false
	}
	if b < a {
		a, b = b, a
	}
	d.NotDuplicates = append(d.NotDuplicates, NotDuplicate{A: a, B: b, By: by, At: at})
	return true
}

// Skip is a Skip that leaves out the pairs recorded as two people.
func (d *Decisions) Skip() Skip {
	set := make(map[[2]string]bool, len(d.NotDuplicates))
	for _, n := range d.NotDuplicates {
		set[[2]string{n.A, n.B}], set[[2]string{n.B, n.A}] = true, true
	}
	return func(a, b string) bool { return set[[2]string{a, b}] }
}
