package handlers_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// browser is a minimal cookie-keeping client of the web pages: it signs in
// through the login form and sends forms with the CSRF token of the last
// page it read, as a browser would.
type browser struct {
	t       *testing.T
	h       http.Handler
	cookies map[string]string
	csrf    string
}

// page is one answer of the web interface.
type page struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// browse signs user in through the login form (password "matkhau-<user>").
func (e *env) browse(user string) *browser {
	e.t.Helper()
	b := &browser{t: e.t, h: e.h, cookies: map[string]string{}}
	b.get("/login")
	p := b.submit("/login", url.Values{"username": {user}, "password": {"matkhau-" + user}})
	if p.Status != http.StatusSeeOther || b.cookies["kntc_session"] == "" {
		e.t.Fatalf("login %s: status %d, cookies %v\n%s", user, p.Status, b.cookies, p.Body)
	}
	b.get(p.Location) // as a browser follows the redirect, picking up the session's form token
	return b
}

// do sends one request with the browser's cookies and keeps the cookies
// and CSRF token of the answer.
func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	rec := httptest.NewRecorder()
	b.h.ServeHTTP(rec, req)
	res := rec.Result()
	for _, c := range res.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	p := page{Status: rec.Code, Header: rec.Header(), Body: rec.Body.String(), Location: rec.Header().Get("Location")}
	if m := csrfInput.FindStringSubmatch(p.Body); m != nil {
		b.csrf = html.UnescapeString(m[1])
	}
	return p
}

// get reads a page.
func (b *browser) get(path string) page {
	b.t.Helper()
	return b.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// submit posts a form with the CSRF token of the last page read.
func (b *browser) submit(path string, form url.Values) page {
	b.t.Helper()
	form = cloneValues(form)
	if form.Get("csrf") == "" {
		form.Set("csrf", b.csrf)
	}
	return b.post(path, form)
}

// post posts a form as it is, with the given extra headers (name, value...).
func (b *browser) post(path string, form url.Values, headers ...string) page {
	b.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return b.do(req)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// mustGet reads a page and fails unless its status is want.
func (b *browser) mustGet(want int, path string) page {
	b.t.Helper()
	p := b.get(path)
	if p.Status != want {
		b.t.Fatalf("GET %s: status %d, want %d\n%s", path, p.Status, want, p.Body)
	}
	return p
}

// contains fails unless the page holds every part.
func (p page) contains(t *testing.T, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(p.Body, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}

// lacks fails if the page holds any of the parts.
func (p page) lacks(t *testing.T, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if strings.Contains(p.Body, s) {
			t.Errorf("page holds %q", s)
		}
	}
}
