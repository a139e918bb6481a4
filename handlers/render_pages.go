package handlers

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
	"kntc/web"
)

// pageSet holds one parsed template set per page (layout + partials +
// page), so that a page's blocks never collide with another page's.
type pageSet map[string]*template.Template

// loadPages parses every page under templates/pages from the embedded FS.
// Templates are part of the binary, so a parse error is a build mistake and
// start-up fails at once rather than on the first visit.
func loadPages(funcs template.FuncMap) (pageSet, error) {
	names, err := fs.Glob(web.FS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	set := pageSet{}
	for _, file := range names {
		name := strings.TrimSuffix(path.Base(file), ".html")
		t, err := template.New(name).Funcs(funcs).ParseFS(web.FS,
			"templates/layout.html", "templates/partials/*.html", file)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		set[name] = t
	}
	return set, nil
}

// assetVersions maps each static file to a short hash of its content, so
// that asset URLs change whenever the file does and may be cached for long.
func assetVersions() (map[string]string, error) {
	out := map[string]string{}
	err := fs.WalkDir(web.FS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.FS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	return out, err
}

// pageFuncs are the helpers templates may call. Each formats for display
// only; nothing here builds HTML, which html/template escapes.
func pageFuncs(cfg services.Config, versions map[string]string) template.FuncMap {
	loc := cfg.Location
	return template.FuncMap{
		"office":  func() services.Office { return cfg.Office },
		"changes": changeList,
		"asset":   func(name string) string { return "/static/" + name + "?v=" + versions[name] },
		"vn":      func(d models.Date) string { return d.VN() },
		"num":     formatNumber[int],
		"num64":   formatNumber[int64],
		"delta":   formatDelta,
		"at":      func(t time.Time) string { return t.In(loc).Format("02/01/2006 15:04") },
		"clock":   func(t time.Time) string { return t.In(loc).Format("15:04") },
		"yesno":   yesNo,
		"names":   personNames,
		"personURL": func(p models.Person) string {
			return "/people?q=" + url.QueryEscape(cmp.Or(p.IDNumber, p.FullName))
		},
		"choices": func() choiceLists {
			return choices
		},
		"actionLabel": func(a string) string { return labelOr(actionLabels, a) },
		"entityLabel": func(e string) string { return labelOr(entityLabels, e) },
		"entityURL":   entityURL,
		"add":         func(a, b int) int { return a + b },
	}
}

// formatNumber writes n with the Vietnamese thousands separator: 1.234.
func formatNumber[N int | int64](n N) string {
	s := strconv.FormatInt(int64(n), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// formatDelta writes a change with its sign, "+3", "−2" or "0".
func formatDelta(n int) string {
	if n > 0 {
		return "+" + formatNumber(n)
	}
	return formatNumber(n)
}

// yesNo shows a yes/no answer that may not be given yet.
func yesNo(b *bool) string {
	switch {
	case b == nil:
		return "Chưa xác định"
	case *b:
		return "Có"
	}
	return "Không"
}

// changeView is one changed field of an audit entry, ready to show.
type changeView struct{ Field, From, To string }

// changeList lists an audit entry's changes by field, values written plainly.
func changeList(m map[string]models.Change) []changeView {
	out := make([]changeView, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, changeView{Field: fieldLabel(k), From: changeValue(m[k].From), To: changeValue(m[k].To)})
	}
	return out
}

// changeValue writes a JSON value of the audit trail for people.
func changeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		if x == "" {
			return "—"
		}
		return x
	case bool:
		if x {
			return "có"
		}
		return "không"
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return string(b)
}

// personNames joins the names of a letter's senders for a register row.
func personNames(ps []models.Person) string {
	var names []string
	for _, p := range ps {
		if p.FullName != "" {
			names = append(names, p.FullName)
		}
	}
	return strings.Join(names, "; ")
}

// view is what every page template receives: the signed-in user, the CSRF
// token of its forms, the navigation entry to highlight, a message after a
// redirect, and the page's own data.
type view struct {
	Title string
	Nav   string
	User  services.Actor
	CSRF  string
	Flash string
	Today models.Date
	Page  any
}

// permissionNames let templates ask what the user may do by a short name.
var permissionNames = map[string]models.Permission{
	"read":       models.PermReadRecords,
	"letters":    models.PermCreateLetters,
	"reception":  models.PermCreateReception,
	"handle":     models.PermHandleLetters,
	"edit_cases": models.PermEditCases,
	"statistics": models.PermStatistics,
	"users":      models.PermManageUsers,
	"audit":      models.PermReadAudit,
}

// Can reports whether the user's role grants the named permission; pages
// hide what a role may not use, and the services refuse it anyway.
func (v *view) Can(name string) bool {
	p, ok := permissionNames[name]
	return ok && v.User.ID != 0 && v.User.Role.Can(p)
}

// render executes a page into a buffer and writes it only when the whole
// page succeeded, so a template error never leaves half a page.
func (p *pages) render(c *gin.Context, status int, name string, v *view) {
	t, ok := p.tmpl[name]
	var buf bytes.Buffer
	err := fmt.Errorf("no page %q", name)
	if ok {
		if v.User.ID == 0 {
			v.User, _ = services.ActorFrom(c.Request.Context())
		}
		if v.CSRF == "" {
			v.CSRF = csrfToken(c.GetString("token"), csrfSession)
		}
		v.Today = p.h.svc.Today()
		err = t.ExecuteTemplate(&buf, "layout", v)
	}
	if err != nil {
		p.h.log.Error("page render failed", "page", name, "error", err.Error())
		c.Header("Cache-Control", "no-store")
		c.Data(http.StatusInternalServerError, "text/html; charset=utf-8", []byte(renderFailedPage))
		c.Abort()
		return
	}
	// Pages show personal data: never keep them in a shared cache.
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// renderFailedPage is the last resort when a page itself cannot be drawn.
const renderFailedPage = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi hệ thống</title>` +
	`<p>Lỗi hệ thống, vui lòng thử lại sau.</p><p><a href="/">Về trang chủ</a></p></html>`

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Title   string
	Message string
	// RoleRefused says the role, not the request, was refused, so the page
	// may explain who to ask.
	RoleRefused bool
}

// fail shows err as a Vietnamese error page with its status; an expired
// session goes back to the login form instead.
func (p *pages) fail(c *gin.Context, err error) {
	pr := problemOf(err)
	if pr.Code == models.CodeUnauthorized {
		p.toLogin(c)
		return
	}
	if pr.Code == models.CodeInternal {
		cause := err
		if e := models.AsError(err); e.Err != nil {
			cause = e.Err
		}
		// Only the cause is logged, never what the form held.
		p.h.log.ErrorContext(c.Request.Context(), "page failed", "route", c.FullPath(), "error", cause.Error())
	}
	ep := errorPage{Status: pr.Status, Title: pr.Title, Message: pr.Detail,
		RoleRefused: pr.Status == http.StatusForbidden && err != errCSRF}
	if err == errCSRF {
		ep.Title = "Biểu mẫu không hợp lệ"
	}
	p.render(c, pr.Status, "error", &view{Title: ep.Title, Page: ep})
	c.Abort()
}
