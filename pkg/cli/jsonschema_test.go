package cli

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// checkSchema validates a decoded JSON value against a JSON Schema and
// returns the problems, each with its JSON path. It knows the keywords
// that casework's generated schemas use (type, properties, required,
// additionalProperties, items, enum, pattern, format date and date-time,
// propertyNames) and reports any other keyword as a problem, so that it
// cannot pass a document by ignoring a rule it does not understand.
func checkSchema(schema map[string]any, v any, path string) []string {
	var out []string
	bad := func(format string, args ...any) {
		out = append(out, path+": "+fmt.Sprintf(format, args...))
	}
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch k {
		case "$schema", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum", "pattern", "format", "propertyNames":
		default:
			bad("schema keyword %q is not known to this checker", k)
		}
	}
	if typ, ok := schema["type"].(string); ok && !hasType(v, typ) {
		bad("%s, want %s", describe(v), typ)
		return out
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		bad("%v is not one of %v", v, enum)
	}
	if s, ok := v.(string); ok {
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(s) {
			bad("%q does not match %s", s, p)
		}
		switch schema["format"] {
		case "date":
			if _, err := time.Parse("2006-01-02", s); err != nil {
				bad("%q is not a date", s)
			}
		case "date-time":
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				bad("%q is not a date-time", s)
			}
		case nil:
		default:
			bad("format %v is not known to this checker", schema["format"])
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := schema["properties"].(map[string]any)
		for _, r := range asList(schema["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				bad("missing required %q", r)
			}
		}
		names := make([]string, 0, len(obj))
		for k := range obj {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if pn, ok := schema["propertyNames"].(map[string]any); ok {
				out = append(out, checkSchema(pn, k, path+"."+k+"(name)")...)
			}
			if sub, ok := props[k].(map[string]any); ok {
				out = append(out, checkSchema(sub, obj[k], path+"."+k)...)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("unknown key %q", k)
				}
			case map[string]any:
				out = append(out, checkSchema(ap, obj[k], path+"."+k)...)
			}
		}
	}
	if list, ok := v.([]any); ok {
		if items, ok := schema["items"].(map[string]any); ok {
			for i, item := range list {
				out = append(out, checkSchema(items, item, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return out
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// hasType reports whether a decoded JSON value is of a JSON Schema type.
func hasType(v any, typ string) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		f, ok := v.(float64)
		return ok && f == float64(int64(f))
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	}
	return false
}

func describe(v any) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprintf("%T %v", v, v)
}

// TestCheckSchema shows the checker refuses what it must.
func TestCheckSchema(t *testing.T) {
	schema := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []any{"id"},
		"properties": map[string]any{
			"id":     map[string]any{"type": "string"},
			"dob":    map[string]any{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`, "format": "date"},
			"at":     map[string]any{"type": "string", "format": "date-time"},
			"status": map[string]any{"type": "string", "enum": []any{"open", "done"}},
			"scores": map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "integer"}},
			"list":   map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
		},
	}
	tests := []struct {
		doc  map[string]any
		want string
	}{
		{map[string]any{"id": "C-1", "dob": "2000-01-31", "at": "2026-01-01T00:00:00Z", "status": "open", "scores": map[string]any{"a": 1.0}, "list": []any{"x"}}, ""},
		{map[string]any{}, `missing required "id"`},
		{map[string]any{"id": "C-1", "dob": nil}, "$.dob: null, want string"},
		{map[string]any{"id": "C-1", "dob": "2000-02-30"}, "is not a date"},
		{map[string]any{"id": "C-1", "at": "2026-01-01"}, "is not a date-time"},
		{map[string]any{"id": "C-1", "status": "bogus"}, "is not one of"},
		{map[string]any{"id": "C-1", "extra": 1.0}, `unknown key "extra"`},
		{map[string]any{"id": "C-1", "scores": map[string]any{"a": 1.5}}, "want integer"},
		{map[string]any{"id": "C-1", "list": []any{1.0}}, "$.list[0]"},
	}
	for _, tt := range tests {
		got := strings.Join(checkSchema(schema, tt.doc, "$"), "\n")
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%v: got %q, want %q", tt.doc, got, tt.want)
		}
	}
	if got := checkSchema(map[string]any{"oneOf": []any{}}, 1.0, "$"); len(got) == 0 {
		t.Error("an unknown keyword passes")
	}
}
