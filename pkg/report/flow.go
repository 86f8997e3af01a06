package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"github.com/casework/casework/pkg/history"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
)

// Flow is how long the stages of case management take and how cases end.
type Flow struct {
	From   string      `json:"from" yaml:"from"`
	To     string      `json:"to" yaml:"to"`
	Stages []FlowStage `json:"stages" yaml:"stages"`
	// Closures counts the cases closed in the period by closure reason.
	Closures []ReasonCount `json:"closures" yaml:"closures"`
	// Reopened counts the cases reopened in the period within twelve
	// months of their closure.
	Reopened Count `json:"reopened_within_12_months" yaml:"reopened_within_12_months"`
	// Referrals counts, per provider, the referrals accepted and declined
	// in the period.
	Referrals []ProviderReferrals `json:"referrals" yaml:"referrals"`
}

// ProviderReferrals is how one provider answered the referrals made to
// it: accepted against declined.
type ProviderReferrals struct {
	Provider string `json:"provider" yaml:"provider"`
	Accepted Count  `json:"accepted" yaml:"accepted"`
	Declined Count  `json:"declined" yaml:"declined"`
}

// FlowStage is the time in days from opening to one stage, over the cases
// that reached it in the period: the median and the 90th percentile.
type FlowStage struct {
	Stage  string  `json:"stage" yaml:"stage"`
	Cases  Count   `json:"cases" yaml:"cases"`
	Median float64 `json:"median_days" yaml:"median_days"`
	P90    float64 `json:"p90_days" yaml:"p90_days"`
}

// shownStage is a FlowStage as json and yaml write it: a suppressed or
// empty stage has no median or percentile (the keys are left out; casework
// writes no null), as CSV leaves the cells blank, rather than a 0 that
// reads as a figure.
type shownStage struct {
	Stage  string   `json:"stage" yaml:"stage"`
	Cases  Count    `json:"cases" yaml:"cases"`
	Median *float64 `json:"median_days,omitempty" yaml:"median_days,omitempty"`
	P90    *float64 `json:"p90_days,omitempty" yaml:"p90_days,omitempty"`
}

func (s FlowStage) shown() shownStage {
	out := shownStage{Stage: s.Stage, Cases: s.Cases}
	if !s.Cases.Suppressed && s.Cases.N > 0 {
		out.Median, out.P90 = &s.Median, &s.P90
	}
	return out
}

// MarshalJSON writes the stage without the days where they are not shown.
// "<5" stays as it is written (no HTML escaping), like Count writes it.
func (s FlowStage) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s.shown()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// MarshalYAML writes the stage without the days where they are not shown.
func (s FlowStage) MarshalYAML() (any, error) { return s.shown(), nil }

// ReasonCount is the number of closures for one reason.
type ReasonCount struct {
	Reason string `json:"reason" yaml:"reason"`
	Cases  Count  `json:"cases" yaml:"cases"`
}

// The stages of the flow report.
const (
	StageAssessment = "assessment"
	StageAgreedPlan = "agreed plan"
	StageClosure    = "closure"
)

// day is one day, for durations in days.
const day = 24 * time.Hour

// ComputeFlow builds the flow report. A stage counts for a case when it
// was reached in the period: the first assessment recorded after opening
// (assessment), the client's agreement of the current plan (agreed plan),
// and each closure (closure, measured from the opening of the spell it
// ends, so a reopened case counts once per closure). Closures are counted
// by their recorded reason; a reopening counts when the case had been
// closed less than twelve months before. Referrals are counted per
// provider (the resource's provider, else the resource) by the answers
// recorded in the period: accepted (from sent or from a waiting list)
// against declined.
func ComputeFlow(p Population, cfg *config.Config, o Options) Flow {
	days := map[string][]float64{}
	reasons := map[string]int{}
	reopened := 0
	answers := map[string]*[2]int{} // provider: accepted, declined
	for _, h := range p.selected(o) {
		for _, e := range h.Referrals {
			if !o.within(e.At) || (e.Status != casefile.ReferralAccepted && e.Status != casefile.ReferralDeclined) {
				continue
			}
			who := p.provider(e.Resource)
			if answers[who] == nil {
				answers[who] = &[2]int{}
			}
			if e.Status == casefile.ReferralAccepted {
				answers[who][0]++
			} else {
				answers[who][1]++
			}
		}
		opened := history.Of(h.Case).OpenedAt()
		if opened.IsZero() {
			continue
		}
		if at := firstAssessment(h.Case, opened); o.within(at) {
			days[StageAssessment] = append(days[StageAssessment], since(opened, at))
		}
		if h.Plan.Agreed != nil && o.within(h.Plan.Agreed.At) && !h.Plan.Agreed.At.Before(opened) {
			days[StageAgreedPlan] = append(days[StageAgreedPlan], since(opened, h.Plan.Agreed.At))
		}
		for _, s := range spells(h.Case) {
			if s.closed.IsZero() {
				continue
			}
			if o.within(s.closed) {
				days[StageClosure] = append(days[StageClosure], since(s.opened, s.closed))
				reasons[s.reason]++
			}
			if o.within(s.reopened) && s.reopened.Sub(s.closed) < 365*day {
				reopened++
			}
		}
	}
	min := o.minCell()
	rep := Flow{From: o.From.String(), To: o.To.String(), Reopened: count(reopened, min), Closures: []ReasonCount{}}
	for _, st := range []string{StageAssessment, StageAgreedPlan, StageClosure} {
		ds := days[st]
		fs := FlowStage{Stage: st, Cases: count(len(ds), min)}
		if !fs.Cases.Suppressed {
			fs.Median, fs.P90 = round2(median(ds)), round2(percentile(ds, 90))
		}
		rep.Stages = append(rep.Stages, fs)
	}
	for _, r := range cfg.ClosureReasons {
		if n := reasons[r]; n > 0 {
			rep.Closures = append(rep.Closures, ReasonCount{Reason: r, Cases: count(n, min)})
		}
		delete(reasons, r)
	}
	var others []ReasonCount
	for r, n := range reasons {
		others = append(others, ReasonCount{Reason: r, Cases: count(n, min)})
	}
	slices.SortFunc(others, func(a, b ReasonCount) int { return cmp.Compare(a.Reason, b.Reason) })
	rep.Closures = append(rep.Closures, others...)
	rep.Referrals = []ProviderReferrals{}
	for who, n := range answers {
		rep.Referrals = append(rep.Referrals, ProviderReferrals{Provider: who, Accepted: count(n[0], min), Declined: count(n[1], min)})
	}
	slices.SortFunc(rep.Referrals, func(a, b ProviderReferrals) int { return cmp.Compare(a.Provider, b.Provider) })
	return rep
}

// since is the time from a to b in days, to a tenth.
func since(a, b time.Time) float64 {
	return float64(int(b.Sub(a)/(day/10))) / 10
}

// firstAssessment is the time of the first assessment recorded at or
// after opened, zero when there is none.
func firstAssessment(c *casefile.Case, opened time.Time) time.Time {
	var first time.Time
	for _, a := range c.ClientAssessments() {
		if !a.At.Before(opened) && (first.IsZero() || a.At.Before(first)) {
			first = a.At
		}
	}
	return first
}
