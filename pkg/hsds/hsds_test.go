package hsds

import (
	"os"
	"strings"
	"testing"

	"github.com/casework/casework/pkg/casefile"
)

func TestReadPackage(t *testing.T) {
	services, err := ReadPackage("testdata/package")
	if err != nil {
		t.Fatal(err)
	}
	if len(services) != 4 {
		t.Fatalf("%d services, want 4", len(services))
	}
	want := []casefile.Resource{
		{ID: "ac148810-d857-441c-9679-408f346de14b", Name: "Food Bank", Category: "food", Provider: "Northside Churches",
			Contact:     "foodbank@northside-churches.example; https://northside-churches.example; 0161 496 0000",
			Eligibility: "Families on low income, referred by an agency. Fees: Free", Status: "active", Source: "hsds"},
		{ID: "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Name: "Housing advice", Category: "service", Provider: "City Council",
			Contact: "https://council.example/housing; 0161 496 0999", Eligibility: "Residents of the city", Status: "temporarily closed", Source: "hsds"},
		{ID: "6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e", Name: "Home care", Category: "health", Provider: "City Council", Cost: 22.5, Per: "hour",
			Contact: "https://council.example; 0161 496 0999", Eligibility: "Over 65. Prices: 22.50 GBP per hour; 30.00 GBP per hour (Evenings and weekends)", Status: "active", Source: "hsds"},
		{ID: "7c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f", Name: "Old lunch club", Category: "service", Provider: "Northside Churches",
			Contact: "hello@northside-churches.example; https://northside-churches.example", Status: "defunct", Source: "hsds"},
	}
	for i, s := range services {
		got, err := Resource(s, "service")
		if err != nil {
			t.Fatal(err)
		}
		if got != want[i] {
			t.Errorf("service %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
	if services[2].Where != "services.csv:4" {
		t.Errorf("where = %q", services[2].Where)
	}
}

func TestReadJSONMatchesPackage(t *testing.T) {
	data, err := os.ReadFile("testdata/services.json")
	if err != nil {
		t.Fatal(err)
	}
	services, err := ReadJSON("services.json", data)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _ := ReadPackage("testdata/package")
	fromJSON, _ := Resource(services[0], "service")
	fromCSV, _ := Resource(pkg[0], "service")
	if len(services) != 1 || fromJSON != fromCSV {
		t.Errorf("JSON gives %+v\nCSV gives %+v", fromJSON, fromCSV)
	}
	// a bare list and a single object read too.
	for _, in := range []string{`[{"id":"x","name":"X","status":"active"}]`, `{"id":"x","name":"X","status":"active"}`} {
		if s, err := ReadJSON("s.json", []byte(in)); err != nil || len(s) != 1 || s[0].ID != "x" {
			t.Errorf("%s: %v %v", in, s, err)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(dir+"/"+name, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ReadPackage(dir); err == nil || !strings.Contains(err.Error(), "services.csv: cannot read") {
		t.Errorf("no services.csv: %v", err)
	}
	write("services.csv", "id,name\n")
	if _, err := ReadPackage(dir); err == nil || !strings.Contains(err.Error(), `services.csv:1: no "status" column`) {
		t.Errorf("no status column: %v", err)
	}
	write("services.csv", "id,organization_id,name,status\ns1,o9,Food,active\n")
	write("organizations.csv", "id,name\no1,Org\n")
	if _, err := ReadPackage(dir); err == nil || !strings.Contains(err.Error(), `services.csv:2: organization_id "o9" is not in organizations.csv`) {
		t.Errorf("unknown organization: %v", err)
	}
	for _, tc := range []struct {
		s    Service
		want string
	}{
		{Service{Name: "X", Status: "active", Where: "w"}, "w: the service has no id"},
		{Service{ID: "x", Status: "active", Where: "w"}, "service x has no name"},
		{Service{ID: "x", Name: "X", Status: "closed", Where: "w"}, `status "closed"`},
	} {
		if _, err := Resource(tc.s, "service"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
	if _, err := ReadJSON("s.json", []byte("nope")); err == nil {
		t.Error("garbage read as JSON")
	}
}
