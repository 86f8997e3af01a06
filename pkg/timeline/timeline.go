// Package timeline merges what is known of a case's life into one
// time-ordered list: its recorded history (phase changes, changes of
// worker), its notes, and the git commits that touched its files.
package timeline

import (
	"cmp"
	"fmt"
	"github.com/casework/casework/pkg/history"
	"slices"
	"time"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/gitrev"
)

// Sources of events.
const (
	History = "history"
	Note    = "note"
	Git     = "git"
)

// Event is one thing that happened to a case.
type Event struct {
	At     time.Time `json:"at" yaml:"at"`
	Source string    `json:"source" yaml:"source"` // history, note or git
	By     string    `json:"by" yaml:"by"`
	What   string    `json:"what" yaml:"what"`
	Commit string    `json:"commit,omitempty" yaml:"commit,omitempty"` // git only: the full hash
}

// Describe says what a history entry records: "intake → assessment:
// reason", "assigned w-ana → w-bo", "opened in intake".
func Describe(h casefile.HistoryEntry) string {
	var what string
	switch {
	case h.Override != nil:
		what = fmt.Sprintf("%s override for %s", h.Override.Rule, h.Override.Action)
		if h.Override.Resource != "" {
			what += " (" + h.Override.Resource + ")"
		}
	case h.IsAssignment():
		from := h.Assign.From
		if from == "" {
			from = "—"
		}
		what = fmt.Sprintf("assigned %s → %s", from, h.Assign.To)
	case history.IsOpening(h):
		what = "opened in " + h.To
	default:
		what = h.From + " → " + h.To
	}
	if h.Forced {
		what += " (forced)"
	}
	if h.Reason != "" && h.Reason != casefile.OpeningReason {
		what += ": " + h.Reason
	}
	return what
}

// FromHistory turns a case's history into events.
func FromHistory(history []casefile.HistoryEntry) []Event {
	events := make([]Event, len(history))
	for i, h := range history {
		events[i] = Event{At: h.At, Source: History, By: h.By, What: Describe(h)}
	}
	return events
}

// FromNotes turns notes into events: their kind, never their text.
func FromNotes(notes []*casefile.Note) []Event {
	events := make([]Event, len(notes))
	for i, n := range notes {
		events[i] = Event{At: n.At, Source: Note, By: n.By, What: "note (" + n.Kind + ")"}
	}
	return events
}

// FromCommits turns git commits into events.
func FromCommits(commits []gitrev.LogEntry) []Event {
	events := make([]Event, len(commits))
	for i, c := range commits {
		events[i] = Event{At: c.At, Source: Git, By: c.Author, What: c.Subject, Commit: c.Hash}
	}
	return events
}

// sourceOrder puts, at the same instant, the record before the commit
// that saved it.
var sourceOrder = map[string]int{History: 0, Note: 1, Git: 2}

// Merge joins lists of events into one, oldest first; events at the same
// time keep their list's order, history and notes before commits.
func Merge(lists ...[]Event) []Event {
	var all []Event
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.SortStableFunc(all, func(a, b Event) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(sourceOrder[a.Source], sourceOrder[b.Source])
	})
	return all
}
