package validate

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/schema"
	"go.yaml.in/yaml/v3"
)

// schemaEnums collects the enums of a generated JSON Schema by the dotted
// paths of schema.CaseEnums.
func schemaEnums(s map[string]any, path string, out map[string][]string) {
	if enum, ok := s["enum"].([]string); ok {
		out[path] = enum
	}
	join := func(key string) string {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	if props, ok := s["properties"].(map[string]any); ok {
		for k, sub := range props {
			schemaEnums(sub.(map[string]any), join(k), out)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		schemaEnums(items, path+"[]", out)
	}
	if ap, ok := s["additionalProperties"].(map[string]any); ok {
		schemaEnums(ap, join("*"), out)
	}
}

// TestSchemaEmitsTheTable holds that `casework schema case` emits exactly
// the enums of schema.CaseEnums, the table validate checks against.
func TestSchemaEmitsTheTable(t *testing.T) {
	cfg := defaultConfig(t)
	s, _ := schema.For("case", cfg)
	got := map[string][]string{}
	schemaEnums(s, "", got)
	want := schema.CaseEnums(cfg)
	if !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("the schema's enums:\n%v\nthe table:\n%v", got, want)
	}
	if len(want) < 23 {
		t.Errorf("only %d enums", len(want))
	}
}

// everyEnum is goodCase with a value at every enum path of the table: a
// consent override in its history, its assessment (which goodCase ends
// in) rated, then a model, a plan, a review, an approval, a closure, a
// consent, a household member and a network contact, and a risk.
var everyEnum = strings.Replace(goodCase, "assessments:\n", `  - at: 2026-02-05T09:00:00Z
    by: w-ana
    kind: consent-override
    action: A1
    reason: safeguarding
assessments:
`, 1) + `    network: low
    network_derived: medium
    network_reason: Her sister moves away next month
    needs:
      - domain: housing
        priority: high
        text: t
    level: intensive
model: case-management
plan:
  goals:
    - id: G1
      text: t
      status: open
      actions:
        - id: A1
          text: t
          status: planned
  agreed:
    by: client
    at: 2026-02-04T11:00:00Z
reviews:
  - at: 2026-02-04T12:00:00Z
    by: w-ana
    goals:
      G1: achieved
    actions:
      A1: done
approvals:
  - at: 2026-02-04T12:30:00Z
    by: w-ana
    what: plan
    decision: requested
  - at: 2026-02-04T13:00:00Z
    by: w-sup
    what: plan
    decision: requested
closure:
  at: 2026-02-04T14:00:00Z
  reason: goals-met
consents:
  - at: 2026-02-04T15:00:00Z
    by: w-ana
    action: give
    purpose: services
    given_by: client
household:
  - id: M1
    name: Sam
    relationship: son
    role: child
network:
  - id: N1
    name: Lee
    kind: informal
    relationship: sister
    provides: [practical]
    strength: strong
risks:
  - at: 2026-02-04T16:00:00Z
    by: w-ana
    level: low
    flags: [neglect]
referrals:
  - at: 2026-02-04T17:00:00Z
    by: w-ana
    action: A1
    status: sent
`

// TestEveryEnumIsChecked breaks each enum field of the table in turn and
// expects validate to report it there, with its rule: validate checks
// every enum that the schema emits.
func TestEveryEnumIsChecked(t *testing.T) {
	cfg := defaultConfig(t)
	table := schema.CaseEnums(cfg)
	for pattern := range table {
		t.Run(pattern, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(everyEnum), &doc); err != nil {
				t.Fatal(err)
			}
			var path string
			var node *yaml.Node
			// The last value at the pattern: for history, a move rather
			// than the opening entry.
			eachValue(&doc, pattern, func(p, _ string) {
				path = p
				node, _ = Lookup(&doc, p)
			})
			if node == nil {
				t.Fatalf("the fixture has no value at %s", pattern)
			}
			node.Value = "bogus-value"
			data, err := yaml.Marshal(&doc)
			if err != nil {
				t.Fatal(err)
			}
			root := writeRepo(t, map[string]string{"workers/w-ana.yaml": worker, "cases/C-1/case.yaml": string(data)})
			fs, err := Run(Options{Root: root, Config: cfg, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var broken yaml.Node
			yaml.Unmarshal(data, &broken)
			line, _ := Pos(&broken, path)
			rule := "invalid-value"
			if r, ok := enumRules[pattern]; ok {
				rule = r.rule
			}
			i := slices.IndexFunc(fs, func(f Finding) bool {
				return f.Rule == rule && f.Line == line && strings.Contains(f.Message, `"bogus-value" is not one of `+strings.Join(table[pattern], ", "))
			})
			if i < 0 {
				t.Errorf("%s: no %s finding at line %d in\n%v", path, rule, line, fs)
			}
			if n := len(slices.DeleteFunc(fs, func(f Finding) bool { return f.Rule != rule || f.Line != line })); n != 1 {
				t.Errorf("%s: reported %d times:\n%s", path, n, strings.Join(messages(fs), "\n"))
			}
		})
	}
}

func messages(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}

// FuzzEachValue: walking any YAML for the enum paths never panics, and
// every value it reports is found again at its path when no key on the
// way holds a character of path syntax.
func FuzzEachValue(f *testing.F) {
	f.Add(everyEnum)
	f.Add("plan: {goals: [{status: x}, 3, [a]]}\nreviews: [{goals: {G1: [x]}}, null]\n")
	f.Add("phase: [a, b]\nhistory: {to: x}\n")
	table := schema.CaseEnums(defaultConfig(f))
	f.Fuzz(func(t *testing.T, data string) {
		var doc yaml.Node
		// Only documents casework reads: one with a duplicate key (which
		// the loader refuses) has two values at one path, and Lookup
		// finds the first.
		if yaml.Unmarshal([]byte(data), &doc) != nil || hasDuplicateKey(&doc) {
			return
		}
		for pattern := range table {
			eachValue(&doc, pattern, func(path, value string) {
				if strings.Count(path, ".") != strings.Count(pattern, ".") || strings.Count(path, "[") != strings.Count(pattern, "[") {
					return // a map key with a dot or bracket: not a path that Lookup reads
				}
				if n, ok := Lookup(&doc, path); !ok || n.Value != value {
					t.Errorf("%s: %q, but Lookup finds %v", path, value, n)
				}
			})
		}
	})
}

// hasDuplicateKey reports whether a mapping anywhere in the tree gives one
// key twice.
func hasDuplicateKey(n *yaml.Node) bool {
	if n.Kind == yaml.MappingNode {
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; seen[k] {
				return true
			} else {
				seen[k] = true
			}
		}
	}
	for _, c := range n.Content {
		if hasDuplicateKey(c) {
			return true
		}
	}
	return false
}
