// Package keyindex keeps the blocking keys of every client (dupes.Keys)
// beside the case index, so that 'case new' can find the clients a new one
// may duplicate by reading a few small files, whatever the size of the
// repository.
//
// The index is a directory, .casework/cache/keys, of bucket files named by
// the first three hex digits of a key's hash (4,096 buckets): a line per
// key of a client, "key<TAB>case<TAB>date of birth<TAB>normalised name".
// Looking a client up reads one bucket per key (at 100,000 cases, about
// 150 lines each). Like the case index it is git-ignored, owner-only
// (mode 0600 files in a 0700 directory: it holds client names, normalised,
// and dates of birth, as the case index does), and never the source of
// truth:
//
//   - 'dupes' rebuilds it from the case index whenever the clients
//     changed (a stamp file holds a hash of them);
//   - 'case new' appends the new client's lines, and rebuilds it first
//     when it is missing or when the cases/ directory changed since it was
//     built (cases added or removed by a git pull or by hand): the
//     directory's modification time is kept in the stamp;
//   - a client's name or date of birth changed in place is seen at the
//     next 'dupes' run. A line torn by a crash is skipped.
package keyindex

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/dupes"
	"github.com/casework/casework/pkg/store"
)

// Dir is where the key index is kept, relative to the repository's root.
const Dir = store.StateDir + "/cache/keys"

// stampFile holds the stamp of the clients indexed.
const stampFile = "stamp"

// buckets is how many bucket files the keys are spread over.
const buckets = 4096

// bucketOf names the bucket file of a key.
func bucketOf(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return fmt.Sprintf("%03x", h.Sum32()%buckets)
}

// line is a client's entry for one key.
func line(key string, c dupes.Client) string {
	dob := ""
	if !c.DOB.IsZero() {
		dob = c.DOB.String()
	}
	return key + "\t" + c.Case + "\t" + dob + "\t" + dupes.Normalize(c.Name) + "\n"
}

// stamp is what the index was built from: the modification time of cases/
// and a hash of the clients.
type stamp struct {
	casesMtime int64
	clients    uint64
}

func (s stamp) String() string { return fmt.Sprintf("%d %x\n", s.casesMtime, s.clients) }

func readStamp(repo *store.Repo) (stamp, bool) {
	data, err := repo.ReadCache(Dir + "/" + stampFile)
	if err != nil {
		return stamp{}, false
	}
	var s stamp
	_, err = fmt.Sscanf(string(data), "%d %x\n", &s.casesMtime, &s.clients)
	return s, err == nil
}

func casesMtime(repo *store.Repo) int64 {
	info, err := repo.Stat(store.CasesDir)
	if err != nil {
		return 0
	}
	return info.ModTime().UnixNano()
}

// hashClients is a hash of the clients, in the order given: their case
// IDs, names as written and dates of birth, which is all the index is
// made from (hashing the names as written, not normalised, spares
// normalising every name on every run).
func hashClients(clients []dupes.Client) uint64 {
	h := fnv.New64a()
	var buf []byte
	for _, c := range clients {
		buf = append(buf[:0], c.Case...)
		buf = append(buf, '\t')
		buf = append(buf, c.Name...)
		buf = append(buf, '\t')
		if !c.DOB.IsZero() {
			buf = append(buf, c.DOB.String()...)
		}
		buf = append(buf, '\n')
		h.Write(buf)
	}
	return h.Sum64()
}

// Refresh rebuilds the index from every client, unless it already holds
// exactly these clients. Failing to write it is not an error: it only
// saves time.
func Refresh(repo *store.Repo, clients []dupes.Client) {
	want := stamp{casesMtime: casesMtime(repo), clients: hashClients(clients)}
	if have, ok := readStamp(repo); ok && have == want {
		return
	}
	files := map[string]*bytes.Buffer{}
	for _, c := range clients {
		for _, k := range dupes.Keys(c) {
			b := bucketOf(k)
			if files[b] == nil {
				files[b] = &bytes.Buffer{}
			}
			files[b].WriteString(line(k, c))
		}
	}
	// Built whole, then swapped in, so a reader sees the old index or the
	// new one; through the store's confined view, so a .casework/ linked
	// outside the repository is refused, not written through.
	data := make(map[string][]byte, len(files)+1)
	for name, b := range files {
		data[name] = b.Bytes()
	}
	data[stampFile] = []byte(want.String())
	repo.ReplaceCacheDir(Dir, data)
}

// Current reports whether the index exists and was built, or last added
// to, since the last change to the cases/ directory.
func Current(repo *store.Repo) bool {
	s, ok := readStamp(repo)
	return ok && s.casesMtime == casesMtime(repo)
}

// Add appends a new client's keys to the index and records the cases/
// directory's new modification time. Call it only when the index was
// Current before the client's case directory was made; otherwise the
// index is left for the next Refresh.
func Add(repo *store.Repo, c dupes.Client) {
	s, ok := readStamp(repo)
	if !ok {
		return
	}
	for _, k := range dupes.Keys(c) {
		if repo.AppendCache(Dir+"/"+bucketOf(k), []byte(line(k, c))) != nil {
			return
		}
	}
	s.casesMtime = casesMtime(repo)
	s.clients = 0 // no longer the hash of a known list: the next Refresh rebuilds
	repo.WriteCache(Dir+"/"+stampFile, []byte(s.String()))
}

// Lookup returns the clients that share a key with c, each once, in case
// ID order, read from the buckets of c's keys only.
func Lookup(repo *store.Repo, c dupes.Client) []dupes.Client {
	keys := dupes.Keys(c)
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	found := map[string]dupes.Client{}
	read := map[string]bool{}
	for _, k := range keys {
		b := bucketOf(k)
		if read[b] {
			continue
		}
		read[b] = true
		data, err := repo.ReadCache(Dir + "/" + b)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			// Most lines of a bucket are other keys': skip them before
			// splitting (a bucket holds hundreds of lines at 100,000 cases).
			key, _, _ := bytes.Cut(sc.Bytes(), []byte{'\t'})
			if !want[string(key)] {
				continue
			}
			fields := strings.Split(sc.Text(), "\t")
			if len(fields) != 4 {
				continue
			}
			other := dupes.Client{Case: fields[1], Name: fields[3]}
			if fields[2] != "" {
				d, err := casefile.ParseDate(fields[2])
				if err != nil {
					continue
				}
				other.DOB = d
			}
			found[other.Case] = other
		}
	}
	out := make([]dupes.Client, 0, len(found))
	for _, id := range slices.Sorted(maps.Keys(found)) {
		out = append(out, found[id])
	}
	return out
}

// Likely returns the IDs of the cases whose clients likely duplicate c
// (scoring at least threshold), most likely first, leaving out c's own
// case and cases whose directory is gone.
func Likely(repo *store.Repo, c dupes.Client, threshold float64) []string {
	type hit struct {
		id    string
		score float64
	}
	var hits []hit
	for _, other := range Lookup(repo, c) {
		if other.Case == c.Case {
			continue
		}
		if s, _ := dupes.Compare(c, other); s >= threshold {
			if _, err := repo.Stat(store.CasesDir + "/" + other.Case); err == nil {
				hits = append(hits, hit{other.Case, s})
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	return ids
}
