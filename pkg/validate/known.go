package validate

import (
	"encoding/json"
	"hash/fnv"
	mathbits "math/bits"
	"slices"

	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/planning"
	"github.com/casework/casework/pkg/schema"
	"github.com/casework/casework/pkg/workflow"
)

// known is what the checks of a case may read besides the case itself:
// the workers, the resources and the configuration, loaded once per run.
// The checks of a case read it only through the accessors below, which
// record in the case's reads what was looked up, so that the cache of
// findings keeps a case's findings exactly as long as what they were
// made from: a changed worker file re-checks the cases that looked that
// worker up (or looked it up and did not find it), a changed
// configuration section the cases that read it (see cacheEntry).
type known struct {
	cfg   *config.Config
	wf    *workflow.Workflow
	enums map[string][]string // schema.CaseEnums of cfg
	// patterns are the keys of enums, sorted.
	patterns []string

	workers   map[string]string          // ID (by file name) -> path
	staff     map[string]casefile.Worker // ID -> the worker, for who may approve
	resources map[string]string
	// retiredResources are the resources no longer offered, by ID.
	retiredResources map[string]casefile.Retired
	// ages are the resources with an age range, for the eligibility of
	// actions (package eligibility).
	ages map[string]casefile.Resource

	// The hashes of what was loaded, made by index once everything is:
	// of each worker and resource as the checks see it (what its ID
	// finds in each map above), of the whole set of each, and of each
	// section of the configuration the checks read.
	workerHash, resourceHash map[string]uint64
	sections                 [64]uint64
	// enumSection is the section of each enum pattern.
	enumSection map[string]configSection
}

func newKnown(cfg *config.Config) *known {
	k := &known{cfg: cfg, wf: workflow.New(cfg.Workflow), enums: schema.CaseEnums(cfg),
		workers: map[string]string{}, staff: map[string]casefile.Worker{}, resources: map[string]string{},
		retiredResources: map[string]casefile.Retired{}, ages: map[string]casefile.Resource{}}
	k.patterns = sortedKeys(k.enums)
	k.enumSection = map[string]configSection{}
	for i, p := range k.patterns {
		k.enumSection[p] = min(sectionEnums+configSection(i), 63)
	}
	return k
}

// configSection is one part of the configuration that the checks of a
// case read, as a bit of reads.config. Parts that no case check reads
// (caseload limits, timescales, reports, the care plan's options, the
// agency's name and contacts, integrity...) have none: a change to them
// re-checks no case.
type configSection uint

const (
	// sectionWorkflow is workflow: the phases and moves the history is
	// held to.
	sectionWorkflow configSection = iota
	// sectionInstruments is assessment.instruments: the domains and
	// scales of assessments' scores.
	sectionInstruments
	// sectionApprovers is approver_roles and approval_limits: who may
	// record a decision, and up to what amount.
	sectionApprovers
	// sectionCurrency is currency, which only the messages of findings
	// about amounts show.
	sectionCurrency
	// sectionEnums is the first section of the enum fields: one per
	// pattern of schema.CaseEnums (the allowed values of the fields that
	// take one of a list, from the workflow's phases, models,
	// closure_reasons, risk, consent, household and network), the last
	// shared by any beyond 64.
	sectionEnums
)

// sectionValues returns the value of each section, to hash.
func (k *known) sectionValues() map[configSection][]any {
	out := map[configSection][]any{
		sectionWorkflow:    {k.cfg.Workflow},
		sectionInstruments: {k.cfg.Assessment.Instruments},
		sectionApprovers:   {k.cfg.ApproverRoles, k.cfg.ApprovalLimits},
		sectionCurrency:    {k.cfg.Currency},
	}
	for _, p := range k.patterns {
		s := k.enumSection[p]
		out[s] = append(out[s], p, k.enums[p])
	}
	return out
}

// index hashes what was loaded, once the workers and resources are.
func (k *known) index() {
	for s, values := range k.sectionValues() {
		h := fnv.New64a()
		for _, v := range values {
			data, _ := json.Marshal(v)
			h.Write(data)
			h.Write([]byte{0})
		}
		k.sections[s] = h.Sum64()
	}
	k.workerHash = hashRecords(k.workers, k.staff)
	k.resourceHash = hashRecords(k.resources, k.retiredResources, k.ages)
}

// hashRecords hashes, for each ID any of the maps holds, what each map
// holds for it. No ID's hash is absent, what an ID that none holds has.
func hashRecords(paths map[string]string, more ...any) map[string]uint64 {
	ids := map[string]bool{}
	for id := range paths {
		ids[id] = true
	}
	values := make([]map[string]json.RawMessage, len(more))
	for i, m := range more {
		data, _ := json.Marshal(m) // a map by ID: its keys are the IDs
		json.Unmarshal(data, &values[i])
		for id := range values[i] {
			ids[id] = true
		}
	}
	out := make(map[string]uint64, len(ids))
	for id := range ids {
		h := fnv.New64a()
		h.Write([]byte(paths[id] + "\x00"))
		for _, m := range values {
			h.Write(m[id])
			h.Write([]byte{0})
		}
		sum := h.Sum64()
		if sum == absent {
			sum++
		}
		out[id] = sum
	}
	return out
}

// absent is the hash of a worker or resource that does not exist.
const absent = 0

// reads is what the checks of one case read of known.
type reads struct {
	workers, resources []string // IDs looked up, found or not, each once
	config             uint64   // bits of the configSections read
}

// deps is what a case's checks read, and one hash of all of it as it
// was: what the cache compares with the next run's. (IDs and a hash,
// not a hash per ID: the cache holds one of these per case directory.)
type deps struct {
	Workers, Resources []string // IDs looked up, found or not
	Config             uint64   // bits of the configSections read
	Hash               uint64
}

// deps returns the dependencies of what was read, as they are now.
func (k *known) deps(r *reads) deps {
	d := deps{Workers: r.workers, Resources: r.resources, Config: r.config}
	d.Hash = k.hash(&d)
	return d
}

// holds reports whether every dependency is still as d has it.
func (k *known) holds(d *deps) bool { return k.hash(d) == d.Hash }

// hash hashes what d depends on, as it is in this run: the hash of each
// worker and resource d names (absent for one that does not exist) and
// of each configuration section d read. (No check of a case goes
// through every worker or resource; one that did would depend on the
// whole set.)
func (k *known) hash(d *deps) uint64 {
	h := fnvBasis
	for _, id := range d.Workers {
		h = mix(h, k.workerHash[id])
	}
	h = mix(h, 1)
	for _, id := range d.Resources {
		h = mix(h, k.resourceHash[id])
	}
	for bits := d.Config; bits != 0; bits &= bits - 1 {
		h = mix(h, k.sections[mathbits.TrailingZeros64(bits)])
	}
	return h
}

const (
	fnvBasis uint64 = 14695981039346656037
	fnvPrime uint64 = 1099511628211
)

// mix adds a word to an FNV-1a hash, a word at a time.
func mix(h, word uint64) uint64 { return (h ^ word) * fnvPrime }

// The accessors through which the checks of a case read known. Each
// records what it read in v.reads (nil outside the checks of a case:
// the run's own checks of the configuration, workers, resources and
// --against record nothing).

func (v *validator) readWorker(id string) {
	if v.reads != nil && !slices.Contains(v.reads.workers, id) {
		v.reads.workers = append(v.reads.workers, id)
	}
}

func (v *validator) readResource(id string) {
	if v.reads != nil && !slices.Contains(v.reads.resources, id) {
		v.reads.resources = append(v.reads.resources, id)
	}
}

func (v *validator) readConfig(s configSection) {
	if v.reads != nil {
		v.reads.config |= 1 << s
	}
}

// isWorker reports whether workers/ has the worker id.
func (v *validator) isWorker(id string) bool {
	v.readWorker(id)
	return v.known.workers[id] != ""
}

// worker returns the worker id, as loaded.
func (v *validator) worker(id string) (casefile.Worker, bool) {
	v.readWorker(id)
	w, ok := v.known.staff[id]
	return w, ok
}

// isResource reports whether resources/ has the resource id.
func (v *validator) isResource(id string) bool {
	v.readResource(id)
	return v.known.resources[id] != ""
}

// retiredResource returns when the resource id was retired, if it was.
func (v *validator) retiredResource(id string) (casefile.Retired, bool) {
	v.readResource(id)
	r, ok := v.known.retiredResources[id]
	return r, ok
}

// resourceAges returns the resource id when it has an age range.
func (v *validator) resourceAges(id string) (casefile.Resource, bool) {
	v.readResource(id)
	r, ok := v.known.ages[id]
	return r, ok
}

// workflow returns the workflow of the configuration.
func (v *validator) workflow() *workflow.Workflow {
	v.readConfig(sectionWorkflow)
	return v.known.wf
}

// allowed returns the values the enum field at pattern (a key of
// schema.CaseEnums) may take.
func (v *validator) allowed(pattern string) []string {
	v.readConfig(v.known.enumSection[pattern])
	return v.known.enums[pattern]
}

// instrument returns the configured assessment instrument id.
func (v *validator) instrument(id string) (config.Instrument, bool) {
	v.readConfig(sectionInstruments)
	return v.known.cfg.Assessment.Instrument(id)
}

// approvers returns the roles that may record a decision, and the limit
// of each on the expenses it approves.
func (v *validator) approvers() ([]string, planning.Limits) {
	v.readConfig(sectionApprovers)
	return v.known.cfg.ApproverRoles, v.known.cfg.ApprovalLimits
}

// currency returns the agency's currency, which only the messages of
// findings about amounts show: a check passes it to what may find
// something, and calls currencyShown when it did, for only then do the
// case's findings depend on it.
func (v *validator) currency() string { return v.known.cfg.Currency }

// currencyShown records that a finding's message shows the currency.
func (v *validator) currencyShown() { v.readConfig(sectionCurrency) }
