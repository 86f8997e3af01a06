package casefile

import (
	"strings"
	"testing"
	"time"
)

var lockedForTest = map[string]string{"phase": "use 'casework case move'", "history": "history is append-only", "client.consent": "use 'casework consent'"}

func TestSetField(t *testing.T) {
	tests := []struct {
		key, value string
		check      func(c *Case) bool
		wantErr    string
	}{
		{"client.phone", "555-0101", func(c *Case) bool { return c.Client.Phone == "555-0101" }, ""},
		{"client.dob", "1980-02-29", func(c *Case) bool { return c.Client.DOB.String() == "1980-02-29" }, ""},
		{"client.dob", "1981-02-29", nil, `client.dob: not a valid date: write it as YYYY-MM-DD`},
		{"referral.date", "2026-02-30", nil, `referral.date: not a valid date`},
		{"plan.budget", "Maria", nil, `plan.budget: expected a number (the value given is not shown)`},
		{"Maria Lopez", "x", nil, `unknown key (not shown: it is not a key name); settable keys: `},
		{"client.representative.name", "Joe", func(c *Case) bool { return c.Client.Representative.Name == "Joe" }, ""},
		{"client.consent.given", "true", nil, "client.consent cannot be set by hand: use 'casework consent'"},
		{"client.consent", "x", nil, "client.consent cannot be set by hand"},
		{"client.consentx", "x", nil, `unknown key "client.consentx"`},
		{"client.representative.relationship", "aunt", func(c *Case) bool { return c.Client.Representative.Relationship == "aunt" }, ""},
		{"referral.source", "", func(c *Case) bool { return c.Referral.Source == "" }, ""},
		{"phase", "closed", nil, "phase cannot be set by hand: use 'casework case move'"},
		{"history.at", "x", nil, "history cannot be set by hand"},
		{"client.nmae", "x", nil, `unknown key "client.nmae"; settable keys: `},
		{"client", "x", nil, "client is not a single value"},
		{"client.dob.year", "1", nil, `unknown key "client.dob.year"`},
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			c := &Case{Referral: Referral{Source: "school"}}
			err := SetField(c, tt.key, tt.value, lockedForTest)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("field not set: %+v", c)
			}
		})
	}
}

func TestSettableKeys(t *testing.T) {
	keys := strings.Join(SettableKeys(&Case{}, lockedForTest), " ")
	for _, want := range []string{"client.name", "client.representative.phone", "referral.date", "model"} {
		if !strings.Contains(keys, want) {
			t.Errorf("settable keys lack %s: %s", want, keys)
		}
	}
	for _, not := range []string{"phase", "history", "client.consent.given", "client.consent.at", "client.consent.scope"} {
		if strings.Contains(" "+keys+" ", " "+not+" ") {
			t.Errorf("settable keys include %s", not)
		}
	}
}

func TestNoteRoundTrip(t *testing.T) {
	n := &Note{At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), By: "w-ana", Kind: "visit", Body: "Home visit.\n\nKitchen repaired."}
	data, err := FormatNote(n)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseNote("n.md", data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Kind != "visit" || back.By != "w-ana" || back.Body != "Home visit.\n\nKitchen repaired.\n" {
		t.Errorf("round trip gave %+v", back)
	}
	if _, err := ParseNote("n.md", []byte("---\nat: 2026-01-01T00:00:00Z\nby: a\nkind: call\nmood: sad\n---\nx\n")); err == nil || !strings.Contains(err.Error(), `n.md:5:1: unknown key "mood"`) {
		t.Errorf("got %v", err)
	}
	if _, err := ParseNote("n.md", []byte("no front matter")); err == nil {
		t.Error("note without front matter accepted")
	}
}

func TestPlanDigest(t *testing.T) {
	p := Plan{Goals: []Goal{{ID: "G1", Text: "Stable housing", Status: "open", Actions: []Action{{ID: "A1", Text: "Apply", Status: "planned"}}}}}
	d := p.Digest()
	p.Agreed = &Agreement{By: "client", Digest: d}
	if !p.AgreementCurrent() {
		t.Fatal("fresh agreement not current")
	}
	p.Goals[0].Status = "achieved"
	p.Goals[0].Actions[0].Status = "done"
	p.Budget = 500
	if !p.AgreementCurrent() {
		t.Error("progress or budget made the agreement stale")
	}
	p.Goals[0].Actions[0].Cost = 20
	if p.AgreementCurrent() {
		t.Error("changed action cost left the agreement current")
	}
	p.Agreed.Digest = p.Digest()
	p.Goals[0].Actions[0].For = "M1"
	if p.AgreementCurrent() {
		t.Error("serving another household member left the agreement current")
	}
}

func TestTimeAndDateShapes(t *testing.T) {
	tests := []struct {
		s    string
		time bool
		date bool
	}{
		{"2026-03-02T09:00:00Z", true, false},
		{"2026-03-02T09:00:00.5Z", true, false},
		{"2026-03-02T09:00:00.123456789+01:00", true, false},
		{"2026-03-02T09:00:00.1234567890Z", false, false},
		{"2026-03-02T09:00:00.Z", false, false},
		{"2026-03-02T9:00:00Z", false, false},
		{"2026-03-02T09:00:00", false, false},
		{"2026-03-02T09:00:00+0100", false, false},
		{"2026-03-02", false, true},
		{"2026-3-02", false, false},
		{"0000-01-01", false, false},
		{"1899-12-31T00:00:00Z", false, false},
		{"1900-01-01T00:00:00Z", true, false},
		{"2024-02-29T23:59:59Z", true, false},
		{"2026-02-29T10:00:00Z", false, false},
		{"2026-04-31T10:00:00Z", false, false},
		{"2026-13-01T10:00:00Z", false, false},
		{"2026-00-01T10:00:00Z", false, false},
		{"2026-01-00T10:00:00Z", false, false},
		{"2026-01-01T24:00:00Z", false, false},
		{"2026-01-01T23:60:00Z", false, false},
		{"2026-01-01T23:59:60Z", false, false},
		{"2026-01-01T10:00:00z", false, false},
		{"2024-02-29", false, true},
		{"2100-02-29", false, false},
		{"2000-02-29", false, true},
		{"1800-01-01", false, true},
		{"1799-12-31", false, false},
		{"2026-06-31", false, false},
	}
	for _, tt := range tests {
		if _, err := ParseTime(tt.s); (err == nil) != tt.time {
			t.Errorf("ParseTime(%q) = %v, want ok=%v", tt.s, err, tt.time)
		}
		if _, err := ParseDate(tt.s); (err == nil) != tt.date {
			t.Errorf("ParseDate(%q) = %v, want ok=%v", tt.s, err, tt.date)
		}
	}
}
