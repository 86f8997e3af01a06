package gitrev

import (
	"fmt"
	"strings"
)

// Dirty lists the files under dir with changes not committed (tracked or
// not, ignored files aside), relative to dir.
func Dirty(dir string) ([]string, error) {
	out, err := run(dir, nil, "status", "--porcelain", "-z", "--", ".")
	if err != nil {
		return nil, fmt.Errorf("git status: %w", err)
	}
	var files []string
	for _, e := range strings.Split(string(out), "\x00") {
		if len(e) > 3 {
			files = append(files, e[3:])
		}
	}
	return files, nil
}

// Upstream returns the remote and the remote branch the current branch
// follows ("origin", "main"); ok is false when it follows none.
func Upstream(dir string) (remote, branch string, ok bool) {
	out, err := run(dir, nil, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
	if err != nil {
		return "", "", false
	}
	full := strings.TrimSpace(string(out))
	cur, err := run(dir, nil, "rev-parse", "--abbrev-ref", "HEAD")
	if err != nil {
		return "", "", false
	}
	remote = ConfigValue(dir, "branch."+strings.TrimSpace(string(cur))+".remote")
	if remote == "" || !strings.HasPrefix(full, remote+"/") {
		return "", "", false
	}
	return remote, strings.TrimPrefix(full, remote+"/"), true
}

// Fetch fetches from remote.
func Fetch(dir, remote string) error {
	if _, err := run(dir, nil, "fetch", "--quiet", remote); err != nil {
		return fmt.Errorf("git fetch %s: %w", remote, err)
	}
	return nil
}

// Count returns how many commits are in from..to.
func Count(dir, from, to string) (int, error) {
	out, err := run(dir, nil, "rev-list", "--count", from+".."+to)
	if err != nil {
		return 0, fmt.Errorf("git rev-list: %w", err)
	}
	var n int
	fmt.Sscan(strings.TrimSpace(string(out)), &n)
	return n, nil
}

// Merge merges rev into the current branch (record files through
// casework's merge driver). When it stops on conflicts, it returns the
// files left conflicted; err is for any other failure.
func Merge(dir, rev string) (conflicted []string, err error) {
	_, mergeErr := run(dir, nil, "merge", "--quiet", "--no-edit", rev)
	if mergeErr == nil {
		return nil, nil
	}
	out, err := run(dir, nil, "diff", "--name-only", "-z", "--relative", "--diff-filter=U")
	if err == nil {
		for _, p := range strings.Split(string(out), "\x00") {
			if p != "" {
				conflicted = append(conflicted, p)
			}
		}
	}
	if len(conflicted) > 0 {
		return conflicted, nil
	}
	return nil, fmt.Errorf("git merge %s: %w", rev, mergeErr)
}

// Push pushes HEAD to branch of remote.
func Push(dir, remote, branch string) error {
	if _, err := run(dir, nil, "push", "--quiet", remote, "HEAD:refs/heads/"+branch); err != nil {
		return fmt.Errorf("git push %s: %w", remote, err)
	}
	return nil
}
