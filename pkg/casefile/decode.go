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
			d.errorf(node, "the file is empty")
			return d.errs
		}
		node = node.Content[0]
	}
	d.decode(node, v.Elem(), "")
	return d.errs
}

type decoder struct {
	errs    Errors
	partial bool
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &PosError{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

var (
	dateType = reflect.TypeOf(Date{})
	timeType = reflect.TypeOf(time.Time{})
)

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

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

func (d *decoder) decode(n *yaml.Node, v reflect.Value, where string) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "%sYAML aliases (*%s) are not allowed in casework files; write the value out in full", prefix(where), n.Value)
		return
	}
	if isNull(n) {
		if v.Type() == timeType {
			d.errorf(n, "%sa time is required here, for example 2026-03-14T09:30:00Z", prefix(where))
			return
		}
		v.Set(reflect.Zero(v.Type()))
		return
	}
	switch v.Type() {
	case dateType:
		d.decodeDate(n, v, where)
		return
	case timeType:
		d.decodeTime(n, v, where)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), where)
	case reflect.Struct:
		d.decodeStruct(n, v, where)
	case reflect.Map:
		d.decodeMap(n, v, where)
	case reflect.Slice:
		d.decodeSlice(n, v, where)
	case reflect.String:
		if s, ok := d.scalar(n, where, "text"); ok {
			v.SetString(s)
		}
	case reflect.Int, reflect.Int64:
		s, ok := d.scalar(n, where, "a whole number")
		if !ok {
			return
		}
		i, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 10, 64)
		if err != nil || n.Tag != "!!int" {
			d.errorf(n, "%sexpected a whole number, found %s", prefix(where), shown(where, s))
			return
		}
		v.SetInt(i)
	case reflect.Float64:
		s, ok := d.scalar(n, where, "a number")
		if !ok {
			return
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || (n.Tag != "!!int" && n.Tag != "!!float") || math.IsNaN(f) || math.IsInf(f, 0) {
			d.errorf(n, "%sexpected a number, found %s", prefix(where), shown(where, s))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		s, ok := d.scalar(n, where, "true or false")
		if !ok {
			return
		}
		if n.Tag != "!!bool" {
			d.errorf(n, "%sexpected true or false, found %s", prefix(where), shown(where, s))
			return
		}
		v.SetBool(strings.EqualFold(s, "true"))
	default:
		d.errorf(n, "%scannot hold a value of this kind", prefix(where))
	}
}

// scalar returns the text of a scalar node, or reports that want was
// expected instead.
func (d *decoder) scalar(n *yaml.Node, where, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%sexpected %s, found %s", prefix(where), want, kindName(n, where))
		return "", false
	}
	return n.Value, true
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

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value, where string) {
	s, ok := d.scalar(n, where, "a date (YYYY-MM-DD)")
	if !ok {
		return
	}
	date, err := ParseDate(s)
	if err != nil {
		if private(where) {
			d.errorf(n, "%snot a date (value not shown: client data): write it as YYYY-MM-DD, for example 1984-05-01", prefix(where))
			return
		}
		d.errorf(n, "%s%v", prefix(where), err)
		return
	}
	v.Set(reflect.ValueOf(date))
}

func (d *decoder) decodeTime(n *yaml.Node, v reflect.Value, where string) {
	s, ok := d.scalar(n, where, "a time (RFC 3339)")
	if !ok {
		return
	}
	t, err := ParseTime(s)
	if err != nil {
		d.errorf(n, "%s%v", prefix(where), err)
		return
	}
	v.Set(reflect.ValueOf(t))
}

// mappingPairs checks that n is a mapping with unique scalar keys and
// returns its key and value nodes.
func (d *decoder) mappingPairs(n *yaml.Node, where string) (keys, values []*yaml.Node, ok bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%sexpected a mapping (key: value lines), found %s", prefix(where), kindName(n, where))
		return nil, nil, false
	}
	size := len(n.Content) / 2
	keys, values = make([]*yaml.Node, 0, size), make([]*yaml.Node, 0, size)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%skeys must be plain names", prefix(where))
			continue
		}
		if k.Value == "<<" {
			d.errorf(k, "%sYAML merge keys (<<) are not allowed in casework files", prefix(where))
			continue
		}
		if first := keyNamed(keys, k.Value); first != nil {
			d.errorf(k, "%sduplicate key %q (first given at line %d); remove one of them", prefix(where), k.Value, first.Line)
			continue
		}
		keys = append(keys, k)
		values = append(values, val)
	}
	return keys, values, true
}

// keyNamed returns the key node named name, if keys has one. Record
// mappings are small, so a scan beats a map; a long mapping (a map of
// scores, say) pays O(n²) only in the number of its keys.
func keyNamed(keys []*yaml.Node, name string) *yaml.Node {
	for _, k := range keys {
		if k.Value == name {
			return k
		}
	}
	return nil
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, where string) {
	keys, values, ok := d.mappingPairs(n, where)
	if !ok {
		return
	}
	fields := fieldsOf(v.Type())
	given := map[string]bool{}
	for i, k := range keys {
		idx, known := fields.index[k.Value]
		if !known {
			d.errorf(k, "%s", unknownKeyMessage(where, k.Value, fields.names))
			continue
		}
		given[k.Value] = true
		d.decode(values[i], v.Field(idx), join(where, k.Value))
	}
	if d.partial {
		return
	}
	for _, name := range fields.required {
		if !given[name] {
			d.errorf(n, "%smissing required key %q", prefix(where), name)
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

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, where string) {
	keys, values, ok := d.mappingPairs(n, where)
	if !ok {
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(keys))
	for i, k := range keys {
		key := reflect.New(v.Type().Key()).Elem()
		d.decode(k, key, join(where, k.Value))
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(values[i], elem, join(where, k.Value))
		m.SetMapIndex(key, elem)
	}
	v.Set(m)
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, where string) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%sexpected a list, found %s", prefix(where), kindName(n, where))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		at := fmt.Sprintf("%s[%d]", where, i)
		if isNull(item) {
			d.errorf(item, "%s: empty list item; remove the lone '-' or fill it in", at)
			continue
		}
		d.decode(item, s.Index(i), at)
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
