package gen

import "testing"

// BenchmarkGenerate writes a repository of 500 cases.
func BenchmarkGenerate(b *testing.B) {
	cfg := loadDefaults(b)
	for b.Loop() {
		if err := Generate(Options{Dir: b.TempDir(), Cases: 500, Workers: 10, Seed: 1}, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
