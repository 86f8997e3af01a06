package fhir

import (
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/history"
)

// EpisodeOfCare statuses used (FHIR value set episode-of-care-status).
const (
	EpisodePlanned   = "planned"
	EpisodeActive    = "active"
	EpisodeFinished  = "finished"
	EpisodeCancelled = "cancelled"
)

// episodeStatus maps a phase to an EpisodeOfCare status. plannedCare says
// whether the case has gone past intake and assessment since it was
// (re)opened. The workflow's initial phase and assessment are "planned"
// until then: FHIR defines planned as the time when the organisation
// assesses eligibility and organises resources, before care is provided.
// Every other open phase is "active", and so is a re-assessment during
// care. A closed case is "finished", or "cancelled" when it closed before
// any care was planned. casework has no waiting list, so "waitlist" is
// never used.
func episodeStatus(phase, initial string, plannedCare bool) string {
	switch {
	case phase == casefile.ClosedPhase && plannedCare:
		return EpisodeFinished
	case phase == casefile.ClosedPhase:
		return EpisodeCancelled
	case beforeCare(phase, initial) && !plannedCare:
		return EpisodePlanned
	}
	return EpisodeActive
}

// beforeCare reports whether phase comes before care is planned.
func beforeCare(phase, initial string) bool {
	return phase == initial || phase == "assessment"
}

// carePlanStatus maps the case and its plan to a CarePlan status: an open
// case's plan is "active" when the client agreed it as it stands, else
// "draft" (never agreed, or changed since); a closed case's plan is
// "completed" when the goals were met (closure reason goals-met, or every
// goal achieved), else "revoked" (ended before completion).
func carePlanStatus(c *casefile.Case) string {
	if !c.IsOpen() {
		if history.Of(c).CurrentClosure().GoalsMet() || allAchieved(c.Plan) {
			return "completed"
		}
		return "revoked"
	}
	if c.Plan.AgreementCurrent() {
		return "active"
	}
	return "draft"
}

func allAchieved(p casefile.Plan) bool {
	for _, g := range p.Goals {
		if g.IsOpen() {
			return false
		}
	}
	return len(p.Goals) > 0
}

// goalStatus maps a goal status to a Goal lifecycleStatus and, where it
// says something, an achievementStatus code: open goals are "accepted"
// once the client agreed the plan, else "proposed"; in-progress goals are
// "active"; achieved ones "completed"; dropped ones "cancelled".
func goalStatus(status casefile.GoalStatus, agreed bool) (lifecycle, achievement string) {
	switch status {
	case casefile.GoalInProgress:
		return "active", "in-progress"
	case casefile.GoalAchieved:
		return "completed", "achieved"
	case casefile.GoalDropped:
		return "cancelled", ""
	}
	if agreed {
		return "accepted", ""
	}
	return "proposed", ""
}

// activityStatus maps an action status to a CarePlan activity status.
func activityStatus(status casefile.ActionStatus) string {
	switch status {
	case casefile.ActionPlanned:
		return "not-started"
	case casefile.ActionActive:
		return "in-progress"
	case casefile.ActionDone:
		return "completed"
	case casefile.ActionCancelled:
		return "cancelled"
	}
	return "unknown"
}
