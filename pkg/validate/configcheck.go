package validate

import (
	"regexp"
	"slices"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
	"github.com/casework/casework/pkg/workflow"
	"go.yaml.in/yaml/v3"
)

// WorkflowFindings checks a workflow configuration and places each problem
// on its line of the configuration file (data; nil or unparsable data puts
// them at 1:1).
func WorkflowFindings(data []byte, wf config.Workflow) []Finding {
	root := configRoot(data)
	var out []Finding
	for _, p := range workflow.CheckConfig(wf) {
		sev := Error
		if p.Warning {
			sev = Warning
		}
		line, col := Pos(root, p.Key)
		out = append(out, at(config.FileName, line, col, sev, p.Rule, "%s", p.Msg))
	}
	return out
}

// configRoot parses the configuration file for positions only.
func configRoot(data []byte) *yaml.Node {
	if data == nil {
		return nil
	}
	doc, err := casefile.Parse(config.FileName, data)
	if err != nil {
		return nil
	}
	return doc.Root()
}

// ConfigFindings checks the parts of the configuration cfg that the strict
// load cannot: the workflow, and values that must agree with each other.
// data is the configuration file, for positions (nil puts them at 1:1).
// validate reports them; every command that writes refuses to while one is
// an error (cmdutil).
func ConfigFindings(data []byte, cfg *config.Config) []Finding {
	v := &validator{Options: Options{Config: cfg}}
	v.checkConfigData(data)
	return v.findings
}

// currencyCode is the shape of an ISO 4217 currency code.
var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// checkConfig checks the repository's configuration (ConfigFindings).
func (v *validator) checkConfig() {
	data, _ := (&store.Repo{Root: v.Root}).ReadFile(config.FileName)
	v.checkConfigData(data)
}

func (v *validator) checkConfigData(data []byte) {
	v.findings = append(v.findings, WorkflowFindings(data, v.Config.Workflow)...)
	rec := &record{path: config.FileName, root: configRoot(data)}
	cfg := v.Config
	if len(cfg.ClosureReasons) == 0 {
		v.add(rec, "closure_reasons", Error, "config-value", "closure_reasons is empty: no case could be closed; list the reasons a case may be closed with")
	}
	if !currencyCode.MatchString(cfg.Currency) {
		v.add(rec, "currency", Warning, "config-value", "currency %q is not an ISO 4217 code of three capital letters (GBP, EUR, USD); every amount is shown with it", cfg.Currency)
	}
	if cfg.DefaultModel != "" && !slices.Contains(cfg.Models, cfg.DefaultModel) {
		v.add(rec, "default_model", Error, "config-value", "default_model %q is not one of models", cfg.DefaultModel)
	}
	v.checkRiskConfig(rec)
	if c := cfg.Caseload; c.WarnActive > c.MaxActive || c.WarnNewPerMonth > c.MaxNewPerMonth {
		v.add(rec, "caseload", Warning, "config-value", "caseload warn limits are above the max limits, so no warning comes before a breach")
	}
}
