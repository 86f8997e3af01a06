package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzValidateID checks that every ID ValidateID accepts is a plain,
// visible file name that stays inside the directory it is joined to.
func FuzzValidateID(f *testing.F) {
	for _, s := range []string{"C-2026-7K3QX9M2AB", "../x", "a/b", ".", "..", "a..b", "", "x\x00y", "Ab.c_d-1", strings.Repeat("z", 70)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if ValidateID("case", id) != nil {
			return
		}
		clean := filepath.Join("/repo/cases", id)
		switch {
		case filepath.Base(id) != id, strings.ContainsAny(id, `/\`), strings.Contains(id, ".."),
			strings.HasPrefix(id, "."), strings.HasPrefix(id, "-"), len(id) > 64,
			filepath.Dir(clean) != "/repo/cases":
			t.Fatalf("accepted unsafe ID %q", id)
		}
	})
}

// FuzzResolvePrefix checks that a resolved prefix names exactly one case
// that starts with it (in any letter case), and that nothing panics.
func FuzzResolvePrefix(f *testing.F) {
	ids := []string{"C-2026-AAAA1", "C-2026-AAAB2", "C-2026-BBBB3", "legacy-7", "c-2026-aaaa1x"}
	for _, s := range []string{"C-2026-A", "c", "LEGACY-7", "", "C-2026-AAAA1", "ß", "C-2026-AAAA1X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, prefix string) {
		id, err := resolvePrefix(prefix, ids)
		if err != nil {
			return
		}
		if len(prefix) > len(id) || !strings.EqualFold(id[:len(prefix)], prefix) {
			t.Fatalf("prefix %q resolved to %q, which does not start with it", prefix, id)
		}
		if strings.EqualFold(id, prefix) {
			return
		}
		for _, other := range ids {
			if other != id && len(other) >= len(prefix) && strings.EqualFold(other[:len(prefix)], prefix) {
				t.Fatalf("prefix %q is ambiguous (%s, %s) but resolved", prefix, id, other)
			}
		}
	})
}
