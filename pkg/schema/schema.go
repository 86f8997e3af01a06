// Package schema generates JSON Schema (draft 2020-12) documents for
// casework's files from their Go types, so that editors can check and
// complete case, worker, resource and config files as they are typed.
package schema

import (
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Draft is the JSON Schema dialect of the generated documents.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// DatePattern is the shape of a date (YYYY-MM-DD).
const DatePattern = `^\d{4}-\d{2}-\d{2}$`

// Options shape a generated schema.
type Options struct {
	Title string
	// Partial leaves out required keys, for files whose missing keys take
	// defaults (the configuration).
	Partial bool
	// Enums are the allowed values of string fields, by dotted path:
	// "phase", "history[].to", "reviews[].goals.*" (the values of a map).
	Enums map[string][]string
}

// Generate returns the JSON Schema of the file held by v's type. Every
// struct is an object with additionalProperties false, its properties
// named by yaml tag; a field whose tag lacks omitempty is required,
// matching casefile's strict decoder.
func Generate(v any, opts Options) map[string]any {
	g := generator{opts}
	s := g.schema(reflect.TypeOf(v), "")
	s["$schema"] = Draft
	if opts.Title != "" {
		s["title"] = opts.Title
	}
	return s
}

type generator struct{ opts Options }

var (
	dateType = reflect.TypeOf(casefile.Date{})
	timeType = reflect.TypeOf(time.Time{})
)

func (g generator) schema(t reflect.Type, path string) map[string]any {
	switch t {
	case dateType:
		return map[string]any{"type": "string", "pattern": DatePattern, "format": "date"}
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem(), path)
	case reflect.Struct:
		return g.object(t, path)
	case reflect.Slice:
		return map[string]any{"type": "array", "items": g.schema(t.Elem(), path+"[]")}
	case reflect.Map:
		s := map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem(), join(path, "*"))}
		if k := t.Key().Kind(); k == reflect.Int || k == reflect.Int64 {
			s["propertyNames"] = map[string]any{"pattern": `^-?\d+$`}
		}
		return s
	case reflect.String:
		s := map[string]any{"type": "string"}
		if values, ok := g.opts.Enums[path]; ok {
			s["enum"] = values
		}
		return s
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	}
	return map[string]any{}
}

func (g generator) object(t reflect.Type, path string) map[string]any {
	props := map[string]any{}
	required := []string{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := casefile.KeyName(f)
		if name == "" {
			continue
		}
		props[name] = g.schema(f.Type, join(path, name))
		if !g.opts.Partial && !strings.Contains(f.Tag.Get("yaml"), ",omitempty") {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Marshal encodes a schema as indented JSON with a final newline.
func Marshal(s map[string]any) []byte {
	data, _ := json.MarshalIndent(s, "", "  ")
	return append(data, '\n')
}
