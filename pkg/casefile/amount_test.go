package casefile

import (
	"math"
	"testing"
)

func TestCheckAmount(t *testing.T) {
	tests := []struct {
		x    float64
		want string // "" when accepted
	}{
		{0, ""},
		{850.5, ""},
		{MaxAmount, ""},
		{-0.01, "must not be negative: an amount is 0 or more"},
		{-5, "must not be negative: an amount is 0 or more"},
		{MaxAmount + 1, "is more than 1,000,000,000,000, the most an amount may be"},
		{math.NaN(), "is not a number"},
		{math.Inf(1), "is not a number"},
		{math.Inf(-1), "is not a number"},
	}
	for _, tt := range tests {
		err := CheckAmount(tt.x)
		if got := ""; err != nil {
			got = err.Error()
			if got != tt.want {
				t.Errorf("CheckAmount(%v) = %q, want %q", tt.x, got, tt.want)
			}
		} else if tt.want != "" {
			t.Errorf("CheckAmount(%v) accepted, want %q", tt.x, tt.want)
		}
	}
}
