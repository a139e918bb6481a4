package services_test

import (
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/exports"
	"kntc/models"
	"kntc/services"
)

// The scale benchmarks read a register of a million letters (issue 7,
// docs/performance.md). Building one takes minutes, so they use a prebuilt
// database when told where it is:
//
//	KNTC_BENCH_DB=/path/kntc.db            a SQLite file (opened as is)
//	KNTC_BENCH_POSTGRES_DSN='host=...'     a PostgreSQL database
//
// Without either, the first scale benchmark generates one with the demo
// generator into the benchmark's temp folder: KNTC_BENCH_LETTERS letters
// (default 1,000,000) over the four years up to this one. Only -bench runs
// any of this; plain `go test` never does.

// scaleEnv is the opened million-letter register and its periods.
type scaleEnv struct {
	db    *gorm.DB
	svc   *services.Service
	year  services.Period // the last full year with letters
	month services.Period // a full month of that year
}

var (
	scaleOnce sync.Once
	scale     scaleEnv
	scaleErr  error
)

// scaleSetup opens (or builds) the register once per test binary.
func scaleSetup(b *testing.B) scaleEnv {
	b.Helper()
	scaleOnce.Do(func() { scale, scaleErr = openScale() })
	if scaleErr != nil {
		b.Fatal(scaleErr)
	}
	return scale
}

func openScale() (scaleEnv, error) {
	var e scaleEnv
	driver, dsn := models.DriverSQLite, os.Getenv("KNTC_BENCH_DB")
	if pg := os.Getenv("KNTC_BENCH_POSTGRES_DSN"); pg != "" {
		driver, dsn = models.DriverPostgres, pg
	}
	generate := dsn == ""
	if generate {
		dir, err := os.MkdirTemp("", "kntc-scale-bench-")
		if err != nil {
			return e, err
		}
		dsn = filepath.Join(dir, "kntc.db")
	}
	db, err := models.Open(driver, dsn, nil)
	if err != nil {
		return e, err
	}
	if err := models.Migrate(db); err != nil {
		return e, err
	}
	e.db, e.svc = db, services.New(db, services.DefaultConfig(), nil)
	if generate {
		n := 1_000_000
		if v, err := strconv.Atoi(os.Getenv("KNTC_BENCH_LETTERS")); err == nil && v > 0 {
			n = v
		}
		to := e.svc.Today().Year()
		if _, err := e.svc.GenerateDemo(context.Background(), services.DemoOptions{Letters: n, FromYear: to - 3, ToYear: to, Seed: 7}); err != nil {
			return e, err
		}
	}
	var last string
	if err := db.Raw("SELECT MAX(received_on) FROM letters").Scan(&last).Error; err != nil {
		return e, err
	}
	if len(last) < 4 {
		return e, io.ErrUnexpectedEOF
	}
	year, _ := strconv.Atoi(last[:4])
	cutoff := e.svc.Config().CutoffDay
	if e.year, err = services.ParsePeriodValues(url.Values{"year": {strconv.Itoa(year - 1)}}, cutoff); err != nil {
		return e, err
	}
	e.month, err = services.ParsePeriodValues(url.Values{"month": {strconv.Itoa(year-1) + "-05"}}, cutoff)
	return e, err
}

// cpuTime returns the CPU time the process has used. The benchmarks report
// it per operation beside the wall time: on a shared machine the wall time
// also counts what other processes took from the two cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopCPU runs op b.N times and reports its CPU milliseconds per operation.
func loopCPU(b *testing.B, op func() error) {
	b.Helper()
	start := cpuTime()
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// scaleActors read the register: legal staff see protected identity,
// reception staff (who created none of the letters) do not.
var scaleActors = map[string]context.Context{
	"legal":     services.WithActor(context.Background(), services.Actor{ID: 1_000_001, Username: "phaply", Role: models.RoleLegal}),
	"reception": services.WithActor(context.Background(), services.Actor{ID: 1_000_002, Username: "tiepdan", Role: models.RoleReception}),
}

// BenchmarkScaleStatistics computes a year's and a month's statistics
// JSON figures (each with the period before it and the same period a year
// earlier; for a year the two are the same and counted once), beside the
// floor: the bare GROUP BY of the year's letters by domain, kind and
// outcome. The plain runs count everything, with a service whose figures
// cache is empty; the _cached runs ask a service that has the figures and
// only checks that they still hold.
func BenchmarkScaleStatistics(b *testing.B) {
	e := scaleSetup(b)
	for _, c := range []struct {
		name   string
		period services.Period
	}{{"year", e.year}, {"month", e.month}} {
		b.Run(c.name, func(b *testing.B) {
			loopCPU(b, func() error {
				_, err := services.New(e.db, services.DefaultConfig(), nil).Statistics(scaleActors["legal"], c.period)
				return err
			})
		})
		b.Run(c.name+"_cached", func(b *testing.B) {
			svc := services.New(e.db, services.DefaultConfig(), nil)
			if _, err := svc.Statistics(scaleActors["legal"], c.period); err != nil {
				b.Fatal(err)
			}
			loopCPU(b, func() error {
				_, err := svc.Statistics(scaleActors["legal"], c.period)
				return err
			})
		})
	}
	b.Run("floor_group_by", func(b *testing.B) {
		loopCPU(b, func() error {
			var rows []struct {
				Domain, Kind, Outcome string
				N                     int
			}
			return e.db.Raw(`SELECT domain, kind, outcome, COUNT(*) AS n FROM letters
				WHERE received_on BETWEEN ? AND ? GROUP BY 1, 2, 3`, e.year.From.String(), e.year.To.String()).Scan(&rows).Error
		})
	})
}

// BenchmarkScaleList reads pages of the register: the first page, filtered
// pages, and searches.
func BenchmarkScaleList(b *testing.B) {
	e := scaleSetup(b)
	land, complaint := models.DomainLand, models.KindComplaint
	month, year := e.month.Range(), e.year.Range()
	for _, c := range []struct {
		name, actor string
		f           models.LetterFilter
	}{
		{"first_page", "legal", models.LetterFilter{}},
		{"month_land_complaint", "legal", models.LetterFilter{Range: month, Domain: land, Kind: complaint}},
		{"year_land_complaint", "legal", models.LetterFilter{Range: year, Domain: land, Kind: complaint}},
		{"name_search", "legal", models.LetterFilter{Q: "nguyen van binh"}},
		{"name_search_reception", "reception", models.LetterFilter{Q: "nguyen van binh"}},
		{"rare_name_search", "legal", models.LetterFilter{Q: "le thi kim"}},
		{"subject_search", "legal", models.LetterFilter{Q: "thu hoi dat"}},
		{"name_search_month", "legal", models.LetterFilter{Range: month, Q: "nguyen van"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var total int64
			loopCPU(b, func() error {
				list, err := e.svc.ListLetters(scaleActors[c.actor], c.f, models.Page{Page: 1, PerPage: 50})
				total = list.Total
				return err
			})
			b.ReportMetric(float64(total), "letters")
		})
	}
}

// BenchmarkScaleWorkbook writes a month's statistics workbook (figures of
// three periods, the letter register of the month, sessions, meetings).
func BenchmarkScaleWorkbook(b *testing.B) {
	e := scaleSetup(b)
	b.ReportAllocs()
	loopCPU(b, func() error {
		wb, err := e.svc.StatisticsWorkbook(scaleActors["legal"], e.month, false)
		if err != nil {
			return err
		}
		return exports.WriteStatisticsWorkbook(io.Discard, wb)
	})
}
