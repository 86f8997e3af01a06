package casefile

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/casework/casework/pkg/safetext"
	"go.yaml.in/yaml/v3"
)

// Decode reads node into out (a pointer to one of this package's types, or
// any struct with yaml tags) strictly: unknown keys, duplicate keys, aliases,
// wrong types and impossible dates are all reported with their line and
// column, and decoding goes on so that every problem is found in one pass.
//
// Every field whose yaml tag lacks omitempty is required: a mapping that
// leaves one out is reported.
func Decode(node *yaml.Node, out any) Errors {
	return decodeWith(&decoder{}, node, out)
}

// DecodePartial is Decode without the required-key check, for files whose
// missing keys take defaults (the configuration).
func DecodePartial(node *yaml.Node, out any) Errors {
	return decodeWith(&decoder{partial: true}, node, out)
}

func decodeWith(d *decoder, node *yaml.Node, out any) Errors {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		panic("casefile.Decode: out must be a non-nil pointer")
	}
	if t := v.Elem().Type(); t.Kind() == reflect.Struct {
		d.root = t
	}
	if node.Kind == yaml.DocumentNode {
		if len(node.Content) == 0 {
			d.errorf(node, RuleEmptyFile, "the file is empty")
			return d.errs
		}
		node = node.Content[0]
	}
	d.decode(node, v.Elem())
	return d.errs
}

// decoder decodes one document. It keeps the key path of the value being
// decoded as a stack, and spells it out ("plan.goals[0].title") only for a
// message: most values are fine, and building every path as a string
// would cost more than decoding them.
type decoder struct {
	errs    Errors
	partial bool
	path    []step
	root    reflect.Type // the type of the whole file, for "did you mean client.dob"
}

// step is one level of a key path: a mapping key, or a list index when key
// is empty.
type step struct {
	key   string
	index int
}

func (d *decoder) pushKey(key string) { d.path = append(d.path, step{key: key}) }
func (d *decoder) pushIndex(i int)    { d.path = append(d.path, step{index: i}) }
func (d *decoder) pop()               { d.path = d.path[:len(d.path)-1] }

// where spells out the key path of the value being decoded, e.g.
// "plan.goals[0].title"; it is empty at the top of the document.
func (d *decoder) where() string {
	var b strings.Builder
	for _, s := range d.path {
		switch {
		case s.key == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case b.Len() > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

func (d *decoder) errorf(n *yaml.Node, rule, format string, args ...any) {
	d.errs = append(d.errs, &PosError{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...), Rule: rule})
}

var (
	dateType = reflect.TypeOf(Date{})
	timeType = reflect.TypeOf(time.Time{})
)

// prefix names the value being decoded at the start of a message, e.g.
// "client.dob: "; it is empty at the top of the document.
func prefix(where string) string {
	if where == "" {
		return ""
	}
	return where + ": "
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, RuleYAMLFeature, "%sYAML aliases (*%s) are not allowed in casework files; write the value out in full", prefix(d.where()), safetext.Short(n.Value))
		return
	}
	if isNull(n) {
		if v.Type() == timeType {
			d.errorf(n, RuleInvalidTime, "%sa time is required here, for example 2026-03-14T09:30:00Z", prefix(d.where()))
			return
		}
		v.Set(reflect.Zero(v.Type()))
		return
	}
	switch v.Type() {
	case dateType:
		d.decodeDate(n, v)
		return
	case timeType:
		d.decodeTime(n, v)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem())
	case reflect.Struct:
		d.decodeStruct(n, v)
	case reflect.Map:
		d.decodeMap(n, v)
	case reflect.Slice:
		d.decodeSlice(n, v)
	case reflect.String:
		if s, ok := d.scalar(n, "text"); ok {
			v.SetString(s)
		}
	case reflect.Int, reflect.Int64:
		s, ok := d.scalar(n, "a whole number")
		if !ok {
			return
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
		if err != nil || n.Tag != "!!int" {
			d.mismatch(n, "a whole number")
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		s, ok := d.scalar(n, "a number")
		if !ok {
			return
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || (n.Tag != "!!int" && n.Tag != "!!float") || math.IsNaN(f) || math.IsInf(f, 0) {
			d.mismatch(n, "a number")
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		s, ok := d.scalar(n, "true or false")
		if !ok {
			return
		}
		if n.Tag != "!!bool" {
			d.mismatch(n, "true or false")
			return
		}
		v.SetBool(strings.EqualFold(s, "true"))
	default:
		d.errorf(n, RuleWrongType, "%scannot hold a value of this kind", prefix(d.where()))
	}
}

// scalar returns the text of a scalar node, or reports that want was
// expected instead. Binary data (!!binary) is refused: it would otherwise
// be read as its base64 text.
func (d *decoder) scalar(n *yaml.Node, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!binary" {
		d.mismatch(n, want)
		return "", false
	}
	return n.Value, true
}

// mismatch reports a node that is not the value wanted, saying what kind
// of value was found but never the value itself.
func (d *decoder) mismatch(n *yaml.Node, want string) {
	d.errorf(n, RuleWrongType, "%sexpected %s, found %s", prefix(d.where()), want, kindName(n))
}

// describe says what kind of scalar a node holds, never its text: a value
// in a file may be a client's data, or the content of a file that is not a
// casework file at all (a symlinked /etc/passwd, a .env with secrets).
func describe(n *yaml.Node) string {
	switch n.Tag {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!timestamp":
		return "a date or time"
	case "!!binary":
		return "binary data (!!binary)"
	case "!!null":
		return "nothing"
	}
	what := "text"
	if strings.Contains(n.Value, "\n") {
		what = fmt.Sprintf("text of %d lines", strings.Count(n.Value, "\n")+1)
	}
	if key := glued(n); key != "" {
		what += fmt.Sprintf(" (if %s is meant as a key, put a space after its colon: '%s: value')", safeKey(key), key)
	}
	return what
}

// glued returns the key of a plain scalar that reads like "key:value", a
// key and its value with the space after the colon left out, or "".
func glued(n *yaml.Node) string {
	if n.Style != 0 || n.Tag != "!!str" {
		return ""
	}
	key, _ := gluedKey(n.Value)
	return key
}

// keyShaped reports whether s looks like a casework key (lower-case
// letters, digits and underscores, short), and so may be quoted in a
// message: anything else found where a key belongs may be data.
func keyShaped(s string) bool {
	if s == "" || len(s) > 40 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// safeKey quotes a key found in a file for a message: the key itself when
// it is key-shaped, otherwise a description that does not repeat it.
func safeKey(key string) string {
	if keyShaped(key) {
		return strconv.Quote(key)
	}
	return "a key that is not a casework name (not shown: it may be data)"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return describe(n)
}

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value) {
	s, ok := d.scalar(n, "a date (YYYY-MM-DD)")
	if !ok {
		return
	}
	date, err := ParseDate(s)
	if err != nil {
		d.errorf(n, RuleInvalidDate, "%s%v", prefix(d.where()), err)
		return
	}
	v.Set(reflect.ValueOf(date))
}

func (d *decoder) decodeTime(n *yaml.Node, v reflect.Value) {
	s, ok := d.scalar(n, "a time (RFC 3339)")
	if !ok {
		return
	}
	t, err := ParseTime(s)
	if err != nil {
		d.errorf(n, RuleInvalidTime, "%s%v", prefix(d.where()), err)
		return
	}
	v.Set(reflect.ValueOf(t))
}

// isMapping reports whether n is a mapping, reporting it when not.
func (d *decoder) isMapping(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		d.mismatch(n, "a mapping (key: value lines)")
		return false
	}
	return true
}

// smallMapping is the most pairs a mapping may have for its duplicate
// keys to be found by scanning the keys before each one: record mappings
// are small, and a scan beats building a map. A longer mapping (a map of
// scores, or a hostile file of 150,000 keys) is checked with a map, so
// the check stays linear.
const smallMapping = 16

// keySet remembers the keys of a mapping seen so far; it is nil for a
// small mapping.
type keySet map[string]*yaml.Node

func newKeySet(n *yaml.Node) keySet {
	if len(n.Content)/2 <= smallMapping {
		return nil
	}
	return make(keySet, len(n.Content)/2)
}

// validKey reports whether the key at Content[i] of mapping n may be
// decoded: a plain name, not a merge key, and not given before (reported
// otherwise).
func (d *decoder) validKey(n *yaml.Node, i int, seen keySet) bool {
	k := n.Content[i]
	switch {
	case k.Kind != yaml.ScalarNode:
		d.errorf(k, RuleWrongType, "%skeys must be plain names", prefix(d.where()))
		return false
	case k.Value == "<<":
		d.errorf(k, RuleYAMLFeature, "%sYAML merge keys (<<) are not allowed in casework files", prefix(d.where()))
		return false
	}
	var first *yaml.Node
	if seen != nil {
		first = seen[k.Value]
		if first == nil {
			seen[k.Value] = k
		}
	} else {
		for j := 0; j < i; j += 2 {
			if c := n.Content[j]; c.Kind == yaml.ScalarNode && c.Value == k.Value {
				first = c
				break
			}
		}
	}
	if first != nil {
		d.errorf(k, RuleDuplicateKey, "%sduplicate key %s (first given at line %d); remove one of them", prefix(d.where()), safeKey(k.Value), first.Line)
		return false
	}
	return true
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	if !d.isMapping(n) {
		return
	}
	fields := fieldsOf(v.Type())
	var onStack [64]bool // which fields were given, without allocating
	given := onStack[:]
	if nf := v.NumField(); nf > len(onStack) {
		given = make([]bool, nf)
	}
	seen := newKeySet(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !d.validKey(n, i, seen) {
			continue
		}
		k := n.Content[i]
		idx, known := fields.index[k.Value]
		if !known {
			d.errorf(k, RuleUnknownKey, "%s", d.unknownKeyMessage(k.Value, fields.names))
			continue
		}
		given[idx] = true
		d.pushKey(k.Value)
		d.decode(n.Content[i+1], v.Field(idx))
		d.pop()
	}
	if d.partial {
		return
	}
	for _, name := range fields.required {
		if !given[fields.index[name]] {
			d.errorf(n, RuleMissingKey, "%smissing required key %q", prefix(d.where()), name)
		}
	}
}

// unknownKeyMessage reports a key the struct being decoded does not have,
// suggesting the known key it is a likely typo of, or where it belongs if
// it was put at the wrong level ("did you mean client.dob?").
func (d *decoder) unknownKeyMessage(key string, known []string) string {
	where := d.where()
	msg := "unknown key " + safeKey(key)
	if where != "" {
		msg += " in " + where
	}
	if !keyShaped(key) {
		return msg + "; known keys: " + strings.Join(known, ", ")
	}
	if s := closest(key, known); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	if moved := keyPaths(d.root, key, where); len(moved) > 0 && !strings.Contains(where, "[") {
		return msg + "; did you mean " + strings.Join(moved, " or ") + "? (move it there, indented under its parent)"
	}
	return msg + "; known keys: " + strings.Join(known, ", ")
}

// keyPaths lists the dotted paths in the file type t (at most three,
// nearest first) that end in key, leaving out where: the places a key
// found at the wrong level belongs. Lists are not searched.
func keyPaths(t reflect.Type, key, where string) []string {
	if t == nil {
		return nil
	}
	var found []string
	type level struct {
		t      reflect.Type
		prefix string
	}
	queue := []level{{t, ""}}
	for len(queue) > 0 && len(found) < 3 {
		l := queue[0]
		queue = queue[1:]
		f := fieldsOf(l.t)
		for _, name := range f.names {
			path := l.prefix + name
			ft := l.t.Field(f.index[name]).Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if name == key && path != where+"."+key && len(found) < 3 {
				found = append(found, path)
			}
			if ft.Kind() == reflect.Struct && ft != dateType && ft != timeType {
				queue = append(queue, level{ft, path + "."})
			}
		}
	}
	return found
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value) {
	if !d.isMapping(n) {
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := newKeySet(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !d.validKey(n, i, seen) {
			continue
		}
		k := n.Content[i]
		d.pushKey(k.Value)
		key := reflect.New(v.Type().Key()).Elem()
		d.decode(k, key)
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(n.Content[i+1], elem)
		d.pop()
		m.SetMapIndex(key, elem)
	}
	v.Set(m)
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.SequenceNode {
		d.mismatch(n, "a list")
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.pushIndex(i)
		if isNull(item) {
			d.errorf(item, RuleEmptyValue, "%s: empty list item; remove the lone '-' or fill it in", d.where())
		} else {
			d.decode(item, s.Index(i))
		}
		d.pop()
	}
	v.Set(s)
}

// structFields maps the yaml key names of a struct type to field indexes.
type structFields struct {
	index    map[string]int
	names    []string // in declaration order: the canonical key order
	required []string // keys whose tag lacks omitempty
}

var fieldCache sync.Map // reflect.Type -> *structFields

func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	f := &structFields{index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		name := KeyName(t.Field(i))
		if name == "" {
			continue
		}
		f.index[name] = i
		f.names = append(f.names, name)
		if !strings.Contains(t.Field(i).Tag.Get("yaml"), ",omitempty") {
			f.required = append(f.required, name)
		}
	}
	fieldCache.Store(t, f)
	return f
}

// KeyName returns the YAML key of a struct field, or "" when the field is
// not written to files.
func KeyName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// closest returns the known key nearest to key by edit distance, if it is
// near enough to be a likely typo.
func closest(key string, known []string) string {
	best, bestDist := "", 3
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	for _, k := range sorted {
		if dist := editDistance(key, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
