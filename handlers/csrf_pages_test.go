package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// letterForm is a valid registration form.
func letterForm() url.Values {
	return url.Values{"received_on": {"10/05/2022"}, "source": {"post"}, "sender_rows": {"2"},
		"senders[0].full_name": {"Nguyễn Văn An"}, "subject": {"Khiếu nại về việc thu hồi đất"}, "action": {"save"}}
}

// letterCount is the number of letters in the register.
func (e *env) letterCount() float64 {
	e.t.Helper()
	return e.must(http.StatusOK, "GET", "/api/v1/letters", "legal", nil)["total"].(float64)
}

func TestPageFormsRefuseForgedPosts(t *testing.T) {
	e := newEnv(t)
	b := e.browse("reception")
	b.mustGet(http.StatusOK, "/letters/new")
	other := e.browse("reception2")
	other.mustGet(http.StatusOK, "/letters/new")

	withToken := func(token string) url.Values {
		f := letterForm()
		f.Set("csrf", token)
		return f
	}
	tests := []struct {
		name    string
		form    url.Values
		headers []string
	}{
		{"without a token", letterForm(), nil},
		{"with a wrong token", withToken("not-the-token"), nil},
		{"with another session's token", withToken(other.csrf), nil},
		{"from another site, even with the right token", withToken(b.csrf), []string{"Sec-Fetch-Site", "cross-site"}},
		{"from another origin, even with the right token", withToken(b.csrf), []string{"Origin", "https://evil.example"}},
	}
	for _, tc := range tests {
		t.Run("refused "+tc.name, func(t *testing.T) {
			p := b.post("/letters/new", tc.form, tc.headers...)
			if p.Status != http.StatusForbidden {
				t.Fatalf("status %d, want 403\n%s", p.Status, p.Body)
			}
			if n := e.letterCount(); n != 0 {
				t.Fatalf("%v letters written", n)
			}
		})
	}
	t.Run("the refusal page is Vietnamese HTML", func(t *testing.T) {
		p := b.post("/letters/new", letterForm())
		p.contains(t, `<html lang="vi">`, "Biểu mẫu đã hết hạn")
	})
	t.Run("accepted with the session's token", func(t *testing.T) {
		p := b.submit("/letters/new", letterForm())
		if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/letters/") {
			t.Fatalf("status %d location %q\n%s", p.Status, p.Location, p.Body)
		}
		if n := e.letterCount(); n != 1 {
			t.Fatalf("%v letters", n)
		}
	})
	t.Run("logout needs the token too", func(t *testing.T) {
		if p := b.post("/logout", url.Values{}); p.Status != http.StatusForbidden {
			t.Fatalf("logout without token: %d", p.Status)
		}
		b.mustGet(http.StatusOK, "/letters")
		if p := b.submit("/logout", url.Values{}); p.Status != http.StatusSeeOther || p.Location != "/login" {
			t.Fatalf("logout: %d %q", p.Status, p.Location)
		}
		if p := b.get("/letters"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/login") {
			t.Fatalf("after logout: %d %q", p.Status, p.Location)
		}
	})
}

func TestLoginForm(t *testing.T) {
	e := newEnv(t)
	t.Run("the home page is the login form before login", func(t *testing.T) {
		b := &browser{t: t, h: e.h, cookies: map[string]string{}}
		p := b.mustGet(http.StatusOK, "/")
		p.contains(t, `action="/login"`, `name="username"`, `type="password"`, `name="csrf"`)
	})
	t.Run("a login post without the form's token is refused", func(t *testing.T) {
		b := &browser{t: t, h: e.h, cookies: map[string]string{}}
		p := b.post("/login", url.Values{"username": {"legal"}, "password": {"matkhau-legal"}})
		if p.Status != http.StatusForbidden || b.cookies["kntc_session"] != "" {
			t.Fatalf("status %d cookies %v", p.Status, b.cookies)
		}
	})
	t.Run("wrong password shows the message and keeps the username", func(t *testing.T) {
		b := &browser{t: t, h: e.h, cookies: map[string]string{}}
		b.get("/login")
		p := b.submit("/login", url.Values{"username": {"legal"}, "password": {"sai-mat-khau"}})
		if p.Status != http.StatusUnauthorized {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, "Tên đăng nhập hoặc mật khẩu không đúng.", `value="legal"`)
		p.lacks(t, "sai-mat-khau")
	})
	t.Run("the session cookie is HttpOnly, SameSite=Lax, Secure behind TLS", func(t *testing.T) {
		b := &browser{t: t, h: e.h, cookies: map[string]string{}}
		b.get("/login")
		form := url.Values{"username": {"legal"}, "password": {"matkhau-legal"}, "csrf": {b.csrf}, "next": {"/cases"}}
		p := b.post("/login", form, "X-Forwarded-Proto", "https")
		cookie := setCookie(p, "kntc_session")
		for _, part := range []string{"HttpOnly", "SameSite=Lax", "Secure", "Path=/"} {
			if !strings.Contains(cookie, part) {
				t.Errorf("cookie %q lacks %s", cookie, part)
			}
		}
		if p.Location != "/cases" {
			t.Errorf("went to %q, want /cases", p.Location)
		}
		b.mustGet(http.StatusOK, "/").contains(t, "Tổng quan")
	})
	t.Run("plain HTTP cookies are not Secure", func(t *testing.T) {
		b := &browser{t: t, h: e.h, cookies: map[string]string{}}
		b.get("/login")
		p := b.submit("/login", url.Values{"username": {"legal"}, "password": {"matkhau-legal"}})
		if strings.Contains(setCookie(p, "kntc_session"), "Secure") {
			t.Error("Secure cookie over plain HTTP")
		}
	})
	t.Run("next never leaves the site", func(t *testing.T) {
		for _, next := range []string{"//evil.example/x", "https://evil.example", `/\evil.example`} {
			b := &browser{t: t, h: e.h, cookies: map[string]string{}}
			b.get("/login")
			p := b.submit("/login", url.Values{"username": {"legal"}, "password": {"matkhau-legal"}, "next": {next}})
			if p.Location != "/" {
				t.Errorf("next %q went to %q", next, p.Location)
			}
		}
	})
	t.Run("a page asked for before login comes back after it", func(t *testing.T) {
		b := &browser{t: t, h: e.h, cookies: map[string]string{}}
		p := b.get("/reception?x=1")
		if p.Status != http.StatusSeeOther || p.Location != "/login?next="+url.QueryEscape("/reception?x=1") {
			t.Fatalf("status %d location %q", p.Status, p.Location)
		}
	})
}

// setCookie returns the Set-Cookie header of the named cookie.
func setCookie(p page, name string) string {
	for _, c := range p.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, name+"=") {
			return c
		}
	}
	return ""
}

func TestPagesCarrySecurityHeaders(t *testing.T) {
	e := newEnv(t)
	b := e.browse("legal")
	for _, path := range []string{"/", "/letters", "/login"} {
		p := b.get(path)
		csp := p.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || p.Header.Get("X-Content-Type-Options") != "nosniff" ||
			p.Header.Get("X-Frame-Options") != "DENY" || p.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s headers %v", path, p.Header)
		}
		p.lacks(t, "<script>", " style=", "onclick=", "javascript:")
	}
	css := b.mustGet(http.StatusOK, "/static/app.css")
	if !strings.HasPrefix(css.Header.Get("Content-Type"), "text/css") {
		t.Errorf("css type %q", css.Header.Get("Content-Type"))
	}
	if p := b.get("/static/../go.mod"); p.Status != http.StatusNotFound {
		t.Errorf("path escape: %d", p.Status)
	}
}
