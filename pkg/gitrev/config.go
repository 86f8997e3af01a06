package gitrev

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ConfigValue returns the value git's configuration gives key in dir
// (repository, then global and system settings); "" when it is not set or
// git is not installed.
func ConfigValue(dir, key string) string {
	out, err := run(dir, nil, "config", "--get", key)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// SetConfig sets key to value in the configuration of the clone holding
// dir (its .git/config, which git does not clone).
func SetConfig(dir, key, value string) error {
	_, err := run(dir, nil, "config", "--local", key, value)
	return err
}

// Available reports whether git can be run.
func Available() error {
	if _, err := exec.LookPath("git"); err != nil {
		return errors.New("git is not installed or not on PATH")
	}
	return nil
}

// MergeFile merges theirs into ours as text, three-way from base, with
// git's own line merge (git merge-file), writing the result, conflict
// markers and all, into ours. It reports whether conflicts were left.
func MergeFile(ours, base, theirs string) (bool, error) {
	cmd := exec.Command("git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs)
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return false, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() > 0 && exitErr.ExitCode() < 128:
		return true, nil
	}
	return false, fmt.Errorf("git merge-file: %w", err)
}

// Ident checks that git knows who is committing in dir: the author's and
// committer's name and email, from git's configuration (user.name,
// user.email) or GIT_AUTHOR_* and GIT_COMMITTER_* in the environment. A
// commit without them fails, so a command that will commit checks first.
func Ident(dir string) error {
	for _, v := range []string{"GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"} {
		if _, err := run(dir, nil, "var", v); err != nil {
			return errors.New("git does not know who you are (user.name and user.email are not set)")
		}
	}
	return nil
}
