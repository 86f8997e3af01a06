// Package exestamp identifies the running casework binary, for caches
// whose contents a newer casework may compute differently (validate's
// findings, fmt's canonical forms): a cache made by another binary is
// ignored.
package exestamp

import (
	"os"
	"strconv"
)

// Stamp is the running executable's path, size and modification time, or
// "" when they cannot be known (then a cache keyed by it still works, but
// does not see a new binary installed in place).
func Stamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return exe + "\n" + strconv.FormatInt(info.Size(), 10) + " " + strconv.FormatInt(info.ModTime().UnixNano(), 10)
}
