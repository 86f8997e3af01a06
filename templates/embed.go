// Package templates holds the built-in Markdown templates of `casework
// render`, embedded in the binary. A repository's own templates/ folder
// overrides them by file name.
package templates

import "embed"

// FS holds the built-in templates: careplan.md.tmpl (for the client),
// case-summary.md.tmpl (the professional summary), referral.md.tmpl and
// closure.md.tmpl.
//
//go:embed *.md.tmpl
var FS embed.FS
