package casefile

import (
	"bytes"
	"encoding"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file is a second writer of Encode's bytes, for the one place where
// the cost of yaml.v3's encoder shows: `fmt --check` encodes every file of
// the repository only to compare the result with the file. encodeFast
// writes a casework value straight into a byte slice, as yaml.v3 (v3.0.6,
// block style, SetIndent(2), no comments) would write it, and says ok only
// when it is sure of every byte. What it is not sure of (a string on more
// than one line, a kind of value casework's files do not hold, a map whose
// keys yaml.v3 might order otherwise) makes it give up, and the caller
// asks yaml.v3. Each rule below names the yaml.v3 code it mirrors
// (encode.go, emitterc.go, resolve.go, sorter.go); the differential tests
// (fastencode_test.go, fastencode_repo_test.go) hold the two writers to
// the same bytes.

// encodeFast returns Encode(v)'s bytes, and ok, when it is sure of them;
// nil and false when Encode must be asked. v is a struct or a pointer to
// one.
func encodeFast(v any) (out []byte, ok bool) {
	return appendFast(make([]byte, 0, 4096), v)
}

// appendFast appends what Encode(v) gives to b (see encodeFast).
func appendFast(b []byte, v any) ([]byte, bool) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return nil, false
	}
	// Through pointers (not a pointer type with MarshalYAML, which
	// yaml.v3 would call) to a struct.
	t := encTypeOf(rv.Type())
	for t.enc == encPointer {
		if rv.IsNil() {
			return nil, false
		}
		rv, t = rv.Elem(), t.elem
	}
	if t.enc != encStruct {
		return nil, false
	}
	if !rv.CanAddr() {
		// Values reached through a pointer let methods be called on
		// their address, without copying the value into an interface.
		copied := reflect.New(rv.Type()).Elem()
		copied.Set(rv)
		rv = copied
	}
	e := fastEncoder{b: b}
	n, ok := e.fields(rv, t, 0, false)
	if !ok {
		return nil, false
	}
	if n == 0 {
		e.b = append(e.b, "{}\n"...)
	}
	return e.b, true
}

// encKind is how a type is written.
type encKind uint8

const (
	encUnsupported encKind = iota // not sure: give up when a value of it is written
	encString
	encInt
	encUint
	encFloat
	encBool
	encTime
	encMarshaler // a yaml.Marshaler: written as what MarshalYAML returns
	encPointer
	encStruct
	encSlice
	encMap
)

// encType is what encodeFast knows of a Go type.
type encType struct {
	enc  encKind
	kind reflect.Kind
	// zeroer: the type has IsZero() bool, which yaml.v3's omitempty asks.
	zeroer bool
	// elem is the type pointed to, of the elements, or of a map's values.
	elem *encType
	// fields are a struct's fields as yaml.v3 writes them, in order;
	// exported all its exported fields, which yaml.v3's isZero looks at.
	fields   []encField
	exported []encField
}

// encField is one field of a struct.
type encField struct {
	index     int
	key       []byte // the key as written, with its colon: "name:"
	omitEmpty bool
	typ       *encType
}

var (
	encTypes   sync.Map // reflect.Type → *encType, complete
	encBuildMu sync.Mutex

	nodeType          = reflect.TypeFor[yaml.Node]()
	durationType      = reflect.TypeFor[time.Duration]()
	marshalerType     = reflect.TypeFor[yaml.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroerType      = reflect.TypeFor[yaml.IsZeroer]()
)

// encTypeOf returns what encodeFast knows of t, working it out once.
func encTypeOf(t reflect.Type) *encType {
	if info, ok := encTypes.Load(t); ok {
		return info.(*encType)
	}
	encBuildMu.Lock()
	defer encBuildMu.Unlock()
	building := map[reflect.Type]*encType{}
	info := buildEncType(t, building)
	for bt, bi := range building {
		encTypes.Store(bt, bi)
	}
	return info
}

// buildEncType follows the order of yaml.v3's encoder.marshal: special
// types, then Marshaler and TextMarshaler, then the kind.
func buildEncType(t reflect.Type, building map[reflect.Type]*encType) *encType {
	if info, ok := encTypes.Load(t); ok {
		return info.(*encType)
	}
	if info, ok := building[t]; ok {
		return info
	}
	info := &encType{kind: t.Kind(), zeroer: t.Implements(isZeroerType)}
	building[t] = info
	switch {
	case t == nodeType || t == reflect.PointerTo(nodeType) || t == durationType:
		return info
	case t == timeType:
		info.enc = encTime
		return info
	case t.Implements(marshalerType):
		info.enc = encMarshaler
		return info
	case t.Implements(textMarshalerType):
		return info
	}
	switch t.Kind() {
	case reflect.String:
		info.enc = encString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		info.enc = encInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		info.enc = encUint
	case reflect.Float32, reflect.Float64:
		info.enc = encFloat
	case reflect.Bool:
		info.enc = encBool
	case reflect.Pointer:
		info.elem = buildEncType(t.Elem(), building)
		info.enc = encPointer
	case reflect.Slice:
		info.elem = buildEncType(t.Elem(), building)
		info.enc = encSlice
	case reflect.Map:
		// yaml.v3 writes keys through marshal too: only plain string
		// keys are written here.
		if key := buildEncType(t.Key(), building); key.enc == encString {
			info.elem = buildEncType(t.Elem(), building)
			info.enc = encMap
		}
	case reflect.Struct:
		buildStruct(t, info, building)
	}
	return info
}

// buildStruct mirrors yaml.v3's getStructInfo. A struct with a field it
// does not follow (inline, flow, an unexported embedded field, an unknown
// flag, a key that needs quoting) stays unsupported.
func buildStruct(t reflect.Type, info *encType, building map[reflect.Type]*encType) {
	// isZero looks at every exported field, written or not: known first,
	// even of a struct that is not written here.
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.PkgPath == "" {
			info.exported = append(info.exported, encField{index: i, typ: buildEncType(f.Type, building)})
		}
	}
	seen := map[string]bool{}
	var fields []encField
	for i, exported := 0, 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.PkgPath != "" {
			if f.Anonymous {
				return
			}
			continue
		}
		typ := info.exported[exported].typ
		exported++
		tag := f.Tag.Get("yaml")
		if tag == "" && !strings.Contains(string(f.Tag), ":") {
			tag = string(f.Tag)
		}
		if tag == "-" {
			continue
		}
		name, flags, hasFlags := strings.Cut(tag, ",")
		field := encField{index: i, typ: typ}
		if hasFlags {
			for _, flag := range strings.Split(flags, ",") {
				if flag != "omitempty" {
					return
				}
				field.omitEmpty = true
			}
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if seen[name] || len(name) > maxSimpleKey || stringStyle(name) != stylePlain {
			return
		}
		seen[name] = true
		field.key = append([]byte(name), ':')
		fields = append(fields, field)
	}
	info.fields = fields
	info.enc = encStruct
}

// maxSimpleKey is the longest key yaml.v3 writes as "key: value" rather
// than "? key" (emitterc.go, yaml_emitter_check_simple_key).
const maxSimpleKey = 128

// maxMapKeys is the most keys of a map written here: their order is
// checked pair by pair (see mapping). casework's maps (scores, a review's
// goals and actions) hold a few.
const maxMapKeys = 64

// fastEncoder appends to b.
type fastEncoder struct {
	b []byte
}

// context is where a value is written: after "key:" or after the "-" of
// a list item.
type context uint8

const (
	afterKey context = iota
	afterDash
)

// fields writes the struct v's fields as mapping entries at column col;
// when inline, the first goes on the current line (after "- "). It
// returns how many it wrote.
func (e *fastEncoder) fields(v reflect.Value, t *encType, col int, inline bool) (int, bool) {
	n := 0
	for i := range t.fields {
		f := &t.fields[i]
		fv := v.Field(f.index)
		if f.omitEmpty {
			zero, ok := isZero(fv, f.typ)
			if !ok {
				return 0, false
			}
			if zero {
				continue
			}
		}
		if n > 0 || !inline {
			e.indent(col)
		}
		e.b = append(e.b, f.key...)
		if !e.value(fv, f.typ, col, afterKey) {
			return 0, false
		}
		n++
	}
	return n, true
}

func (e *fastEncoder) indent(col int) {
	for range col {
		e.b = append(e.b, ' ')
	}
}

// value writes v after "key:" whose key is at column col, or after the
// "-" at column col of a list item: a scalar on the same line, a mapping
// or a list on the lines below (a mapping in a list item starts on the
// dash's line), an empty one as {} or [] (yaml.v3 writes them in flow
// style).
func (e *fastEncoder) value(v reflect.Value, t *encType, col int, ctx context) bool {
	switch t.enc {
	case encPointer:
		if v.IsNil() {
			return e.scalar("null", stylePlain)
		}
		return e.value(v.Elem(), t.elem, col, ctx)
	case encString:
		s := v.String()
		return e.scalar(s, stringStyle(s))
	case encInt:
		// Numbers and times are always written plain: the emitter
		// finds nothing in them to quote.
		e.b = append(e.b, ' ')
		e.b = append(strconv.AppendInt(e.b, v.Int(), 10), '\n')
		return true
	case encUint:
		e.b = append(e.b, ' ')
		e.b = append(strconv.AppendUint(e.b, v.Uint(), 10), '\n')
		return true
	case encFloat:
		e.float(v)
		return true
	case encBool:
		if v.Bool() {
			return e.scalar("true", stylePlain)
		}
		return e.scalar("false", stylePlain)
	case encTime:
		var t time.Time
		if v.CanAddr() {
			t = *v.Addr().Interface().(*time.Time)
		} else {
			t = v.Interface().(time.Time)
		}
		e.b = append(e.b, ' ')
		e.b = append(t.AppendFormat(e.b, time.RFC3339Nano), '\n')
		return true
	case encMarshaler:
		return e.marshaler(v, t, col, ctx)
	case encStruct:
		mark := len(e.b)
		inline := ctx == afterDash
		if inline {
			e.b = append(e.b, ' ')
		} else {
			e.b = append(e.b, '\n')
		}
		n, ok := e.fields(v, t, col+2, inline)
		if !ok {
			return false
		}
		if n == 0 {
			e.b = append(e.b[:mark], " {}\n"...)
		}
		return true
	case encSlice:
		if ctx != afterKey {
			return false
		}
		if v.Len() == 0 {
			e.b = append(e.b, " []\n"...)
			return true
		}
		e.b = append(e.b, '\n')
		for i := range v.Len() {
			e.indent(col + 2)
			e.b = append(e.b, '-')
			if !e.value(v.Index(i), t.elem, col+2, afterDash) {
				return false
			}
		}
		return true
	case encMap:
		return e.mapping(v, t, col, ctx)
	}
	return false
}

// float mirrors yaml.v3's floatv.
func (e *fastEncoder) float(v reflect.Value) {
	bits := 64
	if v.Kind() == reflect.Float32 {
		bits = 32
	}
	e.b = append(e.b, ' ')
	switch f := v.Float(); {
	case math.IsInf(f, 1):
		e.b = append(e.b, ".inf"...)
	case math.IsInf(f, -1):
		e.b = append(e.b, "-.inf"...)
	case math.IsNaN(f):
		e.b = append(e.b, ".nan"...)
	default:
		e.b = strconv.AppendFloat(e.b, f, 'g', -1, bits)
	}
	e.b = append(e.b, '\n')
}

// scalar writes s in the given style (see stringStyle), then ends the
// line.
func (e *fastEncoder) scalar(s string, style scalarStyle) bool {
	var ok bool
	e.b = append(e.b, ' ')
	if e.b, ok = appendScalar(e.b, s, style); !ok {
		return false
	}
	e.b = append(e.b, '\n')
	return true
}

// marshaler writes what MarshalYAML returns, as yaml.v3's marshal does:
// nil as null, a scalar *yaml.Node as encoder.node would, any other
// value as itself.
func (e *fastEncoder) marshaler(v reflect.Value, t *encType, col int, ctx context) bool {
	if t.kind == reflect.Pointer && v.IsNil() {
		return e.scalar("null", stylePlain)
	}
	var m yaml.Marshaler
	if t.kind != reflect.Pointer && v.CanAddr() {
		// The value's methods, called through its address.
		m = v.Addr().Interface().(yaml.Marshaler)
	} else {
		m = v.Interface().(yaml.Marshaler)
	}
	out, err := m.MarshalYAML()
	if err != nil {
		return false
	}
	switch out := out.(type) {
	case nil:
		return e.scalar("null", stylePlain)
	case *yaml.Node:
		return e.node(out)
	case yaml.Node:
		return false
	}
	ov := reflect.ValueOf(out)
	return e.value(ov, encTypeOf(ov.Type()), col, ctx)
}

// node writes a scalar node without comments, anchor or style, as
// yaml.v3's encoder.node does: a tag the value resolves to anyway is
// dropped; a !!str tag the value does not resolve to forces double
// quotes; any other tag would be written, and is not done here.
func (e *fastEncoder) node(n *yaml.Node) bool {
	if n == nil || n.Kind == 0 && n.IsZero() {
		return e.scalar("null", stylePlain)
	}
	if n.Kind != yaml.ScalarNode || n.Style != 0 || n.Anchor != "" || n.Alias != nil || len(n.Content) > 0 ||
		n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return false
	}
	// A node asks for no style: the emitter quotes what it cannot write
	// plain (yaml_emitter_select_scalar_style).
	plain, single, sure := analyzeScalar(n.Value)
	if !sure || n.Value == "" {
		return false
	}
	style := styleDouble
	switch {
	case plain:
		style = stylePlain
	case single:
		style = styleSingle
	}
	if n.Tag != "" {
		stag := n.Tag
		if strings.HasPrefix(stag, "tag:yaml.org,2002:") {
			stag = "!!" + stag[len("tag:yaml.org,2002:"):]
		}
		switch rtag := resolvedTag(n.Value); {
		case rtag == stag:
		case stag == strTag:
			style = styleDouble
		default:
			return false
		}
	}
	return e.scalar(n.Value, style)
}

// mapping writes a map with string keys in yaml.v3's order (sorter.go).
func (e *fastEncoder) mapping(v reflect.Value, t *encType, col int, ctx context) bool {
	if v.Len() == 0 {
		e.b = append(e.b, " {}\n"...)
		return true
	}
	if v.Len() > maxMapKeys {
		return false
	}
	type entry struct {
		key   string
		runes []rune
		value reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		k := it.Key().String()
		if len(k) > maxSimpleKey {
			return false
		}
		entries = append(entries, entry{key: k, runes: []rune(k), value: it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		switch {
		case keyLess(a.runes, b.runes):
			return -1
		case keyLess(b.runes, a.runes):
			return 1
		}
		return 0
	})
	// yaml.v3 sorts with sort.Sort, which is not stable: the order is
	// the same only when its comparison orders these keys strictly, one
	// way.
	for i := range entries {
		for j := i + 1; j < len(entries); j++ {
			if !keyLess(entries[i].runes, entries[j].runes) || keyLess(entries[j].runes, entries[i].runes) {
				return false
			}
		}
	}
	inline := ctx == afterDash
	if inline {
		e.b = append(e.b, ' ')
	} else {
		e.b = append(e.b, '\n')
	}
	for i, en := range entries {
		if i > 0 || !inline {
			e.indent(col + 2)
		}
		var ok bool
		if e.b, ok = appendScalar(e.b, en.key, stringStyle(en.key)); !ok {
			return false
		}
		e.b = append(e.b, ':')
		if !e.value(en.value, t.elem, col+2, afterKey) {
			return false
		}
	}
	return true
}

// keyLess is yaml.v3's keyList.Less for two string keys (sorter.go):
// letters in code point order, runs of digits by their value.
func keyLess(ar, br []rune) bool {
	digits := false
	for i := 0; i < len(ar) && i < len(br); i++ {
		if ar[i] == br[i] {
			digits = unicode.IsDigit(ar[i])
			continue
		}
		al := unicode.IsLetter(ar[i])
		bl := unicode.IsLetter(br[i])
		if al && bl {
			return ar[i] < br[i]
		}
		if al || bl {
			if digits {
				return al
			}
			return bl
		}
		var ai, bi int
		var an, bn int64
		if ar[i] == '0' || br[i] == '0' {
			for j := i - 1; j >= 0 && unicode.IsDigit(ar[j]); j-- {
				if ar[j] != '0' {
					an = 1
					bn = 1
					break
				}
			}
		}
		for ai = i; ai < len(ar) && unicode.IsDigit(ar[ai]); ai++ {
			an = an*10 + int64(ar[ai]-'0')
		}
		for bi = i; bi < len(br) && unicode.IsDigit(br[bi]); bi++ {
			bn = bn*10 + int64(br[bi]-'0')
		}
		if an != bn {
			return an < bn
		}
		if ai != bi {
			return ai < bi
		}
		return ar[i] < br[i]
	}
	return len(ar) < len(br)
}

// isZero is yaml.v3's isZero (yaml.go), which omitempty asks; ok is false
// where it is not followed (an interface).
func isZero(v reflect.Value, t *encType) (zero, ok bool) {
	if t.zeroer {
		if t.kind == reflect.Interface {
			return false, false
		}
		if t.kind == reflect.Pointer {
			if v.IsNil() {
				return true, true
			}
			return v.Interface().(yaml.IsZeroer).IsZero(), true
		}
		if v.CanAddr() {
			// The type's own IsZero, called through its address.
			return v.Addr().Interface().(yaml.IsZeroer).IsZero(), true
		}
		return v.Interface().(yaml.IsZeroer).IsZero(), true
	}
	switch t.kind {
	case reflect.String:
		return v.Len() == 0, true
	case reflect.Interface:
		return false, false
	case reflect.Pointer:
		return v.IsNil(), true
	case reflect.Slice, reflect.Map:
		return v.Len() == 0, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0, true
	case reflect.Bool:
		return !v.Bool(), true
	case reflect.Struct:
		for i := len(t.exported) - 1; i >= 0; i-- {
			f := &t.exported[i]
			zero, ok := isZero(v.Field(f.index), f.typ)
			if !ok || !zero {
				return false, ok
			}
		}
		return true, true
	}
	return false, true
}

// scalarStyle is how a scalar is written.
type scalarStyle uint8

const (
	styleUnsure scalarStyle = iota
	stylePlain
	styleSingle
	styleDouble
)

// stringStyle is the style yaml.v3 writes the string s in, as a block
// mapping value, list item or key: encoder.stringv picks plain unless s
// would read back as another type (or as a YAML 1.1 bool or base-60
// float), then double quotes; the emitter turns a plain scalar it cannot
// write plain into single quotes, or double where single cannot hold it.
// styleUnsure when s needs a style not followed here (a line break, not
// UTF-8, a byte order mark first).
func stringStyle(s string) scalarStyle {
	plain, single, sure := analyzeScalar(s)
	switch {
	case !sure:
		return styleUnsure
	case resolvedTag(s) != strTag || isBase60Float(s) || isOldBool(s):
		return styleDouble
	case plain:
		return stylePlain
	case single:
		return styleSingle
	}
	return styleDouble
}

// appendScalar appends s in the given style.
func appendScalar(b []byte, s string, style scalarStyle) ([]byte, bool) {
	switch style {
	case stylePlain:
		return append(b, s...), true
	case styleSingle:
		b = append(b, '\'')
		for i := 0; i < len(s); i++ {
			if s[i] == '\'' {
				b = append(b, '\'')
			}
			b = append(b, s[i])
		}
		return append(b, '\''), true
	case styleDouble:
		return appendDoubleQuoted(b, s), true
	}
	return b, false
}

// analyzeScalar is yaml_emitter_analyze_scalar (emitterc.go) for a
// scalar on one line: whether the emitter may write s plain in block
// context, and single-quoted. sure is false for what is not followed
// here: s not UTF-8, with a line break (\n, \r, U+0085, U+2028, U+2029),
// or starting with a byte order mark (which the double-quoted writer
// treats apart).
func analyzeScalar(s string) (plain, single, sure bool) {
	if !utf8.ValidString(s) || strings.HasPrefix(s, "\uFEFF") {
		return false, false, false
	}
	if s == "" {
		return true, true, true
	}
	indicators := strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...")
	special := false
	preceded := true
	for i, w := 0, 0; i < len(s); i += w {
		c := s[i]
		w = byteWidth(c)
		followed := i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\t'
		if i == 0 {
			switch c {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				indicators = true
			case '?', ':', '-':
				if followed {
					indicators = true
				}
			}
		} else {
			switch c {
			case ':':
				if followed {
					indicators = true
				}
			case '#':
				if preceded {
					indicators = true
				}
			}
		}
		if isLineBreak(s, i) {
			return false, false, false
		}
		if c == '\t' || !isPrintable(s, i) {
			special = true
		}
		preceded = c == ' ' || c == '\t' || c == 0
	}
	spaceAtEnds := s[0] == ' ' || s[len(s)-1] == ' '
	return !indicators && !special && !spaceAtEnds, !special, true
}

// byteWidth is the length of the UTF-8 sequence that starts with c
// (yamlprivateh.go, width).
func byteWidth(c byte) int {
	switch {
	case c&0x80 == 0x00:
		return 1
	case c&0xE0 == 0xC0:
		return 2
	case c&0xF0 == 0xE0:
		return 3
	case c&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// isPrintable is yamlprivateh.go's is_printable, on valid UTF-8: no C0 or
// C1 control but \n, no DEL, no surrogate, no U+FEFF, U+FFFE, U+FFFF, and
// nothing beyond U+FFFF.
func isPrintable(s string, i int) bool {
	c := s[i]
	switch {
	case c == 0x0A, c >= 0x20 && c <= 0x7E:
		return true
	case c == 0xC2:
		return s[i+1] >= 0xA0
	case c > 0xC2 && c < 0xED, c == 0xEE:
		return true
	case c == 0xED:
		return s[i+1] < 0xA0
	case c == 0xEF:
		return !(s[i+1] == 0xBB && s[i+2] == 0xBF) && !(s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF))
	}
	return false
}

// isLineBreak is yamlprivateh.go's is_break.
func isLineBreak(s string, i int) bool {
	c := s[i]
	return c == '\r' || c == '\n' ||
		c == 0xC2 && s[i+1] == 0x85 ||
		c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
}

// appendDoubleQuoted is yaml_emitter_write_double_quoted_scalar for a
// line without breaks and no byte order mark first (see analyzeScalar),
// on a line of no fixed width (yaml.v3 does not wrap).
func appendDoubleQuoted(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if isPrintable(s, i) && c != '"' && c != '\\' {
			w := byteWidth(c)
			b = append(b, s[i:i+w]...)
			i += w
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		b = append(b, '\\')
		if short, ok := shortEscapes[r]; ok {
			b = append(b, short)
			continue
		}
		digits := 8
		switch {
		case r <= 0xFF:
			b, digits = append(b, 'x'), 2
		case r <= 0xFFFF:
			b, digits = append(b, 'u'), 4
		default:
			b = append(b, 'U')
		}
		for k := (digits - 1) * 4; k >= 0; k -= 4 {
			b = append(b, hex[(r>>uint(k))&0x0F])
		}
	}
	return append(b, '"')
}

// shortEscapes are the characters yaml_emitter_write_double_quoted_scalar
// writes as a backslash and one letter; any other it escapes writes as
// \xXX, \uXXXX or \UXXXXXXXX.
var shortEscapes = map[rune]byte{
	0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0A: 'n', 0x0B: 'v', 0x0C: 'f', 0x0D: 'r',
	0x1B: 'e', '"': '"', '\\': '\\', 0x85: 'N', 0xA0: '_', 0x2028: 'L', 0x2029: 'P',
}

// Tags resolve.go resolves a plain scalar to.
const (
	nullTag      = "!!null"
	boolTag      = "!!bool"
	strTag       = "!!str"
	intTag       = "!!int"
	floatTag     = "!!float"
	timestampTag = "!!timestamp"
	mergeTag     = "!!merge"
)

// resolvedTag is the tag yaml.v3 reads the plain scalar s as (resolve.go,
// resolve with no tag).
func resolvedTag(s string) string {
	if s == "" {
		return nullTag
	}
	hint := resolveHint(s[0])
	if hint == 0 {
		return strTag
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return boolTag
	case "~", "null", "Null", "NULL":
		return nullTag
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return floatTag
	case "<<":
		return mergeTag
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return floatTag
		}
	case 'D', 'S':
		if isTimestamp(s) {
			return timestampTag
		}
		if tag := numberTag(strings.ReplaceAll(s, "_", "")); tag != "" {
			return tag
		}
	}
	return strTag
}

// resolveHint is resolve.go's resolveTable: what the first byte of a plain
// scalar says it may be.
func resolveHint(c byte) byte {
	switch c {
	case '+', '-':
		return 'S'
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return 'D'
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		return 'M'
	case '.':
		return '.'
	}
	return 0
}

// isTimestamp is resolve.go's parseTimestamp. A date as casework writes
// it (YYYY-MM-DD, a real day) is one without asking time.Parse.
func isTimestamp(s string) bool {
	if shaped(s, "9999-99-99") {
		if _, _, _, ok := calendarDay(s); ok {
			return true
		}
	}
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999",
		"2006-1-2",
	} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// numberTag is what resolve.go reads plain (s without its underscores)
// as, when a number: strconv's integers of any base, then yamlStyleFloat,
// then 0b and 0o integers with a sign; "" when it is none.
func numberTag(plain string) string {
	for i := 0; i < len(plain); i++ {
		// Nothing strconv reads as a number holds another byte.
		if c := plain[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '-' || c == '.' || c == '_') {
			return ""
		}
	}
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return intTag
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return intTag
	}
	if isYAMLFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return floatTag
		}
	}
	for _, p := range []struct {
		prefix, sign string
		base         int
	}{{"0b", "", 2}, {"-0b", "-", 2}, {"0o", "", 8}, {"-0o", "-", 8}} {
		if rest, ok := strings.CutPrefix(plain, p.prefix); ok {
			if _, err := strconv.ParseInt(p.sign+rest, p.base, 64); err == nil {
				return intTag
			}
			if p.sign == "" {
				if _, err := strconv.ParseUint(rest, p.base, 64); err == nil {
					return intTag
				}
			}
		}
	}
	return ""
}

// isYAMLFloat is resolve.go's yamlStyleFloat,
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$, without the
// regular expression.
func isYAMLFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// isBase60Float is encode.go's isBase60Float:
// ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ (yaml.v3 quotes these
// for YAML 1.1 readers).
func isBase60Float(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; !(c == '+' || c == '-' || c >= '0' && c <= '9') || !strings.Contains(s, ":") {
		return false
	}
	i := 0
	if s[i] == '+' || s[i] == '-' {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return false
	}
	for i++; i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_'); i++ {
	}
	groups := 0
	for i < len(s) && s[i] == ':' {
		i++
		// [0-5]?[0-9]: one or two digits, a first of two at most 5.
		switch {
		case i+1 < len(s) && s[i] >= '0' && s[i] <= '5' && s[i+1] >= '0' && s[i+1] <= '9':
			i += 2
		case i < len(s) && s[i] >= '0' && s[i] <= '9':
			i++
		default:
			return false
		}
		groups++
	}
	if groups == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_'); i++ {
		}
	}
	return i == len(s)
}

// isOldBool is encode.go's isOldBool: YAML 1.1's booleans, which yaml.v3
// quotes.
func isOldBool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return false
}

// fastBuffers are encodeFastPooled's buffers: one per file checked would
// otherwise be allocated and grown.
var fastBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8192); return &b }}

// useFastEncode lets tests compare Format with and without the fast
// encoder.
var useFastEncode = true

// encodeFastPooled reports whether Encode(v) gives exactly data, and ok
// when the fast encoder was sure of its answer.
func encodeFastPooled(v any, data []byte) (same, ok bool) {
	if !useFastEncode {
		return false, false
	}
	buf := fastBuffers.Get().(*[]byte)
	out, ok := appendFast((*buf)[:0], v)
	same = ok && bytes.Equal(out, data)
	if ok && cap(out) <= 1<<20 {
		*buf = out[:0]
	}
	fastBuffers.Put(buf)
	return same, ok
}
