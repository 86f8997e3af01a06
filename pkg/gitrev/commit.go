package gitrev

import (
	"fmt"
	"strings"
	"time"
)

// TopLevel returns the root of the git work tree holding dir, or an error
// when dir is not inside one.
func TopLevel(dir string) (string, error) {
	out, err := run(dir, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Commit records paths (relative to dir) in a new commit with message and
// author date at, and nothing else: changes the user staged in other files
// stay staged and out of the commit (git commit --only).
func Commit(dir, message string, at time.Time, paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	if _, err := run(dir, nil, append([]string{"add", "--"}, paths...)...); err != nil {
		return fmt.Errorf("git add: %w", err)
	}
	args := append([]string{"commit", "--quiet", "--only", "--message", message, "--date", at.UTC().Format(time.RFC3339), "--"}, paths...)
	if _, err := run(dir, nil, args...); err != nil {
		return fmt.Errorf("git commit: %w", err)
	}
	return nil
}
