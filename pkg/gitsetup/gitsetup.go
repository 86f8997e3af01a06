// Package gitsetup makes a clone of a case repository work with
// casework: it registers casework's merge driver for record files
// (.gitattributes in the repository, which git clones, and the driver in
// the clone's own git config, which git does not clone) and, when asked,
// configures SSH commit signing with a worker's key.
package gitsetup

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/gitrev"
)

// Driver is the name of casework's merge driver in git's configuration.
const Driver = "casework"

// DriverCommand is how git runs the merge driver: %O the common
// ancestor, %A ours (where the result goes), %B theirs, %P the path.
const DriverCommand = "casework merge-driver %O %A %B %P"

// Attributes are the .gitattributes lines that give record files to the
// driver. Paths are relative to the repository's root, where the file is.
var Attributes = []string{
	"cases/*/case.yaml merge=" + Driver,
	"workers/*.yaml merge=" + Driver,
	"resources/*.yaml merge=" + Driver,
}

const attributesHeader = "# casework: record files are merged by 'casework merge-driver' (set up with 'casework git setup')."

// WriteAttributes adds the lines of Attributes that root/.gitattributes
// lacks, keeping what it holds; it reports whether it changed the file.
func WriteAttributes(root string) (bool, error) {
	p := filepath.Join(root, ".gitattributes")
	old, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("cannot read .gitattributes: %w", err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.Join(strings.Fields(l), " ")] = true
	}
	var add []string
	for _, l := range Attributes {
		if !have[l] {
			add = append(add, l)
		}
	}
	if len(add) == 0 {
		return false, nil
	}
	var b bytes.Buffer
	b.Write(old)
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		b.WriteString("\n")
	}
	if !have[attributesHeader] {
		b.WriteString(attributesHeader + "\n")
	}
	b.WriteString(strings.Join(add, "\n") + "\n")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		return false, fmt.Errorf("cannot write .gitattributes: %w", err)
	}
	return true, nil
}

// RegisterDriver sets the merge driver in the git config of the clone
// holding root.
func RegisterDriver(root string) error {
	if err := gitrev.SetConfig(root, "merge."+Driver+".name", "casework record files (append-only entries kept from both sides)"); err != nil {
		return fmt.Errorf("cannot set up git: %w", err)
	}
	return gitrev.SetConfig(root, "merge."+Driver+".driver", DriverCommand)
}

// InGit reports whether root is inside a git work tree.
func InGit(root string) bool {
	if gitrev.Available() != nil {
		return false
	}
	_, err := gitrev.TopLevel(root)
	return err == nil
}
