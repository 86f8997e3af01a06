package keyindex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/store"
)

func date(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestLikely(t *testing.T) {
	repo := &store.Repo{Root: t.TempDir()}
	clients := []dupes.Client{
		{Case: "C-1", Name: "María López", DOB: date("1984-05-01")},
		{Case: "C-2", Name: "Tom Berg"},
		{Case: "C-3", Name: "Eva Holm", DOB: date("1990-02-02")},
	}
	for _, c := range clients {
		os.MkdirAll(repo.Abs(store.CasesDir+"/"+c.Case), 0o700)
	}
	Refresh(repo, clients)
	if !Current(repo) {
		t.Fatal("not current after Refresh")
	}
	if got := Likely(repo, dupes.Client{Name: "Lopez, Maria", DOB: date("1984-01-05")}, dupes.DefaultThreshold); len(got) != 1 || got[0] != "C-1" {
		t.Errorf("Likely = %v, want [C-1]", got)
	}
	if got := Likely(repo, dupes.Client{Name: "Anna Svensson"}, dupes.DefaultThreshold); len(got) != 0 {
		t.Errorf("Likely = %v, want none", got)
	}
	// A case added, and a line torn by a crash in every bucket: skipped.
	os.MkdirAll(repo.Abs(store.CasesDir+"/C-4"), 0o700)
	Add(repo, dupes.Client{Case: "C-4", Name: "Tom Berg"})
	buckets, _ := filepath.Glob(repo.Abs(Dir + "/[0-9a-f][0-9a-f][0-9a-f]"))
	for _, b := range buckets {
		f, _ := os.OpenFile(b, os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("w tom b\tC-9")
		f.Close()
	}
	if got := Likely(repo, dupes.Client{Name: "Tom Berg"}, dupes.DefaultThreshold); len(got) != 2 || got[0] != "C-2" || got[1] != "C-4" {
		t.Errorf("Likely = %v, want [C-2 C-4]", got)
	}
	// A case whose directory is gone is not named.
	os.RemoveAll(repo.Abs(store.CasesDir + "/C-2"))
	if got := Likely(repo, dupes.Client{Name: "Tom Berg"}, dupes.DefaultThreshold); len(got) != 1 || got[0] != "C-4" {
		t.Errorf("Likely = %v, want [C-4]", got)
	}
}

// FuzzLookup: whatever a bucket file holds, Lookup neither panics nor
// returns a client from a line that is not well formed.
func FuzzLookup(f *testing.F) {
	f.Add("n TAN BARG\tC-1\t\ttom berg\n")
	f.Add("n TAN BARG\tC-1\t1984-13-01\ttom berg\n")
	f.Add("\t\t\t\n\n")
	f.Fuzz(func(t *testing.T, content string) {
		repo := &store.Repo{Root: t.TempDir()}
		c := dupes.Client{Name: "Tom Berg"}
		os.MkdirAll(repo.Abs(Dir), 0o700)
		for _, k := range dupes.Keys(c) {
			os.WriteFile(repo.Abs(Dir+"/"+bucketOf(k)), []byte(content), 0o600)
		}
		for _, got := range Lookup(repo, c) {
			if !strings.Contains(content, "\t"+got.Case+"\t") {
				t.Errorf("Lookup returned case %q, which no line of the bucket names", got.Case)
			}
		}
	})
}
