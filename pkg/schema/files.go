package schema

import (
	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
)

// Kinds are the files a schema is generated for, in order.
var Kinds = []string{"case", "worker", "resource", "config"}

// Dir is where a repository keeps its generated schemas.
const Dir = "schemas"

// FileName is the name of the schema file of a kind, in Dir.
func FileName(kind string) string { return kind + ".schema.json" }

// Patterns are the files of each kind, as globs from the repository root.
var Patterns = map[string]string{
	"case":     "cases/*/case.yaml",
	"worker":   "workers/*.yaml",
	"resource": "resources/*.yaml",
	"config":   config.FileName,
}

// For returns the schema of a kind of file ("case", "worker", "resource"
// or "config"), with the enums the agency's configuration allows: phases,
// models and closure reasons come from cfg.
func For(kind string, cfg *config.Config) (map[string]any, bool) {
	switch kind {
	case "case":
		return Generate(casefile.Case{}, Options{Title: "casework case file (cases/ID/case.yaml)", Enums: CaseEnums(cfg)}), true
	case "worker":
		return Generate(casefile.Worker{}, Options{Title: "casework worker file (workers/ID.yaml)"}), true
	case "resource":
		return Generate(casefile.Resource{}, Options{Title: "casework resource file (resources/ID.yaml)"}), true
	case "config":
		return Generate(config.Config{}, Options{Title: "casework configuration (.casework.yaml)", Partial: true}), true
	}
	return nil, false
}

// CaseEnums are the fields of a case file that take one of a list of
// values, by dotted path ("plan.goals[].status"; "reviews[].goals.*" for
// the values of a map), with the values each allows: the vocabulary's
// tables, and the phases, models and closure reasons of cfg. It is the one
// table of them: the case schema's enums are generated from it, and
// validate checks every case against it.
func CaseEnums(cfg *config.Config) map[string][]string {
	phases := cfg.Workflow.PhaseNames()
	return map[string][]string{
		"phase":                          phases,
		"model":                          cfg.Models,
		"history[].from":                 phases,
		"history[].to":                   phases,
		"history[].kind":                 casefile.HistoryKinds,
		"assessments[].network":          assess.Networks,
		"assessments[].network_derived":  assess.Networks,
		"assessments[].needs[].priority": assess.Priorities,
		"assessments[].level":            assess.Levels,
		"risks[].level":                  cfg.Risk.Levels,
		"risks[].flags[]":                cfg.Risk.Flags,
		"plan.goals[].status":            casefile.GoalStatuses,
		"plan.goals[].actions[].status":  casefile.ActionStatuses,
		"plan.agreed.by":                 planning.AgreedBy,
		"reviews[].goals.*":              casefile.GoalStatuses,
		"reviews[].actions.*":            casefile.ActionStatuses,
		"approvals[].what":               casefile.ApprovalKinds,
		"approvals[].decision":           planning.Decisions,
		"closure.reason":                 cfg.ClosureReasons,
		"consents[].purpose":             cfg.Consent.Purposes,
		"consents[].action":              casefile.ConsentActions,
		"consents[].given_by":            casefile.ConsentGivers,
		"referrals[].status":             casefile.ReferralStatuses,
		"household[].role":               cfg.Household.Roles,
		"network[].kind":                 casefile.ContactKinds,
		"network[].strength":             casefile.TieStrengths,
		"network[].provides[]":           cfg.Network.Provides,
	}
}

// Files returns every schema file, by path relative to the repository
// root (schemas/case.schema.json, ...).
func Files(cfg *config.Config) map[string][]byte {
	out := map[string][]byte{}
	for _, kind := range Kinds {
		s, _ := For(kind, cfg)
		out[Dir+"/"+FileName(kind)] = Marshal(s)
	}
	return out
}

// VSCodeSettings is a .vscode/settings.json that points the YAML
// extension at the schemas for each kind of file.
func VSCodeSettings() []byte {
	schemas := map[string]any{}
	for _, kind := range Kinds {
		schemas["./"+Dir+"/"+FileName(kind)] = []string{"/" + Patterns[kind]}
	}
	return Marshal(map[string]any{"yaml.schemas": schemas})
}
