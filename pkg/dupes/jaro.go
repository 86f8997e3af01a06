package dupes

// JaroWinkler is the Jaro-Winkler similarity of a and b, from 0 (nothing
// alike) to 1 (equal), comparing runes. It favours strings that share a
// beginning, as variants of one name usually do (Jon, John).
func JaroWinkler(a, b string) float64 {
	return jaroWinkler([]rune(a), []rune(b))
}

// jaroWinkler is JaroWinkler of runes already split, as the normalised
// names hold them.
func jaroWinkler(ra, rb []rune) float64 {
	j := jaro(ra, rb)
	prefix := 0
	for prefix < min(len(ra), len(rb), 4) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return j + float64(prefix)*0.1*(1-j)
}

// stackRunes is the length up to which jaro keeps its marks on the stack:
// longer than any name, so comparing a pair allocates nothing.
const stackRunes = 64

func jaro(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	window := max(len(a), len(b))/2 - 1
	window = max(window, 0)
	var bufA, bufB [stackRunes]bool
	var matchedA, matchedB []bool
	if len(a) <= stackRunes && len(b) <= stackRunes {
		matchedA, matchedB = bufA[:len(a)], bufB[:len(b)]
	} else {
		matchedA, matchedB = make([]bool, len(a)), make([]bool, len(b))
	}
	matches := 0
	for i, r := range a {
		for k := max(0, i-window); k < min(len(b), i+window+1); k++ {
			if !matchedB[k] && b[k] == r {
				matchedA[i], matchedB[k] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, k := 0, 0
	for i, r := range a {
		if !matchedA[i] {
			continue
		}
		for !matchedB[k] {
			k++
		}
		if r != b[k] {
			transpositions++
		}
		k++
	}
	m := float64(matches)
	return (m/float64(len(a)) + m/float64(len(b)) + (m-float64(transpositions)/2)/m) / 3
}
