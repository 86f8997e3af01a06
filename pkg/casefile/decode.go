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
		d.errorf(n, RuleYAMLFeature, "%sYAML aliases (*%s) are not allowed in casework files; write the value out in full", prefix(d.where()), n.Value)
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
			d.mismatch(n, "a whole number", s)
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
			d.mismatch(n, "a number", s)
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		s, ok := d.scalar(n, "true or false")
		if !ok {
			return
		}
		if n.Tag != "!!bool" {
			d.mismatch(n, "true or false", s)
			return
		}
		v.SetBool(strings.EqualFold(s, "true"))
	default:
		d.errorf(n, RuleWrongType, "%scannot hold a value of this kind", prefix(d.where()))
	}
}

// scalar returns the text of a scalar node, or reports that want was
// expected instead.
func (d *decoder) scalar(n *yaml.Node, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		where := d.where()
		d.errorf(n, RuleWrongType, "%sexpected %s, found %s", prefix(where), want, kindName(n, where))
		return "", false
	}
	return n.Value, true
}

// mismatch reports a scalar that is not the value wanted.
func (d *decoder) mismatch(n *yaml.Node, want, value string) {
	where := d.where()
	d.errorf(n, RuleWrongType, "%sexpected %s, found %s", prefix(where), want, shown(where, value))
}

// private reports whether the value at where is the client's personal
// data, which messages never repeat: they end up in terminals, CI logs and
// bug reports.
func private(where string) bool {
	return where == "client" || strings.HasPrefix(where, "client.")
}

// shown is how a message quotes a scalar found at where: the value itself,
// or a placeholder for client data.
func shown(where, value string) string {
	if private(where) {
		return "a value (not shown: client data)"
	}
	return fmt.Sprintf("%q", value)
}

func kindName(n *yaml.Node, where string) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return shown(where, n.Value)
}

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value) {
	s, ok := d.scalar(n, "a date (YYYY-MM-DD)")
	if !ok {
		return
	}
	date, err := ParseDate(s)
	if err != nil {
		where := d.where()
		if private(where) {
			d.errorf(n, RuleInvalidDate, "%snot a date (value not shown: client data): write it as YYYY-MM-DD, for example 1984-05-01", prefix(where))
			return
		}
		d.errorf(n, RuleInvalidDate, "%s%v", prefix(where), err)
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
		where := d.where()
		d.errorf(n, RuleWrongType, "%sexpected a mapping (key: value lines), found %s", prefix(where), kindName(n, where))
		return false
	}
	return true
}

// validKey reports whether the key at Content[i] of mapping n may be
// decoded: a plain name, not a merge key, and not given before (reported
// otherwise). Record mappings are small, so a scan for an earlier key
// beats a map; a long mapping (a map of scores, say) pays O(n²) only in
// the number of its keys.
func (d *decoder) validKey(n *yaml.Node, i int) bool {
	k := n.Content[i]
	switch {
	case k.Kind != yaml.ScalarNode:
		d.errorf(k, RuleWrongType, "%skeys must be plain names", prefix(d.where()))
		return false
	case k.Value == "<<":
		d.errorf(k, RuleYAMLFeature, "%sYAML merge keys (<<) are not allowed in casework files", prefix(d.where()))
		return false
	}
	for j := 0; j < i; j += 2 {
		if first := n.Content[j]; first.Kind == yaml.ScalarNode && first.Value == k.Value {
			d.errorf(k, RuleDuplicateKey, "%sduplicate key %q (first given at line %d); remove one of them", prefix(d.where()), k.Value, first.Line)
			return false
		}
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
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !d.validKey(n, i) {
			continue
		}
		k := n.Content[i]
		idx, known := fields.index[k.Value]
		if !known {
			d.errorf(k, RuleUnknownKey, "%s", unknownKeyMessage(d.where(), k.Value, fields.names))
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

func unknownKeyMessage(where, key string, known []string) string {
	msg := fmt.Sprintf("unknown key %q", key)
	if where != "" {
		msg += " in " + where
	}
	if s := closest(key, known); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + "; known keys: " + strings.Join(known, ", ")
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value) {
	if !d.isMapping(n) {
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if !d.validKey(n, i) {
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
		where := d.where()
		d.errorf(n, RuleWrongType, "%sexpected a list, found %s", prefix(where), kindName(n, where))
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
