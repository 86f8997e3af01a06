package gitrev

import (
	"errors"
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
