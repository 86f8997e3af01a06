package config

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/casework/casework/pkg/casefile"
	"go.yaml.in/yaml/v3"
)

// EnvPrefix starts the name of every environment variable that overrides a
// setting: CASEWORK_CASELOAD_MAX_ACTIVE overrides caseload.max_active.
const EnvPrefix = "CASEWORK_"

// Default returns the built-in configuration (DefaultYAML), with no file
// and no environment over it.
func Default() *Config {
	cfg, err := Load(nil, nil)
	if err != nil {
		panic("config: the built-in configuration does not load: " + err.Error())
	}
	return cfg
}

// Load reads a repository's configuration in three layers: the built-in
// defaults (DefaultYAML), then data (the content of .casework.yaml, read
// strictly: unknown keys and wrong types are reported with their position),
// then environment variables CASEWORK_<SECTION>_<KEY> read through getenv
// (nil reads none). Mappings merge key by key; a list or a value given in a
// later layer replaces the earlier one whole.
//
// A variable that cannot be read as its setting is reported in one line
// naming it: "CASEWORK_CASELOAD_MAX_ACTIVE=abc: ...".
func Load(data []byte, getenv func(string) string) (*Config, error) {
	base, err := casefile.Parse("built-in configuration", DefaultYAML)
	if err != nil {
		return nil, err
	}
	merged := base.Root()
	doc, err := casefile.Parse(FileName, data)
	if err != nil {
		return nil, err
	}
	if root := doc.Root(); root != nil && !isNull(root) {
		if root.Kind != yaml.MappingNode {
			return nil, &casefile.PosError{Path: FileName, Line: root.Line, Col: root.Column, Msg: "the configuration must be a mapping of settings (key: value), like the file 'casework init' writes"}
		}
		merged = mergeNodes(merged, root)
	}
	var cfg Config
	if errs := casefile.DecodePartial(merged, &cfg); len(errs) > 0 {
		return nil, errs.WithPath(FileName)
	}
	if getenv != nil {
		if err := applyEnv(reflect.ValueOf(&cfg).Elem(), strings.TrimSuffix(EnvPrefix, "_"), getenv, false); err != nil {
			return nil, err
		}
	}
	return &cfg, nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// mergeNodes lays over on top of base: mappings merge key by key, anything
// else in over replaces what base has. Neither is changed.
func mergeNodes(base, over *yaml.Node) *yaml.Node {
	if base == nil || base.Kind != yaml.MappingNode || over.Kind != yaml.MappingNode {
		return over
	}
	out := *base
	out.Content = append([]*yaml.Node(nil), base.Content...)
	for i := 0; i+1 < len(over.Content); i += 2 {
		k, v := over.Content[i], over.Content[i+1]
		found := false
		for j := 0; j+1 < len(out.Content); j += 2 {
			if out.Content[j].Value == k.Value {
				out.Content[j+1] = mergeNodes(out.Content[j+1], v)
				found = true
				break
			}
		}
		if !found {
			out.Content = append(out.Content, k, v)
		}
	}
	return &out
}

// applyEnv overrides the settings of v (a struct) from environment
// variables named name_KEY, for every setting that is a value, a list of
// text (comma-separated) or an entry of a mapping the earlier layers set.
// Lists of mappings (phases, instruments) are set in the file only. A
// setting tagged casework:"duration" (or an entry of such a mapping) is
// checked as a duration here, so that a bad value is blamed on its
// variable rather than on the file.
func applyEnv(v reflect.Value, name string, getenv func(string) string, duration bool) error {
	switch v.Kind() {
	case reflect.Struct:
		var errs []error
		for i := 0; i < v.NumField(); i++ {
			key := casefile.KeyName(v.Type().Field(i))
			if key == "" {
				continue
			}
			isDuration := v.Type().Field(i).Tag.Get("casework") == "duration"
			errs = append(errs, applyEnv(v.Field(i), name+"_"+envKey(key), getenv, isDuration))
		}
		return errors.Join(errs...)
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return nil
		}
		var errs []error
		for _, k := range v.MapKeys() {
			elem := reflect.New(v.Type().Elem()).Elem()
			elem.Set(v.MapIndex(k))
			before := elem.Interface()
			errs = append(errs, applyEnv(elem, name+"_"+envKey(k.String()), getenv, duration))
			if elem.Interface() != before {
				v.SetMapIndex(k, elem)
			}
		}
		return errors.Join(errs...)
	case reflect.Pointer, reflect.Interface:
		return nil
	}
	s := getenv(name)
	if s == "" {
		return nil
	}
	s = strings.TrimSpace(s)
	bad := func(want string) error {
		return fmt.Errorf("environment variable %s=%s: %s; correct it or unset it", name, shownEnv(s), want)
	}
	switch v.Kind() {
	case reflect.String:
		if duration {
			if _, err := ParseDuration(s); err != nil {
				return bad("not a duration: write a whole number and a unit, h (hours), d (days) or w (weeks), e.g. 7d")
			}
		}
		v.SetString(s)
	case reflect.Int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return bad("not a whole number (for example 12)")
		}
		v.SetInt(int64(n))
	case reflect.Float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return bad("not a number (for example 0.8)")
		}
		v.SetFloat(f)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return bad("not true or false")
		}
		v.SetBool(b)
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.String {
			return nil
		}
		var items []string
		for _, item := range strings.Split(s, ",") {
			if item = strings.TrimSpace(item); item != "" {
				items = append(items, item)
			}
		}
		v.Set(reflect.ValueOf(items))
	}
	return nil
}

// envKey turns a YAML key into its part of a variable name: max_active and
// care-management become MAX_ACTIVE and CARE_MANAGEMENT.
func envKey(key string) string {
	return strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}

// shownEnv is a variable's value as a message shows it: at most 40
// characters, control characters escaped.
func shownEnv(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}
