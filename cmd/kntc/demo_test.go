package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kntc/models"
)

func TestDemoCommandLoadsOnceAndPrintsOneLine(t *testing.T) {
	inTempDir(t)
	code, out, stderr := runCLI(t, "", "demo", "--letters", "200", "--seed", "3")
	if code != 0 || !strings.Contains(out, "200 đơn") || !strings.Contains(out, "lượt tiếp công dân") ||
		strings.Count(out, "\n") != 1 {
		t.Fatalf("exit %d, out %q, err %q", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "", "demo", "--letters", "10")
	if code != 1 || !strings.Contains(stderr, "đã có 200 đơn") {
		t.Fatalf("second load: exit %d, err %q", code, stderr)
	}
}

func TestDemoCommandRejectsBadInput(t *testing.T) {
	future := strconv.Itoa(time.Now().Year() + 2)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no letters", []string{"--letters", "0"}, "Số đơn phải từ 1 đến 5.000.000"},
		{"too many letters", []string{"--letters", "5000001"}, "Số đơn phải từ 1 đến 5.000.000"},
		{"years reversed", []string{"--from-year", "2024", "--to-year", "2023"}, "Năm bắt đầu không được sau năm kết thúc"},
		{"future year", []string{"--to-year", future}, "không được sau năm nay"},
		{"before 2000", []string{"--from-year", "1999", "--to-year", "2001"}, "--from-year: Năm bắt đầu phải từ năm 2000"},
		{"ends before 2000", []string{"--to-year", "1998"}, "--to-year: Năm kết thúc phải từ năm 2000"},
		{"not a number", []string{"--letters", "nhiều"}, "invalid value"},
		{"extra argument", []string{"thêm"}, "tham số thừa"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := inTempDir(t)
			code, out, stderr := runCLI(t, "", append([]string{"demo"}, c.args...)...)
			if code != 2 || !strings.Contains(stderr, c.want) || out != "" {
				t.Fatalf("exit %d, out %q, err %q", code, out, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "data", "kntc.db")); err == nil {
				t.Error("bad input created the database")
			}
		})
	}
}

func TestDemoCommandHelp(t *testing.T) {
	inTempDir(t)
	code, out, stderr := runCLI(t, "", "demo", "-h")
	if code != 0 || out != "" || !strings.Contains(stderr, "Cách dùng: kntc demo") || !strings.Contains(stderr, "-letters") {
		t.Fatalf("exit %d, out %q, err %q", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "demo") {
		t.Fatalf("help: exit %d, out %q", code, out)
	}
}

func TestServeDemoLoadsSampleAndUsersOnlyIntoAnEmptyRegister(t *testing.T) {
	inTempDir(t)
	var out, errOut strings.Builder
	env := cmdEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	a, err := openApp("", env)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	ctx := context.Background()
	if err := loadDemoIfEmpty(ctx, a, env); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], "1.500 đơn") {
		t.Fatalf("output %q", out.String())
	}
	for i, u := range demoUsers {
		if !strings.Contains(lines[i+1], u.Username) || !strings.Contains(lines[i+1], u.Role.Label()) ||
			!strings.Contains(lines[i+1], demoPassword) {
			t.Errorf("line for %s: %q", u.Username, lines[i+1])
		}
		var got models.User
		if err := a.db.Where("username = ?", u.Username).First(&got).Error; err != nil || got.Role != u.Role {
			t.Errorf("user %s: %+v, %v", u.Username, got, err)
		}
		if _, err := a.svc.Login(ctx, u.Username, demoPassword, "127.0.0.1"); err != nil {
			t.Errorf("%s cannot sign in with the demo password: %v", u.Username, err)
		}
	}
	out.Reset()
	if err := loadDemoIfEmpty(ctx, a, env); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "đã có đơn") || strings.Contains(out.String(), demoPassword) {
		t.Fatalf("second start: %q", out.String())
	}
	var n int64
	a.db.Model(&models.Letter{}).Count(&n)
	if n != demoSampleLetters {
		t.Fatalf("%d letters after two starts", n)
	}
}
