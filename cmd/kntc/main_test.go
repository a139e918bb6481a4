package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// runCLI runs kntc with args in a temp folder and returns exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// inTempDir runs the test in a fresh folder with its own database.
func inTempDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("KNTC_DB_DSN", filepath.Join(dir, "data", "kntc.db"))
	t.Setenv("KNTC_DB_DRIVER", "sqlite")
	t.Setenv("KNTC_CONFIG", "")
	t.Setenv("KNTC_BCRYPT_COST", "4")
	return dir
}

func TestShippedConfigIsValid(t *testing.T) {
	t.Setenv("KNTC_CONFIG", "")
	s, err := loadSettings(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if s != defaultSettings() {
		t.Fatalf("config.yaml differs from the defaults in code:\n%+v\n%+v", s, defaultSettings())
	}
}

func TestBadSettingsStopTheStartWithOneLine(t *testing.T) {
	for _, c := range []struct{ env, value, want string }{
		{"KNTC_DB_DRIVER", "mysql", "database.driver"},
		{"KNTC_LOG_LEVEL", "loud", "log.level"},
		{"KNTC_REPORTING_CUTOFF_DAY", "10", "reporting.cutoff_day"},
		{"KNTC_GROUP_SIZE", "many", "KNTC_GROUP_SIZE"},
		{"KNTC_TIMEZONE", "Mars/Base", "reporting.timezone"},
	} {
		t.Run(c.env, func(t *testing.T) {
			inTempDir(t)
			t.Setenv(c.env, c.value)
			code, _, stderr := runCLI(t, "", "migrate")
			if code == 0 || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
		})
	}
	t.Run("unknown key in the file", func(t *testing.T) {
		dir := inTempDir(t)
		path := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(path, []byte("server:\n  adress: x\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCLI(t, "", "migrate", "--config", path)
		if code == 0 || !strings.Contains(stderr, "adress") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
}

func TestUserCreateAndUsage(t *testing.T) {
	inTempDir(t)
	code, out, stderr := runCLI(t, "mat-khau-rat-dai\n", "user", "create", "--username", "tiepdan", "--role", "reception", "--full-name", "Nguyễn Thị Hoa")
	if code != 0 || !strings.Contains(out, "tiepdan") {
		t.Fatalf("exit %d out %q err %q", code, out, stderr)
	}
	if strings.Contains(out+stderr, "mat-khau-rat-dai") {
		t.Fatal("the password was printed")
	}
	code, _, stderr = runCLI(t, "ngan\n", "user", "create", "--username", "x", "--role", "king")
	if code == 0 || !strings.Contains(stderr, "role") || !strings.Contains(stderr, "password") {
		t.Fatalf("bad user accepted: %d %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "user", "create", "-h"); code != 0 {
		t.Fatalf("-h exit %d", code)
	}
	if code, _, stderr := runCLI(t, "", "frobnicate"); code != 2 || !strings.Contains(stderr, "frobnicate") {
		t.Fatalf("unknown command: %d %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "serve", "--bogus"); code != 2 {
		t.Fatalf("bad flag exit %d", code)
	}
}

func TestServeStartsOnAnEmptyFolderAndStops(t *testing.T) {
	dir := inTempDir(t)
	t.Setenv("KNTC_ADDR", "127.0.0.1:0")
	t.Setenv("KNTC_DB_DSN", "")
	os.Unsetenv("KNTC_DB_DSN")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	var out, errOut syncBuffer
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &out, &errOut) }()
	deadline := filepath.Join(dir, "data", "kntc.db")
	for range 200 {
		if _, err := os.Stat(deadline); err == nil && strings.Contains(errOut.String(), "kntc đang chạy") {
			break
		}
		sleep()
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Đã tạo người dùng admin với mật khẩu:") {
		t.Fatalf("generated admin password not shown: %q", out.String())
	}
	if _, err := os.Stat(deadline); err != nil {
		t.Fatalf("database not created under data/: %v", err)
	}
}

func sleep() { <-time.After(25 * time.Millisecond) }

// syncBuffer is a buffer the server goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestBackupAndRestore(t *testing.T) {
	dir := inTempDir(t)
	if code, _, stderr := runCLI(t, "mat-khau-rat-dai\n", "user", "create", "--username", "phaply", "--role", "legal"); code != 0 {
		t.Fatal(stderr)
	}
	backup := filepath.Join(dir, "sao-luu", "kntc-1.db")
	if code, out, stderr := runCLI(t, "", "backup", "--out", backup); code != 0 || !strings.Contains(out, backup) {
		t.Fatalf("backup: %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "", "backup", "--out", backup); code == 0 || !strings.Contains(stderr, "đã có") {
		t.Fatalf("second backup over the first: %d %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "x\n", "user", "create", "--username", "lanhdao", "--role", "leader"); code == 0 {
		t.Fatalf("short password accepted: %s", stderr)
	}
	bogus := filepath.Join(dir, "bogus.db")
	os.WriteFile(bogus, []byte("not a database"), 0o600)
	if code, _, stderr := runCLI(t, "", "restore", bogus); code == 0 {
		t.Fatalf("bogus backup restored: %q", stderr)
	}
	if code, out, stderr := runCLI(t, "", "restore", backup); code != 0 || !strings.Contains(out, "Đã khôi phục") {
		t.Fatalf("restore: %d %q %q", code, out, stderr)
	}
	// the restored database still has the user created before the backup
	if code, _, stderr := runCLI(t, "mat-khau-rat-dai\n", "user", "create", "--username", "phaply", "--role", "legal"); code == 0 || !strings.Contains(stderr, "đã được dùng") {
		t.Fatalf("user missing after restore: %d %q", code, stderr)
	}
}

func TestReportCommand(t *testing.T) {
	dir := inTempDir(t)
	out := filepath.Join(dir, "bao-cao", "thang-5.xlsx")
	if code, stdout, stderr := runCLI(t, "", "report", "--month", "2022-05", "--out", out); code != 0 || !strings.Contains(stdout, "tháng 5 năm 2022") {
		t.Fatalf("xlsx: %d %q %q", code, stdout, stderr)
	}
	if info, err := os.Stat(out); err != nil || info.Size() == 0 {
		t.Fatalf("workbook not written: %v", err)
	}
	code, stdout, _ := runCLI(t, "", "report", "--quarter", "2022-Q2", "--format", "json")
	if code != 0 || !strings.Contains(stdout, `"label": "quý II năm 2022"`) {
		t.Fatalf("json: %d %q", code, stdout)
	}
	if code, stdout, _ := runCLI(t, "", "report", "--from", "2022-05-01", "--to", "2022-05-31", "--format", "text"); code != 0 || !strings.Contains(stdout, "Trong kỳ không tiếp nhận đơn") {
		t.Fatalf("text: %d %q", code, stdout)
	}
	for _, args := range [][]string{
		{"report"},
		{"report", "--month", "2022-13"},
		{"report", "--month", "2022-05", "--format", "pdf"},
		{"report", "--month", "2022-05", "--format", "xlsx"},
	} {
		if code, _, stderr := runCLI(t, "", args...); code == 0 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestPruneBackupsKeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"kntc-20220101-000000.db", "kntc-20220102-000000.db", "kntc-20220103-000000.db", "office-copy.db"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	if err := pruneBackups(dir, 2); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, ",") != "kntc-20220102-000000.db,kntc-20220103-000000.db,office-copy.db" {
		t.Fatalf("left %v", left)
	}
}

func TestMigrateMaintenanceFlags(t *testing.T) {
	inTempDir(t)
	code, out, stderr := runCLI(t, "", "migrate", "--recompute-deadlines", "--reindex-people")
	if code != 0 || !strings.Contains(out, "Đã tính lại hạn") || !strings.Contains(out, "chỉ mục công dân") {
		t.Fatalf("exit %d out %q err %q", code, out, stderr)
	}
}
