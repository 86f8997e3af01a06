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
	d := func(s string) Date {
		dd, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return dd
	}
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
