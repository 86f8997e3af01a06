package casefile

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// sameAsEncode fails t when the fast encoder is sure of v and writes other
// bytes than Encode; it reports whether it was sure.
func sameAsEncode(t *testing.T, v any) bool {
	t.Helper()
	got, ok := encodeFast(v)
	if !ok {
		return false
	}
	want, err := Encode(v)
	if err != nil {
		t.Fatalf("the fast encoder wrote what yaml.v3 refuses (%v):\n%s", err, got)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the fast encoder wrote\n%s\nyaml.v3 wrote\n%s", got, want)
	}
	return true
}

// tricky are strings yaml.v3 writes in every style, or reads as another
// type when plain.
var tricky = []string{
	"yes", "No", "on", "OFF", "y", "n", "null", "~", "true", "False", "1e3", "0x1F", "1:20", "2026-01-02",
	"- a", "a: b", "a #b", "#a", "'a", "\"a", "a ", " a", "", "@a", "`a", "a:", "€", "\t", "\u00a0",
	"\u2028", "\ufeff", "-", "?", "a\nb", ".inf", "+1", "1_000", "0o17", "0b1", "<<", "it's", "a\\b",
	"Maria López", "555-0100", "+44 20 7946 0958", "12 High Street", "😀", "a\x7fb", "\x00", "\u0085",
	"\r\n", "a\"b", "---", "...", "%TAG", "!x", "&a", "*a", "|", ">", "[a]", "{a}", "a, b", "1.5",
	"-1", "-.5", "2026-01-02T09:00:00Z", "2026-1-2 3:4:5", "\xff", "a\tb", "  ", "a  b",
}

// TestStringStyle is the string rule: which style yaml.v3 writes a string
// in, and that the fast encoder writes it byte for byte as yaml.v3 does,
// as a value, a list item and a map key.
func TestStringStyle(t *testing.T) {
	tests := []struct {
		s    string
		want scalarStyle
	}{
		{"Maria Lopez", stylePlain},
		{"555-0100", stylePlain},
		{"12 High Street", stylePlain},
		{"+44 20 7946 0958", stylePlain},
		{"2026-02-30", stylePlain}, // no such day: a string
		{"1.2.3", stylePlain},
		{"nan", stylePlain},
		{"Inf", stylePlain},
		{".", stylePlain},
		{"1:60", stylePlain}, // not base 60
		{"-a", stylePlain},
		{"?a", stylePlain},
		{":a", stylePlain},
		{"a:b", stylePlain},
		{"sha256:0f", stylePlain},
		{"a#b", stylePlain},
		{"a, b", stylePlain},
		{"a[b]", stylePlain},
		{"it's", stylePlain},
		{"a\\b", stylePlain},
		{"€", stylePlain},
		{"é", stylePlain},
		{"\u00a0", stylePlain},
		{"a  b", stylePlain},
		{"", styleDouble},
		{"yes", styleDouble},
		{"No", styleDouble},
		{"on", styleDouble},
		{"OFF", styleDouble},
		{"y", styleDouble},
		{"null", styleDouble},
		{"~", styleDouble},
		{"true", styleDouble},
		{"False", styleDouble},
		{"<<", styleDouble},
		{"1e3", styleDouble},
		{"0x1F", styleDouble},
		{"1_000", styleDouble},
		{"0o17", styleDouble},
		{"0b1", styleDouble},
		{"-0b1", styleDouble},
		{"+1", styleDouble},
		{".5", styleDouble},
		{".inf", styleDouble},
		{"-.inf", styleDouble},
		{"1:20", styleDouble},       // base 60, for YAML 1.1
		{"-1:20:30.5", styleDouble}, // base 60
		{"2026-01-02", styleDouble},
		{"2026-1-2", styleDouble},
		{"2026-01-02T09:00:00Z", styleDouble},
		{"2026-1-2 3:4:5", styleDouble},
		{"0612345678", styleDouble},
		{"a\tb", styleDouble},
		{"\t", styleDouble},
		{"😀", styleDouble},
		{"a\x7fb", styleDouble},
		{"\x00", styleDouble},
		{"\u0080", styleDouble},
		{"a\ufeff", styleDouble},
		{"- a", styleSingle},
		{"-", styleSingle},
		{"?", styleSingle},
		{"? a", styleSingle},
		{"a: b", styleSingle},
		{"a:", styleSingle},
		{"a #b", styleSingle},
		{"#a", styleSingle},
		{"'a", styleSingle},
		{"\"a", styleSingle},
		{"a ", styleSingle},
		{" a", styleSingle},
		{"  ", styleSingle},
		{"@a", styleSingle},
		{"`a", styleSingle},
		{"%TAG", styleSingle},
		{"[a]", styleSingle},
		{"---", styleSingle},
		{"...x", styleSingle},
		{"a\nb", styleUnsure},
		{"a\n", styleUnsure},
		{"\r", styleUnsure},
		{"\u0085", styleUnsure},
		{"\u2028", styleUnsure},
		{"\u2029", styleUnsure},
		{"\ufeffa", styleUnsure},
		{"\xff", styleUnsure},
	}
	for _, tt := range tests {
		if got := stringStyle(tt.s); got != tt.want {
			t.Errorf("stringStyle(%q) = %d, want %d", tt.s, got, tt.want)
		}
		type holder struct {
			V    string         `yaml:"v"`
			List []string       `yaml:"list"`
			Map  map[string]int `yaml:"map"`
		}
		sure := sameAsEncode(t, &holder{V: tt.s, List: []string{tt.s}, Map: map[string]int{tt.s: 1}})
		if sure != (tt.want != styleUnsure) {
			t.Errorf("%q: the fast encoder sure = %v, want %v", tt.s, sure, !sure)
		}
	}
}

// TestResolvedTag holds resolvedTag to yaml.v3's resolver, which a plain
// scalar node's ShortTag asks.
func TestResolvedTag(t *testing.T) {
	more := []string{
		"2026-1-2", "2026-01-02t10:00:00Z", "2026-01-02 10:00:00", "2026-01-02T10:00:00+02:00", "2026-02-29",
		"0x_1F", "1__0", "0b102", "-0o7", "0o8", "1e", "1.e5", ".e5", "+.5", "+", "9223372036854775808",
		"18446744073709551616", "-9223372036854775809", "0x1p-2", "Inf", "+Inf", "infinity", ".1_0", "1_0.5",
		"0777", "08", "-0x1F", "+0b1", "0B1", "0O7", "1e+400", "NaN", ".NaN", "TRUE", "Null", "NULL", "nULL",
		"12:30", "1:2:3", "-", "0", "-0", "+0", "00", "1.", "1.5e-3", "1E5", "1e5.5", "y", "On",
	}
	for _, s := range append(append([]string(nil), tricky...), more...) {
		n := yaml.Node{Kind: yaml.ScalarNode, Value: s}
		if got, want := resolvedTag(s), n.ShortTag(); got != want {
			t.Errorf("resolvedTag(%q) = %s, yaml.v3 resolves %s", s, got, want)
		}
	}
}

// The regular expressions yaml.v3 uses, which isYAMLFloat and
// isBase60Float follow without them.
var (
	yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
	base60float    = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
)

func TestNumberShapesFollowYAMLv3(t *testing.T) {
	for _, s := range []string{
		"", "1", "-1", "+1", ".5", "-.5", "1.", "1.5", "1e5", "1E-5", "1.5e+3", "e5", ".", "-", "1e", "1e+",
		"1..5", "1_0", "1:20", "1:2:3", "-1:20", "+1:20.5", "1:60", "1:5", "1:05", "1:059", "1_:20",
		"1:20.", "1:20._", "1::20", ":20", "1:", "12:30:45.123", "1:2a", "a1:20", "1:20 ", "१:२०",
	} {
		if got, want := isYAMLFloat(s), yamlStyleFloat.MatchString(s); got != want {
			t.Errorf("isYAMLFloat(%q) = %v, yaml.v3's expression says %v", s, got, want)
		}
		if got, want := isBase60Float(s), base60float.MatchString(s); got != want {
			t.Errorf("isBase60Float(%q) = %v, yaml.v3's expression says %v", s, got, want)
		}
	}
}

// TestEncodeFastShapes covers what casework's files hold and what they do
// not: where the fast encoder is sure, its bytes are yaml.v3's; where it
// is not, it says so.
func TestEncodeFastShapes(t *testing.T) {
	type inner struct {
		A string `yaml:"a,omitempty"`
		B int    `yaml:"b,omitempty"`
	}
	type Lower struct{ X int }
	type withPointers struct {
		Nil     *inner         `yaml:"nil"`
		Empty   *inner         `yaml:"empty"`
		Full    *inner         `yaml:"full"`
		Int     *int           `yaml:"int"`
		Slice   []inner        `yaml:"slice"`
		NoSlice []string       `yaml:"no_slice"`
		NoMap   map[string]int `yaml:"no_map"`
		Structs []*inner       `yaml:"structs"`
	}
	type numbers struct {
		I8  int8    `yaml:"i8"`
		U   uint    `yaml:"u"`
		U8  uint8   `yaml:"u8"`
		F32 float32 `yaml:"f32"`
		F64 float64 `yaml:"f64"`
		B   bool    `yaml:"b"`
	}
	type untagged struct {
		Name   string // written as "name"
		hidden int    // not written
	}
	type embedsUnexported struct {
		inner // yaml.v3 cannot write it
	}
	type embedded struct {
		Lower `yaml:"l"`
		Inner inner
		Skip  string `yaml:"-"`
	}
	type nested struct {
		Maps  map[string]map[string]string `yaml:"maps"`
		Times []time.Time                  `yaml:"times"`
		Dates []Date                       `yaml:"dates"`
		Date  *Date                        `yaml:"date,omitempty"`
	}
	type firsts struct {
		Inner inner             `yaml:"inner,omitempty"`
		List  []string          `yaml:"list"`
		Map   map[string]string `yaml:"map"`
	}
	type withInline struct {
		Lower `yaml:",inline"`
		Z     string `yaml:"z"`
	}
	type holdsInline struct {
		I withInline `yaml:"i,omitempty"`
	}
	seven := 7
	zone := time.FixedZone("CEST", 2*3600)
	tests := []struct {
		name string
		v    any
		sure bool
	}{
		{"pointers and empties", &withPointers{Empty: &inner{}, Full: &inner{A: "x", B: 2}, Int: &seven,
			Slice: []inner{{}, {A: "a"}}, NoSlice: []string{}, Structs: []*inner{nil, {B: 1}}}, true},
		{"numbers", &numbers{I8: -8, U: 1 << 63, U8: 255, F32: 0.1, F64: 1e21, B: true}, true},
		{"small float", &numbers{F64: 1e-7}, true},
		{"negative zero", &numbers{F64: math.Copysign(0, -1)}, true},
		{"infinity", &numbers{F64: math.Inf(1), F32: float32(math.Inf(-1))}, true},
		{"not a number", &numbers{F64: math.NaN()}, true},
		{"not a pointer", numbers{I8: 1}, true},
		{"nested maps", &nested{Maps: map[string]map[string]string{"b": {"y": "1", "x": "yes"}, "a": {}}}, true},
		{"times", &nested{Times: []time.Time{{}, time.Date(2026, 3, 1, 9, 30, 0, 5, time.UTC), time.Date(2026, 3, 1, 9, 30, 0, 0, zone)}}, true},
		{"dates", &nested{Dates: []Date{{}, NewDate(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))}, Date: &Date{}}, true},
		{"map keys in yaml.v3's order", &Review{Goals: map[string]GoalStatus{"G10": "done", "G2": "open", "G1": "open", "a": "x", "A": "y", "1": "z"}}, true},
		{"an embedded struct under its key", &embedded{Lower: Lower{X: 1}, Skip: "x"}, true},
		{"a mapping, a list and a map first in list items", &struct {
			A []firsts `yaml:"a"`
			B []firsts `yaml:"b"`
			C []firsts `yaml:"c"`
		}{
			A: []firsts{{Inner: inner{A: "x", B: 1}, List: []string{"l"}, Map: map[string]string{"k": "v"}}},
			B: []firsts{{List: []string{"l", "m"}}},
			C: []firsts{{Map: map[string]string{"k": "v", "j": "w"}}},
		}, true},
		{"an omitempty struct not written here, not empty", &holdsInline{I: withInline{Z: "z"}}, false},
		{"an omitempty struct not written here, empty", &holdsInline{}, true},
		{"marshalers", &struct {
			Nil   nilNode   `yaml:"nil"`
			Zero  zeroNode  `yaml:"zero"`
			Str   strNode   `yaml:"str"`
			Other textNode  `yaml:"other"`
			Value valueNode `yaml:"value"`
		}{Str: "1"}, true},
		{"a string tagged as what it is not", &struct {
			N tagged `yaml:"node"`
		}{N: tagged{"!!int", "x"}}, false},
		{"a string tagged as what it is", &struct {
			N tagged `yaml:"node"`
		}{N: tagged{"tag:yaml.org,2002:int", "12"}}, true},
		{"a node with a style", &struct {
			N styled `yaml:"node"`
		}{}, false},
		{"an untagged and an unexported field", &untagged{Name: "x", hidden: 1}, true},
		{"an unexported embedded struct", &embedsUnexported{}, false},
		{"a list of lists", &struct {
			L [][]string `yaml:"l"`
		}{L: [][]string{{"a"}}}, false},
		{"an empty list of lists", &struct {
			L [][]string `yaml:"l"`
		}{}, true},
		{"an inline struct", &struct {
			Inner inner `yaml:",inline"`
		}{}, false},
		{"a flow list", &struct {
			L []string `yaml:"l,flow"`
		}{}, false},
		{"an interface", &struct {
			V any `yaml:"v"`
		}{V: 1}, false},
		{"an array", &struct {
			A [2]int `yaml:"a"`
		}{}, false},
		{"a yaml.Node", &struct {
			N yaml.Node `yaml:"n"`
		}{}, false},
		{"a key yaml.v3 quotes", &struct {
			V string `yaml:"on"`
		}{}, false},
		{"a long map key", &struct {
			M map[string]int `yaml:"m"`
		}{M: map[string]int{strings.Repeat("k", 129): 1}}, false},
		{"a map key at the limit", &struct {
			M map[string]int `yaml:"m"`
		}{M: map[string]int{strings.Repeat("k", 128): 1}}, true},
		{"a map of many keys", &struct {
			M map[string]int `yaml:"m"`
		}{M: numberedKeys(65)}, false},
		{"a map of as many keys as written here", &struct {
			M map[string]int `yaml:"m"`
		}{M: numberedKeys(64)}, true},
		{"a map key written quoted", &struct {
			M map[string]int `yaml:"m"`
		}{M: map[string]int{"yes": 1, "": 2, "a b": 3, "- x": 4}}, true},
		{"a multi-line string", &Case{ID: "a\nb"}, false},
		{"not a struct", []string{"a"}, false},
		{"nil", nil, false},
		{"a nil pointer", (*Case)(nil), false},
		{"a pointer with MarshalYAML", &pointerMarshaler{A: "x"}, false},
		{"an empty struct", &struct{}{}, true},
		{"all omitted", &inner{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if sure := sameAsEncode(t, tt.v); sure != tt.sure {
				t.Errorf("the fast encoder sure = %v, want %v", sure, tt.sure)
			}
		})
	}
}

// Marshalers of every kind of result.
type (
	nilNode   struct{}
	zeroNode  struct{}
	strNode   string
	textNode  struct{}
	valueNode struct{}
	tagged    struct{ tag, value string }
	styled    struct{}
	// pointerMarshaler is written by MarshalYAML through a pointer, as a
	// struct otherwise.
	pointerMarshaler struct{ A string }
)

func (*pointerMarshaler) MarshalYAML() (any, error) { return "pointer", nil }

func (nilNode) MarshalYAML() (any, error)  { return (*yaml.Node)(nil), nil }
func (zeroNode) MarshalYAML() (any, error) { return &yaml.Node{}, nil }
func (s strNode) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(s)}, nil
}
func (textNode) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: "a: b"}, nil
}
func (valueNode) MarshalYAML() (any, error) { return map[string]any{}, nil }
func (t tagged) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: t.tag, Value: t.value}, nil
}
func (styled) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: "x"}, nil
}

func numberedKeys(n int) map[string]int {
	m := map[string]int{}
	for i := range n {
		m[fmt.Sprintf("k%d", i)] = i
	}
	return m
}

// FuzzEncodeFast is the fast encoder's differential fuzz target: strings,
// numbers and a bool placed all over a case, as values, list items and
// map keys; wherever the fast encoder is sure, its bytes must be
// yaml.v3's.
func FuzzEncodeFast(f *testing.F) {
	for i, s := range tricky {
		f.Add(s, tricky[(i+7)%len(tricky)], int64(i*1000-3), float64(i)/3, i%2 == 0)
	}
	f.Add("Maria", "", int64(math.MaxInt64), math.Inf(1), true)
	f.Add("x", "y", int64(math.MinInt64), math.NaN(), false)
	f.Add("G10", "G9", int64(0), 1e21, false)
	f.Add("a1", "a01", int64(-1), 1e-7, true)
	f.Fuzz(func(t *testing.T, s1, s2 string, n int64, x float64, b bool) {
		at := time.Unix(n%(1<<40), n%1_000_000_000).In(time.FixedZone("z", int(n%50_000)))
		age := int(n)
		c := &Case{
			ID:     s1,
			Opened: NewDate(at),
			Phase:  s2,
			Worker: "w-1",
			Team:   []TeamMember{{Worker: s2, Role: s1}},
			Client: Client{Name: s1, Phone: s2, Address: s1 + " " + s2, DOB: NewDate(at.AddDate(-30, 0, 0)),
				Representative: &Representative{Name: s2}, Consent: Consent{Given: b, Scope: s1}},
			Referral:  Referral{Reason: s2},
			Household: []Member{{ID: "M1", Name: s2, Relationship: s1, LivesWith: b}},
			History:   []HistoryEntry{{At: at, By: s1, To: s2, Reason: s1, Forced: b}, {At: at.UTC(), By: "w", Assign: &Assignment{To: s2}}},
			Assessments: []Assessment{{At: at, By: "w", Instrument: s2, Strengths: []string{s1, s2},
				Scores: map[string]int{s1: int(n), s2: 2, "housing": 3, s1 + "1": 4, "x" + s2: 5}}},
			Plan: Plan{Budget: x, Goals: []Goal{{ID: "G1", Text: s1, Status: GoalStatus(s2),
				Actions: []Action{{ID: "A1", Text: s2, Cost: x, Units: float64(n), Status: ActionStatus(s1)}}}}},
			Reviews:   []Review{{At: at, By: s2, Goals: map[string]GoalStatus{s1: GoalStatus(s2), s2: "open"}, Note: s1}},
			Approvals: []Approval{{At: at, By: s1, What: ApprovalKind(s2), Amount: x, Forced: b, Reason: s2}},
			Spending:  []SpendEntry{{At: at, By: "w", Action: s1, Amount: float64(float32(x))}},
		}
		if b {
			c.Closure = &Closure{At: at, Reason: s1, Evaluation: s2}
		}
		sameAsEncode(t, c)
		sameAsEncode(t, &Worker{ID: s1, Name: s2, FTE: x, Limits: &Limits{MaxActive: int(n)}, Retired: &Retired{By: s1}})
		sameAsEncode(t, &Resource{ID: s2, Name: s1, Category: s1, Cost: x, Prices: []string{s2}, MinAge: &age,
			Phones: []ResourcePhone{{Number: s1, Languages: []string{s2}}}, Person: &ResourcePerson{}})

		// The rules that decide the string's style, against yaml.v3's own.
		for _, s := range []string{s1, s2} {
			if !utf8Valid(s) {
				continue
			}
			n := yaml.Node{Kind: yaml.ScalarNode, Value: s}
			if got, want := resolvedTag(s), n.ShortTag(); got != want {
				t.Errorf("resolvedTag(%q) = %s, yaml.v3 resolves %s", s, got, want)
			}
			if got, want := isBase60Float(s), base60float.MatchString(s); got != want {
				t.Errorf("isBase60Float(%q) = %v, want %v", s, got, want)
			}
			if got, want := isYAMLFloat(s), yamlStyleFloat.MatchString(s); got != want {
				t.Errorf("isYAMLFloat(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestFormatSameWithoutFastEncoder: Format gives the same bytes, or the
// same error, whether it asks the fast encoder first or not, on files in
// every state a person leaves them in.
func TestFormatSameWithoutFastEncoder(t *testing.T) {
	inputs := map[string]string{
		"shuffled":    shuffled,
		"canonical":   canonical,
		"hand-edited": handEdited,
		"plain": "id: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n  name: Ana\n" +
			"history:\n  - at: 2026-03-02T09:00:00Z\n    by: w-ana\n    to: intake\n",
		"quoted":    "id: \"C-1\"\nopened: 2026-03-02\nphase: 'intake'\nworker: w-ana\nclient:\n  name: \"yes\"\n  phone: 0612345678\nhistory: []\n",
		"flow":      "{id: C-1, opened: 2026-03-02, phase: intake, worker: w-ana, client: {name: Ana}, history: [{at: 2026-03-02T09:00:00Z, by: w, to: intake}]}\n",
		"reordered": "worker: w-ana\nid: C-1\nclient:\n  name: Ana\nphase: intake\nopened: 2026-03-02\nhistory: []\n",
		"indented":  "id: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n    name: Ana\nhistory:\n- at: 2026-03-02T09:00:00Z\n  by: w\n  to: intake\n",
		"comment":   "# header\nid: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n  name: Ana\nhistory: []\n",
		"null":      "id: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n  name: Ana\nhistory: ~\nmodel: ''\n",
		"multiline": "id: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n  name: Ana\nreferral:\n  reason: |\n    two\n    lines\nhistory: []\n",
		"scores": "id: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n  name: Ana\nhistory: []\n" +
			"assessments:\n  - at: 2026-03-02T09:00:00Z\n    by: w\n    instrument: ssm\n    scores: {b: 1, a: 2, a10: 3, a9: 4}\n",
		"broken":     "id: [\n",
		"unknown":    "id: C-1\nnope: 1\n",
		"wrong type": "id: C-1\nhistory: 3\n",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			fast, fastErr := Format("case.yaml", []byte(in), new(Case))
			useFastEncode = false
			defer func() { useFastEncode = true }()
			slow, slowErr := Format("case.yaml", []byte(in), new(Case))
			if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) || !bytes.Equal(fast, slow) {
				t.Fatalf("with the fast encoder:\n%s(%v)\nwithout:\n%s(%v)", fast, fastErr, slow, slowErr)
			}
		})
	}
}
