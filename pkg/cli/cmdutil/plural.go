package cmdutil

import "fmt"

// Plural is "1 case", "2 cases": n and the noun in the right number.
func Plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
