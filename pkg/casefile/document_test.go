package casefile

import (
	"strings"
	"testing"
	"time"
)

const handEdited = `# Case of a family referred by the school.
id: C-2026-AAAAAAAAAA
opened: 2026-03-02
phase: intake # screening first
worker: w-ana
client:
  name: Maria Lopez
  # phone given at first visit
  phone: "555-0100"
history:
  - at: 2026-03-02T09:00:00Z
    by: w-ana
    to: intake
    reason: opened
`

func TestUpdateKeepsCommentsAndOrder(t *testing.T) {
	doc, err := Parse("case.yaml", []byte(handEdited))
	if err != nil {
		t.Fatal(err)
	}
	var c Case
	if errs := doc.Decode(&c); len(errs) > 0 {
		t.Fatal(errs)
	}
	c.Client.Email = "maria@example.org"
	c.Referral.Source = "school"
	c.History = append(c.History, HistoryEntry{At: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), By: "w-ana", From: "intake", To: "assessment"})
	out, err := doc.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"# Case of a family referred by the school.\n",
		"phase: intake # screening first\n",
		"  # phone given at first visit\n  phone: \"555-0100\"\n  email: maria@example.org\n",
		"referral:\n  source: school\nhistory:\n",
		"  - at: 2026-03-03T10:00:00Z\n    by: w-ana\n    from: intake\n    to: assessment\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("updated file lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "referral:") > strings.Index(got, "history:") {
		t.Errorf("new key referral not placed in canonical order:\n%s", got)
	}
}

func TestUpdateUnchangedIsIdentity(t *testing.T) {
	doc, err := Parse("case.yaml", []byte(handEdited))
	if err != nil {
		t.Fatal(err)
	}
	var c Case
	if errs := doc.Decode(&c); len(errs) > 0 {
		t.Fatal(errs)
	}
	out, err := doc.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != handEdited {
		t.Errorf("unchanged round trip altered the file:\n got: %q\nwant: %q", out, handEdited)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "id: X\nclient:\n  nmae: A\n", `3:3: unknown key "nmae" in client; did you mean "name"?`},
		{"bad date", "id: X\nopened: 2026-02-30\n", `2:9: opened: not a valid date: write it as YYYY-MM-DD`},
		{"bad time", "history:\n  - at: yesterday\n", `2:9: history[0].at: not a valid time: write it in RFC 3339 UTC`},
		{"wrong type", "client:\n  name: [a, b]\n", `2:9: client.name: expected text, found a list`},
		{"not a number", "plan:\n  budget: lots\n", `2:11: plan.budget: expected a number, found text`},
		{"duplicate", "id: X\nphase: a\nid: Y\n", `3:1: duplicate key "id" (first given at line 1)`},
		{"merge key", "referral:\n  <<: {source: x}\n", `2:3: referral: YAML merge keys`},
		{"not a mapping", "- a\n- b\n", `1:1: expected a mapping`},
		{"bool", "referral:\n  date: yes\n", `2:9: referral.date: not a valid date`},
		{"client values are not repeated", "client:\n  consent:\n    given: yes\n", `3:12: client.consent.given: expected true or false, found text`},
		{"client dates are not repeated", "client:\n  dob: 1984-02-30\n", `2:8: client.dob: not a valid date`},
		{"free text in a type error", "referral:\n  reason: {said: Maria drinks}\n", `2:11: referral.reason: expected text, found a mapping`},
		{"a file that is not a casework file", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon\n", `1:1: expected a mapping (key: value lines), found text (if "root" is meant as a key`},
		{"many lines", "plan:\n  budget: \"a\n\n  b\"\n", `2:11: plan.budget: expected a number, found text`},
		{"a key that may be data", "id: X\nMaria Lopez: at home\n", `2:1: unknown key a key that is not a casework name (not shown: it may be data); known keys: id`},
		{"a duplicate key that may be data", "referral:\n  source: x\nclient: {name: A}\nassessments:\n  - scores: {Maria: 1, Maria: 2}\n", `5:24: assessments[0].scores: duplicate key a key that is not a casework name (not shown: it may be data) (first given at line 5)`},
		{"binary", "client:\n  name: !!binary TWFyaWE=\n", `2:9: client.name: expected text, found binary data (!!binary)`},
		{"missing space after a colon", "client:\n  name:Maria\n", `2:3: client: expected a mapping (key: value lines), found text (if "name" is meant as a key, put a space after its colon: 'name: value')`},
		{"moved key", "id: X\ndob: 1984-01-01\n", `2:1: unknown key "dob"; did you mean client.dob? (move it there, indented under its parent)`},
		{"moved key, two places", "id: X\nrelationship: aunt\n", `2:1: unknown key "relationship"; did you mean client.representative.relationship?`},
		{"typo beats a move", "id: X\nphse: intake\n", `2:1: unknown key "phse"; did you mean "phase"?`},
		{"control characters in a key", "id: X\n\"a\\e[2Jb\": 1\n", `2:1: unknown key a key that is not a casework name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("f.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var c Case
			errs := doc.Decode(&c).WithPath("f.yaml")
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(errs[0].Error(), "f.yaml:"+tt.want) {
				t.Errorf("got %q, want it to contain %q", errs[0].Error(), tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"syntax", []byte("id: x\nclient: [\n"), "f.yaml:"},
		{"utf8", []byte("id: x\nname: a\xffb\n"), "f.yaml:2:8: invalid UTF-8"},
		{"too large", make([]byte, MaxFileSize+1), "over the"},
		{"two docs", []byte("id: a\n---\nid: b\n"), "more than one YAML document"},
		{"alias", []byte("id: &a X\nworker: *a\n"), "f.yaml:2:9: line 2 uses a YAML alias ('*' and a name); casework files do not allow aliases: write the value out in full"},
		{"long alias", []byte("id: &aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa X\nworker: *aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"), "f.yaml:2:9: line 2 uses a YAML alias"},
		{"alias bomb", []byte("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"), "f.yaml:2:8: line 2 uses a YAML alias"},
		// An alias to no anchor: the parser says "unknown anchor" at 1:1
		// and quotes the name; the message names the line, not the name.
		{"unknown anchor", []byte("id: C-1\nclient:\n  name: X\n  dob: *AishaKhan\n"), "f.yaml:4:8: line 4 uses a YAML alias ('*' and a name); casework files do not allow aliases: write the value out in full"},
		{"unknown anchor in a list", []byte("id: C-1\nstrengths:\n  - *AishaKhan\n"), "f.yaml:3:5: line 3 uses a YAML alias"},
		// Conflict markers are reported as validate reports them.
		{"merge conflict", []byte("id: C-1\n<<<<<<< ours\nphase: intake\n=======\nphase: closed\n>>>>>>> theirs\n"), "f.yaml:2:1: merge conflict: git left conflict markers from this line; keep the right side of each conflict, delete the other and the marker lines (<<<<<<<, =======, >>>>>>>), then commit"},
		{"merge conflict in a value", []byte("id: C-1\nnote: |\n  x\n<<<<<<< HEAD\n"), "f.yaml:4:1: merge conflict:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "Aisha") {
				t.Errorf("%v repeats the alias name", err)
			}
		})
	}
}

// TestMessagesNeverRepeatValues decodes files whose every value is a
// canary and checks that no message repeats one: messages end up in
// terminals, CI logs and bug reports.
func TestMessagesNeverRepeatValues(t *testing.T) {
	for _, src := range []string{
		"client:\n  name: [Canaryname]\n  dob: Canarydob\n  phone: {x: Canaryphone}\n  consent:\n    given: Canarygiven\n",
		"plan:\n  budget: Canarybudget\n  goals: Canarygoals\nreferral:\n  reason: [Canaryreason]\n  date: Canarydate\n",
		"Canarykey Canary: 1\nhistory:\n  - at: Canaryat\n    forced: Canaryforced\n",
		"Canary root:x:0:0:root:/root:/bin/bash\n",
		"assessments:\n  - scores: {Canary x: 1, Canary x: 2}\n",
	} {
		doc, err := Parse("f.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var c Case
		errs := doc.Decode(&c)
		if len(errs) == 0 {
			t.Fatalf("no error for %q", src)
		}
		for _, e := range errs {
			if strings.Contains(strings.ToLower(e.Error()), "canary") {
				t.Errorf("message repeats a value from the file: %s", e)
			}
		}
	}
}

// TestNotesAreStrict holds notes to what records are held to.
func TestNotesAreStrict(t *testing.T) {
	head := "---\nat: 2026-03-02T09:00:00Z\nby: w-ana\nkind: call\n---\n"
	big := []byte(head + strings.Repeat("x", MaxFileSize))
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"too large", big, "n.md: file is 4194358 bytes, over the 4194304-byte limit"},
		{"invalid UTF-8 in the body", []byte(head + "ok\nbad \xff here\n"), "n.md:7:5: invalid UTF-8"},
		{"unknown key", []byte("---\nat: 2026-03-02T09:00:00Z\nby: w-ana\nkind: call\nmood: x\n---\nhi\n"), `n.md:5:1: unknown key "mood"`},
		{"missing key", []byte("---\nat: 2026-03-02T09:00:00Z\nkind: call\n---\nhi\n"), `missing required key "by"`},
		{"binary", []byte("---\nat: 2026-03-02T09:00:00Z\nby: !!binary dy1hbmE=\nkind: call\n---\nhi\n"), `n.md:3:5: by: expected text, found binary data`},
		{"empty body", []byte(head), "n.md: the note is empty"},
		{"blank body", []byte(head + "\n\n  \n"), "n.md: the note is empty"},
		{"no front matter", []byte("hello\n"), "n.md:1:1: a note starts with front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNote("n.md", tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "Aisha") {
				t.Errorf("%v repeats the alias name", err)
			}
		})
	}
	n, err := ParseNote("n.md", []byte(head+"Called.\n\n"))
	if err != nil || n.Body != "Called.\n\n" {
		t.Fatalf("a good note: %v, %q", err, n.Body)
	}
}
