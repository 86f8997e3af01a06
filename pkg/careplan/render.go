package careplan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"text/template"
)

// Ext ends the file name of every template: careplan.md.tmpl is the
// template called careplan.
const Ext = ".md.tmpl"

// Default is the template rendered when none is named.
const Default = "careplan"

// Summary is the professional summary's template: for supervision and
// case conferences, the one document with what is confidential.
const Summary = "case-summary"

// Source is a place templates come from: a repository's templates/
// folder, or the built-in ones. Label names it in error messages.
type Source struct {
	Label string
	FS    fs.FS
}

// Names lists the templates the sources hold, sorted, each once.
func Names(sources ...Source) []string {
	var names []string
	for _, s := range sources {
		files, _ := fs.Glob(s.FS, "*"+Ext)
		for _, f := range files {
			if n := strings.TrimSuffix(f, Ext); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return names
}

// UnknownTemplateError says a template does not exist and which do.
type UnknownTemplateError struct {
	Name      string
	Available []string
}

func (e *UnknownTemplateError) Error() string {
	return fmt.Sprintf("no template %q; available templates: %s", e.Name, strings.Join(e.Available, ", "))
}

// Render executes the template called name, taken from the first source
// that has it (so a repository's templates override the built-in ones),
// over data, and returns tidy Markdown (see Tidy).
func Render(name string, data any, sources ...Source) ([]byte, error) {
	if !slices.Contains(Names(sources...), name) {
		return nil, &UnknownTemplateError{Name: name, Available: Names(sources...)}
	}
	for _, s := range sources {
		text, err := fs.ReadFile(s.FS, name+Ext)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		label := s.Label + name + Ext
		if err != nil {
			return nil, fmt.Errorf("cannot read template %s: %w", label, err)
		}
		tmpl, err := template.New(label).Funcs(Funcs()).Option("missingkey=error").Parse(string(text))
		if err != nil {
			return nil, fmt.Errorf("%w; fix the template", err)
		}
		out := &cappedBuffer{max: MaxOutput}
		if err := execute(tmpl, out, data); err != nil {
			if errors.Is(err, errTooLong) {
				return nil, fmt.Errorf("template %s writes more than %d bytes, the limit for a rendered document; look for a loop (range) that runs away", label, MaxOutput)
			}
			return nil, fmt.Errorf("%w; fix the template", err)
		}
		return Tidy(out.Bytes()), nil
	}
	return nil, &UnknownTemplateError{Name: name, Available: Names(sources...)}
}

// MaxOutput is the most a template may write: far above any care plan,
// and low enough that a runaway template ({{range 3000000}}) stops early
// instead of filling the disk.
const MaxOutput = 4 << 20

var errTooLong = errors.New("template output over the limit")

// cappedBuffer is a buffer that refuses to grow past max bytes.
type cappedBuffer struct {
	bytes.Buffer
	max int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		return 0, errTooLong
	}
	return b.Buffer.Write(p)
}

// Tidy makes template output clean Markdown whatever the template's
// spacing: no trailing spaces, no runs of blank lines (outside fenced code
// blocks), no leading blank lines, and exactly one newline at the end.
func Tidy(md []byte) []byte {
	var out []string
	fenced := false
	for _, line := range strings.Split(string(md), "\n") {
		trimmed := strings.TrimRight(line, " \t\r")
		if strings.HasPrefix(strings.TrimSpace(trimmed), "```") || strings.HasPrefix(strings.TrimSpace(trimmed), "~~~") {
			fenced = !fenced
		}
		blank := trimmed == ""
		if blank && !fenced && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, trimmed)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}
