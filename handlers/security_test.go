package handlers_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"kntc/handlers"
	"kntc/models"
)

func TestLogsNeverHoldProtectedIdentity(t *testing.T) {
	e := newEnv(t)
	var logs bytes.Buffer
	e.h = handlers.New(e.svc, slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	path := denunciation(t, e)
	for _, user := range []string{"legal", "reception2", "leader"} {
		e.must(200, "GET", path, user, nil)
		e.must(200, "GET", "/api/v1/letters?q=le%20van%20binh", user, nil)
	}
	e.do("POST", "/api/v1/letters", "reception", `{"subject":"Lê Văn Bình", "senders":[{"full_name":"Lê Văn Bình"}]`)
	e.do("POST", "/api/v1/auth/login", "", `{"username":"legal","password":"sai-mat-khau-Bình"}`)
	if logs.Len() == 0 {
		t.Fatal("nothing was logged: the test would prove nothing")
	}
	for _, secret := range []string{"Bình", "Binh", "binh", "012345678", "0912345678", "sai-mat-khau", e.tokens["legal"]} {
		if strings.Contains(logs.String(), secret) {
			t.Fatalf("logs hold %q:\n%s", secret, logs.String())
		}
	}
}

func TestOnlyTheTokensHashIsStored(t *testing.T) {
	e := newEnv(t)
	token := e.tokens["legal"]
	var hashes []string
	if err := e.svc.DB().Model(&models.AuthToken{}).Pluck("token_hash", &hashes).Error; err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(token))
	found := false
	for _, h := range hashes {
		if strings.Contains(h, token) {
			t.Fatal("a token is stored in clear")
		}
		found = found || h == hex.EncodeToString(sum[:])
	}
	if !found {
		t.Fatal("the token's SHA-256 is not what is stored")
	}
	var pw []string
	e.svc.DB().Model(&models.User{}).Pluck("password_hash", &pw)
	for _, h := range pw {
		if strings.Contains(h, "matkhau") || !strings.HasPrefix(h, "$2") {
			t.Fatalf("password stored as %q, want a bcrypt hash", h)
		}
	}
}

func TestExpiredTokensAreRefused(t *testing.T) {
	e := newEnv(t)
	e.must(http.StatusOK, "GET", "/api/v1/me", "legal", nil)
	e.svc.SetClock(func() time.Time { return today.Add(13 * time.Hour) }) // tokens last 12 h
	checkProblem(t, e.do("GET", "/api/v1/me", "legal", nil), http.StatusUnauthorized, "unauthorized")
}

func TestLoginLockoutPerAddress(t *testing.T) {
	e := newEnv(t)
	// Five failures spread over five usernames from one address lock that
	// address, even for a right password.
	for _, u := range []string{"a1", "a2", "a3", "a4", "a5"} {
		e.do("POST", "/api/v1/auth/login", "", map[string]any{"username": u, "password": "sai-mat-khau"})
	}
	p := checkProblem(t, e.do("POST", "/api/v1/auth/login", "", map[string]any{"username": "legal", "password": "matkhau-legal"}), 401, "unauthorized")
	if !strings.Contains(p["detail"].(string), "tạm khóa") {
		t.Fatalf("address not locked: %v", p["detail"])
	}
}
