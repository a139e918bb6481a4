package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// loginPage is the data of the login form.
type loginPage struct {
	Username string
	Next     string
	Error    string
}

// loginForm shows the login form with a token bound to the form's cookie.
func (p *pages) loginForm(c *gin.Context) {
	p.showLogin(c, http.StatusOK, loginPage{Next: safeNext(c.Query("next"))})
}

// showLogin draws the login form with a token bound to the form's cookie.
func (p *pages) showLogin(c *gin.Context, status int, lp loginPage) {
	v := &view{Title: "Đăng nhập", Page: lp, CSRF: csrfToken(loginSecret(c), csrfLogin)}
	p.render(c, status, "login", v)
}

// login checks the form's token and the credentials, then sets the session
// cookie and goes on to the page asked for.
func (p *pages) login(c *gin.Context) {
	if err := parsePageForm(c); err != nil {
		p.fail(c, err)
		return
	}
	secret, _ := c.Cookie(loginCookie)
	if !validCSRF(secret, csrfLogin, c.PostForm(csrfField)) {
		p.fail(c, errCSRF)
		return
	}
	lp := loginPage{Username: strings.TrimSpace(c.PostForm("username")), Next: safeNext(c.PostForm("next"))}
	res, err := p.h.svc.Login(c.Request.Context(), lp.Username, c.PostForm("password"), c.ClientIP())
	if err != nil {
		pr := problemOf(err)
		if pr.Status >= http.StatusInternalServerError {
			p.fail(c, err)
			return
		}
		lp.Error = pr.Detail
		p.showLogin(c, pr.Status, lp)
		return
	}
	// The cookie lasts as long as a token; the token's own expiry is checked
	// on every request anyway.
	setCookie(c, sessionCookie, res.Token, int(p.h.svc.Config().TokenTTL.Seconds()))
	setCookie(c, loginCookie, "", -1)
	target := lp.Next
	if target == "" {
		target = "/"
	}
	c.Redirect(http.StatusSeeOther, target)
}

// logout ends the session and its cookie.
func (p *pages) logout(c *gin.Context) {
	if err := p.h.svc.Logout(c.Request.Context(), c.GetString("token")); err != nil {
		p.fail(c, err)
		return
	}
	setCookie(c, sessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/login")
}

// safeNext keeps only a path on this site as the page to return to after
// login, so the form cannot be used to send users elsewhere.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	return next
}
