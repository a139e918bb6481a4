package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kntc/handlers"
	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

func TestLoadtestRefusesBadCommandLines(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"remote server", []string{"--url", "http://example.org:8080"}, "--allow-remote"},
		{"remote address", []string{"--url", "http://10.0.0.5:8080"}, "--allow-remote"},
		{"not http", []string{"--url", "ftp://127.0.0.1"}, "http"},
		{"rate too high", []string{"--rate", "100000"}, "--rate"},
		{"too long", []string{"--duration", "2h"}, "--duration"},
		{"mix not 100", []string{"--mix", "70,20,20"}, "100"},
		{"mix of two", []string{"--mix", "80,20"}, "--mix"},
		{"no password", []string{"--password", ""}, "--password"},
		{"negative warm-up", []string{"--warmup", "-1s"}, "--warmup"},
		{"warm-up too long", []string{"--warmup", "31m"}, "--warmup"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("KNTC_LOADTEST_PASSWORD", "")
			args := append([]string{"loadtest", "--username", "u", "--password", "p"}, c.args...)
			code, _, stderr := runCLI(t, "", args...)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, stderr %q, want 2 and %q", code, stderr, c.want)
			}
		})
	}
}

func TestLoopbackHosts(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "127.1.2.3": true,
		"10.0.0.1": false, "example.org": false, "0.0.0.0": false} {
		if got := isLoopbackHost(host); got != want {
			t.Errorf("isLoopbackHost(%q) = %v", host, got)
		}
	}
}

func TestPercentileByNearestRank(t *testing.T) {
	d := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for q, want := range map[float64]time.Duration{0.5: 5, 0.9: 9, 0.99: 10, 1: 10, 0: 1} {
		if got := percentile(d, q); got != want {
			t.Errorf("percentile(%v) = %v, want %v", q, got, want)
		}
	}
}

// TestLoadtestAgainstAServer runs a short load test against the real router
// over a small register; it checks that every kind of request succeeds, not
// how fast.
func TestLoadtestAgainstAServer(t *testing.T) {
	db := modeltest.NewDB(t)
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	svc := services.New(db, cfg, nil)
	admin := services.WithActor(context.Background(), services.Actor{Username: "admin", Role: models.RoleAdmin})
	if _, err := svc.CreateUser(admin, services.UserInput{Username: "tiepdan", Role: models.RoleReception, Password: "mat-khau-thu-tai"}); err != nil {
		t.Fatal(err)
	}
	reception := services.WithActor(context.Background(), services.Actor{ID: 1, Username: "tiepdan", Role: models.RoleReception})
	today := svc.Today()
	for i := range 30 {
		f := models.LetterFields{ReceivedOn: today.AddDays(-i * 10), Source: models.SourcePost, Subject: fmt.Sprintf("Khiếu nại số %d", i),
			Senders: []models.Person{{FullName: fmt.Sprintf("Nguyễn Văn %c", 'A'+i%26)}}}
		if _, err := svc.CreateLetter(reception, f); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(handlers.New(svc, nil))
	defer srv.Close()
	code, out, stderr := runCLI(t, "", "loadtest", "--url", srv.URL, "--rate", "40", "--duration", "1s",
		"--warmup", "1s", "--username", "tiepdan", "--password", "mat-khau-thu-tai", "--mix", "50,25,25")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, stderr)
	}
	for _, want := range []string{"xem một đơn", "danh sách/tìm", "tạo đơn", "thống kê", "tổng cộng", "Khởi động 1s ở cùng tốc độ: 40 yêu cầu, lỗi 0", "Đã gửi 40 yêu cầu"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
