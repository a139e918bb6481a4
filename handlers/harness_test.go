package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kntc/handlers"
	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// today is the fixed "today" of the handler tests, in the office's zone.
var today = time.Date(2022, 6, 15, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))

// env is a running router over a fresh database with one user per role.
type env struct {
	t      *testing.T
	svc    *services.Service
	h      http.Handler
	tokens map[string]string // role (or username) -> bearer token
	users  map[string]uint   // role (or username) -> user id
}

// newEnv starts the full router with users admin, reception, reception2,
// legal, leader (password "matkhau-<name>").
func newEnv(t *testing.T) *env {
	t.Helper()
	db := modeltest.NewDB(t)
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4 // tests need speed, not strength
	svc := services.New(db, cfg, nil)
	svc.SetClock(func() time.Time { return today })
	e := &env{t: t, svc: svc, h: handlers.New(svc, nil), tokens: map[string]string{}, users: map[string]uint{}}
	ctx := services.WithActor(context.Background(), services.Actor{Username: "test", Role: models.RoleAdmin})
	for _, u := range []struct {
		name string
		role models.Role
	}{{"admin", models.RoleAdmin}, {"reception", models.RoleReception}, {"reception2", models.RoleReception},
		{"legal", models.RoleLegal}, {"leader", models.RoleLeader}} {
		created, err := svc.CreateUser(ctx, services.UserInput{Username: u.name, FullName: "Người dùng " + u.name,
			Role: u.role, Password: "matkhau-" + u.name})
		if err != nil {
			t.Fatalf("create user %s: %v", u.name, err)
		}
		e.users[u.name] = created.ID
		res, err := svc.Login(context.Background(), u.name, "matkhau-"+u.name, "127.0.0.1")
		if err != nil {
			t.Fatalf("login %s: %v", u.name, err)
		}
		e.tokens[u.name] = res.Token
	}
	return e
}

// response is a recorded answer.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic map.
func (r response) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.Body)
	}
	return m
}

// do sends a request as user (a role name, or "" for no token). body may be
// a string (sent as is) or any value (sent as JSON).
func (e *env) do(method, path, user string, body any, headers ...string) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[user])
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// must sends a request and fails the test unless the status is want.
func (e *env) must(want int, method, path, user string, body any) map[string]any {
	e.t.Helper()
	r := e.do(method, path, user, body)
	if r.Status != want {
		e.t.Fatalf("%s %s as %q: status %d, want %d\n%s", method, path, user, r.Status, want, r.Body)
	}
	if len(r.Body) == 0 {
		return nil
	}
	return r.JSON(e.t)
}

// id returns the "id" of a decoded record.
func id(m map[string]any) string { return jsonNumber(m["id"]) }

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// letterBody is a valid letter to register, with overrides.
func letterBody(over map[string]any) map[string]any {
	m := map[string]any{
		"received_on": "2022-05-10",
		"source":      "post",
		"senders":     []map[string]any{{"full_name": "Nguyễn Văn An", "id_number": "079123456789", "address": "Phường 1, Tây Ninh"}},
		"subject":     "Khiếu nại về việc thu hồi đất đai",
	}
	for k, v := range over {
		m[k] = v
	}
	return m
}

// checkProblem fails unless r is problem details with the status and code.
func checkProblem(t *testing.T, r response, status int, code string) map[string]any {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d\n%s", r.Status, status, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("content type %q, want application/problem+json", ct)
	}
	p := r.JSON(t)
	if p["code"] != code || p["status"] != float64(status) || p["type"] != "about:blank" || p["title"] == "" || p["detail"] == "" {
		t.Fatalf("problem %v, want code %s", p, code)
	}
	return p
}
