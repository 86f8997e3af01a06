package careplan

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/casework/casework/pkg/safetext"
)

// A repository's templates are untrusted input (SPEC section 8): a
// template may loop without writing anything ({{range 3000000000}}{{end}},
// nested ranges, a template that calls itself twice) or build ever longer
// values without a loop ({{$x = printf "%s%s" $x $x}} thirty times). The
// output cap (MaxOutput) stops none of these. So a template that calls
// itself, directly or through others, is refused before it runs (care
// documents have no use for recursion, and text/template would let it go
// 100,000 calls deep), and every execution runs on a budget of work: a copy of each template's tree is instrumented to
// count, at every iteration of a range and at every call of a template,
// the nodes that iteration or call may evaluate, and execution stops with
// errTooMuchWork past MaxSteps. The budget is counted, not timed, so a
// template renders or fails the same way on any machine. The functions
// that make text (print, printf, println, html, js, urlquery, join) refuse
// to make more than MaxOutput bytes.

// MaxSteps is the most work one execution of a template may do, in nodes
// evaluated: the built-in templates need about 1,000 for a case of the
// sample agency, and some 50 more per entry of a list they show, so a case
// with a thousand of every entry fits many times over; a loop that does
// nothing stops after a few seconds.
const MaxSteps = 1_000_000

// errTooMuchWork stops a template past MaxSteps; execute reports it as
// tooMuchWork.
var errTooMuchWork = errors.New("template over its budget of work")

// stepFunc is the name of the function the instrumented trees call; not
// one a template author would use.
const stepFunc = "caseworkBudgetStep"

// tooMuchWork says what to do about a template stopped by the budget.
func tooMuchWork(label string) error {
	return fmt.Errorf("template %s does more than %d steps of work, the limit for a rendered document; look for a loop (range) over a large number, nested loops, or a template that calls itself", label, MaxSteps)
}

// execute runs tmpl over data into w within the budget of work and the
// cap on the text functions, control characters escaped (see escaping); past the budget it fails with tooMuchWork,
// naming the template by its name (its label). tmpl is not changed, so
// one parsed template may be executed by many goroutines at once.
func execute(tmpl *template.Template, w io.Writer, data any) error {
	if err := refuseRecursion(tmpl); err != nil {
		return err
	}
	run, err := tmpl.Clone()
	if err != nil {
		return err
	}
	steps := 0
	funcs := cappedFuncs()
	funcs[stepFunc] = func(n int) (string, error) {
		if steps += n; steps > MaxSteps {
			return "", errTooMuchWork
		}
		return "", nil
	}
	run.Funcs(funcs)
	for _, t := range tmpl.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		tree := t.Tree.Copy()
		if err := instrument(tree); err != nil {
			return err
		}
		if _, err := run.AddParseTree(t.Name(), tree); err != nil {
			return err
		}
	}
	if err := run.Execute(escaping{w}, data); errors.Is(err, errTooMuchWork) {
		return tooMuchWork(tmpl.Name())
	} else if err != nil {
		return err
	}
	return nil
}

// instrument makes tree count its work: its root counts its size once per
// call of the template, and every range's body its size once per
// iteration.
func instrument(tree *parse.Tree) error {
	var walk func(n parse.Node) error
	walk = func(n parse.Node) error {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return nil
			}
			for _, c := range n.Nodes {
				if err := walk(c); err != nil {
					return err
				}
			}
		case *parse.IfNode:
			return errors.Join(walk(n.List), walk(n.ElseList))
		case *parse.WithNode:
			return errors.Join(walk(n.List), walk(n.ElseList))
		case *parse.RangeNode:
			if err := errors.Join(walk(n.List), walk(n.ElseList)); err != nil {
				return err
			}
			return countIn(n.List, 1+size(n.List))
		}
		return nil
	}
	if err := walk(tree.Root); err != nil {
		return err
	}
	return countIn(tree.Root, 1+size(tree.Root))
}

// countIn puts a call of the step function, counting n, first in list:
// a copy of stepCall with n for its argument.
func countIn(list *parse.ListNode, n int) error {
	if list == nil {
		return nil
	}
	call := stepCall.Copy().(*parse.ActionNode)
	num := call.Pipe.Cmds[0].Args[1].(*parse.NumberNode)
	num.Int64, num.Uint64, num.Float64, num.Text = int64(n), uint64(n), float64(n), strconv.Itoa(n)
	list.Nodes = append([]parse.Node{call}, list.Nodes...)
	return nil
}

// stepCall is the action {{caseworkBudgetStep 1}}, parsed once.
var stepCall = template.Must(template.New("").Funcs(template.FuncMap{stepFunc: func(int) string { return "" }}).Parse("{{" + stepFunc + " 1}}")).Tree.Root.Nodes[0]

// size counts the nodes under n: the work of one pass over it, leaving
// out the loops and template calls inside, which count their own.
func size(n parse.Node) int {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return 0
		}
		total := 0
		for _, c := range n.Nodes {
			total += size(c)
		}
		return total
	case *parse.IfNode:
		return 1 + size(n.Pipe) + size(n.List) + size(n.ElseList)
	case *parse.WithNode:
		return 1 + size(n.Pipe) + size(n.List) + size(n.ElseList)
	case *parse.RangeNode:
		return 1 + size(n.Pipe) + size(n.ElseList)
	case *parse.ActionNode:
		return 1 + size(n.Pipe)
	case *parse.TemplateNode:
		return 1 + size(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return 0
		}
		total := 1
		for _, c := range n.Cmds {
			total += 1 + len(c.Args)
		}
		return total
	}
	return 1
}

// cappedFuncs are text/template's functions that make text, and join,
// refusing to make more than MaxOutput bytes: without a loop, a template
// could otherwise double a value until memory runs out.
func cappedFuncs() template.FuncMap {
	capped := func(f func(args ...any) string) any {
		return func(args ...any) (string, error) {
			if textLen(args) > MaxOutput {
				return "", errTooLong
			}
			s := f(args...)
			if len(s) > MaxOutput {
				return "", errTooLong
			}
			return s, nil
		}
	}
	return template.FuncMap{
		"print":    capped(fmt.Sprint),
		"println":  capped(fmt.Sprintln),
		"html":     capped(template.HTMLEscaper),
		"js":       capped(template.JSEscaper),
		"urlquery": capped(template.URLQueryEscaper),
		"printf": func(format string, args ...any) (string, error) {
			if len(format)+textLen(args) > MaxOutput {
				return "", errTooLong
			}
			s := fmt.Sprintf(format, args...)
			if len(s) > MaxOutput {
				return "", errTooLong
			}
			return s, nil
		},
		"join": func(elems []string, sep string) (string, error) {
			n := len(sep) * max(len(elems)-1, 0)
			for _, e := range elems {
				n += len(e)
			}
			if n > MaxOutput {
				return "", errTooLong
			}
			return strings.Join(elems, sep), nil
		},
	}
}

// textLen is the length of the text among args: strings, byte slices and
// lists of strings.
func textLen(args []any) int {
	n := 0
	for _, a := range args {
		switch v := reflect.ValueOf(a); v.Kind() {
		case reflect.String:
			n += v.Len()
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				n += v.Len()
			} else if v.Type().Elem().Kind() == reflect.String {
				for i := range v.Len() {
					n += v.Index(i).Len()
				}
			}
		}
	}
	return n
}

// MaxCallDepth is how deep templates may call templates: care documents
// need two or three levels; a chain of thousands would make every step of
// the execution slow (each holds the whole chain on the stack).
const MaxCallDepth = 50

// refuseRecursion refuses a set of templates in which one calls itself,
// directly or through others, or calls go more than MaxCallDepth deep.
func refuseRecursion(tmpl *template.Template) error {
	calls := map[string][]string{}
	for _, t := range tmpl.Templates() {
		if t.Tree != nil {
			calls[t.Name()] = called(t.Tree.Root, nil)
		}
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var path []string
	var visit func(name string) error
	visit = func(name string) error {
		switch state[name] {
		case visiting:
			i := slices.Index(path, name)
			return fmt.Errorf("template %s calls itself (%s); casework templates may not call themselves: fix the template", tmpl.Name(), strings.Join(append(path[i:], name), " → "))
		case done:
			return nil
		}
		if len(path) >= MaxCallDepth {
			return fmt.Errorf("template %s calls templates more than %d deep (%s → ...); casework templates may nest at most %d: fix the template", tmpl.Name(), MaxCallDepth, strings.Join(path[:3], " → "), MaxCallDepth)
		}
		state[name] = visiting
		path = append(path, name)
		for _, c := range calls[name] {
			if err := visit(c); err != nil {
				return err
			}
		}
		path = path[:len(path)-1]
		state[name] = done
		return nil
	}
	names := slices.Sorted(maps.Keys(calls))
	for _, name := range names {
		if err := visit(name); err != nil {
			return err
		}
	}
	return nil
}

// called appends to names the templates that n calls.
func called(n parse.Node, names []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				names = called(c, names)
			}
		}
	case *parse.IfNode:
		names = called(n.ElseList, called(n.List, names))
	case *parse.WithNode:
		names = called(n.ElseList, called(n.List, names))
	case *parse.RangeNode:
		names = called(n.ElseList, called(n.List, names))
	case *parse.TemplateNode:
		names = append(names, n.Name)
	}
	return names
}

// escaping writes to w what a template writes, with control characters
// escaped as safetext does (newlines kept): a client's name holding an
// escape sequence shows as text in a rendered document, and cannot clear
// or recolour the terminal it is printed on.
type escaping struct{ w io.Writer }

func (e escaping) Write(p []byte) (int, error) {
	if _, err := e.w.Write([]byte(safetext.EscapeKeepNewlines(string(p)))); err != nil {
		return 0, err
	}
	return len(p), nil
}
