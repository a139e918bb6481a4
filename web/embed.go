// Package web holds the Vietnamese web interface's templates and static
// assets, embedded in the binary so that the server needs no files beside
// it and no network at run time.
package web

import "embed"

// FS holds templates/ (layout.html, partials/*.html, pages/*.html) and
// static/ (CSS, JavaScript, icons).
//
//go:embed templates static
var FS embed.FS
