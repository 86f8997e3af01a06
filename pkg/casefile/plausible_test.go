package casefile

import (
	"testing"
	"time"
)

func TestCheckEmail(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true},
		{"maria@example.org", true},
		{"maria.lopez+case@mail.example.co.uk", true},
		{"notanemail", false},
		{"maria@", false},
		{"@example.org", false},
		{"maria@localhost", false},
		{"maria@example.", false},
		{"maria@.example.org", false},
		{"maria@example..org", false},
		{"maria@@example.org", false},
		{"maria@a@example.org", false},
		{"maria lopez@example.org", false},
		{"maria@example.org, tom@example.org", false},
		{"maria@example.org\n", false},
		{"<maria@example.org>", false},
	} {
		p := CheckEmail("client.email", tc.in)
		if (p == nil) != tc.ok {
			t.Errorf("CheckEmail(%q) = %v, want plausible %v", tc.in, p, tc.ok)
		}
		if p != nil && (p.Rule != RuleImplausibleEmail || p.Msg != "client.email is not an e-mail address: write one address, like name@example.org") {
			t.Errorf("CheckEmail(%q) = %+v", tc.in, p)
		}
	}
}

func TestCheckName(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"Maria Lopez", true},
		{"José Álvarez-Núñez", true},
		{"O'Brien", true},
		{"", true}, // emptiness is another rule's (required values)
		{"Maria\nLopez", false},
		{"Maria\tLopez", false},
		{"Maria\x1b[2JLopez", false},
		{"Maria\rLopez", false},
		{"Maria\u0085Lopez", false},
	} {
		p := CheckName("client.name", tc.in)
		if (p == nil) != tc.ok {
			t.Errorf("CheckName(%q) = %v, want plausible %v", tc.in, p, tc.ok)
		}
		if p != nil && p.Rule != RuleImplausibleName {
			t.Errorf("CheckName(%q) rule %s", tc.in, p.Rule)
		}
	}
}

func TestCheckDOB(t *testing.T) {
	today := NewDate(time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC))
	d := func(s string) Date { return mustDate(t, s) }
	for _, tc := range []struct {
		in   Date
		rule string
	}{
		{Date{}, ""},
		{d("1984-05-01"), ""},
		{d("2026-06-15"), ""}, // born today
		{d("1906-06-15"), ""}, // exactly 120
		{d("1906-06-14"), RuleImplausibleDOB},
		{d("1900-01-01"), RuleImplausibleDOB},
		{d("1899-12-31"), RuleImplausibleDOB},
		{d("1800-01-01"), RuleImplausibleDOB},
		{d("2026-06-16"), RuleFutureDOB},
		{d("2099-01-01"), RuleFutureDOB},
	} {
		p := CheckDOB("client.dob", tc.in, today)
		got := ""
		if p != nil {
			got = p.Rule
		}
		if got != tc.rule {
			t.Errorf("CheckDOB(%s) = %q, want %q", tc.in, got, tc.rule)
		}
	}
	if p := CheckDOB("client.dob", d("1800-01-01"), today); p.Msg != "client.dob is before 1900: check the year (YYYY-MM-DD)" {
		t.Errorf("message %q", p.Msg)
	}
}

func TestPlausibility(t *testing.T) {
	today := NewDate(time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC))
	old, _ := ParseDate("1850-01-01")
	c := &Case{
		Client: Client{Name: "Maria\nLopez", Email: "x", DOB: old, Representative: &Representative{Name: "Tom", Email: "tom@example"}},
		Household: []Member{
			{ID: "M1", Name: "Leo", DOB: old},
			{ID: "M2", Name: "Ana\tB"},
		},
	}
	got := Plausibility(c, today)
	want := []string{"client.name", "client.email", "client.dob", "client.representative.email", "household[0].dob", "household[1].name"}
	if len(got) != len(want) {
		t.Fatalf("Plausibility = %+v", got)
	}
	for i, p := range got {
		if p.Key != want[i] {
			t.Errorf("problem %d at %s, want %s", i, p.Key, want[i])
		}
	}
	// A change is refused only for what it adds.
	before := got[:2]
	if n := NewlyImplausible(before, got); len(n) != 4 || n[0].Key != "client.dob" {
		t.Errorf("NewlyImplausible = %+v", n)
	}
	if n := NewlyImplausible(got, got); len(n) != 0 {
		t.Errorf("NewlyImplausible of the same = %+v", n)
	}
}

// TestPlausibleUntil: the day PlausibleUntil gives is the first after
// today on which CheckDOB finds otherwise, found here by trying every
// day for 130 years.
func TestPlausibleUntil(t *testing.T) {
	d := func(s string) Date { return mustDate(t, s) }
	for _, tc := range []struct {
		today, dob string
		want       string // "" when no later day finds otherwise
	}{
		{"2026-06-15", "", ""},
		{"2026-06-15", "1984-05-01", "2104-05-02"},
		{"2026-06-15", "2026-06-15", "2146-06-16"}, // born today
		{"2026-06-15", "2026-06-16", "2026-06-16"}, // born tomorrow: in the future until then
		{"2026-06-15", "2099-01-01", "2099-01-01"},
		{"2026-06-15", "1906-06-15", "2026-06-16"}, // exactly 120: too old tomorrow
		{"2026-06-15", "1906-06-14", ""},           // too old already
		{"2026-06-15", "1899-12-31", ""},           // before 1900, always
		{"2026-06-15", "1908-02-29", "2028-03-01"}, // 29 February, leap year 120 years on
		{"2026-06-15", "1980-02-29", "2100-03-01"}, // 29 February, no 29 February 120 years on
		{"2027-02-28", "1907-02-28", "2027-03-01"},
	} {
		today := d(tc.today)
		var dob Date
		if tc.dob != "" {
			dob = d(tc.dob)
		}
		c := &Case{Client: Client{DOB: dob}}
		got, ok := PlausibleUntil(c, today)
		if (tc.want == "") == ok || ok && got.String() != tc.want {
			t.Errorf("PlausibleUntil(dob %s, today %s) = %s %v, want %q", tc.dob, tc.today, got, ok, tc.want)
		}
		// The first day that finds otherwise, by trying each.
		rule := func(day Date) string {
			if p := CheckDOB("client.dob", dob, day); p != nil {
				return p.Rule
			}
			return ""
		}
		brute := ""
		for day := today.AddDays(1); day.Before(today.AddDays(130 * 366)); day = day.AddDays(1) {
			if rule(day) != rule(today) {
				brute = day.String()
				break
			}
		}
		if brute != tc.want {
			t.Errorf("dob %s, today %s: CheckDOB first finds otherwise on %q, the table says %q", tc.dob, tc.today, brute, tc.want)
		}
	}
	// The earliest of everyone's: a household member born next month.
	c := &Case{Client: Client{DOB: d("1984-05-01")}, Household: []Member{{ID: "M1", DOB: d("2026-07-01")}, {ID: "M2"}}}
	if got, ok := PlausibleUntil(c, d("2026-06-15")); !ok || got.String() != "2026-07-01" {
		t.Errorf("PlausibleUntil of a household = %s %v", got, ok)
	}
}

// mustDate is the date s (YYYY-MM-DD).
func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
