package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// Cross-site form posts are refused twice over: http.CrossOriginProtection
// (in New) checks the browser's Sec-Fetch-Site and Origin headers, and every
// page form carries a hidden token that a foreign site cannot know. The token
// is an HMAC keyed by the session token, which lives only in an HttpOnly
// cookie: no server-side state, it survives restarts, and it dies with the
// session. Before login, a random cookie of the login form plays the
// session's part.

const (
	// csrfField is the hidden form field carrying the token.
	csrfField = "csrf"
	// loginCookie holds the random secret of the login form's token.
	loginCookie = "kntc_login"
	// maxFormBody is the largest form body accepted by the pages.
	maxFormBody = 1 << 20
)

// The purposes a token is derived for, so that a login token is never a
// valid session token and the reverse.
const (
	csrfSession = "session"
	csrfLogin   = "login"
)

var errCSRF = models.Errorf(models.CodeForbidden,
	"Biểu mẫu đã hết hạn hoặc không được gửi từ trang của hệ thống. Vui lòng tải lại trang rồi gửi lại.")

// csrfToken derives the form token of secret for purpose; an empty secret
// has no token.
func csrfToken(secret, purpose string) string {
	if secret == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("kntc csrf " + purpose))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// validCSRF compares the sent token with the expected one in constant time.
func validCSRF(secret, purpose, sent string) bool {
	want := csrfToken(secret, purpose)
	return want != "" && hmac.Equal([]byte(want), []byte(sent))
}

// parsePageForm reads a urlencoded form body of bounded size.
func parsePageForm(c *gin.Context) error {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxFormBody)
	err := c.Request.ParseForm()
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return models.Errorf(models.CodeTooLarge, "Nội dung gửi lên vượt quá %d KiB.", maxFormBody>>10)
	}
	if err != nil {
		return models.Errorf(models.CodeInvalid, "Không đọc được biểu mẫu gửi lên.")
	}
	return nil
}

// checkCSRF guards every signed-in page form: the body is read, and the
// request goes on only with the token of the current session.
func (p *pages) checkCSRF(c *gin.Context) {
	if err := parsePageForm(c); err != nil {
		p.fail(c, err)
		return
	}
	if !validCSRF(c.GetString("token"), csrfSession, c.Request.PostForm.Get(csrfField)) {
		p.fail(c, errCSRF)
		return
	}
	c.Next()
}

// loginSecret returns the login form's secret from its cookie, making and
// setting a new one when there is none.
func loginSecret(c *gin.Context) string {
	if s, err := c.Cookie(loginCookie); err == nil && len(s) >= 32 {
		return s
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	s := base64.RawURLEncoding.EncodeToString(b)
	setCookie(c, loginCookie, s, 0)
	return s
}

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site,
// Secure when the request came over TLS (directly or through a proxy that
// says so). maxAge 0 makes a browser-session cookie, below 0 deletes it.
func setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: overTLS(c.Request)})
}

// overTLS reports whether the browser reached us over HTTPS. The proxy
// header can only add the Secure flag, never remove it, so trusting it is
// harmless.
func overTLS(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}
