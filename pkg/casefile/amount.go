package casefile

import (
	"errors"
	"math"
)

// MaxAmount is the largest amount of money a record holds: far above any
// plan, and small enough that a float64 still holds every cent of a sum of
// many (exact cents end near 9e13).
const MaxAmount = 1e12

// CheckAmount is the one rule for an amount of money in a record (a
// budget, a cost, an approved or spent amount): a finite number, 0 or
// more, at most MaxAmount. Commands refuse what validate reports with it.
// The message does not repeat the amount.
func CheckAmount(x float64) error {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return errors.New("is not a number")
	case x < 0:
		return errors.New("must not be negative: an amount is 0 or more")
	case x > MaxAmount:
		return errors.New("is more than 1,000,000,000,000, the most an amount may be")
	}
	return nil
}
