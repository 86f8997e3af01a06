package validate

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCacheStaysInside: validate keeps its cache in .casework/ through
// the store's confined view; with .casework/ or its cache/ linked outside
// the repository, nothing is written or read there. Before, validate
// made the cache directory behind the link (os.MkdirAll on the absolute
// path).
func TestCacheStaysInside(t *testing.T) {
	for _, link := range []string{".casework", ".casework/cache"} {
		t.Run(link, func(t *testing.T) {
			root := writeRepo(t, map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": goodCase})
			outside := t.TempDir()
			os.MkdirAll(filepath.Dir(filepath.Join(root, link)), 0o700)
			if err := os.Symlink(outside, filepath.Join(root, link)); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			if _, err := Run(Options{Root: root, Config: defaultConfig(t), Now: now}); err != nil {
				t.Fatal(err)
			}
			if entries, _ := os.ReadDir(outside); len(entries) > 0 {
				t.Errorf("validate wrote %s behind the link %s", entries[0].Name(), link)
			}
		})
	}
}
