package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// canaryCase holds a unique value in every identifying field of every
// person of the case (client, representative, household member, informal
// and professional network), and the same values spelled differently in
// its free text: parts of names without accents, with a title, a street
// without its number, the dates of birth in other layouts, the phone
// numbers grouped otherwise. %s is the case ID, %p the phase.
const canaryCase = `id: %s
opened: 2026-01-12
phase: %p
worker: w-ana
client:
  name: Zoë Brontë-Ng
  dob: 1961-07-13
  gender: quillgender
  phone: +44 20 7946 0958
  email: zoe.bronte@mailcanary.example
  address: 14 Plumtree Crescent, Wobbleton
  language: Quenya
  representative:
    name: Ignatius Vorwerk
    relationship: godfather
    phone: 07700 900123
    email: iggy@vorwerkmail.example
referral:
  source: Mr Ng's GP at Wobbleton
  date: 2026-01-08
  reason: Zoe Bronte (born 13/07/1961) faces eviction from Plumtree Crescent; call 020 7946 0958.
household:
  - id: M1
    name: Xanthe Quillfeather
    relationship: daughter
    dob: 2011-03-04
    lives_with: true
    phone: 07700 900456
network:
  - id: N1
    name: Bartholomew Okonkwo-Tsai
    kind: informal
    relationship: neighbour
    contact: bart@okonmail.example
    provides: [practical]
    strength: strong
  - id: N2
    name: Persephone Lindqvist
    kind: professional
    relationship: GP
    organisation: Northside Food Bank
    contact: 07700 900789
history:
  - at: 2026-01-12T10:00:00Z
    by: w-ana
    to: intake
    reason: Ms Bronte-Ng rang, born 13 Jul 1961
  - at: 2026-01-19T10:00:00Z
    by: w-ana
    from: intake
    to: implementation
    reason: Xanthe and Mr Vorwerk came too; Bartholomew helps
assessments:
  - at: 2026-01-26T11:00:00Z
    by: w-ana
    instrument: ssm
    strengths:
      - Zoe keeps every appointment; Ms Quillfeather (her daughter, 04/03/2011) is close
    scores:
      housing: 1
    needs:
      - domain: housing
        priority: high
        text: Eviction from 14 Plumtree Crescent by July 13, 1961 (sic); Okonkwo says so
    level: intensive
risks:
  - at: 2026-01-27T10:00:00Z
    by: w-ana
    level: high
    reason: Persephone Lindqvist worried about Mrs Ng
    safety_plan: Stay with Ignatius; ring 07700 900123
plan:
  goals:
    - id: G1
      text: Zoe and Xanthe keep their home in Wobbleton
      domain: housing
      status: in-progress
      actions:
        - id: A1
          text: Food parcels for Brontë-Ng family
          resource: food-bank
          responsible: Bart Okonkwo
          due: 2026-03-20
          status: active
reviews:
  - at: 2026-02-16T10:00:00Z
    by: w-ana
    note: Met Zoe Bronte at Plumtree Crescent; Tsai and Lindqvist there; July 13, 1961 checked
    confidential_note: Mr Vorwerk saw Ms Ng on 13/07/1961 (sic) near Wobbleton; zoe.bronte@mailcanary.example
    next: 2026-03-16
`

// canaries are what must never appear in a redacted output, as folded
// whole words: every part of every name, the address, the dates of birth
// (the years stand for every layout), the e-mail domains and the phone
// numbers' distinctive digits, the gender and language. ("Bart", a
// nickname the case never records as a name, is not one: redaction
// cannot know it, as docs/care-plans.md says.)
var canaries = []string{
	"zoe", "bronte", "ng", "ignatius", "vorwerk", "xanthe", "quillfeather", "bartholomew", "okonkwo",
	"tsai", "persephone", "lindqvist", "plumtree", "wobbleton", "1961", "2011", "quillgender", "quenya", "godfather",
	"mailcanary", "vorwerkmail", "okonmail", "7946", "0958", "900123", "900456", "900789",
}

// fold lower-cases s and removes accents.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, _ := transform.String(t, s)
	return strings.ToLower(out)
}

// TestRedactCanary plants the canary case, closed and open, and checks
// every output that offers --redact: render (every template but the
// referral, which cannot be redacted), export fhir, export csv and log.
// None may hold a canary; without --redact they do, so the test can fail.
func TestRedactCanary(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("CASEWORK_NOW", "2026-03-02T09:00:00Z")
	t.Setenv("CASEWORK_USER", "w-ana")
	t.Setenv("HOME", dir)
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Main(args, strings.NewReader(""), &out, &errOut); code != 0 {
			t.Fatalf("casework %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
		}
		return out.String() + errOut.String()
	}
	run("init", "--agency", "Northside Family Services", ".")
	write := func(path, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("workers/w-ana.yaml", "id: w-ana\nname: Ana Ruiz\nfte: 1\n")
	write("resources/food-bank.yaml", "id: food-bank\nname: Northside Food Bank\ncategory: food\nprovider: Northside Food Bank\n")
	write("cases/C-1/case.yaml", strings.NewReplacer("%s", "C-1", "%p", "implementation").Replace(canaryCase))
	write("cases/C-2/case.yaml", strings.NewReplacer("%s", "C-2", "%p", "closed").Replace(canaryCase)+
		"closure:\n  at: 2026-02-20T10:00:00Z\n  reason: other\n  evaluation: Zoe Bronte moved from Plumtree Crescent; Xanthe stays with Mr Vorwerk (born 13 Jul 1961?)\n")
	for _, c := range []string{"C-1", "C-2"} {
		run("note", c, "Rang Zoe Bronte on 020 7946 0958 about Xanthe Quillfeather, born 04/03/2011; Mr Okonkwo-Tsai and Dr Lindqvist at 14 Plumtree Crescent", "--kind", "call")
		run("note", c, "Mr Vorwerk: 13 Jul 1961, July 13, 1961, 13/07/1961", "--confidential")
	}
	outputs := map[string]string{}
	for _, c := range []string{"C-1", "C-2"} {
		for _, tmpl := range []string{"careplan", "case-summary", "closure"} {
			if tmpl == "closure" && c == "C-1" {
				continue
			}
			outputs["render "+c+" "+tmpl] = run("render", c, "--template", tmpl, "--redact")
		}
		outputs["export fhir "+c] = run("export", "fhir", c, "--redact")
		outputs["log "+c] = run("log", c, "--redact", "-o", "json")
	}
	outputs["export csv"] = run("export", "csv", "--redact")
	words := regexp.MustCompile(`[\pL\pN]+`)
	for name, out := range outputs {
		found := map[string]bool{}
		for _, w := range words.FindAllString(fold(out), -1) {
			found[w] = true
		}
		for _, c := range canaries {
			if found[c] {
				t.Errorf("%s --redact holds %q:\n%s", name, c, out)
			}
		}
	}
	if !strings.Contains(outputs["render C-1 careplan"], "Northside Food Bank") {
		t.Errorf("redaction scrubbed the agency's own resource")
	}
	// The same outputs without --redact hold the canaries.
	plain := fold(run("render", "C-2", "--template", "case-summary") + run("export", "fhir", "C-1"))
	for _, c := range []string{"zoe", "bronte", "xanthe", "bartholomew", "ignatius", "plumtree"} {
		if !strings.Contains(plain, c) {
			t.Errorf("the plain outputs lack %q: the canary case is not what the test thinks", c)
		}
	}
}
