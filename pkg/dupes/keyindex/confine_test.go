package keyindex

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/store"
)

// TestIndexStaysInside: the key index holds clients' names, and is kept
// in .casework/ through the store's confined view. With .casework/, its
// cache/ or a bucket file linked outside the repository, Refresh and Add
// write nothing there and Lookup reads nothing from there. Before, the
// index was written with os.* on absolute paths, through the links.
func TestIndexStaysInside(t *testing.T) {
	clients := []dupes.Client{{Case: "C-1", Name: "María López", DOB: date("1984-05-01")}}
	for _, link := range []string{store.StateDir, store.StateDir + "/cache", Dir} {
		t.Run(link, func(t *testing.T) {
			repo := &store.Repo{Root: t.TempDir()}
			defer repo.Close()
			os.MkdirAll(repo.Abs(store.CasesDir+"/C-1"), 0o700)
			outside := t.TempDir()
			os.WriteFile(filepath.Join(outside, bucketOf("x")), []byte("planted\tC-9\t\tplanted\n"), 0o600)
			os.MkdirAll(filepath.Dir(repo.Abs(link)), 0o700)
			if err := os.Symlink(outside, repo.Abs(link)); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			Refresh(repo, clients)
			Add(repo, dupes.Client{Case: "C-2", Name: "Tom Berg"})
			entries, _ := os.ReadDir(outside)
			if len(entries) != 1 {
				t.Errorf("the index was written behind the link %s: %d files there", link, len(entries))
			}
			if data, _ := os.ReadFile(filepath.Join(outside, bucketOf("x"))); string(data) != "planted\tC-9\t\tplanted\n" {
				t.Errorf("a file behind the link was changed: %q", data)
			}
		})
	}
}
