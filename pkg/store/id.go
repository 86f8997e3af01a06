package store

import (
	"crypto/rand"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// crockford is Crockford's base32 alphabet: no I, L, O or U, so IDs read
// well aloud and are not mistaken for each other.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// randomChars is the length of the random part of a case ID: 10 characters
// of 5 bits, 50 random bits, so offline clones do not collide.
const randomChars = 10

// NewCaseID returns a new case ID such as C-2026-7K3QX9M2AB.
func NewCaseID(prefix string, now time.Time, rnd io.Reader) (string, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	var b [randomChars]byte
	if _, err := io.ReadFull(rnd, b[:]); err != nil {
		return "", err
	}
	var s strings.Builder
	if prefix != "" {
		s.WriteString(prefix)
		s.WriteByte('-')
	}
	fmt.Fprintf(&s, "%04d-", now.UTC().Year())
	for _, c := range b {
		s.WriteByte(crockford[c&31])
	}
	return s.String(), nil
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidateID checks an ID given by a person (case, worker or resource): it
// must be safe as a file name.
func ValidateID(kind, id string) error {
	if id == "" {
		return fmt.Errorf("%s ID is empty", kind)
	}
	if len(id) > 64 || !idPattern.MatchString(id) || strings.Contains(id, "..") {
		shown := id
		if len(shown) > 70 {
			shown = shown[:64] + "..."
		}
		return fmt.Errorf("invalid %s ID %q: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, with no '..'", kind, shown)
	}
	return nil
}
