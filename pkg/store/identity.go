package store

import (
	"fmt"
	"strconv"

	"github.com/casework/casework/pkg/casefile"
	"go.yaml.in/yaml/v3"
)

// IdentityError is a case file whose id: disagrees with its directory. The
// directory name is the case's identity (SPEC section 8): paths are built
// from it, never from id:, and no command writes to such a case until it
// is fixed.
type IdentityError struct {
	Path      string // the case file, relative to the root
	Line, Col int    // of the id: value, when known
	Dir       string // the directory name: the case's ID
	Got       string // what id: says
}

func (e *IdentityError) Error() string {
	got := e.Got
	if len(got) > 64 {
		got = got[:64] + "..."
	}
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col)
	}
	return fmt.Sprintf("%s: id is %s but the case's directory is %s, and the directory name is the case's ID; IDs never change, so rename nothing: put back 'id: %s', then run 'casework validate'; nothing was changed",
		where, strconv.QuoteToASCII(got), e.Dir, e.Dir)
}

// checkIdentity refuses a case file whose id: is not its directory name.
func checkIdentity(rel string, doc *casefile.Document, c *casefile.Case) error {
	kind, dir := Classify(rel)
	if kind != CaseKind || c.ID == dir {
		return nil
	}
	e := &IdentityError{Path: rel, Dir: dir, Got: c.ID}
	if root := doc.Root(); root != nil && root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "id" {
				e.Line, e.Col = root.Content[i+1].Line, root.Content[i+1].Column
			}
		}
	}
	return e
}
