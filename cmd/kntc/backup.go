package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"kntc/models"
	"kntc/services"
)

// systemActor is the acting user of maintenance commands run on the server
// machine itself, where whoever runs them already holds the database file.
var systemActor = services.Actor{Username: "cli", Role: models.RoleAdmin}

func runBackup(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("backup", "backup --out F [--config F]", env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	out := fs.String("out", "", "tệp sao lưu sẽ tạo (không ghi đè tệp đã có)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"cần --out F"}
	}
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	if err := a.svc.Backup(services.WithActor(ctx, systemActor), *out); err != nil {
		return describe(err)
	}
	if err := services.CheckBackup(*out); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Đã sao lưu vào %s.\n", *out)
	return nil
}

// runRestore puts a checked backup in place of the SQLite database file. The
// server must be stopped; the file it replaces is kept beside it.
func runRestore(_ context.Context, args []string, env cmdEnv) error {
	fs := newFlags("restore", "restore [--config F] F   (dừng máy chủ trước khi khôi phục)", env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	if err := fs.Parse(args); err != nil {
		if err.Error() == "flag: help requested" {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"cần đúng một tệp sao lưu: kntc restore F"}
	}
	src := fs.Arg(0)
	s, err := loadSettings(*config)
	if err != nil {
		return err
	}
	if s.Database.Driver != models.DriverSQLite {
		return fmt.Errorf("khôi phục PostgreSQL bằng pg_restore; lệnh restore chỉ dành cho SQLite")
	}
	if err := services.CheckBackup(src); err != nil {
		return err
	}
	dst := strings.TrimPrefix(s.Database.DSN, "file:")
	if i := strings.IndexByte(dst, '?'); i >= 0 {
		dst = dst[:i]
	}
	kept := ""
	if _, err := os.Stat(dst); err == nil {
		kept = fmt.Sprintf("%s.before-restore-%s", dst, time.Now().Format("20060102-150405"))
		if err := os.Rename(dst, kept); err != nil {
			return fmt.Errorf("không giữ lại được cơ sở dữ liệu hiện tại: %v", err)
		}
	}
	for _, side := range []string{"-wal", "-shm"} {
		_ = os.Remove(dst + side) // the old database's log must not be replayed onto the restored one
	}
	if err := copyFile(src, dst); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Đã khôi phục %s từ %s.\n", dst, src)
	if kept != "" {
		fmt.Fprintf(env.stdout, "Cơ sở dữ liệu trước đó được giữ tại %s.\n", kept)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
