package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"gorm.io/gorm"

	"kntc/handlers"
	"kntc/models"
	"kntc/services"
)

// app is an opened database with its services.
type app struct {
	settings Settings
	log      *slog.Logger
	db       *gorm.DB
	svc      *services.Service
}

// openApp loads the settings, opens and migrates the database.
func openApp(configPath string, env cmdEnv) (*app, error) {
	s, err := loadSettings(configPath)
	if err != nil {
		return nil, err
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(s.Log.Level))
	log := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: level}))
	db, err := models.Open(s.Database.Driver, s.Database.DSN, log)
	if err != nil {
		return nil, fmt.Errorf("không mở được cơ sở dữ liệu: %v", err)
	}
	if err := models.Migrate(db); err != nil {
		return nil, fmt.Errorf("không cập nhật được cấu trúc cơ sở dữ liệu: %v", err)
	}
	return &app{settings: s, log: log, db: db, svc: services.New(db, s.serviceConfig(), log)}, nil
}

func (a *app) close() {
	if sqlDB, err := a.db.DB(); err == nil {
		_ = sqlDB.Close()
	}
}

func runServe(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("serve", "serve [--config F] [--demo]", env.stderr)
	config := fs.String("config", "", "tệp cấu hình (mặc định: biến KNTC_CONFIG, hoặc config.yaml nếu có)")
	demo := fs.Bool("demo", false, "nạp dữ liệu mẫu nếu cơ sở dữ liệu chưa có đơn nào")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	created, generated, err := a.svc.EnsureAdmin(ctx, a.settings.AdminPassword)
	if err != nil {
		return err
	}
	if created && generated != "" {
		// Shown once, on the console of whoever started the first run; it is
		// never logged.
		fmt.Fprintf(env.stdout, "Đã tạo người dùng admin với mật khẩu: %s\nHãy đổi mật khẩu này sau khi đăng nhập.\n", generated)
	}
	if *demo {
		if err := loadDemoIfEmpty(ctx, a, env); err != nil {
			return err
		}
	}
	go scheduleBackups(ctx, a)
	if os.Getenv("GOGC") == "" {
		// A request allocates mostly short-lived values (rows, JSON); a
		// heap target three times the live heap (tens of MB) halves the
		// collector's share of the CPU, 14% of the server's at 300
		// requests/s (docs/performance.md). GOGC set by the operator wins.
		debug.SetGCPercent(200)
	}
	return serveHTTP(ctx, a)
}

// serveHTTP listens until ctx ends, then drains requests for a few seconds.
func serveHTTP(ctx context.Context, a *app) error {
	ln, err := net.Listen("tcp", a.settings.Server.Addr)
	if err != nil {
		return fmt.Errorf("không mở được cổng %s: %v", a.settings.Server.Addr, err)
	}
	srv := &http.Server{
		Handler:           handlers.New(a.svc, a.log, handlers.WithRateLimit(a.settings.Server.RateLimit, a.settings.Server.RateLimitBurst)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // large workbooks stream slowly to old PCs
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	a.log.Info("kntc đang chạy", "addr", "http://"+ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func runMigrate(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("migrate", "migrate [--config F] [--recompute-deadlines] [--reindex-people]", env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	recompute := fs.Bool("recompute-deadlines", false, "tính lại hạn xử lý đơn và hạn giải quyết vụ việc theo lịch nghỉ và cấu hình hiện tại")
	reindex := fs.Bool("reindex-people", false, "lập lại chỉ mục công dân (sau khi nạp dữ liệu hàng loạt)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	fmt.Fprintln(env.stdout, "Đã cập nhật cấu trúc cơ sở dữ liệu.")
	ctx = services.WithActor(ctx, systemActor)
	if *recompute {
		letters, cases, err := a.svc.RecomputeDeadlines(ctx)
		if err != nil {
			return describe(err)
		}
		fmt.Fprintf(env.stdout, "Đã tính lại hạn: %d đơn, %d vụ việc thay đổi.\n", letters, cases)
	}
	if *reindex {
		n, err := a.svc.ReindexPeople(ctx)
		if err != nil {
			return describe(err)
		}
		fmt.Fprintf(env.stdout, "Đã lập lại chỉ mục công dân cho %d bản ghi.\n", n)
	}
	return nil
}
