package assess

import (
	"cmp"

	"github.com/casework/casework/pkg/config"
)

// Direction tells whether a change of a domain's score from first to
// latest is an improvement (1), no change (0) or a worsening (-1) on the
// instrument's scale: up is better unless the instrument scores need
// (higher_is: need), as CANS does.
func Direction(in config.Instrument, first, latest int) int {
	d := cmp.Compare(latest, first)
	if in.HigherIs == "need" {
		return -d
	}
	return d
}
