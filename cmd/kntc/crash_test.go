package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestAcknowledgedLettersSurviveAKill builds kntc, serves a SQLite file,
// registers letters from many clients at once, kills the server with
// SIGKILL in the middle, starts it again on the same file, and checks that
// every letter the server acknowledged (201) is there and that the register
// numbers run without gaps or repeats.
func TestAcknowledgedLettersSurviveAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server: skipped with -short")
	}
	dir := t.TempDir()
	bin := buildKntc(t, dir)
	// The scenario itself, from the first start to the last check, is
	// bounded; the build above is not, because a cold build cache compiles
	// SQLite's C code, which takes a minute on two cores.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db := filepath.Join(dir, "kntc.db")

	srv := startServer(t, ctx, bin, db)
	admin := srv.login(t, "admin", crashAdminPassword)
	srv.call(t, admin, "POST", "/api/v1/users", map[string]any{"username": "phaply", "full_name": "Chuyên viên pháp chế",
		"role": "legal", "password": "mat-khau-phap-che"}, http.StatusCreated)
	legal := srv.login(t, "phaply", "mat-khau-phap-che")

	acked := fireLetters(t, ctx, srv, legal, 120)
	if len(acked) < 120 {
		t.Fatalf("only %d letters acknowledged before the kill", len(acked))
	}

	srv = startServer(t, ctx, bin, db)
	legal = srv.login(t, "phaply", "mat-khau-phap-che")
	stored := srv.allCodes(t, legal)
	for _, code := range acked {
		if !slices.Contains(stored, code) {
			t.Errorf("acknowledged letter %s is missing after the restart", code)
		}
	}
	for i, code := range stored {
		if want := fmt.Sprintf("2022/%06d", i+1); code != want {
			t.Fatalf("register number %d is %s, want %s: a gap or a repeat in %v", i+1, code, want, stored)
		}
	}
	t.Logf("%d letters acknowledged before SIGKILL, %d stored after restart", len(acked), len(stored))
}

const crashAdminPassword = "mat-khau-quan-tri"

// buildKntc builds the command in this folder, as an office would install it.
func buildKntc(t *testing.T, dir string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build kntc: %v", err)
	}
	bin := filepath.Join(dir, "kntc")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// server is a running kntc child process.
type server struct {
	base string
	cmd  *exec.Cmd
	log  *syncBuffer
}

// startServer runs `kntc serve` on a free loopback port over the SQLite
// file db and waits until /healthz answers.
func startServer(t *testing.T, ctx context.Context, bin, db string) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := &server{base: "http://" + addr, log: &syncBuffer{}}
	s.cmd = exec.CommandContext(ctx, bin, "serve")
	s.cmd.Dir = filepath.Dir(db) // no config.yaml there: defaults and the variables below
	s.cmd.Env = append(os.Environ(), "KNTC_CONFIG=", "KNTC_ADDR="+addr, "KNTC_DB_DRIVER=sqlite", "KNTC_DB_DSN="+db,
		"KNTC_ADMIN_PASSWORD="+crashAdminPassword, "KNTC_BCRYPT_COST=4", "KNTC_LOG_LEVEL=warn")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.kill() })
	for range 400 {
		if r, err := http.Get(s.base + "/healthz"); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return s
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("kntc did not start:\n%s", s.log)
	return nil
}

// kill ends the process with SIGKILL, as a power cut or the OOM killer
// would: no handler runs, no connection is drained.
func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
}

// request sends a JSON request and returns the status and the body.
func (s *server) request(ctx context.Context, token, method, path string, body any) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	return resp.StatusCode, raw, err
}

func (s *server) call(t *testing.T, token, method, path string, body any, want int) map[string]any {
	t.Helper()
	status, raw, err := s.request(context.Background(), token, method, path, body)
	if err != nil || status != want {
		t.Fatalf("%s %s: %d %v\n%s\nserver log:\n%s", method, path, status, err, raw, s.log)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func (s *server) login(t *testing.T, username, password string) string {
	t.Helper()
	m := s.call(t, "", "POST", "/api/v1/auth/login", map[string]string{"username": username, "password": password}, http.StatusOK)
	return m["token"].(string)
}

// fireLetters registers letters from eight clients at once and kills the
// server once at least n are acknowledged, while requests are in flight.
// It returns the register numbers of every acknowledged letter.
func fireLetters(t *testing.T, ctx context.Context, s *server, token string, n int) []string {
	t.Helper()
	var (
		mu     sync.Mutex
		acked  []string
		wg     sync.WaitGroup
		killed = make(chan struct{})
		once   sync.Once
	)
	for w := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				body := map[string]any{"received_on": "2022-05-10", "source": "post", "subject": fmt.Sprintf("Đơn %d-%d", w, i),
					"senders": []map[string]string{{"full_name": "Công dân " + strconv.Itoa(w)}}}
				status, raw, err := s.request(ctx, token, "POST", "/api/v1/letters", body)
				if err != nil {
					return // the server is gone
				}
				if status != http.StatusCreated {
					t.Errorf("create: %d %s", status, raw)
					return
				}
				var l struct{ Code string }
				if err := json.Unmarshal(raw, &l); err != nil || !strings.HasPrefix(l.Code, "2022/") {
					t.Errorf("create answered %s", raw)
					return
				}
				mu.Lock()
				acked = append(acked, l.Code)
				enough := len(acked) >= n
				mu.Unlock()
				if enough {
					once.Do(func() { s.kill(); close(killed) })
				}
			}
		})
	}
	select {
	case <-killed:
	case <-ctx.Done():
		t.Fatalf("%d letters acknowledged before the deadline", len(acked))
	}
	wg.Wait()
	return acked
}

// allCodes lists every register number the server has, in order.
func (s *server) allCodes(t *testing.T, token string) []string {
	t.Helper()
	var codes []string
	for page := 1; ; page++ {
		m := s.call(t, token, "GET", fmt.Sprintf("/api/v1/letters?sort=code&per_page=200&page=%d", page), nil, http.StatusOK)
		items := m["items"].([]any)
		for _, it := range items {
			codes = append(codes, it.(map[string]any)["code"].(string))
		}
		if len(items) < 200 {
			return codes
		}
	}
}
