package services_test

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/exports"
	"kntc/models"
	"kntc/services"
	"kntc/services/scaletest"
)

// The scale benchmarks read a register of a million letters (issue 7,
// docs/performance.md), opened by scaletest.Open: set KNTC_BENCH_DB or
// KNTC_BENCH_POSTGRES_DSN to a prebuilt one. Only -bench runs any of this.

// scaleEnv is the opened million-letter register and its periods.
type scaleEnv struct {
	db    *gorm.DB
	svc   *services.Service
	year  services.Period // the last full year with letters
	month services.Period // a full month of that year
}

// scaleSetup opens the register and picks the periods measured.
func scaleSetup(b *testing.B) scaleEnv {
	b.Helper()
	e, err := openScale()
	if err != nil {
		b.Fatal(err)
	}
	return e
}

func openScale() (scaleEnv, error) {
	var e scaleEnv
	db, err := scaletest.Open()
	if err != nil {
		return e, err
	}
	e.db, e.svc = db, services.New(db, services.DefaultConfig(), nil)
	_, year, err := scaletest.Latest(db)
	if err != nil {
		return e, err
	}
	cutoff := e.svc.Config().CutoffDay
	if e.year, err = services.ParsePeriodValues(url.Values{"year": {strconv.Itoa(year)}}, cutoff); err != nil {
		return e, err
	}
	e.month, err = services.ParsePeriodValues(url.Values{"month": {strconv.Itoa(year) + "-05"}}, cutoff)
	return e, err
}

// loopCPU runs op b.N times and reports its CPU milliseconds per operation.
func loopCPU(b *testing.B, op func() error) {
	b.Helper()
	start := scaletest.CPUTime()
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(scaletest.CPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
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
