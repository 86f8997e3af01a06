package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/casework/casework/pkg/assess"
	"github.com/casework/casework/pkg/config"
)

// Outcomes is how clients' scores changed over the period, per domain of
// each instrument: in the whole agency, by team and by level of attention.
type Outcomes struct {
	From string       `json:"from" yaml:"from"`
	To   string       `json:"to" yaml:"to"`
	Rows []OutcomeRow `json:"rows" yaml:"rows"`
}

// OutcomeRow is one domain of one instrument in one group of clients: the
// clients with two or more scores of the domain in the period, the mean
// change from their first to their latest score, and the shares of them
// whose situation improved, stayed the same or got worse. A group smaller
// than the minimum cell shows no figures.
type OutcomeRow struct {
	Instrument string `json:"instrument" yaml:"instrument"`
	Domain     string `json:"domain" yaml:"domain"`
	// Group is "all", "team:NAME" or "level:LEVEL".
	Group   string `json:"group" yaml:"group"`
	Clients Count  `json:"clients" yaml:"clients"`
	// MeanChange is the mean of latest minus first score, in the
	// instrument's own units (for a need scale a fall is an improvement).
	MeanChange float64 `json:"mean_change" yaml:"mean_change"`
	// MeanFirst and MeanLatest are the mean first and latest scores.
	MeanFirst  float64 `json:"mean_first" yaml:"mean_first"`
	MeanLatest float64 `json:"mean_latest" yaml:"mean_latest"`
	Improved   float64 `json:"improved" yaml:"improved"`
	Unchanged  float64 `json:"unchanged" yaml:"unchanged"`
	Worse      float64 `json:"worse" yaml:"worse"`
}

// change is one client's first and latest score of one domain.
type change struct {
	instrument, domain string
	first, latest      int
	team, level        string
}

// ComputeOutcomes builds the outcomes report. A client counts for a
// domain when two or more assessments with the same instrument scored it
// (not as not-applicable) within the period; their first and latest such
// scores are compared. The client's level of attention is the level of
// their latest assessment in the period.
func ComputeOutcomes(p Population, a config.Assessment, o Options) Outcomes {
	var changes []change
	for _, h := range p.selected(o) {
		changes = append(changes, changesOf(h, a, o)...)
	}
	rep := Outcomes{From: o.From.String(), To: o.To.String(), Rows: []OutcomeRow{}}
	type key struct{ instrument, domain, group string }
	groups := map[key][]change{}
	for _, c := range changes {
		for _, g := range []string{"all", "team:" + orNone(c.team), "level:" + orNone(c.level)} {
			k := key{c.instrument, c.domain, g}
			groups[k] = append(groups[k], c)
		}
	}
	for k, cs := range groups {
		in, _ := a.Instrument(k.instrument)
		rep.Rows = append(rep.Rows, outcomeRow(k.instrument, k.domain, k.group, cs, in, o.minCell()))
	}
	order := domainOrder(a)
	slices.SortFunc(rep.Rows, func(x, y OutcomeRow) int {
		return cmp.Or(
			cmp.Compare(order[x.Instrument+"/"+x.Domain], order[y.Instrument+"/"+y.Domain]),
			cmp.Compare(groupRank(x.Group), groupRank(y.Group)),
			cmp.Compare(x.Group, y.Group))
	})
	return rep
}

// changesOf returns the first-to-latest change of every domain the case's
// assessments scored twice or more in the period.
func changesOf(h held, a config.Assessment, o Options) []change {
	type scored struct {
		at    time.Time
		score int
	}
	series := map[[2]string][]scored{}
	var level string
	var levelAt time.Time
	for _, as := range h.ClientAssessments() {
		if !o.within(as.At) || (o.Instrument != "" && as.Instrument != o.Instrument) {
			continue
		}
		in, ok := a.Instrument(as.Instrument)
		if !ok {
			continue
		}
		if !as.At.Before(levelAt) {
			level, levelAt = as.Level, as.At
		}
		for d, s := range as.Scores {
			if in.Scale.NA != nil && s == *in.Scale.NA {
				continue
			}
			k := [2]string{as.Instrument, d}
			series[k] = append(series[k], scored{as.At, s})
		}
	}
	var out []change
	for k, ss := range series {
		if len(ss) < 2 {
			continue
		}
		slices.SortStableFunc(ss, func(x, y scored) int { return x.at.Compare(y.at) })
		out = append(out, change{instrument: k[0], domain: k[1], first: ss[0].score, latest: ss[len(ss)-1].score, team: h.Team})
	}
	for i := range out {
		out[i].level = level
	}
	return out
}

// outcomeRow sums the changes of one group.
func outcomeRow(instrument, domain, group string, cs []change, in config.Instrument, min int) OutcomeRow {
	r := OutcomeRow{Instrument: instrument, Domain: domain, Group: group, Clients: count(len(cs), min)}
	if r.Clients.Suppressed || len(cs) == 0 {
		return r
	}
	var sumFirst, sumLatest float64
	var better, same, worse int
	for _, c := range cs {
		sumFirst += float64(c.first)
		sumLatest += float64(c.latest)
		switch d := assess.Direction(in, c.first, c.latest); {
		case d > 0:
			better++
		case d < 0:
			worse++
		default:
			same++
		}
	}
	n := float64(len(cs))
	r.MeanFirst, r.MeanLatest = round2(sumFirst/n), round2(sumLatest/n)
	r.MeanChange = round2((sumLatest - sumFirst) / n)
	r.Improved, r.Unchanged, r.Worse = round2(float64(better)/n), round2(float64(same)/n), round2(float64(worse)/n)
	return r
}

// domainOrder numbers each instrument's domains in configured order.
func domainOrder(a config.Assessment) map[string]int {
	order := map[string]int{}
	for _, in := range a.Instruments {
		for _, d := range in.Domains {
			order[in.ID+"/"+d] = len(order)
		}
	}
	return order
}

// groupRank puts the whole agency first, then teams, then levels.
func groupRank(g string) int {
	switch {
	case g == "all":
		return 0
	case len(g) > 5 && g[:5] == "team:":
		return 1
	default:
		return 2
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
