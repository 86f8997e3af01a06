package casefile

// Closest returns the string of known nearest to s by edit distance, when
// it is near enough to be a typo of it (at most two edits); else "".
func Closest(s string, known []string) string { return closest(s, known) }
