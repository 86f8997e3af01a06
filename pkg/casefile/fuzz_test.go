package casefile

import (
	"bytes"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// FuzzCaseRoundTrip checks that any input either fails to load with an
// error, or loads, re-encodes, and loads again to the same data: decode →
// encode → decode is stable, formatting converges, and nothing panics.
func FuzzCaseRoundTrip(f *testing.F) {
	f.Add([]byte(handEdited))
	f.Add([]byte("id: x\nclient: {name: A, dob: 2020-02-29}\nhistory: [{at: 2026-01-01T00:00:00Z, by: a, to: intake}]\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("id: 1\nid: 2\n"))
	f.Add([]byte("plan:\n  budget: 1e400\n"))
	f.Add([]byte("- x\n"))
	f.Add([]byte("id: \"\\u00e9\"\n# comment\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("f.yaml", data)
		if err != nil {
			return
		}
		var c Case
		if errs := doc.Decode(&c); len(errs) > 0 {
			return
		}
		out, err := doc.Marshal(&c)
		if err != nil {
			t.Fatalf("loaded file does not save: %v\ninput: %q", err, data)
		}
		doc2, err := Parse("f.yaml", out)
		if err != nil {
			t.Fatalf("saved file does not parse: %v\n%s", err, out)
		}
		var c2 Case
		if errs := doc2.Decode(&c2); len(errs) > 0 {
			t.Fatalf("saved file does not load: %v\n%s", errs, out)
		}
		a, _ := yaml.Marshal(&c)
		b, _ := yaml.Marshal(&c2)
		if !bytes.Equal(a, b) {
			t.Fatalf("round trip changed the data:\n%s\n---\n%s", a, b)
		}
		// Formatting converges: yaml.v3 may move a comment once, after
		// which saving again changes nothing.
		out2, err := doc2.Marshal(&c2)
		if err != nil {
			t.Fatal(err)
		}
		doc3, err := Parse("f.yaml", out2)
		if err != nil {
			t.Fatal(err)
		}
		var c3 Case
		if errs := doc3.Decode(&c3); len(errs) > 0 {
			t.Fatal(errs)
		}
		out3, err := doc3.Marshal(&c3)
		if err != nil || !bytes.Equal(out2, out3) {
			t.Fatalf("saving does not converge (err %v):\n%s\n---\n%s", err, out2, out3)
		}
	})
}

// FuzzParseTimeAndDate checks the fast paths of ParseTime and ParseDate
// against time.Parse: the same inputs are accepted, as the same instants.
func FuzzParseTimeAndDate(f *testing.F) {
	for _, s := range []string{"2026-03-02T09:00:00Z", "2024-02-29T23:59:59Z", "2026-02-29T10:00:00Z", "2026-01-01T23:59:60Z", "2026-03-02", "2100-02-29", "1899-12-31T00:00:00Z", "2026-03-02T09:00:00.5+01:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ref, refErr := time.Parse(time.RFC3339, s)
		refOK := refErr == nil && isTimeShape(s) && ref.Year() >= 1900
		got, err := ParseTime(s)
		if (err == nil) != refOK || (refOK && (!got.Equal(ref) || got.String() != ref.String())) {
			t.Fatalf("ParseTime(%q) = %v, %v; time.Parse gives %v, ok=%v", s, got, err, ref, refOK)
		}
		refDate, refErr := time.Parse(DateLayout, s)
		refOK = refErr == nil && shaped(s, "9999-99-99") && refDate.Year() >= 1800
		date, err := ParseDate(s)
		if (err == nil) != refOK || (refOK && date.Time() != refDate) {
			t.Fatalf("ParseDate(%q) = %v, %v; time.Parse gives %v, ok=%v", s, date, err, refDate, refOK)
		}
	})
}
