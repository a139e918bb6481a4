package services_test

import (
	"context"
	"testing"
	"time"

	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// A proved token is taken from memory for a second: a token deleted
// behind the server's back (another process) still passes within the
// second and fails after it.
func TestTokenRememberedForASecond(t *testing.T) {
	db := modeltest.NewDB(t)
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	svc := services.New(db, cfg, nil)
	now := time.Date(2022, 6, 15, 9, 0, 0, 0, time.UTC)
	svc.SetClock(func() time.Time { return now })
	ctx := context.Background()
	if _, _, err := svc.EnsureAdmin(ctx, "mat-khau-quan-tri"); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Login(ctx, "admin", "mat-khau-quan-tri", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Authenticate(ctx, res.Token); err != nil {
		t.Fatalf("fresh token: %v", err)
	}
	if err := db.Exec("DELETE FROM auth_tokens").Error; err != nil {
		t.Fatal(err)
	}
	now = now.Add(900 * time.Millisecond)
	if a, err := svc.Authenticate(ctx, res.Token); err != nil || a.Username != "admin" {
		t.Fatalf("within the second: %+v, %v", a, err)
	}
	now = now.Add(200 * time.Millisecond)
	if _, err := svc.Authenticate(ctx, res.Token); models.AsError(err).Code != models.CodeUnauthorized {
		t.Fatalf("after the second: %v, want unauthorized", err)
	}
}
