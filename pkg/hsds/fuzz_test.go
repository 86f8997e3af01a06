package hsds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/casework/casework/pkg/casefile"
)

// checkResources turns every service read into a resource, as `resource
// import` does, and checks that each resource made saves and loads back
// as itself: nothing imported can make a file casework cannot read.
func checkResources(t *testing.T, services []Service) {
	for _, s := range services {
		var r casefile.Resource
		if _, err := Apply(s, &r, Options{DefaultCategory: "other", Today: casefile.NewDate(time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))}); err != nil {
			continue
		}
		doc, err := casefile.NewDocument(&r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := doc.Marshal(&r); err != nil {
			t.Fatalf("imported resource does not save: %v\n%+v", err, r)
		}
	}
}

// FuzzReadJSON feeds any bytes to the HSDS JSON reader.
func FuzzReadJSON(f *testing.F) {
	jsons, _ := filepath.Glob("testdata/examples/*.json")
	for _, name := range jsons {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`[{"id":"a","name":"b","status":"active","cost_options":[{"amount":1e308,"amount_description":"per \u0000"}]}]`))
	f.Add([]byte(`{"contents":null}`))
	f.Add([]byte(`{"id":"x\xff","name":"\u001b[2J","status":"active"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		services, err := ReadJSON("services.json", data)
		if err != nil {
			return
		}
		checkResources(t, services)
	})
}

// FuzzReadPackage feeds any services.csv and organizations.csv to the
// HSDS tabular reader.
func FuzzReadPackage(f *testing.F) {
	svc, _ := os.ReadFile("testdata/examples/csv/services.csv")
	org, _ := os.ReadFile("testdata/examples/csv/organizations.csv")
	f.Add(svc, org)
	f.Add([]byte("id,name,status\n\"a\nb\",x,active\n"), []byte("id,name\n"))
	f.Add([]byte("\ufeffid,name,status,organization_id\na,b,active,o\n"), []byte("id,name\no,\"q\"\"\"\n"))
	f.Add([]byte("id,name,status\na,\xff,active\n"), []byte("id,name\n"))
	f.Fuzz(func(t *testing.T, services, orgs []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "services.csv"), services, 0o600)
		os.WriteFile(filepath.Join(dir, "organizations.csv"), orgs, 0o600)
		got, err := ReadPackage(dir)
		if err != nil {
			if strings.Contains(err.Error(), dir) {
				t.Fatalf("message names the temporary directory: %v", err)
			}
			return
		}
		checkResources(t, got)
	})
}

// FuzzReadPackageTables replaces one table of the example data package
// (the n-th, by name) with any bytes: the joins of the optional tables
// (phones, cost options, contacts, locations, …) meet what they read.
func FuzzReadPackageTables(f *testing.F) {
	names, _ := filepath.Glob("testdata/examples/csv/*.csv")
	for i, name := range names {
		data, _ := os.ReadFile(name)
		f.Add(uint8(i), data)
	}
	f.Add(uint8(3), []byte("id,service_id,valid_from,valid_to,amount\nc,ac148810-d857-441c-9679-408f346de14b,2026-13-01,,NaN\n"))
	f.Fuzz(func(t *testing.T, n uint8, data []byte) {
		dir := t.TempDir()
		for _, name := range names {
			src, _ := os.ReadFile(name)
			os.WriteFile(filepath.Join(dir, filepath.Base(name)), src, 0o600)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(names[int(n)%len(names)])), data, 0o600)
		got, err := ReadPackage(dir)
		if err != nil && strings.Contains(err.Error(), dir) {
			t.Fatalf("message names the temporary directory: %v", err)
		}
		checkResources(t, got)
	})
}
