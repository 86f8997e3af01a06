package hsds

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

// The fixture, testdata/examples, follows the layout and field names of
// the examples in openreferral/specification (examples/*.json and
// examples/csv/*.csv): one service, Community Counselling, whose cost
// option of the examples (35 GBP, under 18s and over 60s) expired on
// 2022-12-31; the fixture adds the standard rate its fees text names (50
// GBP from 2023-01-01), so that the choice between them is tested.

var today = mustDate("2026-06-15")

func mustDate(s string) casefile.Date {
	d, err := casefile.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func intp(n int) *int { return &n }

// counselling is the resource the full records give.
var counselling = casefile.Resource{
	ID: "ac148810-d857-441c-9679-408f346de14b", Name: "Community Counselling", Category: "counselling",
	Provider: "Example Organization Inc.", Cost: 50, Per: "1 hour session", Currency: "GBP",
	Prices:    []string{"35.00 GBP per 1 hour session (Under 18s and Over 60s; 2020-01-01 to 2022-12-31; expired)"},
	Fees:      "Non-NHS patients are expected to pay for their counselling sessions. We charge a flat rate per hour of counselling. The current rate is £50 per hour. Please see our website for up to date prices.",
	Contact:   "email@example.com; http://example.com/counselling; +44 1234 234567 ext. 100",
	Phones:    []casefile.ResourcePhone{{Number: "+44 1234 234567", Extension: "100", Type: "voice", Languages: []string{"Urdu"}}},
	Person:    &casefile.ResourcePerson{Name: "Ann Persona", Title: "Reception Manager", Department: "Reception", Email: "email@example.com", Phone: "+44 1234 234567 ext. 100"},
	Locations: []casefile.ResourceLocation{{Name: "MyCity Civic Center", Address: "1-30 Main Street, MyVillage, MyCity, MyRegion, MyState, ABC 1234, US"}},
	Languages: []string{"Urdu"},
	Application: "If you are an NHS patient please ask your GP for a referral letter, we will then be in touch with you directly. " +
		"If you are not an NHS patient you should ring our reception to arrange an appointment",
	MinAge: intp(12), MaxAge: intp(100),
	Eligibility: "This service is intended for all people aged 12 and over who require counselling services in the MyCity area",
	Status:      "active", Source: "hsds",
}

// summary is what a summary record (service_list.json,
// service_simple.json) gives: no phones, cost options, contacts,
// locations, languages or taxonomy.
func summary() casefile.Resource {
	r := counselling
	r.Category, r.Cost, r.Per, r.Currency, r.Prices = "service", 0, "", "", nil
	r.Contact = "email@example.com; http://example.com/counselling"
	r.Phones, r.Person, r.Locations, r.Languages = nil, nil, nil, nil
	return r
}

// read reads one example: a JSON file, or the csv directory.
func read(t *testing.T, name string) ([]Service, error) {
	t.Helper()
	path := filepath.Join("testdata/examples", name)
	if name == "csv" {
		return ReadPackage(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ReadJSON(name, data)
}

func TestExamples(t *testing.T) {
	for _, tc := range []struct {
		file     string
		want     *casefile.Resource // nil: refused
		warnings int
		refused  string
	}{
		{file: "csv", want: &counselling, warnings: 1},
		{file: "service_full.json", want: &counselling, warnings: 1},
		{file: "organization_full.json", want: &counselling, warnings: 1},
		{file: "service_at_location_full.json", want: &counselling, warnings: 1},
		{file: "tabular.json", want: &counselling, warnings: 1},
		{file: "service_simple.json", want: ptr(summary())},
		{file: "service_list.json", want: ptr(summary())},
		{file: "organization_simple.json", refused: "organization_simple.json:1: an HSDS organization without its services"},
		{file: "organization_list.json", refused: "organization_list.json:10: an HSDS organization without its services"},
		{file: "location.json", refused: "location.json:1: an HSDS location, not a service"},
		{file: "taxonomy_term.json", refused: "taxonomy_term.json:1: an HSDS taxonomy term, not a service"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			services, err := read(t, tc.file)
			if tc.refused != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.refused) {
					t.Fatalf("got %v, want %q", err, tc.refused)
				}
				return
			}
			if err != nil || len(services) != 1 {
				t.Fatalf("%d services, %v", len(services), err)
			}
			var got casefile.Resource
			warnings, err := Apply(services[0], &got, Options{DefaultCategory: "service", Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, *tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, *tc.want)
			}
			if len(warnings) != tc.warnings {
				t.Errorf("warnings %q, want %d", warnings, tc.warnings)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// A summary list never erases what a full record gave.
func TestSummaryKeepsFullRecord(t *testing.T) {
	full, _ := read(t, "service_full.json")
	list, _ := read(t, "service_list.json")
	var r casefile.Resource
	opts := Options{DefaultCategory: "service", Today: today}
	if _, err := Apply(full[0], &r, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(list[0], &r, opts); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, counselling) {
		t.Errorf("after the summary list:\n got %+v\nwant %+v", r, counselling)
	}
	// a full record with no cost options (an empty list) does clear them.
	none := full[0]
	none.CostOptions = []CostOption{}
	if _, err := Apply(none, &r, opts); err != nil || r.Cost != 0 || r.Prices != nil || r.Currency != "" {
		t.Errorf("empty cost options kept cost %v %q %q (%v)", r.Cost, r.Currency, r.Prices, err)
	}
}

func TestCostChoice(t *testing.T) {
	amount := func(f float64) *float64 { return &f }
	standard := CostOption{ID: "std", Currency: "gbp", Amount: amount(50), AmountDescription: "per session"}
	for _, tc := range []struct {
		name     string
		options  []CostOption
		cost     float64
		currency string
		prices   int
		warnings int
	}{
		{"none", nil, 0, "", 0, 0},
		{"one current", []CostOption{standard}, 50, "GBP", 0, 0},
		{"expired only", []CostOption{{ID: "old", ValidTo: mustDate("2026-06-14"), Amount: amount(35)}}, 0, "", 1, 1},
		{"valid to today", []CostOption{{ID: "last", ValidTo: mustDate("2026-06-15"), Amount: amount(35), Currency: "EUR"}}, 35, "EUR", 0, 0},
		{"valid from today", []CostOption{{ID: "first", ValidFrom: mustDate("2026-06-15"), Amount: amount(36)}}, 36, "", 0, 0},
		{"not yet valid", []CostOption{{ID: "new", ValidFrom: mustDate("2026-06-16"), Amount: amount(60)}, standard}, 50, "GBP", 1, 1},
		{"conditional by option text", []CostOption{{ID: "kids", Option: "Under 18s", Amount: amount(10)}, standard}, 50, "GBP", 1, 1},
		{"conditional by attributes", []CostOption{{ID: "c", Conditions: 1, Amount: amount(10)}, standard}, 50, "GBP", 1, 1},
		{"second unconditional kept as text", []CostOption{standard, {ID: "two", Amount: amount(70)}}, 50, "GBP", 1, 0},
		{"no amount", []CostOption{{ID: "free", AmountDescription: "Free for residents"}}, 0, "", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Service{ID: "s", Name: "S", Status: StatusActive, CostOptions: tc.options, Where: "w"}
			if tc.options == nil {
				s.CostOptions = []CostOption{}
			}
			var r casefile.Resource
			warnings, err := Apply(s, &r, Options{DefaultCategory: "service", Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if r.Cost != tc.cost || r.Currency != tc.currency || len(r.Prices) != tc.prices || len(warnings) != tc.warnings {
				t.Errorf("cost %v %q, prices %q, warnings %q", r.Cost, r.Currency, r.Prices, warnings)
			}
		})
	}
}

func TestAges(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		name     string
		min, max *float64
		wantMin  *int
		wantMax  *int
		warnings int
		err      string
	}{
		{name: "none"},
		{name: "both", min: f(12), max: f(100), wantMin: intp(12), wantMax: intp(100)},
		{name: "same", min: f(18), max: f(18), wantMin: intp(18), wantMax: intp(18)},
		{name: "fractions rounded inwards", min: f(0.5), max: f(17.5), wantMin: intp(1), wantMax: intp(17), warnings: 2},
		{name: "min above max", min: f(65), max: f(18), err: "min_age 65 is above max_age 18"},
		{name: "negative", min: f(-1), err: "min_age -1 is negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Service{ID: "s", Name: "S", Status: StatusActive, MinimumAge: tc.min, MaximumAge: tc.max, Where: "w"}
			var r casefile.Resource
			warnings, err := Apply(s, &r, Options{Today: today})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(r.MinAge, tc.wantMin) || !reflect.DeepEqual(r.MaxAge, tc.wantMax) || len(warnings) != tc.warnings {
				t.Errorf("min %v max %v warnings %q err %v", r.MinAge, r.MaxAge, warnings, err)
			}
		})
	}
}

// lines returns the lines of a joined error.
func lines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestJSONErrorsAllListed(t *testing.T) {
	in := `{
  "contents": [
    {"id": "a", "name": "A", "status": "active",
     "minimum_age": "twelve"},
    {"id": "b", "name": "B", "status": "active",
     "cost_options": [
       {"id": "c1", "valid_from": "2020-13-01", "amount": "lots"}
     ]},
    {"id": "c", "name": ["C"], "status": "active"},
    {"latitude": 1, "location_type": "physical"},
    42
  ]
}`
	_, err := ReadJSON("page.json", []byte(in))
	want := []string{
		`page.json:4: "minimum_age" should be a number, not "twelve"`,
		`page.json:7: "valid_from" is "2020-13-01", not a date YYYY-MM-DD`,
		`page.json:7: "amount" should be a number, not "lots"`,
		`page.json:9: "name" is a list; it should be text`,
		`page.json:10: an HSDS location, not a service`,
		`page.json:11: expected an HSDS service (an object with id, name and status), found a number`,
	}
	got := lines(err)
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestJSONShapesAndSyntax(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[{\"id\": \"x\",\n \"name\": ", "s.json:2:10: not valid JSON: the file ends in the middle of a value"},
		{"{\"id\": \"x\" \"name\": 1}", "s.json:1:12: not valid JSON"},
		{"[] []", "s.json:1:4: more JSON after the end"},
		{`"text"`, "s.json:1: not HSDS JSON: expected an object or a list of services, found text"},
		{`{"contents": {}}`, `s.json:1: "contents" is an object`},
		{`{"service": [{"id": "s", "name": "S", "status": "active", "organization_id": "o"}], "organization": []}`, `s.json:1: organization_id "o" is not in the organization table`},
		{`{"service": [], "phone": []}`, `s.json:1: tabular JSON without the "organization" table`},
		{`{"organization": []}`, `s.json:1: tabular JSON without the "service" table`},
		{`{"service": [{"id": "s", "name": {"x": 1}}], "organization": []}`, `s.json:1: "name" in the service table is an object; tabular JSON holds flat values`},
		{`{"id": "x", "name": "X"}`, "s.json:1: not an HSDS service, organization or service at location"},
		{`{"id": "x", "name": "X", "status": "active", "cost_options": [{"id": "c", "amount": 2e12}]}`, `s.json:1: "amount" "2e12" is more than 1,000,000,000,000`},
		{strings.Repeat("[", 100), "s.json:1:65: nested more than 64 levels deep"},
		{`{"version": "3.0", "profile": "https://path/to/profile", "openapi_url": "https://example.org/openapi.json"}`, "s.json:1: an HSDS API root (version, profile, openapi_url), not a service"},
		{`{"id": "t", "name": "name", "description": "d", "uri": "http://example.com", "version": "version"}`, "s.json:1: an HSDS taxonomy, not a service"},
		{`{"contents": [{"id": "t", "code": "code", "name": "name", "parent_id": "p"}]}`, "s.json:1: an HSDS taxonomy term, not a service"},
	} {
		_, err := ReadJSON("s.json", []byte(tc.in))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.in, err, tc.want)
		}
	}
	// a bare list, a page, a page of services at locations read too.
	for _, in := range []string{`[{"id":"x","name":"X","status":"active"}]`, `{"contents":[{"id":"x","name":"X","status":"active"}]}`, `{"id":"x","name":"X","status":"active"}`,
		`{"contents":[{"id":"sal","location":{"id":"l","name":"Hall"},"service":{"id":"x","name":"X","status":"active"}}]}`} {
		if s, err := ReadJSON("s.json", []byte(in)); err != nil || len(s) != 1 || s[0].ID != "x" || s[0].Where != "s.json:1" {
			t.Errorf("%s: %+v %v", in, s, err)
		}
	}
}

func TestPackageErrorsAllListed(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ReadPackage(dir); err == nil || !strings.Contains(err.Error(), "services.csv: cannot read: no such file or directory") {
		t.Errorf("no services.csv: %v", err)
	}
	write("service.csv", "id,name\n")
	write("organization.csv", "id,name\no1,Org\n")
	if _, err := ReadPackage(dir); err == nil || !strings.HasPrefix(err.Error(), `service.csv:1: no "status" column`) {
		t.Errorf("no status column (singular file name): %v", err)
	}
	write("service.csv", "id,organization_id,name,status,minimum_age\ns1,o9,Food,active,\ns2,o1,Rent,active,ten\ns3,o1,\"Bad \"quote\",active,\n")
	write("cost_option.csv", "id,service_id,valid_from,valid_to,amount\nc1,s1,2020-01-01,soon,5\nc2,s2,,,£5\nc3,s2,,,-5\nc4,s2,,,1e13\n")
	_, err := ReadPackage(dir)
	want := []string{
		`service.csv:4:12: a quote (") is missing or out of place`,
		`cost_option.csv:2: valid_to "soon" is not a date YYYY-MM-DD`,
		`cost_option.csv:3: amount "£5" is not a number`,
		`cost_option.csv:4: amount "-5" must not be negative`,
		`cost_option.csv:5: amount "1e13" is more than 1,000,000,000,000`,
		`service.csv:2: organization_id "o9" is not in organization.csv`,
		`service.csv:3: minimum_age "ten" is not a number`,
	}
	got := lines(err)
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		s    Service
		want string
	}{
		{Service{Name: "X", Status: "active", Where: "w"}, "w: the service has no id"},
		{Service{ID: "x", Status: "active", Where: "w"}, `w: service "x" has no name`},
		{Service{ID: "x", Name: "X", Where: "w"}, `w: service "x" has status ""; HSDS 3.0 statuses are active, inactive, defunct, temporarily closed`},
	} {
		if err := Check(tc.s); err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}

func TestAmountsMustBeFiniteAndNotNegative(t *testing.T) {
	for _, in := range []string{`"NaN"`, `"Inf"`, `-5`, `"1e400"`} {
		doc := `{"id":"s","name":"S","status":"active","cost_options":[{"id":"c","amount":` + in + `}]}`
		services, err := ReadJSON("s.json", []byte(doc))
		if err == nil || !strings.Contains(err.Error(), `"amount"`) {
			t.Errorf("amount %s: %v", in, err)
		}
		if len(services) == 1 && len(services[0].CostOptions) == 1 && services[0].CostOptions[0].Amount != nil {
			t.Errorf("amount %s was read as %v", in, *services[0].CostOptions[0].Amount)
		}
	}
}
