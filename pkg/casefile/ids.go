package casefile

import (
	"strconv"
	"strings"
)

// NextID returns prefix plus one more than the highest number used with
// that prefix (compared without letter case), so IDs within a case are
// never reused: an old review that names G2, or an action for M2, keeps
// meaning the same goal or person. IDs that are not prefix+number are
// ignored.
func NextID(prefix string, used []string) string {
	highest := 0
	for _, id := range used {
		rest, ok := strings.CutPrefix(strings.ToUpper(id), prefix)
		if n, err := strconv.Atoi(rest); ok && err == nil && n > highest {
			highest = n
		}
	}
	return prefix + strconv.Itoa(highest+1)
}
