package validate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/schedule"
)

// checkRisks checks each risk record has a level and none is dated in
// the future (its level and flags against the configuration: checkEnums).
func (v *validator) checkRisks(cr *caseRecord) {
	c := &cr.data
	v.futureTimes(cr.record, "risks", len(c.Risks), func(i int) time.Time { return c.Risks[i].At })
	for i, r := range c.Risks {
		key := fmt.Sprintf("risks[%d]", i)
		if r.Level == "" {
			v.add(cr.record, key, Error, "invalid-value", "%s has no level: record risk with 'casework risk %s --level LEVEL'", key, c.ID)
		}
		// The level and flags are checked by checkEnums (schema.CaseEnums).
	}
}

// checkServices checks the dates of each action (a service or a task,
// not both; a service ends after it starts) and warns of a goal marked
// achieved while some of its actions are still planned or active.
func (v *validator) checkServices(cr *caseRecord) {
	for i, g := range cr.data.Plan.Goals {
		for j, a := range g.Actions {
			if err := planning.CheckWhen(a); err != nil {
				v.add(cr.record, fmt.Sprintf("plan.goals[%d].actions[%d]", i, j), Error, "invalid-dates", "action %s: %v", a.ID, err)
			}
		}
		if g.Status != casefile.GoalAchieved {
			continue
		}
		if open := planning.GoalActionsOpen(g); len(open) > 0 {
			v.add(cr.record, fmt.Sprintf("plan.goals[%d].status", i), Warning, "achieved-with-open-actions",
				"goal %s is achieved but %s still planned or active: end them with 'casework review %s --action %s=done' (or cancelled), or reopen the goal",
				g.ID, strings.Join(open, ", "), cr.data.ID, open[0])
		}
	}
}

// checkRiskConfig checks risk levels and flags, escalation maps and
// timescales in the configuration.
func (v *validator) checkRiskConfig(rec *record) {
	cfg := v.Config
	if len(cfg.Risk.Levels) == 0 {
		v.add(rec, "risk.levels", Error, "config-value", "risk.levels is empty: list the levels of risk, lowest first (default low, medium, high)")
	}
	for level, attention := range cfg.Risk.Escalate {
		if !slices.Contains(cfg.Risk.Levels, level) {
			v.add(rec, "risk.escalate", Error, "config-value", "risk.escalate names %q, which is not one of risk.levels", level)
		}
		if assess.Rank(attention) == 0 {
			v.add(rec, "risk.escalate", Error, "config-value", "risk.escalate.%s is %q: use a level of attention (%s)", level, attention, strings.Join(assess.Levels, ", "))
		}
	}
	for i, in := range cfg.Assessment.Instruments {
		for score, attention := range in.Escalate {
			key := fmt.Sprintf("assessment.instruments[%d].escalate", i)
			if score < in.Scale.Min || score > in.Scale.Max {
				v.add(rec, key, Error, "config-value", "instrument %s escalates score %d, outside its scale %d-%d", in.ID, score, in.Scale.Min, in.Scale.Max)
			}
			if assess.Rank(attention) == 0 {
				v.add(rec, key, Error, "config-value", "instrument %s escalates score %d to %q: use a level of attention (%s)", in.ID, score, attention, strings.Join(assess.Levels, ", "))
			}
		}
	}
	for level := range cfg.Timescales.Review {
		if !slices.Contains(cfg.Risk.Levels, level) {
			v.add(rec, "timescales.review", Warning, "config-value", "timescales.review names %q, which is not one of risk.levels: it never applies", level)
		}
	}
	if _, err := schedule.NewClock(cfg); err != nil {
		key, _, _ := strings.Cut(err.Error(), " in ") // "timescales.screening in .casework.yaml: ..."
		v.add(rec, key, Error, "config-value", "%v", err)
	}
	if cfg.Risk.Highest() != "" && len(cfg.ApproverRoles) == 0 {
		v.add(rec, "approver_roles", Warning, "config-value", "approver_roles is empty: a case at %s risk can never be closed, since its closure needs a supervisor's approval", cfg.Risk.Highest())
	}
}
