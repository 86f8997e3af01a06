package validate

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Lookup returns the value node at a dotted key path such as
// "plan.goals[0].actions[1].resource" under root (a document or its top
// node), and whether it is there.
func Lookup(root *yaml.Node, path string) (*yaml.Node, bool) {
	cur := top(root)
	if cur == nil {
		return nil, false
	}
	for _, s := range splitPath(path) {
		next, _ := child(cur, s)
		if next == nil {
			return nil, false
		}
		cur = next
	}
	return cur, true
}

// top returns the top node of a document node, or n itself.
func top(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		return n.Content[0]
	}
	return n
}

// Pos returns the line and column of the key path under root: the key
// itself for a mapping key, the item for a list index, and the nearest
// enclosing node that exists when the path is not there (a missing key is
// reported at its parent). It returns 1, 1 when root is nil.
func Pos(root *yaml.Node, path string) (line, col int) {
	root = top(root)
	if root == nil {
		return 1, 1
	}
	at := root
	cur := root
	for _, step := range splitPath(path) {
		next, key := child(cur, step)
		if next == nil {
			break
		}
		cur = next
		at = next
		if key != nil {
			at = key
		}
	}
	if at.Line == 0 {
		return 1, 1
	}
	return at.Line, at.Column
}

// step is one part of a key path: a mapping key, or a list index when
// index >= 0.
type step struct {
	key   string
	index int
}

// splitPath splits "a.b[2].c" into a, b, [2], c.
func splitPath(path string) []step {
	var steps []step
	for _, part := range strings.Split(path, ".") {
		for part != "" {
			open := strings.IndexByte(part, '[')
			if open < 0 {
				steps = append(steps, step{key: part, index: -1})
				break
			}
			if open > 0 {
				steps = append(steps, step{key: part[:open], index: -1})
			}
			close := strings.IndexByte(part[open:], ']')
			if close < 0 {
				break
			}
			i, err := strconv.Atoi(part[open+1 : open+close])
			if err != nil {
				i = -2 // matches nothing
			}
			steps = append(steps, step{index: i})
			part = part[open+close+1:]
		}
	}
	return steps
}

// child returns the value node one step below n, and the key node when the
// step is a mapping key.
func child(n *yaml.Node, s step) (value, key *yaml.Node) {
	if s.index >= 0 || s.index == -2 {
		if n.Kind != yaml.SequenceNode || s.index < 0 || s.index >= len(n.Content) {
			return nil, nil
		}
		return n.Content[s.index], nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == s.key {
			return n.Content[i+1], n.Content[i]
		}
	}
	return nil, nil
}
