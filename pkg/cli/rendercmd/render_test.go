package rendercmd

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/cli/cmdutil"
)

// TestCheck: the combinations of arguments and flags render accepts.
func TestCheck(t *testing.T) {
	tests := []struct {
		opts    Options
		wantErr string
	}{
		{opts: Options{CaseArg: "C-1", Template: "careplan"}},
		{opts: Options{CaseArg: "C-1", Template: "referral", Action: "A2", Redact: true, Out: "x.md"}},
		{opts: Options{All: true, Template: "careplan", Out: "dir"}},
		{opts: Options{Template: "careplan"}, wantErr: "or --all"},
		{opts: Options{All: true, Template: "careplan"}, wantErr: "--all needs --out DIR"},
		{opts: Options{CaseArg: "C-1", All: true, Out: "d"}, wantErr: "not both"},
		{opts: Options{All: true, Out: "d", Action: "A1"}, wantErr: "not with --all"},
		{opts: Options{All: true, Out: "d", Template: "referral"}, wantErr: "not with --all"},
		{opts: Options{CaseArg: "C-1", Template: "careplan", Out: "x.md", Force: true}},
		{opts: Options{CaseArg: "C-1", Template: "careplan", Force: true}, wantErr: "drop --force or add --out FILE"},
	}
	for _, tt := range tests {
		err := tt.opts.check()
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.opts, err)
			}
			continue
		}
		var usage *cmdutil.UsageError
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &usage) {
			t.Errorf("%+v: err = %v, want a usage error with %q", tt.opts, err, tt.wantErr)
		}
	}
}

// TestFlagErrors: the command refuses wrong calls as usage errors before
// it looks for a repository.
func TestFlagErrors(t *testing.T) {
	for args, wantErr := range map[string]string{
		"":                          "or --all",
		"--all":                     "--all needs --out DIR",
		"C-1 --all --out d":         "not both",
		"--all --out d --action A1": "not with --all",
		"--all --out d -t referral": "not with --all",
		"C-1 C-2":                   "one case ID",
		"C-1 --force":               "drop --force or add --out FILE",
	} {
		f := cmdutil.NewFactory(nil, &bytes.Buffer{}, &bytes.Buffer{})
		f.Flags.Dir = t.TempDir() // no repository: a usage error must come first
		cmd := NewCmdRender(f)
		cmd.SetArgs(strings.Fields(args))
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		err := cmd.Execute()
		var usage *cmdutil.UsageError
		if err == nil || !strings.Contains(err.Error(), wantErr) || !errors.As(err, &usage) {
			t.Errorf("render %s: err = %v, want a usage error with %q", args, err, wantErr)
		}
	}
}
