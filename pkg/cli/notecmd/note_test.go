package notecmd

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/cli/cmdutil"
)

// On a terminal note says what it waits for; from a pipe or a file it
// says nothing, so scripts' stderr stays clean.
func TestReadNotePrompt(t *testing.T) {
	for _, tc := range []struct {
		terminal, quiet bool
		wantErr         string
	}{
		{true, false, Prompt + "\n"},
		{false, false, ""},
		{true, true, ""},
	} {
		var out, errOut bytes.Buffer
		f := cmdutil.NewFactory(strings.NewReader("Phoned Maria.\n"), &out, &errOut)
		f.Flags.Quiet = tc.quiet
		text, err := readNote(f, tc.terminal)
		if err != nil || text != "Phoned Maria.\n" {
			t.Fatalf("readNote = %q, %v", text, err)
		}
		if errOut.String() != tc.wantErr || out.Len() != 0 {
			t.Errorf("terminal %v quiet %v: stderr %q stdout %q, want stderr %q", tc.terminal, tc.quiet, errOut.String(), out.String(), tc.wantErr)
		}
	}
	if Prompt[:len("Type the note; end with Ctrl-D")] != "Type the note; end with Ctrl-D" {
		t.Errorf("prompt %q", Prompt)
	}
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(strings.NewReader("x")) {
		t.Error("a string reader is a terminal")
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Error("/dev/null is a terminal")
	}
	file, err := os.CreateTemp(t.TempDir(), "note")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if isTerminal(file) {
		t.Error("a regular file is a terminal")
	}
}
