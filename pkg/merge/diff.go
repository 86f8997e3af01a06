package merge

// hunk is a run of lines a[a0:a1] and b[b0:b1]: the same in both when
// same, else what differs.
type hunk struct {
	same           bool
	a0, a1, b0, b1 int
}

// diff compares two lists of lines with Myers' algorithm, which is quick
// when they differ in few places, as the two sides of a merge with a few
// conflicts do.
func diff(a, b []string) []hunk {
	n, m := len(a), len(b)
	max := n + m
	v := make([]int, 2*max+2)
	var trace [][]int
	for d := 0; d <= max; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[max+k-1] < v[max+k+1]) {
				x = v[max+k+1]
			} else {
				x = v[max+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[max+k] = x
			if x >= n && y >= m {
				return hunks(backtrack(trace, a, b, d, max), n, m)
			}
		}
	}
	return nil
}

// backtrack returns, for each line of a, whether it is matched, and the
// matched pairs in order.
func backtrack(trace [][]int, a, b []string, d, max int) [][2]int {
	x, y := len(a), len(b)
	var pairs [][2]int
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || (k != d && v[max+k-1] < v[max+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[max+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			pairs = append(pairs, [2]int{x, y})
		}
		x, y = prevX, prevY
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		pairs = append(pairs, [2]int{x, y})
	}
	for i, j := 0, len(pairs)-1; i < j; i, j = i+1, j-1 {
		pairs[i], pairs[j] = pairs[j], pairs[i]
	}
	return pairs
}

// hunks turns matched pairs into runs of same and differing lines.
func hunks(pairs [][2]int, n, m int) []hunk {
	var out []hunk
	x, y := 0, 0
	add := func(h hunk) {
		if h.a1 > h.a0 || h.b1 > h.b0 {
			if len(out) > 0 && out[len(out)-1].same == h.same {
				out[len(out)-1].a1, out[len(out)-1].b1 = h.a1, h.b1
				return
			}
			out = append(out, h)
		}
	}
	for _, p := range pairs {
		add(hunk{false, x, p[0], y, p[1]})
		add(hunk{true, p[0], p[0] + 1, p[1], p[1] + 1})
		x, y = p[0]+1, p[1]+1
	}
	add(hunk{false, x, n, y, m})
	return out
}
