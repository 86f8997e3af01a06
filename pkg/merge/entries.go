package merge

import (
	"go.yaml.in/yaml/v3"
)

// Entry is one entry of a record file's append-only lists.
type Entry struct {
	List  string // the list's key: history, reviews, approvals, ...
	Index int
	By    string // the entry's `by`, "" when it has none
	// Key is the entry's data, spelled out: two entries with the same Key
	// are the same entry.
	Key string
}

// Entries lists the entries of the top-level lists of dated entries
// (those whose items all carry an `at`) of a record file; nil when the
// file does not parse.
func Entries(data []byte) []Entry {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 {
		return nil
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil
	}
	var out []Entry
	for i := 0; i+1 < len(top.Content); i += 2 {
		list := top.Content[i+1]
		if list.Kind != yaml.SequenceNode || !dated(list) {
			continue
		}
		for j, e := range list.Content {
			by := ""
			if v := value(e, "by"); v != nil && v.Kind == yaml.ScalarNode {
				by = v.Value
			}
			out = append(out, Entry{List: top.Content[i].Value, Index: j, By: by, Key: top.Content[i].Value + fingerprint(e)})
		}
	}
	return out
}
