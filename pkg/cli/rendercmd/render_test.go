package rendercmd

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/cli/cmdutil"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{"C-1"}, want: Options{CaseArg: "C-1", Template: "careplan"}},
		{args: []string{"C-1", "-t", "referral", "--action", "A2", "--redact", "--out", "x.md"},
			want: Options{CaseArg: "C-1", Template: "referral", Action: "A2", Redact: true, Out: "x.md"}},
		{args: []string{"--all", "--out", "dir"}, want: Options{All: true, Template: "careplan", Out: "dir"}},
		{args: []string{}, wantErr: "or --all"},
		{args: []string{"--all"}, wantErr: "--all needs --out DIR"},
		{args: []string{"C-1", "--all", "--out", "d"}, wantErr: "not both"},
		{args: []string{"--all", "--out", "d", "--action", "A1"}, wantErr: "not with --all"},
		{args: []string{"--all", "--out", "d", "-t", "referral"}, wantErr: "not with --all"},
		{args: []string{"C-1", "C-2"}, wantErr: "one case ID"},
		{args: []string{"C-1", "--out", "x.md", "--force"}, want: Options{CaseArg: "C-1", Template: "careplan", Out: "x.md", Force: true}},
		{args: []string{"C-1", "--force"}, wantErr: "drop --force or add --out FILE"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f := cmdutil.NewFactory(nil, &bytes.Buffer{}, &bytes.Buffer{})
			var got *Options
			cmd := newCmdRender(f, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.wantErr != "" {
				var usage *cmdutil.UsageError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &usage) {
					t.Fatalf("err = %v, want a usage error with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.F = nil
			if *got != tt.want {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}
