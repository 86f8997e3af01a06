package workflow

import (
	"fmt"
	"github.com/casework/casework/pkg/casefile"
	"slices"
	"strings"

	"github.com/casework/casework/pkg/config"
)

// Problem is a mistake in a workflow configuration. Key is the dotted path
// of the offending value in .casework.yaml (workflow.phases[2].next[0]),
// so that a caller holding the file can give its line.
type Problem struct {
	Key     string
	Msg     string
	Rule    string
	Warning bool
}

// Error returns the problem as "key: message".
func (p Problem) Error() string { return p.Key + ": " + p.Msg }

// CheckConfig reports what is wrong with a workflow configuration: a
// missing or unknown initial phase, duplicate or unnamed phases, unknown
// phases in next, unknown guards, phases no case can reach, no closed
// phase, and (as warnings) open phases a case cannot leave.
func CheckConfig(cfg config.Workflow) []Problem {
	var probs []Problem
	add := func(key, rule string, warn bool, format string, args ...any) {
		probs = append(probs, Problem{Key: key, Rule: rule, Warning: warn, Msg: fmt.Sprintf(format, args...)})
	}
	names := cfg.PhaseNames()
	known := "known phases: " + strings.Join(names, ", ")
	if len(cfg.Phases) == 0 {
		add("workflow.phases", "workflow-empty", false, "the workflow has no phases; list them under workflow.phases (see 'casework init' for the default)")
		return probs
	}
	seen := map[string]bool{}
	for i, p := range cfg.Phases {
		key := fmt.Sprintf("workflow.phases[%d]", i)
		switch {
		case p.Name == "":
			add(key, "workflow-phase-name", false, "phase has no name; give it one with 'name:'")
		case seen[p.Name]:
			add(key+".name", "workflow-duplicate-phase", false, "phase %q is listed twice; merge the two entries", p.Name)
		}
		seen[p.Name] = true
		for j, n := range p.Next {
			if _, ok := cfg.Phase(n); !ok {
				add(fmt.Sprintf("%s.next[%d]", key, j), "workflow-unknown-phase", false, "phase %q lists unknown phase %q in next; %s", p.Name, n, known)
			}
		}
		for j, g := range p.Requires {
			if _, ok := Guards[g]; !ok {
				add(fmt.Sprintf("%s.requires[%d]", key, j), "workflow-unknown-guard", false, "phase %q requires unknown guard %q; known guards: %s", p.Name, g, strings.Join(GuardNames(), ", "))
			}
		}
		if len(p.Next) == 0 && casefile.IsOpenPhase(p.Name) && p.Name != "" {
			add(key, "workflow-dead-end", true, "phase %q has no next phase: a case there can never be closed; add closed to its next", p.Name)
		}
	}
	if p := checkInitial(cfg); p != nil {
		return append(probs, *p)
	}
	if !seen[casefile.ClosedPhase] {
		add("workflow.phases", "workflow-no-closed", false, "the workflow has no %q phase, which closed cases are in; add a phase named %s", casefile.ClosedPhase, casefile.ClosedPhase)
	}
	reach := reachable(cfg)
	for i, p := range cfg.Phases {
		if p.Name != "" && !reach[p.Name] {
			add(fmt.Sprintf("workflow.phases[%d]", i), "workflow-unreachable", false, "no case can reach phase %q from the initial phase %q; add %q to the next of a reachable phase, or remove it", p.Name, cfg.Initial, p.Name)
		}
	}
	return probs
}

// checkInitial reports what is wrong with the initial phase: unset, not a
// phase of the workflow, or not an open phase.
func checkInitial(cfg config.Workflow) *Problem {
	names := cfg.PhaseNames()
	p := &Problem{Key: "workflow.initial", Rule: "workflow-initial"}
	switch _, ok := cfg.Phase(cfg.Initial); {
	case cfg.Initial == "" && len(names) > 0:
		p.Msg = fmt.Sprintf("workflow.initial is not set; name the phase new cases start in, e.g. initial: %s", names[0])
	case cfg.Initial == "":
		p.Msg = "workflow.initial is not set; name the phase new cases start in"
	case !ok:
		p.Msg = fmt.Sprintf("initial phase %q is not one of the phases; known phases: %s", cfg.Initial, strings.Join(names, ", "))
	case !casefile.IsOpenPhase(cfg.Initial):
		p.Msg = fmt.Sprintf("initial phase %q is the phase of closed cases; new cases start in an open phase, e.g. initial: %s", cfg.Initial, names[0])
	default:
		return nil
	}
	return p
}

// reachable returns the phases that can be reached from the initial phase.
func reachable(cfg config.Workflow) map[string]bool {
	reach := map[string]bool{cfg.Initial: true}
	queue := []string{cfg.Initial}
	for len(queue) > 0 {
		p, _ := cfg.Phase(queue[0])
		queue = queue[1:]
		for _, n := range p.Next {
			if !reach[n] {
				reach[n] = true
				queue = append(queue, n)
			}
		}
	}
	return reach
}

// Errors returns only the problems that are errors, not warnings.
func Errors(probs []Problem) []Problem {
	return slices.DeleteFunc(slices.Clone(probs), func(p Problem) bool { return p.Warning })
}
