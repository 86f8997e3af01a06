package casefile

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SetField sets the scalar field at a dotted key path (for example
// "client.phone") of the struct v points to, parsing value for the field's
// type. An empty value clears the field. Only the paths listed by
// SettableKeys(v, locked) may be set: a key of locked (a top-level key
// such as "phase", or a dotted one such as "client.consent") locks itself
// and every key under it, and its value says what to use instead.
func SetField(v any, key, value string, locked map[string]string) error {
	if at, why, ok := lockedAt(key, locked); ok {
		return fmt.Errorf("%s cannot be set by hand: %s", at, why)
	}
	field, err := walkTo(reflect.ValueOf(v).Elem(), strings.Split(key, "."), key)
	if err != nil {
		return fmt.Errorf("%w; settable keys: %s", err, strings.Join(SettableKeys(v, locked), ", "))
	}
	return setScalar(field, key, value)
}

func walkTo(v reflect.Value, path []string, key string) (reflect.Value, error) {
	for i, name := range path {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct || v.Type() == dateType || v.Type() == timeType {
			return reflect.Value{}, unknownKey(key)
		}
		idx, ok := fieldsOf(v.Type()).index[name]
		if !ok {
			return reflect.Value{}, unknownKey(key)
		}
		v = v.Field(idx)
		if i == len(path)-1 && !isScalar(v.Type()) {
			return reflect.Value{}, fmt.Errorf("%s is not a single value", key)
		}
	}
	return v, nil
}

// unknownKey reports a key that is not settable, quoting it only when it
// looks like a key path: a mistyped argument may hold a client's data.
func unknownKey(key string) error {
	for _, part := range strings.Split(key, ".") {
		if !keyShaped(part) {
			return errors.New("unknown key (not shown: it is not a key name)")
		}
	}
	return fmt.Errorf("unknown key %q", key)
}

func isScalar(t reflect.Type) bool {
	if t == dateType {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Float64:
		return true
	}
	return false
}

func setScalar(f reflect.Value, key, value string) error {
	if value == "" {
		f.Set(reflect.Zero(f.Type()))
		return nil
	}
	if !utf8.ValidString(value) {
		return fmt.Errorf("%s: the value is not valid UTF-8 (not shown); give it as UTF-8 text", key)
	}
	if f.Type() == dateType {
		d, err := ParseDate(value)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		f.Set(reflect.ValueOf(d))
		return nil
	}
	switch f.Kind() {
	case reflect.String:
		f.SetString(value)
	case reflect.Bool:
		if value != "true" && value != "false" {
			return fmt.Errorf("%s: expected true or false (the value given is not shown)", key)
		}
		f.SetBool(value == "true")
	case reflect.Int:
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%s: expected a whole number (the value given is not shown)", key)
		}
		f.SetInt(int64(n))
	case reflect.Float64:
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("%s: expected a number (the value given is not shown)", key)
		}
		f.SetFloat(x)
	}
	return nil
}

// lockedAt finds the key of locked that key is, or is under.
func lockedAt(key string, locked map[string]string) (at, why string, ok bool) {
	for k, why := range locked {
		if key == k || strings.HasPrefix(key, k+".") {
			return k, why, true
		}
	}
	return "", "", false
}

// SettableKeys lists the dotted keys of the scalar fields of v, leaving out
// the keys in locked and the keys under them.
func SettableKeys(v any, locked map[string]string) []string {
	var keys []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		for _, name := range fieldsOf(t).names {
			if _, _, ok := lockedAt(prefix+name, locked); ok {
				continue
			}
			ft := t.Field(fieldsOf(t).index[name]).Type
			if isScalar(ft) {
				keys = append(keys, prefix+name)
			} else if ft.Kind() == reflect.Struct || (ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct) {
				if ft != timeType {
					walk(ft, prefix+name+".")
				}
			}
		}
	}
	walk(reflect.TypeOf(v).Elem(), "")
	sort.Strings(keys)
	return keys
}
