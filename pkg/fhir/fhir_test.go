package fhir

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// Value sets of the FHIR R4 elements casework fills (from the R4 schema).
var (
	episodeStatuses  = []string{"planned", "waitlist", "active", "onhold", "finished", "cancelled", "entered-in-error"}
	carePlanStatuses = []string{"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
	goalLifecycles   = []string{"proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error", "rejected"}
	achievements     = []string{"in-progress", "improving", "worsening", "no-change", "achieved", "sustaining", "not-achieved", "no-progress", "not-attainable"}
	activityStatuses = []string{"not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled", "stopped", "unknown", "entered-in-error"}
	activityKinds    = []string{"Appointment", "CommunicationRequest", "DeviceRequest", "MedicationRequest", "NutritionOrder", "Task", "ServiceRequest", "VisionPrescription"}
	uuidURN          = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	fhirDateTime     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$`)
)

func loadCase(t *testing.T) *casefile.Case {
	t.Helper()
	data, err := os.ReadFile("testdata/case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := casefile.Parse("case.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var c casefile.Case
	if errs := doc.Decode(&c); len(errs) > 0 {
		t.Fatal(errs)
	}
	return &c
}

func input(c *casefile.Case, redact bool) Input {
	return Input{
		Case:      c,
		Workers:   map[string]casefile.Worker{"w-ana": {ID: "w-ana", Name: "Ana Ruiz"}},
		Resources: map[string]casefile.Resource{"food-bank": {ID: "food-bank", Name: "Food Bank", Provider: "Northside Churches"}},
		Agency:    "Northside", Initial: "intake", Now: time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC), Redact: redact,
	}
}

// generic returns the bundle as plain JSON data, as a receiver sees it.
func generic(t *testing.T, b *Bundle) map[string]any {
	t.Helper()
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// resources returns the bundle's resources by resourceType.
func resources(t *testing.T, bundle map[string]any) map[string][]map[string]any {
	out := map[string][]map[string]any{}
	for _, e := range bundle["entry"].([]any) {
		r := e.(map[string]any)["resource"].(map[string]any)
		out[r["resourceType"].(string)] = append(out[r["resourceType"].(string)], r)
	}
	return out
}

// walk calls fn on every object in v.
func walk(v any, fn func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		fn(x)
		for _, c := range x {
			walk(c, fn)
		}
	case []any:
		for _, c := range x {
			walk(c, fn)
		}
	}
}

func TestBundleShape(t *testing.T) {
	bundle := generic(t, Build(input(loadCase(t), false)))
	if bundle["resourceType"] != "Bundle" || bundle["type"] != "collection" || bundle["timestamp"] != "2026-06-15T09:00:00Z" {
		t.Errorf("bundle header: %v %v %v", bundle["resourceType"], bundle["type"], bundle["timestamp"])
	}
	fullURLs := map[string]bool{}
	for _, e := range bundle["entry"].([]any) {
		entry := e.(map[string]any)
		url := entry["fullUrl"].(string)
		if !uuidURN.MatchString(url) {
			t.Errorf("fullUrl %q is not a urn:uuid", url)
		}
		if id := entry["resource"].(map[string]any)["id"]; "urn:uuid:"+id.(string) != url {
			t.Errorf("resource id %v disagrees with fullUrl %s", id, url)
		}
		if fullURLs[url] {
			t.Errorf("fullUrl %s twice", url)
		}
		fullURLs[url] = true
	}
	// Every literal reference resolves inside the bundle.
	refs := 0
	walk(bundle, func(m map[string]any) {
		if ref, ok := m["reference"].(string); ok {
			refs++
			if !fullURLs[ref] {
				t.Errorf("reference %s does not resolve in the bundle", ref)
			}
		}
		for _, key := range []string{"start", "end", "dueDate", "birthDate"} {
			if s, ok := m[key].(string); ok && !fhirDateTime.MatchString(s) {
				t.Errorf("%s %q is not a FHIR date or dateTime", key, s)
			}
		}
	})
	if refs < 10 {
		t.Errorf("only %d references", refs)
	}
	rs := resources(t, bundle)
	for typ, n := range map[string]int{"EpisodeOfCare": 1, "CarePlan": 1, "Goal": 3, "Patient": 1, "RelatedPerson": 5} {
		if len(rs[typ]) != n {
			t.Errorf("%d %s resources, want %d", len(rs[typ]), typ, n)
		}
	}
}

func TestRequiredElementsAndValueSets(t *testing.T) {
	rs := resources(t, generic(t, Build(input(loadCase(t), false))))
	check := func(r map[string]any, key string, set []string) {
		t.Helper()
		v, ok := r[key].(string)
		if !ok || (set != nil && !slices.Contains(set, v)) {
			t.Errorf("%s.%s = %v, not in %v", r["resourceType"], key, r[key], set)
		}
	}
	e := rs["EpisodeOfCare"][0]
	check(e, "status", episodeStatuses)
	if e["patient"] == nil {
		t.Error("EpisodeOfCare.patient missing")
	}
	for _, h := range e["statusHistory"].([]any) {
		check(h.(map[string]any), "status", episodeStatuses)
	}
	p := rs["CarePlan"][0]
	check(p, "status", carePlanStatuses)
	check(p, "intent", []string{"plan"})
	if p["subject"] == nil || len(p["goal"].([]any)) != 3 || len(p["activity"].([]any)) != 4 {
		t.Errorf("CarePlan subject/goal/activity: %v", p)
	}
	for _, a := range p["activity"].([]any) {
		d := a.(map[string]any)["detail"].(map[string]any)
		check(d, "status", activityStatuses)
		check(d, "kind", activityKinds)
	}
	for _, r := range rs["RelatedPerson"] {
		checkRelatedPerson(t, r)
	}
	for _, g := range rs["Goal"] {
		check(g, "lifecycleStatus", goalLifecycles)
		if g["subject"] == nil || g["description"].(map[string]any)["text"] == "" {
			t.Errorf("Goal lacks subject or description: %v", g)
		}
		if a, ok := g["achievementStatus"].(map[string]any); ok {
			check(a["coding"].([]any)[0].(map[string]any), "code", achievements)
		}
	}
}

func TestEpisodeFollowsHistory(t *testing.T) {
	c := loadCase(t)
	e := Build(input(c, false)).Entry[0].Resource.(*EpisodeOfCare)
	want := []StatusHistory{
		{Status: "planned", Period: Period{Start: "2026-01-05T09:30:00Z", End: "2026-01-15T11:00:00Z"}},
		{Status: "active", Period: Period{Start: "2026-01-15T11:00:00Z"}},
	}
	if e.Status != "active" || !slices.Equal(e.StatusHistory, want) {
		t.Errorf("status %s, history %+v", e.Status, e.StatusHistory)
	}
	if e.CareManager.Display != "Ana Ruiz" || e.CareManager.Identifier.Value != "w-ana" {
		t.Errorf("careManager %+v", e.CareManager)
	}
	// Closed after care: finished, with the period's end.
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	c.History = append(c.History, casefile.HistoryEntry{At: at, By: "w-ana", From: "monitoring", To: "closed"})
	c.Phase, c.Closure = "closed", &casefile.Closure{At: at, Reason: "goals-met"}
	b := Build(input(c, false))
	e = b.Entry[0].Resource.(*EpisodeOfCare)
	if e.Status != "finished" || e.Period.End != "2026-06-01T09:00:00Z" || e.StatusHistory[1].Period.End != "2026-06-01T09:00:00Z" {
		t.Errorf("closed: %+v", e)
	}
	if p := b.Entry[1].Resource.(*CarePlan); p.Status != "completed" || p.Period == nil || p.Period.End != "2026-06-01T09:00:00Z" {
		t.Errorf("care plan of a case closed with goals met: %s %+v", p.Status, p.Period)
	}
	// Reopened: the kept closure record ends neither the episode nor the plan.
	c.History = append(c.History, casefile.HistoryEntry{At: at.Add(time.Hour), By: "w-ana", From: "closed", To: "assessment"})
	c.Phase = "assessment"
	b = Build(input(c, false))
	e = b.Entry[0].Resource.(*EpisodeOfCare)
	if e.Period.End != "" || e.Status != "planned" {
		t.Errorf("reopened: status %s, period %+v", e.Status, e.Period)
	}
	if p := b.Entry[1].Resource.(*CarePlan); (p.Period != nil && p.Period.End != "") || p.Status == "completed" {
		t.Errorf("care plan of a reopened case: %s %+v", p.Status, p.Period)
	}
}

func TestStatusMaps(t *testing.T) {
	for _, tc := range []struct {
		phase   string
		planned bool
		want    string
	}{
		{"intake", false, "planned"}, {"assessment", false, "planned"}, {"planning", true, "active"},
		{"assessment", true, "active"}, {"monitoring", true, "active"}, {"closed", true, "finished"}, {"closed", false, "cancelled"},
	} {
		if got := episodeStatus(tc.phase, "intake", tc.planned); got != tc.want {
			t.Errorf("episodeStatus(%s, %v) = %s, want %s", tc.phase, tc.planned, got, tc.want)
		}
	}
	for status, want := range map[casefile.GoalStatus][2]string{"open": {"accepted", ""}, "in-progress": {"active", "in-progress"}, "achieved": {"completed", "achieved"}, "dropped": {"cancelled", ""}} {
		if l, a := goalStatus(status, true); l != want[0] || a != want[1] {
			t.Errorf("goalStatus(%s) = %s %s", status, l, a)
		}
	}
	if l, _ := goalStatus("open", false); l != "proposed" {
		t.Errorf("open goal of an unagreed plan: %s", l)
	}
	for status, want := range map[casefile.ActionStatus]string{"planned": "not-started", "active": "in-progress", "done": "completed", "cancelled": "cancelled", "odd": "unknown"} {
		if got := activityStatus(status); got != want {
			t.Errorf("activityStatus(%s) = %s", status, got)
		}
	}
}

func TestCarePlanStatus(t *testing.T) {
	c := loadCase(t)
	if s := carePlanStatus(c); s != "active" {
		t.Errorf("agreed plan: %s", s)
	}
	c.Plan.Goals[0].Text += " (changed)"
	if s := carePlanStatus(c); s != "draft" {
		t.Errorf("plan changed since agreement: %s", s)
	}
	c.Phase, c.Closure = "closed", &casefile.Closure{Reason: "client-withdrew"}
	if s := carePlanStatus(c); s != "revoked" {
		t.Errorf("closed, client withdrew: %s", s)
	}
}

func TestDeterministicURNs(t *testing.T) {
	c := loadCase(t)
	a, _ := json.Marshal(Build(input(c, false)))
	b, _ := json.Marshal(Build(input(c, false)))
	if string(a) != string(b) {
		t.Error("two exports of the same case differ")
	}
	other := *c
	other.ID = "C-2026-OTHER"
	if Build(input(&other, false)).Entry[0].FullURL == Build(input(c, false)).Entry[0].FullURL {
		t.Error("two cases share a fullUrl")
	}
	if UUID("x") == UUID("y") || !uuidURN.MatchString(URN("x")) {
		t.Error("UUID is not a name-based v5 UUID")
	}
}

func TestRedactLeavesClientOut(t *testing.T) {
	c := loadCase(t)
	full, _ := json.Marshal(Build(input(c, false)))
	redacted, _ := json.Marshal(Build(input(c, true)))
	for _, v := range []string{c.Client.Name, c.Client.DOB.String(), c.Client.Phone, c.Client.Address, "Maria"} {
		if !strings.Contains(string(full), v) {
			t.Errorf("full export lacks %q", v)
		}
		if strings.Contains(string(redacted), v) {
			t.Errorf("redacted export holds %q", v)
		}
	}
	if c.Client.Name != "Maria Lopez" {
		t.Error("Build changed the case")
	}
}

// serviceRequestStatuses and requestIntents are the value sets of
// ServiceRequest.status and .intent in the R4 schema.
var (
	serviceRequestStatuses = []string{"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
	requestIntents         = []string{"proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"}
)

func TestServiceRequestPerReferral(t *testing.T) {
	c := loadCase(t)
	at := func(day int) time.Time { return time.Date(2026, 2, day, 9, 0, 0, 0, time.UTC) }
	c.Referrals = []casefile.ReferralEntry{
		{At: at(1), By: "w-ana", Action: "A2", Resource: "food-bank", Status: casefile.ReferralSent},
		{At: at(2), By: "w-ana", Action: "A4", Resource: "after-school", Status: casefile.ReferralSent},
		{At: at(3), By: "w-ana", Action: "A2", Resource: "food-bank", Status: casefile.ReferralAccepted},
		{At: at(4), By: "w-ana", Action: "A4", Resource: "after-school", Status: casefile.ReferralDeclined, Reason: "Maria Lopez is too old"},
	}
	bundle := generic(t, Build(input(c, false)))
	rs := resources(t, bundle)
	srs := rs["ServiceRequest"]
	if len(srs) != 2 {
		t.Fatalf("%d ServiceRequests, want 2", len(srs))
	}
	want := []struct{ id, status, note, performer string }{
		{c.ID + "/A2", "active", "Referral status: accepted", "Food Bank (Northside Churches)"},
		{c.ID + "/A4", "revoked", "Referral status: declined", "after-school"},
	}
	for i, w := range want {
		sr := srs[i]
		for key, set := range map[string][]string{"status": serviceRequestStatuses, "intent": requestIntents} {
			if v, _ := sr[key].(string); !slices.Contains(set, v) {
				t.Errorf("ServiceRequest.%s = %v, not in the R4 value set", key, sr[key])
			}
		}
		if id := sr["identifier"].([]any)[0].(map[string]any)["value"]; id != w.id {
			t.Errorf("identifier %v, want %s", id, w.id)
		}
		if sr["status"] != w.status || sr["intent"] != "order" {
			t.Errorf("%s: status %v intent %v, want %s order", w.id, sr["status"], sr["intent"], w.status)
		}
		if sr["subject"].(map[string]any)["reference"] == nil {
			t.Errorf("%s: no subject", w.id)
		}
		if sr["requester"].(map[string]any)["display"] != "Ana Ruiz" {
			t.Errorf("%s: requester %v", w.id, sr["requester"])
		}
		if p := sr["performer"].([]any)[0].(map[string]any); p["display"] != w.performer {
			t.Errorf("%s: performer %v, want %s", w.id, p["display"], w.performer)
		}
		if n := sr["note"].([]any)[0].(map[string]any)["text"]; n != w.note {
			t.Errorf("%s: note %v, want %s", w.id, n, w.note)
		}
		if sr["authoredOn"] == nil || !fhirDateTime.MatchString(sr["authoredOn"].(string)) {
			t.Errorf("%s: authoredOn %v", w.id, sr["authoredOn"])
		}
	}
	// The decline's reason, free text that may name the client, stays out.
	data, _ := json.Marshal(bundle)
	if strings.Contains(string(data), "too old") {
		t.Error("the reason of a decline is in the bundle")
	}
}

func TestServiceRequestStatusMap(t *testing.T) {
	for _, s := range casefile.ReferralStatuses {
		if got := serviceRequestStatus(casefile.ReferralStatus(s)); !slices.Contains(serviceRequestStatuses, got) || got == "unknown" {
			t.Errorf("referral status %s maps to %q", s, got)
		}
	}
}
