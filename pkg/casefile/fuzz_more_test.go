package casefile

import (
	"strings"
	"testing"
)

// FuzzNote checks that any input either fails to load as a note, or loads
// and writes back to a note that loads as the same note; and that no
// message repeats a control character raw.
func FuzzNote(f *testing.F) {
	f.Add([]byte("---\nat: 2026-03-02T09:00:00Z\nby: w-ana\nkind: call\n---\nCalled Maria.\n"))
	f.Add([]byte("---\nat: 2026-03-02T09:00:00Z\nby: w-ana\nkind: call\n---\n"))
	f.Add([]byte("---\nat: 2026-03-02T09:00:00Z\nby: !!binary dy1hbmE=\nkind: call\n---\nx\n"))
	f.Add([]byte("---\n---\n---\n"))
	f.Add([]byte("---\nat: 2026-03-02T09:00:00Z\nby: w\nkind: call\n---\n---\nbody\n"))
	f.Add([]byte("---\nat: 2026-03-02T09:00:00Z\nby: w\nkind: call\n---\nb\xffad\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseNote("n.md", data)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\x1b\r\x00") {
				t.Fatalf("message holds a raw control character: %q", err)
			}
			return
		}
		out, err := FormatNote(n)
		if err != nil {
			t.Fatalf("loaded note does not save: %v\ninput: %q", err, data)
		}
		back, err := ParseNote("n.md", out)
		if err != nil {
			t.Fatalf("saved note does not load: %v\n%q", err, out)
		}
		if !back.At.Equal(n.At) || back.By != n.By || back.Kind != n.Kind || back.Body != normalBody(n.Body) {
			t.Fatalf("round trip changed the note:\n%+v\n%+v", n, back)
		}
	})
}

// FuzzSetField checks `case set KEY=VALUE`: any key and value either are
// refused with a message that does not repeat the value, or are set, and
// the case then saves and loads again as it is.
func FuzzSetField(f *testing.F) {
	for _, kv := range [][2]string{
		{"client.phone", "555-0100"}, {"client.dob", "1984-13-01"}, {"client.consent.given", "yes"},
		{"client.name", "Maria\nLopez"}, {"client.name", "a\xffb"}, {"referral.reason", "line one\n  line two: x"},
		{"model", "#x"}, {"client.representative.name", "- a"}, {"Maria Lopez", "x"}, {"client.email", "\x1b[2J"},
	} {
		f.Add(kv[0], kv[1])
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		c := &Case{ID: "C-1", Phase: "intake", Worker: "w-ana", Client: Client{Name: "A"}}
		err := SetField(c, key, value, map[string]string{"phase": "", "history": "", "id": ""})
		if err != nil {
			if len(value) >= 4 && strings.Contains(err.Error(), value) && !strings.Contains(key, value) {
				t.Fatalf("message repeats the value: %v", err)
			}
			return
		}
		doc, err := NewDocument(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := doc.Marshal(c); err != nil {
			t.Fatalf("set %q=%q, then the case does not save: %v", key, value, err)
		}
	})
}
