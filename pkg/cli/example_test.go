package cli

import (
	"strings"
	"testing"
)

// TestExampleAgency keeps examples/agency (what `make demo` runs on) valid
// and its reports working.
func TestExampleAgency(t *testing.T) {
	const dir = "../../examples/agency"
	at := "CASEWORK_NOW=2026-06-15T09:00:00Z"
	for _, args := range [][]string{
		{"validate"},
		{"case", "list"},
		{"caseload"},
		{"due", "--within", "4w"},
		{"workflow"},
		{"render", "C-2026-7K3Q", "--redact"},
	} {
		code, out := caseworkEnv(t, "", []string{at, "CASEWORK_DIR=" + dir}, args...)
		if code != 0 {
			t.Errorf("casework %s: exit %d\n%s", strings.Join(args, " "), code, out)
		}
	}
	_, out := caseworkEnv(t, "", []string{at, "CASEWORK_DIR=" + dir}, "render", "C-2026-7K3Q", "--redact")
	for _, secret := range []string{"Maria", "Lopez", "07700", "Mill Lane", "1984-05-01"} {
		if strings.Contains(out, secret) {
			t.Errorf("redacted care plan of the example shows %q", secret)
		}
	}
}
