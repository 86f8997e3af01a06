package household

import (
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

// TestEcoMapEscapesControls: a name holding an escape sequence is drawn
// as text; before, 'network ID --mermaid' printed it raw to the terminal
// (issue 13).
func TestEcoMapEscapesControls(t *testing.T) {
	c := &casefile.Case{Client: casefile.Client{Name: "Maria\x1b[2J"},
		Network: []casefile.Contact{{ID: "N1", Name: "Rosa\u202e", Relationship: "sister\x07", Kind: "informal"}}}
	m := EcoMap(c, false)
	if strings.ContainsAny(m, "\x1b\x07\u202e") || !strings.Contains(m, `client(("Maria\x1b(2J"))`) || !strings.Contains(m, `N1["Rosa\u202e (sister\x07)"]`) {
		t.Errorf("got:\n%s", m)
	}
}
