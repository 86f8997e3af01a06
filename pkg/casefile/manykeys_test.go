package casefile

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// manyKeys is a hostile case file: an assessment's scores with n keys,
// the last one a duplicate of the first (2.4 MB at n = 150,000).
func manyKeys(n int) []byte {
	var b strings.Builder
	b.WriteString("assessments:\n  - scores:\n")
	for i := range n {
		fmt.Fprintf(&b, "      k%07d: 1\n", i)
	}
	b.WriteString("      k0000000: 2\n")
	return []byte(b.String())
}

// TestDuplicateKeyCheckIsLinear decodes 150,000 keys well within a
// second (the quadratic scan took 60 s) and still finds the duplicate.
func TestDuplicateKeyCheckIsLinear(t *testing.T) {
	data := manyKeys(150_000)
	start := time.Now()
	doc, err := Parse("f.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var c Case
	errs := doc.Decode(&c)
	d := time.Since(start)
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), `duplicate key "k0000000" (first given at line 3)`) {
		t.Fatalf("duplicate not found: %v", errs)
	}
	if d > 10*time.Second {
		t.Errorf("150,000 keys took %v", d)
	}
}

// BenchmarkManyKeys measures decoding a mapping of many keys per key:
// flat as the number of keys grows when the check is linear.
func BenchmarkManyKeys(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		data := manyKeys(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				doc, err := Parse("f.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				var c Case
				doc.Decode(&c)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/key")
		})
	}
}
