// Package gitrev is casework's one way to git: it reads the files of a
// repository as they were at a git revision (one `git ls-tree` to list them
// and one `git cat-file --batch` to read them all, however many there are),
// commits the files a command wrote, and lists the commits that touched a
// path.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Files returns the contents at rev of the files under dir (a directory
// inside a git work tree) for which keep is true, keyed by their path
// relative to dir with forward slashes.
func Files(dir, rev string, keep func(path string) bool) (map[string][]byte, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("invalid git revision %q", rev)
	}
	listing, err := run(dir, nil, "ls-tree", "-r", "-z", rev+"^{tree}", "--")
	if err != nil {
		return nil, fmt.Errorf("cannot read git revision %s: %w", rev, err)
	}
	var paths, objects []string
	for _, entry := range bytes.Split(listing, []byte{0}) {
		// <mode> SP <type> SP <object> TAB <path>
		meta, path, ok := strings.Cut(string(entry), "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 || fields[1] != "blob" || !keep(path) {
			continue
		}
		paths = append(paths, path)
		objects = append(objects, fields[2])
	}
	files := make(map[string][]byte, len(paths))
	if len(paths) == 0 {
		return files, nil
	}
	contents, err := catFiles(dir, objects)
	if err != nil {
		return nil, fmt.Errorf("cannot read git revision %s: %w", rev, err)
	}
	for i, p := range paths {
		files[p] = contents[i]
	}
	return files, nil
}

// catFiles reads the given blobs with one `git cat-file --batch`.
func catFiles(dir string, objects []string) ([][]byte, error) {
	blobs, err := catBatch(dir, objects)
	if err != nil {
		return nil, err
	}
	contents := make([][]byte, len(blobs))
	for i, b := range blobs {
		if b.Missing {
			return nil, fmt.Errorf("git cat-file: %s is missing", objects[i])
		}
		contents[i] = b.Data
	}
	return contents, nil
}

// catBatch reads the given objects (blob names, or rev:path) with one
// `git cat-file --batch`; an object that does not exist comes back
// Missing.
func catBatch(dir string, objects []string) ([]Blob, error) {
	input := strings.Join(objects, "\n") + "\n"
	out, err := run(dir, strings.NewReader(input), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	blobs := make([]Blob, len(objects))
	for i := range objects {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, errors.New("git cat-file ended early")
		}
		if strings.HasSuffix(header, " missing\n") {
			blobs[i].Missing = true
			continue
		}
		fields := strings.Fields(header)
		if len(fields) != 3 {
			return nil, fmt.Errorf("git cat-file: unexpected %q", strings.TrimSpace(header))
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file: unexpected %q", strings.TrimSpace(header))
		}
		blobs[i].Data = make([]byte, size)
		if _, err := io.ReadFull(r, blobs[i].Data); err != nil {
			return nil, errors.New("git cat-file ended early")
		}
		r.ReadByte() // the newline after each object
	}
	return blobs, nil
}

// run runs git in dir and returns its output; a failure carries git's own
// first line of complaint.
func run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			return nil, fmt.Errorf("cannot run git: %w", err)
		}
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		return nil, errors.New(strings.TrimPrefix(msg, "fatal: "))
	}
	return out, nil
}

// HasRevision reports whether rev names a commit, branch, tag or tree in
// the git repository at dir.
func HasRevision(dir, rev string) bool {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return false
	}
	_, err := run(dir, nil, "rev-parse", "--verify", "--quiet", rev+"^{tree}")
	return err == nil
}
