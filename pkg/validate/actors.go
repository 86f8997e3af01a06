package validate

import (
	"fmt"
	"slices"

	"github.com/casework/casework/pkg/planning"
	"go.yaml.in/yaml/v3"
)

// checkActors reports entries of the case's lists whose `by` is not a
// worker in workers/: who acted must always be someone the agency knows.
// Every top-level list of entries is checked, so lists added later are
// covered without a change here.
func (v *validator) checkActors(cr *caseRecord) {
	root := top(cr.record.root)
	if root == nil || root.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, list := root.Content[i].Value, root.Content[i+1]
		if list.Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range list.Content {
			by, ok := Lookup(item, "by")
			if !ok || by.Kind != yaml.ScalarNode || by.Value == "" {
				continue
			}
			if !v.isWorker(by.Value) {
				v.add(cr.record, fmt.Sprintf("%s[%d].by", key, j), Error, "unknown-actor", "%s[%d] is recorded by %q, who is not a worker in workers/: add them if they work here (casework worker add %s --name NAME); otherwise the entry was not made by casework and a supervisor should look at it", key, j, by.Value, by.Value)
			}
		}
	}
}

// checkNoteActor reports a note whose `by` is not a worker.
func (v *validator) checkNoteActor(rel, by string) {
	if by != "" && !v.isWorker(by) {
		v.findings = append(v.findings, at(rel, 2, 1, Error, "unknown-actor", "the note is recorded by %q, who is not a worker in workers/: add them if they work here (casework worker add %s --name NAME); otherwise the note was not made by casework and a supervisor should look at it", by, by))
	}
}

// checkApprovals holds recorded approvals and rejections to the rules
// `casework approve` follows: an approver role, never the case's own
// worker, and an expense within the role's limit.
func (v *validator) checkApprovals(cr *caseRecord) {
	c := &cr.data
	for i, a := range c.Approvals {
		if a.Decision != "" && !slices.Contains(planning.Decisions, a.Decision) {
			continue // reported by checkEnums (schema.CaseEnums)
		}
		if a.IsRequest() {
			continue // a request may come from anyone
		}
		w, ok := v.worker(a.By)
		if !ok {
			continue // an unknown worker is reported by checkActors
		}
		roles, limits := v.approvers()
		if err := planning.CheckDecision(c, w, a, roles, limits, v.currency()); err != nil {
			v.currencyShown()
			v.add(cr.record, fmt.Sprintf("approvals[%d]", i), Error, "approval-not-allowed", "approvals[%d]: %v", i, err)
		}
	}
}
