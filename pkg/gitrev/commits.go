package gitrev

import (
	"fmt"
	"strings"
)

// SignedCommit is a commit and what git says of its signature.
type SignedCommit struct {
	Hash    string
	Parents []string
	// Signature is git's %G?: G a good signature by a known key, B bad,
	// U good but of unknown validity, X/Y expired, R revoked, E cannot be
	// checked (for SSH: the key is not in the allowed signers), N none.
	Signature string
	// Signer is the principal the allowed-signers file gives the key (%GS).
	Signer string
}

// CommitsSince lists the commits in rev..HEAD, oldest first, with their
// signatures verified by git itself against allowedSigners (a file in
// git's gpg.ssh.allowedSignersFile format), as git verify-commit does.
func CommitsSince(dir, rev, allowedSigners string) ([]SignedCommit, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("invalid git revision %q", rev)
	}
	format := "--format=" + strings.Join([]string{"%H", "%P", "%G?", "%GS"}, fieldSep) + recordSep
	out, err := run(dir, nil, "-c", "gpg.ssh.allowedSignersFile="+allowedSigners, "log", "--reverse", format, rev+"..HEAD", "--")
	if err != nil {
		return nil, fmt.Errorf("git log %s..HEAD: %w", rev, err)
	}
	var commits []SignedCommit
	for _, rec := range strings.Split(string(out), recordSep) {
		fields := strings.Split(strings.TrimLeft(rec, "\n"), fieldSep)
		if len(fields) != 4 {
			continue
		}
		commits = append(commits, SignedCommit{Hash: fields[0], Parents: strings.Fields(fields[1]), Signature: fields[2], Signer: strings.TrimSpace(fields[3])})
	}
	return commits, nil
}

// ChangedFiles lists the files under dir (relative to it, with forward
// slashes) that differ between commits from and to; with from empty, every
// file of to (a root commit).
func ChangedFiles(dir, from, to string) ([]string, error) {
	args := []string{"diff-tree", "-r", "-z", "--no-commit-id", "--name-only", "--relative"}
	if from == "" {
		args = append(args, "--root", to)
	} else {
		args = append(args, from, to)
	}
	out, err := run(dir, nil, append(args, "--")...)
	if err != nil {
		return nil, fmt.Errorf("git diff-tree: %w", err)
	}
	var files []string
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			files = append(files, p)
		}
	}
	return files, nil
}

// Blob is one file as a commit has it; Missing when the commit has no
// such file.
type Blob struct {
	Data    []byte
	Missing bool
}

// At returns the given files (relative to dir) as commit holds them, with
// one git cat-file --batch.
func At(dir, commit string, paths []string) ([]Blob, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	specs := make([]string, len(paths))
	for i, p := range paths {
		if strings.ContainsAny(p, "\n") {
			return nil, fmt.Errorf("unexpected file name %q", p)
		}
		specs[i] = commit + ":./" + p
	}
	return catBatch(dir, specs)
}
