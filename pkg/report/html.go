package report

import (
	"html/template"
	"io"
)

// WriteHTML writes d as one self-contained HTML page, its charts drawn as
// inline SVG and its style made to print well: a board pack.
func WriteHTML(w io.Writer, d Doc) error {
	type section struct {
		Section
		SVGs []template.HTML
	}
	page := struct {
		Doc
		Parts []section
	}{Doc: d}
	for _, s := range d.Sections {
		part := section{Section: s}
		for _, c := range s.Charts {
			svg, err := chartSVG(c)
			if err != nil {
				return err
			}
			// The SVG is drawn by gonum/plot from numbers and from labels
			// it escapes itself; it carries no markup from the repository.
			part.SVGs = append(part.SVGs, template.HTML(svg))
		}
		page.Parts = append(page.Parts, part)
	}
	return pageTemplate.Execute(w, page)
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f0f0f0; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{with .Intro}}<p>{{.}}</p>
{{end}}{{range .Parts}}<section>
<h2>{{.Heading}}</h2>
{{range .Text}}<p>{{.}}</p>
{{end}}{{range .SVGs}}<figure>{{.}}</figure>
{{end}}{{range .Tables}}<table>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}</section>
{{end}}</body>
</html>
`))
