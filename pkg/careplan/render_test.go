package careplan

import (
	"strings"
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
