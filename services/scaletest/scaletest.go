// Package scaletest opens the register of a million letters that the scale
// benchmarks of services and handlers read (issue 7, docs/performance.md).
// Only benchmarks import it.
package scaletest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/services"
)

var (
	once   sync.Once
	opened *gorm.DB
	err    error
)

// Open returns the benchmarks' database, migrated, opening it on the first
// call of the test binary. Building a register of a
// million letters takes minutes, so a prebuilt one is used when named:
//
//	KNTC_BENCH_DB=/path/kntc.db            a SQLite file (a DSN with ?params works too)
//	KNTC_BENCH_POSTGRES_DSN='host=...'     a PostgreSQL database
//
// Without either, the demo generator fills a SQLite file in a new temp
// folder with KNTC_BENCH_LETTERS letters (default 1,000,000) over the four
// years up to this one, seed 7.
func Open() (*gorm.DB, error) {
	once.Do(func() { opened, err = open() })
	return opened, err
}

func open() (*gorm.DB, error) {
	driver, dsn := models.DriverSQLite, os.Getenv("KNTC_BENCH_DB")
	if pg := os.Getenv("KNTC_BENCH_POSTGRES_DSN"); pg != "" {
		driver, dsn = models.DriverPostgres, pg
	}
	generate := dsn == ""
	if generate {
		dir, err := os.MkdirTemp("", "kntc-scale-bench-")
		if err != nil {
			return nil, err
		}
		dsn = filepath.Join(dir, "kntc.db")
	}
	db, err := models.Open(driver, dsn, nil)
	if err != nil {
		return nil, err
	}
	if err := models.Migrate(db); err != nil {
		return nil, err
	}
	if generate {
		n := 1_000_000
		if v, err := strconv.Atoi(os.Getenv("KNTC_BENCH_LETTERS")); err == nil && v > 0 {
			n = v
		}
		svc := services.New(db, services.DefaultConfig(), nil)
		to := svc.Today().Year()
		if _, err := svc.GenerateDemo(context.Background(), services.DemoOptions{Letters: n, FromYear: to - 3, ToYear: to, Seed: 7}); err != nil {
			return nil, err
		}
	}
	return db, nil
}

// Latest returns the date of the newest letter (YYYY-MM-DD) and the year
// before it, the last full year the benchmarks measure.
func Latest(db *gorm.DB) (newest string, lastFullYear int, err error) {
	if err := db.Raw("SELECT MAX(received_on) FROM letters").Scan(&newest).Error; err != nil {
		return "", 0, err
	}
	if len(newest) < 10 {
		return "", 0, fmt.Errorf("the benchmark database has no letters")
	}
	year, err := strconv.Atoi(newest[:4])
	return newest[:10], year - 1, err
}

// CPUTime returns the CPU time the process has used. The benchmarks report
// it per operation beside the wall time: on a shared machine the wall time
// also counts what other processes took from the cores.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
