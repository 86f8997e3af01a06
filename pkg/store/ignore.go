package store

import (
	"bytes"
	"strings"
)

// GitIgnored are the .gitignore patterns of what casework keeps in a
// repository that git must never track: its local state (the write lock and
// caches, which hold client names) and the temporary files of writes in
// progress or killed, which hold client data.
var GitIgnored = []string{StateDir + "/", tempPrefix + "*"}

// gitIgnoreComment heads the patterns in a .gitignore.
const gitIgnoreComment = "# casework's local state (the write lock, caches) and the temporary files\n# of interrupted writes hold client data: never commit them.\n"

// GitIgnore returns a .gitignore (content, possibly nil or empty, of an
// existing one) with each of GitIgnored that it lacks added at its end, and
// the patterns it added. What is there is kept as it is. A pattern is there
// when a line says it, or, for a directory, says it with a leading or
// without its trailing slash.
func GitIgnore(content []byte) ([]byte, []string) {
	have := map[string]bool{}
	for _, line := range strings.Split(string(content), "\n") {
		have[strings.TrimRight(line, " \r")] = true // git ignores trailing spaces
	}
	var added []string
	for _, p := range GitIgnored {
		forms := []string{p}
		if dir, ok := strings.CutSuffix(p, "/"); ok {
			forms = append(forms, "/"+p, dir, "/"+dir)
		}
		found := false
		for _, f := range forms {
			found = found || have[f]
		}
		if !found {
			added = append(added, p)
		}
	}
	if len(added) == 0 {
		return content, nil
	}
	var b bytes.Buffer
	b.Write(content)
	if len(content) > 0 {
		if content[len(content)-1] != '\n' {
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	b.WriteString(gitIgnoreComment)
	for _, p := range added {
		b.WriteString(p + "\n")
	}
	return b.Bytes(), added
}
