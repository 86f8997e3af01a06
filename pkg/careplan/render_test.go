package careplan

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// TestRenderOutputIsCapped: a runaway template stops at MaxOutput with a
// clear error, instead of writing 171 MB.
func TestRenderOutputIsCapped(t *testing.T) {
	src := Source{Label: "templates/", FS: fstest.MapFS{
		"big.md.tmpl":   {Data: []byte("{{range 3000000}}line of the care plan, over and over again, forever{{end}}")},
		"small.md.tmpl": {Data: []byte("{{range 3}}x{{end}}")},
	}}
	start := time.Now()
	_, err := Render("big", nil, src)
	if err == nil || !strings.Contains(err.Error(), "template templates/big.md.tmpl writes more than 4194304 bytes, the limit for a rendered document") {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the cap took %v to stop the template", d)
	}
	out, err := Render("small", nil, src)
	if err != nil || string(out) != "xxx\n" {
		t.Fatalf("small template: %q, %v", out, err)
	}
}

// TestParseOnceRendersAsRender: a template parsed once and executed over
// many cases in parallel (render --all) gives each case exactly what
// Render gives it alone.
func TestParseOnceRendersAsRender(t *testing.T) {
	inputs := []Input{fixture(t), closed(t, fixture(t))}
	redacted := fixture(t)
	redacted.Redact = true
	inputs = append(inputs, redacted)
	for _, name := range []string{"careplan", "case-summary", "closure"} {
		tmpl, err := Parse(name, builtin)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for i, in := range inputs {
			data, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			want, wantErr := Render(name, data, builtin)
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					got, err := tmpl.Execute(data)
					if string(got) != string(want) || (err == nil) != (wantErr == nil) {
						t.Errorf("%s, input %d: parsed once gave %q, %v; Render gave %q, %v", name, i, got, err, want, wantErr)
					}
				}()
			}
		}
		wg.Wait()
	}
	if _, err := Parse("nope", builtin); err == nil {
		t.Error("Parse of an unknown template did not fail")
	}
}
