package casefile

import (
	"reflect"
	"strings"
	"testing"
)

// TestOptionalFieldsOmitZero holds that JSON output never says null for an
// absent value: encoding/json's omitempty does nothing for a struct or a
// Date, so every optional field of such a type must be omitzero.
func TestOptionalFieldsOmitZero(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var check func(t *testing.T, typ reflect.Type)
	check = func(t *testing.T, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ == reflect.TypeOf(Date{}) {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			optional := strings.Contains(f.Tag.Get("yaml"), ",omitempty")
			json := f.Tag.Get("json")
			if optional && f.Type.Kind() == reflect.Struct && !strings.Contains(json, ",omitzero") {
				t.Errorf("%s.%s: an optional %s needs json omitzero, not %q", typ.Name(), f.Name, f.Type.Name(), json)
			}
			check(t, f.Type)
		}
	}
	for _, v := range []any{Case{}, Worker{}, Resource{}, Note{}} {
		check(t, reflect.TypeOf(v))
	}
	if len(seen) < 10 {
		t.Fatalf("checked only %d types", len(seen))
	}
}
