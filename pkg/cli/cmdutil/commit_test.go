package cmdutil

import "testing"

func TestSubject(t *testing.T) {
	tests := []struct {
		name    string
		paths   []string
		phases  [][3]string
		command string
		want    string
		detail  string
	}{
		{"phase change", []string{"cases/C-1/case.yaml"}, [][3]string{{"C-1", "assessment", "planning"}}, "case move", "C-1: assessment → planning", ""},
		{"two moves keep the first phase", []string{"cases/C-1/case.yaml"}, [][3]string{{"C-1", "intake", "assessment"}, {"C-1", "assessment", "planning"}}, "x", "C-1: intake → planning", ""},
		{"back to the same phase", []string{"cases/C-1/case.yaml"}, [][3]string{{"C-1", "intake", "intake"}}, "case set", "C-1: case set", ""},
		{"there and back", []string{"cases/C-1/case.yaml"}, [][3]string{{"C-1", "intake", "assessment"}, {"C-1", "assessment", "intake"}}, "x", "C-1: x", ""},
		{"goal", []string{"cases/C-1/case.yaml"}, nil, "plan goal add", "C-1: plan goal add G2", "G2"},
		{"note", []string{"cases/C-1/notes/20260302T090000Z-ABCD.md"}, nil, "note", "C-1: note", ""},
		{"worker", []string{"workers/w-ana.yaml"}, nil, "worker add", "w-ana: worker add", ""},
		{"resource", []string{"resources/food-bank.yaml"}, nil, "resource add", "food-bank: resource add", ""},
		{"other file", []string{".casework.yaml"}, nil, "fmt", ".casework.yaml: fmt", ""},
		{"many cases", []string{"cases/A/case.yaml", "cases/B/case.yaml", "cases/B/notes/x.md", "cases/C/case.yaml", "cases/D/case.yaml", "cases/E/case.yaml"}, [][3]string{{"A", "intake", "assessment"}}, "caseload rebalance", "A, B, C, 2 more: caseload rebalance", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Changes
			for _, p := range tt.paths {
				c.wrote(p)
				c.wrote(p)
			}
			c.Detail = tt.detail
			for _, ph := range tt.phases {
				c.moved(ph[0], ph[1], ph[2])
			}
			if got := c.Subject(tt.command); got != tt.want {
				t.Errorf("Subject = %q, want %q", got, tt.want)
			}
		})
	}
}
