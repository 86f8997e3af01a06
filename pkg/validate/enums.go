package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/casework/casework/pkg/config"
	"go.yaml.in/yaml/v3"
)

// enumRules are the rules of the enum fields whose values come from the
// configuration, with where the allowed values are set; every other enum
// field breaks "invalid-value".
var enumRules = map[string]struct{ rule, source string }{
	"phase":                {"unknown-phase", "the workflow's phases"},
	"history[].from":       {"unknown-phase", "the workflow's phases"},
	"history[].to":         {"unknown-phase", "the workflow's phases"},
	"model":                {"unknown-model", "models in " + config.FileName},
	"closure.reason":       {"unknown-closure-reason", "closure_reasons in " + config.FileName},
	"consents[].purpose":   {"invalid-value", "consent.purposes in " + config.FileName},
	"household[].role":     {"invalid-value", "household.roles in " + config.FileName},
	"network[].provides[]": {"invalid-value", "network.provides in " + config.FileName},
	"risks[].level":        {"unknown-risk-level", "risk.levels in " + config.FileName},
	"risks[].flags[]":      {"unknown-risk-flag", "risk.flags in " + config.FileName},
}

// checkEnums checks every field of a case that takes one of a list of
// values against schema.CaseEnums (v.allowed): the table the case schema is
// generated from, so that validate and `casework schema case` cannot
// disagree.
func (v *validator) checkEnums(rec *record) {
	for _, pattern := range v.known.patterns {
		eachValue(rec.root, pattern, func(path, value string) {
			if value == "" {
				return
			}
			allowed := v.allowed(pattern)
			if slices.Contains(allowed, value) {
				return
			}
			r, ok := enumRules[pattern]
			if !ok {
				r.rule = "invalid-value"
			}
			msg := fmt.Sprintf("%s %q is not one of %s", path, value, strings.Join(allowed, ", "))
			if r.source != "" {
				msg += " (" + r.source + ")"
			}
			v.add(rec, path, Error, r.rule, "%s", msg)
		})
	}
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// eachValue calls fn with the key path ("plan.goals[0].status") and the
// value of every scalar at pattern ("plan.goals[].status",
// "reviews[].goals.*") under root. Values of the wrong kind are left to
// the decoder, which reports them.
func eachValue(root *yaml.Node, pattern string, fn func(path, value string)) {
	var walk func(n *yaml.Node, steps []string, path string)
	walk = func(n *yaml.Node, steps []string, path string) {
		if n == nil {
			return
		}
		if len(steps) == 0 {
			if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
				fn(path, n.Value)
			}
			return
		}
		step, rest := steps[0], steps[1:]
		if step == "*" {
			if n.Kind != yaml.MappingNode {
				return
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], rest, path+"."+n.Content[i].Value)
			}
			return
		}
		key, list := strings.CutSuffix(step, "[]")
		value, _ := child(n, stepOf(key))
		if value == nil {
			return
		}
		p := key
		if path != "" {
			p = path + "." + key
		}
		if !list {
			walk(value, rest, p)
			return
		}
		if value.Kind != yaml.SequenceNode {
			return
		}
		for i, item := range value.Content {
			walk(item, rest, p+"["+strconv.Itoa(i)+"]")
		}
	}
	walk(top(root), strings.Split(pattern, "."), "")
}

// stepOf is the path step of a mapping key.
func stepOf(key string) step { return step{key: key, index: -1} }
