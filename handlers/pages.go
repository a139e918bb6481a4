package handlers

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
	"kntc/web"
)

// pages serves the Vietnamese web interface. Each page handler reads the
// form or the query, calls one service method with the signed-in user, and
// renders the result; business rules stay in the services.
type pages struct {
	h      *Handler
	tmpl   pageSet
	assets map[string]string // static file -> content hash
}

// registerPages adds every page route and the static assets, and returns
// the pages for the router's not-found answer. The templates
// are embedded, so failing to parse them is a build error: it panics at
// start-up, never on a user's request.
func (h *Handler) registerPages(r *gin.Engine) *pages {
	assets, err := assetVersions()
	if err != nil {
		panic(err)
	}
	tmpl, err := loadPages(pageFuncs(h.svc.Config(), assets))
	if err != nil {
		panic(err)
	}
	p := &pages{h: h, tmpl: tmpl, assets: assets}

	r.GET("/static/*file", p.static)
	r.GET("/login", p.loginForm)
	r.POST("/login", p.login)
	r.GET("/", p.home)

	in := r.Group("", p.session)
	post := in.Group("", p.checkCSRF)
	post.POST("/logout", p.logout)

	in.GET("/letters", p.letters)
	in.GET("/letters/new", p.newLetter)
	post.POST("/letters/new", p.createLetter)
	in.GET("/letters/:id", p.letter)
	post.POST("/letters/:id/classify", p.classifyLetter)
	post.POST("/letters/:id/handle", p.handleLetter)
	post.POST("/letters/:id/reply", p.recordReply)

	in.GET("/reception", p.reception)
	post.POST("/reception/visits", p.createVisit)
	post.POST("/reception/sessions", p.createSession)

	in.GET("/cases", p.cases)
	post.POST("/cases", p.createCase)
	in.GET("/cases/:id", p.caseDetail)
	post.POST("/cases/:id", p.updateCase)

	in.GET("/dialogues", p.dialogues)
	post.POST("/dialogues", p.createDialogue)
	in.GET("/council-meetings", p.councilMeetings)
	post.POST("/council-meetings", p.createCouncilMeeting)
	in.GET("/documents", p.documents)
	post.POST("/documents", p.createDocument)

	in.GET("/reports", p.reports)
	in.GET("/people", p.people)
	in.GET("/people/:id", p.person)

	in.GET("/admin/users", p.users)
	post.POST("/admin/users", p.createUser)
	post.POST("/admin/users/:id", p.updateUser)
	in.GET("/admin/audit", p.audit)
	return p
}

// signedIn returns the user of the session cookie, if it is valid.
func (p *pages) signedIn(c *gin.Context) (services.Actor, string, error) {
	token, _ := c.Cookie(sessionCookie)
	a, err := p.h.svc.Authenticate(c.Request.Context(), token)
	return a, token, err
}

// session lets a request through only with a valid session cookie, and puts
// the user into the request's context as the API's authenticate does.
func (p *pages) session(c *gin.Context) {
	a, token, err := p.signedIn(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	c.Set("token", token)
	c.Request = c.Request.WithContext(services.WithActor(c.Request.Context(), a))
	c.Next()
}

// toLogin sends a visitor without a valid session to the login form,
// remembering the page asked for when it was a plain GET.
func (p *pages) toLogin(c *gin.Context) {
	if _, err := c.Cookie(sessionCookie); err == nil {
		setCookie(c, sessionCookie, "", -1) // an expired or revoked session
	}
	target := "/login"
	if c.Request.Method == http.MethodGet && c.Request.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(c.Request.URL.RequestURI())
	}
	c.Redirect(http.StatusSeeOther, target)
	c.Abort()
}

// home shows the dashboard to a signed-in user and the login form to anyone
// else; an administrator, who reads no records, lands on the user list.
func (p *pages) home(c *gin.Context) {
	a, token, err := p.signedIn(c)
	if err != nil {
		p.loginForm(c)
		return
	}
	if !a.Role.Can(models.PermStatistics) {
		c.Redirect(http.StatusSeeOther, "/admin/users")
		return
	}
	c.Set("token", token)
	c.Request = c.Request.WithContext(services.WithActor(c.Request.Context(), a))
	p.dashboard(c)
}

// redirect ends a successful form post with 303 See Other, so reloading the
// next page never posts again; flash names a fixed message to show there.
func redirect(c *gin.Context, target, flash string) {
	if flash != "" {
		sep := "?"
		if strings.Contains(target, "?") {
			sep = "&"
		}
		target += sep + "ok=" + flash
	}
	c.Redirect(http.StatusSeeOther, target)
}

// flashMessages are the messages a redirect may ask for: only these fixed
// texts can appear, so nothing from the URL is reflected into the page.
var flashMessages = map[string]string{
	"created":    "Đã lưu.",
	"letter":     "Đã vào sổ đơn.",
	"classified": "Đã phân loại đơn.",
	"handled":    "Đã ghi hướng xử lý đơn.",
	"visit":      "Đã ghi lượt tiếp công dân.",
	"newcase":    "Đã ghi lượt tiếp công dân và mở vụ việc mới.",
	"session":    "Đã ghi kỳ tiếp công dân.",
	"updated":    "Đã cập nhật.",
	"user":       "Đã tạo người dùng.",
}

// newView starts the view of a page with its title, navigation entry and
// the flash message a redirect asked for.
func newView(c *gin.Context, title, nav string, page any) *view {
	return &view{Title: title, Nav: nav, Flash: flashMessages[c.Query("ok")], Page: page}
}

// static serves the embedded assets. A URL carrying the file's current hash
// may be cached for a year; anything else is revalidated.
func (p *pages) static(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean("/"+c.Param("file")), "/")
	version, ok := p.assets[name]
	if !ok {
		c.Data(http.StatusNotFound, "text/plain; charset=utf-8", []byte("Không có tệp này."))
		return
	}
	b, err := fs.ReadFile(web.FS, "static/"+name)
	if err != nil {
		p.fail(c, models.Internal(err))
		return
	}
	if c.Query("v") == version {
		c.Header("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Header("Cache-Control", "no-cache")
	}
	c.Header("ETag", `"`+version+`"`)
	http.ServeContent(c.Writer, c.Request, name, time.Time{}, bytes.NewReader(b))
}

// actorOf returns the signed-in user of a page request.
func actorOf(c *gin.Context) (services.Actor, bool) { return services.ActorFrom(c.Request.Context()) }

// may reports whether the user's role grants perm, showing the refusal page
// when it does not. Pages that only show a form check here; the services
// check every read and write themselves.
func (p *pages) may(c *gin.Context, perm models.Permission) bool {
	if a, _ := actorOf(c); a.Role.Can(perm) {
		return true
	}
	p.fail(c, models.Forbidden())
	return false
}

// submit runs save once the form's shape is right. It reports true when the
// request is answered: redirected to save's target (with its flash) on
// success, or failed on an error that is not the form's to show. On false
// the caller draws the form again with its messages.
func (p *pages) submit(c *gin.Context, f *form, save func() (target, flash string, err error)) bool {
	if f.HasErrors() {
		return false
	}
	target, flash, err := save()
	switch {
	case err == nil:
		redirect(c, target, flash)
	case !f.refuse(err):
		p.fail(c, err)
	default:
		return false
	}
	return true
}

// idPath is the page of record id under base ("/letters").
func idPath(base string, id uint) string { return base + "/" + strconv.FormatUint(uint64(id), 10) }

// listed is one page of a list and the pager under it.
type listed[T any] struct {
	Items []T
	Pager pager
}

// showList draws the list page name: when the filter form f is well formed
// it runs list for page pg, then page builds the template's data around the
// result. A malformed filter shows the page with its messages and status 400.
func showList[T any](p *pages, c *gin.Context, status int, name string, v *view, f *form, pg models.Page,
	list func(models.Page) (models.List[T], error), page func(listed[T]) any) {
	var l listed[T]
	if f.HasErrors() {
		status = http.StatusBadRequest
	} else {
		res, err := list(pg)
		if err != nil {
			p.fail(c, err)
			return
		}
		l = listed[T]{Items: res.Items, Pager: newPager(c.Request.URL, res.Total, pg)}
	}
	v.Page = page(l)
	p.render(c, status, name, v)
}
