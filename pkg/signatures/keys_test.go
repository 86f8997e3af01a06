package signatures

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

const ed = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"

func TestParseKey(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{ed + " ana@example.org\n", ed, ""},
		{"  " + ed, ed, ""},
		{"ssh-ed25519", "", "TYPE BASE64"},
		{"ssh-nope AAAA", "", `type "ssh-nope"`},
		{"ssh-ed25519 not*base64", "", "not base64"},
	}
	for _, tt := range tests {
		got, err := ParseKey(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseKey(%q) err = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseKey(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestAllowedSigners(t *testing.T) {
	got := string(AllowedSigners([]casefile.Worker{
		{ID: "w-sue", SigningKey: ed + " sue"},
		{ID: "w-ana", SigningKey: ed},
		{ID: "w-bo"},                       // no key
		{ID: "w-x", SigningKey: "garbage"}, // reported by validate, never trusted
		{ID: "bad id", SigningKey: ed},
	}))
	want := "w-ana namespaces=\"git\" " + ed + "\nw-sue namespaces=\"git\" " + ed + "\n"
	if got != want {
		t.Errorf("AllowedSigners =\n%s\nwant\n%s", got, want)
	}
	if AllowedSigners(nil) != nil {
		t.Error("no workers: a file")
	}
}
