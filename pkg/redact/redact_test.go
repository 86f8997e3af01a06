package redact

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// clientValues are the canary values planted in the client's fields, by
// field name; a field not listed gets "Canary" plus its name, so a field
// added to casefile.Client later is covered too.
var clientValues = map[string]string{
	"Client.Name":                 "Zorblax Quintavius-Oyelaran",
	"Client.Gender":               "Xenogender",
	"Client.Phone":                "+44 20 7946 0958",
	"Client.Email":                "zq.private@mailcanary.example",
	"Client.Address":              "12 Gorsewood Lane, Brackenford",
	"Client.Language":             "Klingonese",
	"Representative.Name":         "Marmaduke Pellingham",
	"Representative.Relationship": "Godparentish",
	"Representative.Phone":        "0161 496 0733",
	"Representative.Email":        "mp@guardiancanary.example",
	"Member.Name":                 "Quillon Fenwick-Abara",
	"Member.Phone":                "0113 496 0871",
	"Contact.Name":                "Ottoline Brackwater",
	"Contact.Contact":             "ob@netcanary.example",
}

// leaks are what must not survive redaction anywhere, compared without
// letter case.
var leaks = []string{
	"zorblax", "quintavius", "oyelaran", "xenogender", "7946", "0958", "mailcanary", "zq.private",
	"gorsewood", "brackenford", "klingonese", "marmaduke", "pellingham", "godparentish",
	"496", "0733", "guardiancanary", "1979", "canary",
	"quillon", "fenwick", "abara", "0871", "ottoline", "brackwater", "netcanary", "2011",
}

// freeText is planted in every free-text field of the case: the client's
// values in other letter cases, other layouts and inside sentences.
const freeText = "Met zorblax at home; QUINTAVIUS said Oyelaran is her family name. " +
	"Quillon (born 30/06/2011) phoned 0113 4960871; Ottoline Brackwater, ob@NetCanary.example. " +
	"Call (020) 7946-0958 or 0161 4960733, write to ZQ.Private@MailCanary.example, " +
	"visit 12 gorsewood lane (Brackenford). Born 14/03/1979, also written 1979-03-14. " +
	"Xenogender, speaks klingonese; guardian marmaduke PELLINGHAM, the godparentish one " +
	"(mp@guardiancanary.example). Likes bananas."

// idFields hold IDs and enumerated values, not free text: redaction keeps
// them as they are.
var idFields = map[string]bool{
	"ID": true, "Phase": true, "Model": true, "Worker": true, "Role": true, "By": true,
	"From": true, "To": true, "Instrument": true, "Network": true, "Level": true,
	"Domain": true, "Priority": true, "Status": true, "Resource": true, "Digest": true, "What": true,
	"Kind": true, "Strength": true, "Action": true, "Purpose": true, "GivenBy": true,
	"Decision": true, "Member": true, "NetworkDerived": true, "For": true, // For names a household member by ID
	"Flags": true, // risk flags come from risk.flags in the configuration
}

// plant fills every field of v: client fields with canaries, IDs with
// their field name, free text with freeText, slices with two elements.
func plant(t *testing.T, v reflect.Value, owner, name string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.Type().Elem() == reflect.TypeOf(time.Time{}) {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		plant(t, v.Elem(), owner, name)
	case reflect.Struct:
		switch v.Type() {
		case reflect.TypeOf(time.Time{}):
			v.Set(reflect.ValueOf(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)))
			return
		case reflect.TypeOf(casefile.Date{}):
			d := "2026-04-01"
			if owner == "Client" && name == "DOB" {
				d = "1979-03-14"
			}
			if owner == "Member" && name == "DOB" {
				d = "2011-06-30"
			}
			p, _ := casefile.ParseDate(d)
			v.Set(reflect.ValueOf(p))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			plant(t, v.Field(i), v.Type().Name(), v.Type().Field(i).Name)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := 0; i < 2; i++ {
			plant(t, v.Index(i), owner, name)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
	case reflect.String:
		key := owner + "." + name
		switch {
		case owner == "Client" || owner == "Representative" || clientValues[key] != "":
			val, ok := clientValues[key]
			if !ok {
				val = "Canary" + name
			}
			v.SetString(val)
		case idFields[name] || owner == "Departure": // a departure names an M- or N-ID
			v.SetString("id-" + strings.ToLower(name))
		default:
			v.SetString(freeText)
		}
	}
}

func plantedCase(t *testing.T) *casefile.Case {
	c := &casefile.Case{}
	plant(t, reflect.ValueOf(c).Elem(), "Case", "")
	c.Assessments[0].Scores = map[string]int{"housing": 2}
	c.Reviews[0].Goals = map[string]casefile.GoalStatus{"g1": casefile.GoalAchieved}
	return c
}

func TestCaseLeavesNoCanary(t *testing.T) {
	c := plantedCase(t)
	before, _ := json.Marshal(c)
	out, err := json.Marshal(Case(c))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ToLower(string(out))
	for _, leak := range leaks {
		if strings.Contains(got, leak) {
			i := strings.Index(got, leak)
			t.Errorf("%q survived redaction: ...%s...", leak, got[max(0, i-60):min(len(got), i+60)])
		}
	}
	if !strings.Contains(got, "bananas") {
		t.Errorf("ordinary words were redacted too: %s", got)
	}
	if after, _ := json.Marshal(c); string(after) != string(before) {
		t.Errorf("Case changed its argument")
	}
}

func TestCaseKeepsIDsAndShape(t *testing.T) {
	c := plantedCase(t)
	r := Case(c)
	checks := []struct {
		name      string
		got, want any
	}{
		{"id", r.ID, c.ID},
		{"worker", r.Worker, c.Worker},
		{"goal id", r.Plan.Goals[1].ID, c.Plan.Goals[1].ID},
		{"action resource", r.Plan.Goals[0].Actions[1].Resource, c.Plan.Goals[0].Actions[1].Resource},
		{"action cost", r.Plan.Goals[0].Actions[1].Cost, c.Plan.Goals[0].Actions[1].Cost},
		{"agreement by", r.Plan.Agreed.By, c.Plan.Agreed.By},
		{"scores", r.Assessments[0].Scores["housing"], 2},
		{"review goals", r.Reviews[0].Goals["g1"], casefile.GoalAchieved},
		{"client name", r.Client.Name, Mark},
		{"client dob cleared", r.Client.DOB.IsZero(), true},
		{"representative kept", r.Client.Representative != nil, true},
		{"representative name", r.Client.Representative.Name, Mark},
		{"consent given", r.Client.Consent.Given, c.Client.Consent.Given},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
		}
	}
	// A deep copy: changing the copy leaves the original alone.
	r.Plan.Goals[0].Actions[0].Status = "changed"
	r.Assessments[0].Scores["housing"] = 5
	r.Reviews[0].Goals["g1"] = "changed"
	if c.Plan.Goals[0].Actions[0].Status == "changed" || c.Assessments[0].Scores["housing"] == 5 || c.Reviews[0].Goals["g1"] == "changed" {
		t.Error("the redacted case shares memory with the original")
	}
}

func TestScrubberText(t *testing.T) {
	dob, _ := casefile.ParseDate("1984-05-01")
	cl := &casefile.Client{
		Name:    "Ana María Lopez",
		DOB:     dob,
		Phone:   "555-123-4567",
		Email:   "ana@example.org",
		Address: "4 Elm Street, Springfield",
		Representative: &casefile.Representative{
			Name: "Jo Lopez",
		},
	}
	s := NewScrubber(cl)
	tests := []struct{ in, want string }{
		{"Ana María Lopez moved", "[redacted] moved"},
		{"ana and MARÍA", "[redacted] and [redacted]"},
		{"banana bread", "banana bread"},
		{"Lopez's flat", "[redacted]'s flat"},
		{"call 555 123 4567 today", "call [redacted] today"},
		{"mail ana@example.org.", "mail [redacted]."},
		{"lives on elm street in Springfield", "lives on [redacted] in [redacted]"},
		{"at 4 Elm Street", "at [redacted]"},
		{"born 01/05/1984", "born [redacted]"},
		{"born 1984-05-01", "born [redacted]"},
		{"Jo came", "Jo came"}, // two letters: too short to scrub alone
		{"", ""},
	}
	for _, tt := range tests {
		if got := s.Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCaseWithoutOptionalParts(t *testing.T) {
	c := &casefile.Case{ID: "C-1", Client: casefile.Client{Name: "Bo"}}
	r := Case(c)
	if r.Client.Representative != nil || r.Closure != nil || r.Plan.Agreed != nil {
		t.Errorf("redaction invented records: %+v", r)
	}
	if r.Client.Name != Mark {
		t.Errorf("name = %q", r.Client.Name)
	}
}
