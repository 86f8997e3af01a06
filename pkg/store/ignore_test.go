package store

import (
	"slices"
	"strings"
	"testing"
)

func TestGitIgnore(t *testing.T) {
	all := strings.Join(GitIgnored, "\n") + "\n"
	tests := []struct {
		name, in string
		added    []string
		want     string // "" means: the input followed by the block of added patterns
	}{
		{name: "new file", in: "", added: GitIgnored, want: gitIgnoreComment + all},
		{name: "unrelated patterns kept", in: "node_modules/\n*.log\n", added: GitIgnored,
			want: "node_modules/\n*.log\n\n" + gitIgnoreComment + all},
		{name: "no final newline", in: "*.log", added: GitIgnored,
			want: "*.log\n\n" + gitIgnoreComment + all},
		{name: "state dir there", in: "bin/\n.casework/\n", added: []string{".casework-tmp-*"},
			want: "bin/\n.casework/\n\n" + gitIgnoreComment + ".casework-tmp-*\n"},
		{name: "state dir anchored, no slash", in: "/.casework\n", added: []string{".casework-tmp-*"}},
		{name: "trailing spaces, CRLF", in: ".casework/  \r\n", added: []string{".casework-tmp-*"}},
		{name: "leading spaces are another pattern", in: "  .casework/\n", added: GitIgnored},
		{name: "everything there", in: "x\n.casework/\n.casework-tmp-*\n", added: nil, want: "x\n.casework/\n.casework-tmp-*\n"},
		{name: "only in a comment", in: "# .casework/\n", added: GitIgnored,
			want: "# .casework/\n\n" + gitIgnoreComment + all},
		{name: "a longer name is another pattern", in: ".casework-old/\n", added: GitIgnored},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, added := GitIgnore([]byte(tt.in))
			if !slices.Equal(added, tt.added) {
				t.Errorf("added %q, want %q", added, tt.added)
			}
			if !strings.HasPrefix(string(got), tt.in) {
				t.Errorf("%q does not keep %q as it was", got, tt.in)
			}
			if tt.want != "" && string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			// Merging again adds nothing.
			if again, more := GitIgnore(got); more != nil || string(again) != string(got) {
				t.Errorf("a second merge added %q", more)
			}
		})
	}
}
