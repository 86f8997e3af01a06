package exestamp

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestStampNamesTheRunningBinary(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		t.Skip(err)
	}
	got := Stamp()
	want := exe + "\n" + strconv.FormatInt(info.Size(), 10) + " "
	if !strings.HasPrefix(got, want) || Stamp() != got {
		t.Errorf("Stamp() = %q, want it to start %q and stay the same", got, want)
	}
}
