package assess

import (
	"testing"

	"github.com/casework/casework/pkg/config"
)

func TestDirection(t *testing.T) {
	ssm := config.Instrument{HigherIs: "better"}
	cans := config.Instrument{HigherIs: "need"}
	for _, tc := range []struct {
		in            config.Instrument
		first, latest int
		want          int
	}{
		{ssm, 1, 3, 1}, {ssm, 3, 3, 0}, {ssm, 4, 2, -1},
		{cans, 3, 1, 1}, {cans, 2, 2, 0}, {cans, 0, 2, -1},
		{config.Instrument{}, 1, 2, 1},
	} {
		if got := Direction(tc.in, tc.first, tc.latest); got != tc.want {
			t.Errorf("%s %d -> %d: %d, want %d", tc.in.HigherIs, tc.first, tc.latest, got, tc.want)
		}
	}
}
