package eligibility

import (
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

func intp(n int) *int { return &n }

func date(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCheck(t *testing.T) {
	on := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	over65 := casefile.Resource{ID: "home-care", MinAge: intp(65)}
	youth := casefile.Resource{ID: "youth-club", MinAge: intp(12), MaxAge: intp(17)}
	under5 := casefile.Resource{ID: "nursery", MaxAge: intp(4)}
	for _, tc := range []struct {
		name string
		r    casefile.Resource
		dob  string
		want Verdict
		msg  string
	}{
		{"no ages", casefile.Resource{ID: "food-bank"}, "2013-01-01", Fits, ""},
		{"no ages, no dob", casefile.Resource{ID: "food-bank"}, "", Fits, ""},
		{"13 for over 65", over65, "2013-01-01", Outside, "resource home-care is for ages 65 and over, and the client is younger"},
		{"65 today", over65, "1961-06-15", Fits, ""},
		{"65 tomorrow", over65, "1961-06-16", Outside, "younger"},
		{"12 today", youth, "2014-06-15", Fits, ""},
		{"12 tomorrow", youth, "2014-06-16", Outside, "resource youth-club is for ages 12 to 17, and the client is younger"},
		{"17, 18 tomorrow", youth, "2008-06-16", Fits, ""},
		{"18 today", youth, "2008-06-15", Outside, "resource youth-club is for ages 12 to 17, and the client is older"},
		{"4 for up to 4", under5, "2022-01-01", Fits, ""},
		{"5 for up to 4", under5, "2021-06-15", Outside, "resource nursery is for ages up to 4, and the client is older"},
		{"born on 29 February", casefile.Resource{ID: "r", MinAge: intp(18)}, "2008-02-29", Fits, ""},
		{"no dob", over65, "", Unknown, "the client's date of birth is not recorded, so the ages of resource home-care (65 and over) were not checked"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Person{Who: "the client"}
			if tc.dob != "" {
				p.DOB = date(tc.dob)
			}
			got, msg := Check(tc.r, p, on)
			if got != tc.want || !strings.Contains(msg, tc.msg) || (tc.msg == "") != (msg == "") {
				t.Errorf("got %v %q, want %v %q", got, msg, tc.want, tc.msg)
			}
			if tc.dob != "" && strings.Contains(msg, tc.dob) {
				t.Errorf("message names the date of birth: %q", msg)
			}
		})
	}
}

func TestRangeAndCheckRange(t *testing.T) {
	for _, tc := range []struct {
		min, max *int
		text     string
		err      string
	}{
		{nil, nil, "", ""},
		{intp(12), intp(100), "12 to 100", ""},
		{intp(65), nil, "65 and over", ""},
		{nil, intp(17), "up to 17", ""},
		{intp(0), intp(0), "0 to 0", ""},
		{intp(18), intp(17), "18 to 17", "min_age 18 is above max_age 17"},
		{intp(-1), nil, "-1 and over", "min_age -1 is negative"},
		{nil, intp(-2), "up to -2", "max_age -2 is negative"},
	} {
		if got := Range(casefile.Resource{MinAge: tc.min, MaxAge: tc.max}); got != tc.text {
			t.Errorf("Range = %q, want %q", got, tc.text)
		}
		err := CheckRange(tc.min, tc.max)
		if (err == nil) != (tc.err == "") || err != nil && err.Error() != tc.err {
			t.Errorf("CheckRange = %v, want %q", err, tc.err)
		}
	}
}

func TestPersonFor(t *testing.T) {
	c := &casefile.Case{ID: "C-1", Client: casefile.Client{DOB: date("1950-01-01")}, Household: []casefile.Member{
		{ID: "M1", DOB: date("2013-01-01")},
		{ID: "M2", Removed: &casefile.Ended{At: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}},
	}}
	if p, err := PersonFor(c, ""); err != nil || p.Who != "the client" || p.Member != "" || p.DOB != c.Client.DOB {
		t.Errorf("client: %+v %v", p, err)
	}
	if p, err := PersonFor(c, "m1"); err != nil || p.Who != "member M1" || p.Member != "M1" || p.DOB != date("2013-01-01") {
		t.Errorf("member: %+v %v", p, err)
	}
	if _, err := PersonFor(c, "M2"); err == nil || !strings.Contains(err.Error(), "household member M2 was removed from the household on 2026-01-02") {
		t.Errorf("removed member: %v", err)
	}
	if _, err := PersonFor(c, "M9"); err == nil || !strings.Contains(err.Error(), `case C-1 has no household member "M9"`) {
		t.Errorf("unknown member: %v", err)
	}
}

func TestOnAndOverride(t *testing.T) {
	now := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	if got := On(casefile.Action{}, now); !got.Equal(now) {
		t.Errorf("a task is judged today, got %v", got)
	}
	if got := On(casefile.Action{Start: date("2026-09-01")}, now); !got.Equal(date("2026-09-01").Time()) {
		t.Errorf("a service is judged on its start, got %v", got)
	}
	h := Override(casefile.Action{ID: "A3", Resource: "home-care"}, Person{Who: "member M1", Member: "M1"}, now, "w-ana", "respite for the carer")
	want := casefile.HistoryEntry{At: now, By: "w-ana", Kind: casefile.HistoryEligibilityOverride, Action: "A3", With: "home-care", For: "M1", Reason: "respite for the carer"}
	if h != want {
		t.Errorf("override entry %+v", h)
	}
}
