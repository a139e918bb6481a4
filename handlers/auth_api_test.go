package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kntc/handlers"
)

func TestLoginLogoutMe(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/api/v1/auth/login", "", map[string]any{"username": "legal", "password": "matkhau-legal"})
	if r.Status != http.StatusOK {
		t.Fatalf("login %d %s", r.Status, r.Body)
	}
	res := r.JSON(t)
	user := res["user"].(map[string]any)
	if res["token"] == "" || res["expires_at"] == nil || user["username"] != "legal" || user["role"] != "legal" || user["full_name"] == nil || user["id"] == nil {
		t.Fatalf("login answer %v", res)
	}
	if strings.Contains(string(r.Body), "password") {
		t.Fatalf("login answer mentions the password hash: %s", r.Body)
	}
	e.tokens["fresh"] = res["token"].(string)
	if me := e.must(200, "GET", "/api/v1/me", "fresh", nil); me["username"] != "legal" {
		t.Fatalf("me %v", me)
	}
	e.must(200, "POST", "/api/v1/auth/logout", "fresh", nil)
	checkProblem(t, e.do("GET", "/api/v1/me", "fresh", nil), 401, "unauthorized")
}

func TestLoginFailuresAreLockedWithoutRevealingUsers(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct{ name, body string }{
		{"wrong password", `{"username":"legal","password":"sai-mat-khau"}`},
		{"unknown user", `{"username":"khongco","password":"sai-mat-khau"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := checkProblem(t, e.do("POST", "/api/v1/auth/login", "", c.body), 401, "unauthorized")
			if p["detail"] != "Tên đăng nhập hoặc mật khẩu không đúng." {
				t.Fatalf("detail %v", p["detail"])
			}
		})
	}
	for range 5 {
		e.do("POST", "/api/v1/auth/login", "", `{"username":"leader","password":"sai-mat-khau"}`)
	}
	p := checkProblem(t, e.do("POST", "/api/v1/auth/login", "", `{"username":"leader","password":"matkhau-leader"}`), 401, "unauthorized")
	if !strings.Contains(p["detail"].(string), "tạm khóa") {
		t.Fatalf("locked account not said: %v", p["detail"])
	}
}

func TestUsersAndAuditAreForAdmins(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		method, path, user string
		body               any
		want               int
	}{
		{"GET", "/api/v1/users", "admin", nil, 200},
		{"GET", "/api/v1/users", "leader", nil, 403},
		{"GET", "/api/v1/users", "legal", nil, 403},
		{"GET", "/api/v1/users", "reception", nil, 403},
		{"GET", "/api/v1/users", "", nil, 401},
		{"POST", "/api/v1/users", "legal", map[string]any{"username": "x1", "role": "legal", "password": "0123456789"}, 403},
		{"GET", "/api/v1/audit", "admin", nil, 200},
		{"GET", "/api/v1/audit", "leader", nil, 200},
		{"GET", "/api/v1/audit", "legal", nil, 403},
		{"GET", "/api/v1/audit", "reception", nil, 403},
	} {
		if r := e.do(c.method, c.path, c.user, c.body); r.Status != c.want {
			t.Errorf("%s %s as %s: %d, want %d", c.method, c.path, c.user, r.Status, c.want)
		}
	}
}

func TestUserManagement(t *testing.T) {
	e := newEnv(t)
	u := e.must(201, "POST", "/api/v1/users", "admin", map[string]any{"username": "tiepdan3", "full_name": "Phạm Thị Hoa", "role": "reception", "password": "mat-khau-du-dai"})
	path := "/api/v1/users/" + id(u)
	for name, body := range map[string]map[string]any{
		"short password":     {"username": "x2", "role": "legal", "password": "ngan"},
		"unknown role":       {"username": "x3", "role": "king", "password": "0123456789"},
		"bad username":       {"username": "Có Dấu", "role": "legal", "password": "0123456789"},
		"unknown json field": {"username": "x4", "role": "legal", "password": "0123456789", "admin": true},
	} {
		t.Run(name, func(t *testing.T) { checkProblem(t, e.do("POST", "/api/v1/users", "admin", body), 400, "invalid") })
	}
	checkProblem(t, e.do("POST", "/api/v1/users", "admin", map[string]any{"username": "tiepdan3", "role": "legal", "password": "0123456789"}), 409, "conflict")

	r := e.do("POST", "/api/v1/auth/login", "", map[string]any{"username": "tiepdan3", "password": "mat-khau-du-dai"})
	e.tokens["tiepdan3"] = r.JSON(t)["token"].(string)
	e.must(200, "GET", "/api/v1/me", "tiepdan3", nil)
	checkProblem(t, e.do("PATCH", path, "admin", map[string]any{"version": 5, "active": false}), 409, "conflict")
	changed := e.must(200, "PATCH", path, "admin", map[string]any{"version": 1, "password": "mat-khau-moi-123"})
	if changed["version"] != 2.0 {
		t.Fatalf("version %v", changed["version"])
	}
	checkProblem(t, e.do("GET", "/api/v1/me", "tiepdan3", nil), 401, "unauthorized") // password change ends sessions
	e.must(200, "PATCH", path, "admin", map[string]any{"version": 2, "active": false})
	checkProblem(t, e.do("POST", "/api/v1/auth/login", "", map[string]any{"username": "tiepdan3", "password": "mat-khau-moi-123"}), 401, "unauthorized")
	checkProblem(t, e.do("PATCH", "/api/v1/users/"+jsonNumber(float64(e.users["admin"])), "admin", map[string]any{"version": 1, "role": "legal"}), 400, "invalid")
}

func TestHealthAndUnknownRoutes(t *testing.T) {
	e := newEnv(t)
	if r := e.do("GET", "/healthz", "", nil); r.Status != 200 || string(r.Body) != `{"status":"ok"}` {
		t.Fatalf("healthz %d %s", r.Status, r.Body)
	}
	checkProblem(t, e.do("GET", "/api/v1/nothing", "legal", nil), 404, "not_found")
	r := e.do("GET", "/healthz", "", nil)
	for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy"} {
		if r.Header.Get(h) == "" {
			t.Errorf("header %s missing", h)
		}
	}
}

func TestCrossSiteUnsafeRequestsAreRefused(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/api/v1/letters", "reception", letterBody(nil), "Sec-Fetch-Site", "cross-site")
	if r.Status != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d", r.Status)
	}
}

func TestRateLimitAnswers429(t *testing.T) {
	e := newEnv(t)
	h := handlers.New(e.svc, nil, handlers.WithRateLimit(1, 2))
	codes := []int{}
	for range 3 {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.RemoteAddr = "192.0.2.7:5555"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		codes = append(codes, rec.Code)
		if rec.Code == http.StatusTooManyRequests && rec.Header().Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}
	if codes[0] != 200 || codes[1] != 200 || codes[2] != http.StatusTooManyRequests {
		t.Fatalf("statuses %v", codes)
	}
	req := httptest.NewRequest("GET", "/healthz", nil) // loopback is never limited
	req.RemoteAddr = "127.0.0.1:5555"
	for range 5 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("loopback limited: %d", rec.Code)
		}
	}
}

func TestUnknownPageIsAVietnamesePage(t *testing.T) {
	e := newEnv(t)
	r := e.do("GET", "/khong-co-trang-nay", "", nil)
	if r.Status != http.StatusNotFound || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(string(r.Body), "Không có địa chỉ này.") {
		t.Fatalf("%d %s\n%s", r.Status, r.Header.Get("Content-Type"), r.Body)
	}
}

// A user's token is remembered for a second; a change of role made
// through the server applies to the very next request.
func TestRoleChangeAppliesAtOnce(t *testing.T) {
	e := newEnv(t)
	u := e.must(201, "POST", "/api/v1/users", "admin", map[string]any{"username": "lanhdao2", "full_name": "Trần Văn Bình", "role": "leader", "password": "mat-khau-du-dai"})
	r := e.do("POST", "/api/v1/auth/login", "", map[string]any{"username": "lanhdao2", "password": "mat-khau-du-dai"})
	e.tokens["lanhdao2"] = r.JSON(t)["token"].(string)
	e.must(200, "GET", "/api/v1/audit", "lanhdao2", nil) // proved, and remembered
	e.must(200, "PATCH", "/api/v1/users/"+id(u), "admin", map[string]any{"version": 1, "role": "reception"})
	checkProblem(t, e.do("GET", "/api/v1/audit", "lanhdao2", nil), 403, "forbidden")
}
