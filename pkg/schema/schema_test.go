package schema

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"go.yaml.in/yaml/v3"
)

func defaultConfig(t *testing.T) *config.Config {
	t.Helper()
	var cfg config.Config
	if err := yaml.Unmarshal(config.DefaultYAML, &cfg); err != nil {
		t.Fatal(err)
	}
	return &cfg
}

// plain turns a YAML node into the JSON data an editor's YAML language
// server sees: dates and times are strings (YAML 1.2 has no timestamps).
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return plain(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		var s []any
		for _, c := range n.Content {
			s = append(s, plain(c))
		}
		return s
	}
	switch n.ShortTag() {
	case "!!int":
		i, _ := strconv.Atoi(n.Value)
		return float64(i)
	case "!!float":
		f, _ := strconv.ParseFloat(n.Value, 64)
		return f
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

// check is a small JSON Schema validator for the keywords Generate uses;
// it returns the first problem, or "".
func check(s map[string]any, v any, at string) string {
	if values, ok := s["enum"].([]string); ok && !slices.Contains(values, fmt.Sprint(v)) {
		return fmt.Sprintf("%s: %v not in enum %v", at, v, values)
	}
	switch s["type"] {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return at + ": not an object"
		}
		for _, r := range asStrings(s["required"]) {
			if _, ok := m[r]; !ok {
				return fmt.Sprintf("%s: missing required %q", at, r)
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, val := range m {
			sub, ok := props[k].(map[string]any)
			if !ok {
				if extra, ok := s["additionalProperties"].(map[string]any); ok {
					sub = extra
				} else {
					return fmt.Sprintf("%s: additional property %q", at, k)
				}
			}
			if p := check(sub, val, at+"."+k); p != "" {
				return p
			}
		}
	case "array":
		items, ok := v.([]any)
		if !ok {
			return at + ": not an array"
		}
		for i, it := range items {
			if p := check(s["items"].(map[string]any), it, fmt.Sprintf("%s[%d]", at, i)); p != "" {
				return p
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			return at + ": not a string"
		}
		if pat, ok := s["pattern"].(string); ok && !regexp.MustCompile(pat).MatchString(str) {
			return fmt.Sprintf("%s: %q does not match %s", at, str, pat)
		}
		if s["format"] == "date-time" {
			if _, err := time.Parse(time.RFC3339, str); err != nil {
				return fmt.Sprintf("%s: %q is not a date-time", at, str)
			}
		}
	case "integer", "number":
		f, ok := v.(float64)
		if !ok || (s["type"] == "integer" && f != float64(int64(f))) {
			return fmt.Sprintf("%s: %v is not a %s", at, v, s["type"])
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return at + ": not a boolean"
		}
	}
	return ""
}

func asStrings(v any) []string {
	s, _ := v.([]string)
	return s
}

func loadYAML(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	return plain(&n)
}

// TestExampleFilesValidate checks every file of the example agency against
// its schema.
func TestExampleFilesValidate(t *testing.T) {
	cfg := defaultConfig(t)
	root := "../../examples/agency"
	for kind, pattern := range Patterns {
		files, _ := filepath.Glob(filepath.Join(root, pattern))
		if len(files) == 0 {
			t.Fatalf("no %s files under %s", kind, root)
		}
		s, _ := For(kind, cfg)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if p := check(s, loadYAML(t, data), f); p != "" {
				t.Errorf("%s", p)
			}
		}
	}
}

// TestSchemaRejects makes sure the check above can fail: each broken case
// file is refused by the schema, as by casework's decoder.
func TestSchemaRejects(t *testing.T) {
	cfg := defaultConfig(t)
	s, _ := For("case", cfg)
	good := "id: C-1\nopened: 2026-03-02\nphase: intake\nworker: w-ana\nclient:\n  name: X\nhistory:\n  - at: 2026-03-02T09:00:00Z\n    by: w-ana\n    to: intake\n"
	if p := check(s, loadYAML(t, []byte(good)), "good"); p != "" {
		t.Fatalf("good file refused: %s", p)
	}
	for name, tc := range map[string]struct{ from, to, want string }{
		"unknown key":        {"worker: w-ana\n", "worker: w-ana\nworkr: x\n", `additional property "workr"`},
		"missing required":   {"worker: w-ana\n", "", `missing required "worker"`},
		"bad date":           {"opened: 2026-03-02", "opened: 2026-3-2", "does not match"},
		"bad time":           {"at: 2026-03-02T09:00:00Z", "at: yesterday", "not a date-time"},
		"unknown phase":      {"phase: intake", "phase: limbo", "not in enum"},
		"wrong type":         {"name: X", "name: [X]", "not a string"},
		"unknown risk level": {"    to: intake\n", "    to: intake\nrisks:\n  - at: 2026-03-02T09:00:00Z\n    by: w-ana\n    level: severe\n", "not in enum"},
		"unknown risk flag":  {"    to: intake\n", "    to: intake\nrisks:\n  - at: 2026-03-02T09:00:00Z\n    by: w-ana\n    level: high\n    flags: [sad]\n", "not in enum"},
	} {
		bad := strings.Replace(good, tc.from, tc.to, 1)
		if p := check(s, loadYAML(t, []byte(bad)), name); !strings.Contains(p, tc.want) {
			t.Errorf("%s: got %q, want %q", name, p, tc.want)
		}
	}
}

// TestCaseSchemaCoversEveryField walks casefile.Case and checks that each
// field appears in the schema with the right type.
func TestCaseSchemaCoversEveryField(t *testing.T) {
	s, _ := For("case", defaultConfig(t))
	var walk func(rt reflect.Type, s map[string]any, at string)
	walk = func(rt reflect.Type, s map[string]any, at string) {
		for rt.Kind() == reflect.Pointer {
			rt = rt.Elem()
		}
		want := map[reflect.Kind]string{reflect.Struct: "object", reflect.Slice: "array", reflect.Map: "object", reflect.String: "string",
			reflect.Int: "integer", reflect.Float64: "number", reflect.Bool: "boolean"}[rt.Kind()]
		if rt == reflect.TypeOf(casefile.Date{}) || rt == reflect.TypeOf(time.Time{}) {
			want = "string"
		}
		if s["type"] != want {
			t.Errorf("%s: schema type %v, want %s", at, s["type"], want)
			return
		}
		switch {
		case want == "string" || rt.Kind() != reflect.Struct && rt.Kind() != reflect.Slice && rt.Kind() != reflect.Map:
		case rt.Kind() == reflect.Slice:
			walk(rt.Elem(), s["items"].(map[string]any), at+"[]")
		case rt.Kind() == reflect.Map:
			walk(rt.Elem(), s["additionalProperties"].(map[string]any), at+".*")
		default:
			props := s["properties"].(map[string]any)
			if len(props) != countKeys(rt) {
				t.Errorf("%s: %d properties for %d fields", at, len(props), countKeys(rt))
			}
			for i := 0; i < rt.NumField(); i++ {
				if name := casefile.KeyName(rt.Field(i)); name != "" {
					sub, ok := props[name].(map[string]any)
					if !ok {
						t.Errorf("%s.%s missing from the schema", at, name)
						continue
					}
					walk(rt.Field(i).Type, sub, at+"."+name)
				}
			}
		}
	}
	walk(reflect.TypeOf(casefile.Case{}), s, "case")
	if got := asStrings(s["required"]); !slices.Equal(got, []string{"id", "opened", "phase", "worker", "client", "history"}) {
		t.Errorf("required keys %v", got)
	}
}

func countKeys(rt reflect.Type) int {
	n := 0
	for i := 0; i < rt.NumField(); i++ {
		if casefile.KeyName(rt.Field(i)) != "" {
			n++
		}
	}
	return n
}

func TestFilesAreDraft202012JSON(t *testing.T) {
	files := Files(defaultConfig(t))
	if len(files) != 4 {
		t.Fatalf("%d files", len(files))
	}
	for path, data := range files {
		var s map[string]any
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if s["$schema"] != Draft || s["additionalProperties"] != false {
			t.Errorf("%s: $schema %v, additionalProperties %v", path, s["$schema"], s["additionalProperties"])
		}
	}
	var cfgSchema map[string]any
	json.Unmarshal(files["schemas/config.schema.json"], &cfgSchema)
	if _, ok := cfgSchema["required"]; ok {
		t.Error("config schema requires keys; missing config keys take defaults")
	}
	var settings map[string]map[string][]string
	if err := json.Unmarshal(VSCodeSettings(), &settings); err != nil {
		t.Fatal(err)
	}
	if got := settings["yaml.schemas"]["./schemas/case.schema.json"]; !slices.Equal(got, []string{"/cases/*/case.yaml"}) {
		t.Errorf("case files mapped to %v", got)
	}
}
