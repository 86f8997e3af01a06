package careplan

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"time"
)

// TestRunawayTemplatesStop: a repository's template that loops without
// writing, or builds ever longer values, stops with a clear error within
// seconds; before the budget of work, the loops ran forever (about 2^50
// steps here) and the doubling ran out of memory.
func TestRunawayTemplatesStop(t *testing.T) {
	const work = "does more than 1000000 steps of work, the limit for a rendered document; look for a loop (range) over a large number, nested loops, or a template that calls itself"
	const long = "writes more than 4194304 bytes"
	doubling := `{{$x := printf "%999999s" ""}}` + strings.Repeat(`{{$x = printf "%s%s" $x $x}}`, 40) + `{{len $x}}`
	tests := []struct {
		name, text string
		data       any
		want       string
	}{
		{"range over a large number", "{{range 3000000000000}}{{end}}", nil, work},
		{"nested ranges", "{{range 100000}}{{range 100000}}{{end}}{{end}}", nil, work},
		{"nested ranges with work inside", "{{range 1000}}{{range 1000}}{{if eq 1 2}}{{end}}{{$a := 1}}{{$b := 2}}{{$c := 3}}{{end}}{{end}}", nil, work},
		{"range over a number in the data", "{{range .N}}{{end}}", map[string]int{"N": 1 << 62}, work},
		{"a template that calls itself twice", `{{define "a"}}{{if .}}{{template "a" (slice . 1)}}{{template "a" (slice . 1)}}{{end}}{{end}}{{template "a" "` + strings.Repeat("x", 50) + `"}}`, nil, "calls itself (a → a); casework templates may not call themselves"},
		{"templates that call each other in a loop", `{{define "b"}}{{range 10}}{{template "c"}}{{end}}{{end}}{{define "c"}}{{with 1}}{{template "b"}}{{end}}{{end}}{{template "b"}}`, nil, "calls itself (b → c → b)"},
		{"a long chain of calls", chain(5000), nil, "calls templates more than 50 deep (t0 → t1 → t2 → ...); casework templates may nest at most 50"},
		{"a chain of calls within the depth", chain(40), nil, work},
		{"printf doubling a value", doubling, nil, long},
		{"print of a long value many times", `{{$x := printf "%999999s" ""}}{{print $x $x $x $x $x}}`, nil, long},
		{"join with a long separator", `{{$x := printf "%999999s" ""}}{{join .L $x}}`, map[string][]string{"L": make([]string, 10)}, long},
		{"html escaping a long value", `{{$x := printf "%999999s" "<"}}{{html $x $x $x $x $x}}`, nil, long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := Source{Label: "templates/", FS: fstest.MapFS{"t.md.tmpl": {Data: []byte(tt.text)}}}
			start := time.Now()
			_, err := Render("t", tt.data, src)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want ...%s...", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "template templates/t.md.tmpl") {
				t.Errorf("the message does not name the template: %v", err)
			}
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v to stop", d)
			}
		})
	}
}

// TestBudgetLeavesTemplatesAlone: templates within the budget render as
// before, the text functions work as text/template's, and execution does
// not change the parsed template (which may run on many goroutines).
func TestBudgetLeavesTemplatesAlone(t *testing.T) {
	text := `{{define "row"}}[{{.}}]{{end}}{{range $i, $x := .L}}{{template "row" $x}}{{end}} {{printf "%03d" 7}} {{print "a" 1}} {{html "<b>"}} {{js "'"}} {{urlquery "a b"}} {{join .L "+"}} {{range 3}}{{.}}{{else}}none{{end}} {{range .Empty}}x{{else}}empty{{end}}`
	data := map[string]any{"L": []string{"p", "q"}, "Empty": []string{}}
	src := Source{Label: "templates/", FS: fstest.MapFS{"t.md.tmpl": {Data: []byte(text)}}}
	const want = "[p][q] 007 a1 &lt;b&gt; \\' a+b p+q 012 empty\n"
	for range 2 {
		out, err := Render("t", data, src)
		if err != nil || string(out) != want {
			t.Fatalf("got %q, %v\nwant %q", out, err, want)
		}
	}
	tmpl := template.Must(template.New("x").Funcs(Funcs()).Parse(text))
	before := tmpl.Tree.Root.String()
	var b strings.Builder
	if err := execute(tmpl, &b, data); err != nil {
		t.Fatal(err)
	}
	if after := tmpl.Tree.Root.String(); after != before || strings.Contains(after, stepFunc) {
		t.Errorf("execute changed the parsed template:\n%s", after)
	}
}

// chain is a template whose t0 loops 1,000 times over t1, which loops
// 1,000 times over t2, and so on: n templates, none calling itself.
func chain(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{{define "t%d"}}{{range 1000}}{{template "t%d"}}{{end}}{{end}}`, i, i+1)
	}
	fmt.Fprintf(&b, `{{define "t%d"}}.{{end}}{{template "t0"}}`, n)
	return b.String()
}

// FuzzTemplate: a repository's template is untrusted input. Any text
// either fails to parse, or runs to an end within the budget of work and
// the output cap, without a panic.
func FuzzTemplate(f *testing.F) {
	for _, seed := range []string{
		"{{range 3}}x{{end}}",
		`{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`,
		`{{$x := printf "%999999s" ""}}{{$x = printf "%s%s" $x $x}}{{$x = printf "%s%s" $x $x}}{{$x = printf "%s%s" $x $x}}`,
		"{{range .L}}{{range $.L}}{{.}}{{end}}{{end}}",
		"{{with .N}}{{range .}}{{break}}{{end}}{{end}}",
		`{{block "b" .}}{{range .L}}{{template "c" .}}{{end}}{{end}}{{define "c"}}{{html . | js | urlquery}}{{end}}`,
	} {
		f.Add(seed)
	}
	data := map[string]any{"L": []string{"p", "q", "r"}, "N": 5}
	f.Fuzz(func(t *testing.T, text string) {
		tmpl, err := template.New("t").Funcs(Funcs()).Option("missingkey=error").Parse(text)
		if err != nil {
			return
		}
		out := &cappedBuffer{max: MaxOutput}
		execute(tmpl, out, data)
	})
}

// TestRenderEscapesControls: control characters in the data reach a
// rendered document escaped, newlines kept; before, a client name holding
// ESC[2J cleared the terminal 'casework render' printed on.
func TestRenderEscapesControls(t *testing.T) {
	src := Source{Label: "templates/", FS: fstest.MapFS{"t.md.tmpl": {Data: []byte("# {{.Name}}\n\n{{.Note}}\n")}}}
	out, err := Render("t", map[string]string{"Name": "Maria\x1b[2JLopez\u202e", "Note": "line one\nline two\x07"}, src)
	if want := "# Maria\\x1b[2JLopez\\u202e\n\nline one\nline two\\x07\n"; err != nil || string(out) != want {
		t.Errorf("got %q, %v\nwant %q", out, err, want)
	}
}

// TestExecuteInParallel: one parsed template executed on many goroutines
// at once, each within its own budget (go test -race checks the sharing).
func TestExecuteInParallel(t *testing.T) {
	tmpl := template.Must(template.New("x").Funcs(Funcs()).Parse(`{{define "row"}}[{{.}}]{{end}}{{range .L}}{{template "row" .}}{{end}}{{if .Big}}{{range 100000000}}{{end}}{{end}}`))
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			var b strings.Builder
			err := execute(tmpl, &b, map[string]any{"L": []string{"p", "q"}, "Big": i%4 == 1})
			if i%4 != 1 && (err != nil || b.String() != "[p][q]") {
				err = fmt.Errorf("goroutine %d: %q, %v", i, b.String(), err)
			} else if i%4 == 1 && (err == nil || !strings.Contains(err.Error(), "does more than")) {
				err = fmt.Errorf("goroutine %d: not stopped: %v", i, err)
			} else {
				err = nil
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
