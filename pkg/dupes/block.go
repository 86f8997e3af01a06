package dupes

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// Blocking: only pairs that share a cheap key are scored, as record
// linkage at scale does (Splink's "blocking rules"). Each key is built so
// that one of the ways real records of one person differ leaves it
// unchanged:
//
//   - "n": the NYSIIS codes of two words of the name (every pair of
//     words; the one code of a one-word name). Spelling variants that
//     sound alike, dropped accents, given and family names swapped, and a
//     hyphenated surname against one of its halves keep it.
//   - "w": one word exactly, with the first letter of another. A typo in
//     the other word keeps it (unless it is in the first letter).
//   - "d": the date of birth with day and month in order (year, the
//     smaller, the larger), so a day and month swapped keeps it: a typo
//     anywhere in the name keeps it.
//
// On top of the keys, sorted neighbourhood: each name is compared with the
// next window names in the order of the normalised names, and of those
// names spelled backwards (so a typo in the first letter is still near).
// That finds what a typo in the first letter with no date of birth leaves.

// window is how many following names sorted neighbourhood compares.
const window = 8

// maxKeyWords is how many words of a name make keys: names longer than
// this are rare, and every pair of words is a key.
const maxKeyWords = 6

// Keys returns the blocking keys of a client: two clients are compared by
// Find only if they share one (or are neighbours in sorted order). The
// index that 'case new' looks the new client up in keeps the same keys.
func Keys(c Client) []string {
	p := prepare(c)
	return p.keys()
}

func (p *prepared) keys() []string {
	words := p.words
	if len(words) > maxKeyWords {
		words = words[:maxKeyWords]
	}
	codes := make([]string, len(words))
	for i, w := range words {
		codes[i] = NYSIIS(string(w))
	}
	var keys []string
	if len(codes) == 1 {
		keys = append(keys, "n "+codes[0])
	}
	for i := range codes {
		for j := i + 1; j < len(codes); j++ {
			a, b := codes[i], codes[j]
			if b < a {
				a, b = b, a
			}
			keys = append(keys, "n "+a+" "+b)
		}
	}
	for i, w := range words {
		for j, other := range words {
			if i != j {
				keys = append(keys, "w "+string(w)+" "+string(other[0]))
			}
		}
	}
	if p.y != 0 {
		keys = append(keys, fmt.Sprintf("d %04d %02d %02d", p.y, min(p.m, p.d), max(p.m, p.d)))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// hashKey is the 64-bit FNV-1a hash of a key: blocks are found by it (two
// keys that collide only add a candidate pair).
func hashKey(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// candidates calls pair(i, j), i < j, once for every candidate pair of
// clients that can reach threshold: those sharing a key, and
// sorted-neighbourhood neighbours, less the pairs whose dates of birth
// alone keep them below it.
func candidates(ps []prepared, threshold float64, pair func(i, j int)) {
	blocks := map[uint64][]int32{}
	for i := range ps {
		for _, k := range ps[i].keys() {
			h := hashKey(k)
			blocks[h] = append(blocks[h], int32(i))
		}
	}
	seen := map[uint64]struct{}{}
	visit := func(i, j int) {
		if i > j {
			i, j = j, i
		}
		k := uint64(i)<<32 | uint64(j)
		if _, ok := seen[k]; ok {
			return
		}
		seen[k] = struct{}{}
		pair(i, j)
	}
	// A pair whose dates of birth differ cannot reach a threshold above
	// differentDOBFactor, so most pairs of a large block (a common name)
	// are dropped here, before the seen set, by comparing three numbers.
	hopeless := func(i, j int) bool { return relate(&ps[i], &ps[j]).ceiling() < threshold }
	for _, members := range blocks {
		for x, i := range members {
			for _, j := range members[x+1:] {
				if !hopeless(int(i), int(j)) {
					visit(int(i), int(j))
				}
			}
		}
	}
	for _, order := range neighbourOrders(ps) {
		for x, i := range order {
			for _, j := range order[x+1 : min(len(order), x+1+window)] {
				if !hopeless(i, j) {
					visit(i, j)
				}
			}
		}
	}
}

// neighbourOrders are the clients in the order of their normalised names,
// and of those names spelled backwards.
func neighbourOrders(ps []prepared) [][]int {
	forward := make([]int, len(ps))
	for i := range forward {
		forward[i] = i
	}
	slices.SortFunc(forward, func(a, b int) int { return strings.Compare(ps[a].text, ps[b].text) })
	backwards := make([]string, len(ps))
	for i := range ps {
		r := slices.Clone(ps[i].joined)
		slices.Reverse(r)
		backwards[i] = string(r)
	}
	backward := slices.Clone(forward)
	slices.SortFunc(backward, func(a, b int) int { return strings.Compare(backwards[a], backwards[b]) })
	return [][]int{forward, backward}
}
