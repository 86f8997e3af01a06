// Package planted makes labelled sets of clients with duplicates planted
// in them, corrupted the ways real records of one person differ: typos,
// dropped accents, given and family names swapped, day and month of birth
// swapped, a missing date of birth, hyphenated surnames. They measure the
// recall and precision of dupes.Find against dupes.FindAll. Every name is
// made up from common first names and surnames.
package planted

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/dupes"
)

var (
	firstNames = []string{"María", "José", "Ana", "Luis", "Zoë", "Søren", "Łukasz", "François", "Renée", "Inés",
		"Björn", "John", "Jon", "Mary", "Michael", "Sarah", "David", "Emma", "Olivia", "Noah",
		"Liam", "Fatima", "Mohammed", "Aisha", "Omar", "Priya", "Ravi", "Wei", "Mei", "Hiroshi",
		"Yuki", "Kofi", "Ama", "Chloe", "Lucas", "Sofia", "Mateo", "Elena", "Ivan", "Olga",
		"Katarzyna", "Piotr", "Agnieszka", "Jan", "Eva", "Lars", "Ingrid", "Nils", "Astrid", "Hana",
		"Peter", "Paul", "Catherine", "Kathryn", "Stephen", "Steven", "Isabel", "Jesús", "Andrés", "Nuño"}
	lastNames = []string{"López", "García", "Martínez", "Rodríguez", "Hernández", "González", "Pérez", "Sánchez", "Müller", "Schmidt",
		"Schneider", "Fischer", "Weber", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
		"Wilson", "Taylor", "Nguyen", "Tran", "Le", "Kim", "Lee", "Park", "Chen", "Wang",
		"Khan", "Ahmed", "Ali", "Hussain", "Okafor", "Mensah", "Kowalski", "Nowak", "Wiśniewski", "Novák",
		"Dvořák", "Andersen", "Nielsen", "Johansson", "Larsson", "Dubois", "Moreau", "Lefèvre", "Rossi", "Russo",
		"O'Brien", "Murphy", "Kelly", "MacDonald", "Ivanova", "Petrov", "Yilmaz", "Demir", "Haddad", "Costa"}
)

// syllables make more surnames than lastNames holds, so that a large set
// has about as many people per name as a county's records do, not
// thousands of each.
var syllables = []string{"ka", "lo", "mi", "ran", "sto", "vel", "dor", "an", "es", "bri", "tan", "gol",
	"fen", "har", "is", "jun", "kel", "mor", "nas", "ol", "pra", "qui", "ros", "sel", "tor", "ul", "vas", "wen", "yar", "zed"}

// surname is a made-up surname: one of lastNames, or two or three
// syllables.
func surname(rng *rand.Rand) string {
	if rng.IntN(2) == 0 {
		return pick(rng, lastNames)
	}
	s := pick(rng, syllables) + pick(rng, syllables)
	if rng.IntN(2) == 0 {
		s += pick(rng, syllables)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Kinds of corruption a planted duplicate may have.
const (
	Typo     = "typo"
	Accents  = "accents dropped"
	Swapped  = "given and family swapped"
	DayMonth = "day and month swapped"
	NoDOB    = "date of birth missing"
	Hyphen   = "hyphenated surname"
)

var kinds = []string{Typo, Accents, Swapped, DayMonth, NoDOB, Hyphen}

// Set is a labelled set: the clients, and the planted duplicate pairs
// with what was done to each.
type Set struct {
	Clients []dupes.Client
	Planted map[Pair]string
}

// Pair is two case IDs in order.
type Pair struct{ A, B string }

// PairOf orders two case IDs into a Pair.
func PairOf(a, b string) Pair {
	if b < a {
		a, b = b, a
	}
	return Pair{a, b}
}

// Make returns n distinct people, a fifth of them entered again with one
// or two corruptions, in a shuffled order; the same seed gives the same
// set.
func Make(n int, seed uint64) Set {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	s := Set{Planted: map[Pair]string{}}
	id := func() string { return fmt.Sprintf("C-%07d", len(s.Clients)+1) }
	for range n {
		first, last := pick(rng, firstNames), surname(rng)
		if rng.IntN(7) == 0 {
			last += "-" + surname(rng)
		}
		base := dupes.Client{Case: id(), Name: first + " " + last}
		if rng.IntN(20) != 0 {
			base.DOB = casefile.NewDate(time.Date(1930+rng.IntN(90), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
		}
		s.Clients = append(s.Clients, base)
		if rng.IntN(5) != 0 {
			continue
		}
		dup := dupes.Client{Case: id(), Name: base.Name, DOB: base.DOB}
		given, family := first, last
		var done []string
		for want := 1 + rng.IntN(2); len(done) < want; {
			kind := kinds[rng.IntN(len(kinds))]
			if corrupt(rng, kind, &dup, &given, &family) {
				done = append(done, kind)
			}
		}
		s.Clients = append(s.Clients, dup)
		s.Planted[PairOf(base.Case, dup.Case)] = strings.Join(done, ", ")
	}
	rng.Shuffle(len(s.Clients), func(i, j int) { s.Clients[i], s.Clients[j] = s.Clients[j], s.Clients[i] })
	return s
}

// corrupt applies one kind of corruption to dup, reporting whether it
// could (a date of birth whose day is above 12 cannot be swapped).
func corrupt(rng *rand.Rand, kind string, dup *dupes.Client, given, family *string) bool {
	switch kind {
	case Typo:
		if rng.IntN(2) == 0 {
			*given = typo(rng, *given)
		} else {
			*family = typo(rng, *family)
		}
		dup.Name = *given + " " + *family
	case Accents:
		if fold(*given+*family) == *given+*family {
			return false // nothing to drop
		}
		*given, *family = fold(*given), fold(*family)
		dup.Name = *given + " " + *family
	case Swapped:
		if rng.IntN(2) == 0 {
			dup.Name = *family + ", " + *given
		} else {
			dup.Name = *family + " " + *given
		}
	case DayMonth:
		if dup.DOB.IsZero() {
			return false
		}
		t := dup.DOB.Time()
		if t.Day() > 12 || t.Day() == int(t.Month()) {
			return false
		}
		dup.DOB = casefile.NewDate(time.Date(t.Year(), time.Month(t.Day()), int(t.Month()), 0, 0, 0, 0, time.UTC))
	case NoDOB:
		if dup.DOB.IsZero() {
			return false
		}
		dup.DOB = casefile.Date{}
	case Hyphen:
		if a, _, ok := strings.Cut(*family, "-"); ok {
			*family = a
		} else {
			*family += "-" + surname(rng)
		}
		dup.Name = *given + " " + *family
	}
	return true
}

// typo changes one letter of word: replaced, dropped, doubled or swapped
// with the next, as typing slips do.
func typo(rng *rand.Rand, word string) string {
	r := []rune(word)
	if len(r) < 3 {
		return word + "h"
	}
	i := rng.IntN(len(r) - 1)
	switch rng.IntN(4) {
	case 0:
		r[i] = rune('a' + rng.IntN(26))
	case 1:
		r = append(r[:i], r[i+1:]...)
	case 2:
		r = append(r[:i+1], r[i:]...)
	default:
		r[i], r[i+1] = r[i+1], r[i]
	}
	return string(r)
}

// fold drops accents as a keyboard without them would.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if plain, ok := plainLetters[r]; ok {
			b.WriteString(plain)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var plainLetters = map[rune]string{
	'á': "a", 'é': "e", 'í': "i", 'ó': "o", 'ú': "u", 'ñ': "n", 'ü': "u", 'ë': "e",
	'ø': "o", 'Ø': "O", 'Ł': "L", 'ł': "l", 'ç': "c", 'ö': "o", 'ś': "s", 'ř': "r", 'Á': "A",
	'è': "e", 'Å': "A", 'å': "a",
}

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }
