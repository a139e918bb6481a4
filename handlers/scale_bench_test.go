package handlers_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/handlers"
	"kntc/models"
	"kntc/services"
	"kntc/services/scaletest"
)

// The API at a million letters (issue 7, docs/performance.md): each kind of
// request the load test sends, through the full router, on the register
// scaletest.Open opens (set KNTC_BENCH_DB or KNTC_BENCH_POSTGRES_DSN to a
// prebuilt one). The benchmarks add a user "bench-tiepdan" and, for the
// registration benchmark, letters to that database. Only -bench runs any
// of this.

// apiScale is the router over the big register and what requests use.
type apiScale struct {
	db    *gorm.DB
	e     *env
	month string // YYYY-MM, a month of the last full year
	year  string
	ids   []int
	today string
}

// apiScaleSetup opens the register, logs the bench user in and picks what
// the requests use.
func apiScaleSetup(b *testing.B) apiScale {
	b.Helper()
	s, err := openAPIScale()
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func openAPIScale() (apiScale, error) {
	var s apiScale
	db, err := scaletest.Open()
	if err != nil {
		return s, err
	}
	s.db = db
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	svc := services.New(db, cfg, nil)
	s.e = &env{t: &testing.T{}, svc: svc, h: handlers.New(svc, nil), tokens: map[string]string{}, users: map[string]uint{}}
	admin := services.WithActor(context.Background(), services.Actor{Username: "bench", Role: models.RoleAdmin})
	_, err = svc.CreateUser(admin, services.UserInput{Username: "bench-tiepdan", Role: models.RoleReception, Password: "mat-khau-bench"})
	if err != nil && models.CodeOf(err) != models.CodeConflict {
		return s, err
	}
	res, err := svc.Login(context.Background(), "bench-tiepdan", "mat-khau-bench", "127.0.0.1")
	if err != nil {
		return s, err
	}
	s.e.tokens["reception"] = res.Token
	today, year, err := scaletest.Latest(db)
	if err != nil {
		return s, err
	}
	s.today, s.year = today, strconv.Itoa(year)
	s.month = s.year + "-05"
	err = db.Raw("SELECT id FROM letters WHERE received_on >= ? AND received_on <= ? AND deleted_at IS NULL LIMIT 5000",
		s.month+"-01", s.month+"-31").Scan(&s.ids).Error
	return s, err
}

// BenchmarkScaleAPI measures each kind of request of the load test, and the
// reports of the targets, one after another.
func BenchmarkScaleAPI(b *testing.B) {
	s := apiScaleSetup(b)
	from, to := s.month+"-01", s.month+"-31"
	r := rand.New(rand.NewPCG(7, 7))
	for _, c := range []struct {
		name   string
		method string
		path   func() string
		body   func() any
		want   int
		fresh  bool // a new service each time: nothing cached
	}{
		{name: "read_letter", method: "GET", want: 200, path: func() string { return "/api/v1/letters/" + strconv.Itoa(s.ids[r.IntN(len(s.ids))]) }},
		{name: "month_page", method: "GET", want: 200, path: func() string { return "/api/v1/letters?from=" + from + "&to=" + to + "&page=2" }},
		{name: "month_filtered", method: "GET", want: 200, path: func() string {
			return "/api/v1/letters?from=" + from + "&to=" + to + "&domain=land&kind=complaint"
		}},
		{name: "year_filtered", method: "GET", want: 200, path: func() string {
			return "/api/v1/letters?from=" + s.year + "-01-01&to=" + s.year + "-12-31&domain=land&kind=complaint"
		}},
		{name: "first_page", method: "GET", want: 200, path: func() string { return "/api/v1/letters" }},
		{name: "name_search", method: "GET", want: 200, path: func() string { return "/api/v1/letters?q=" + url.QueryEscape("nguyen van binh") }},
		{name: "rare_name_search", method: "GET", want: 200, path: func() string { return "/api/v1/letters?q=" + url.QueryEscape("le thi kim") }},
		{name: "create_letter", method: "POST", want: 201, path: func() string { return "/api/v1/letters" }, body: func() any {
			// A new sender each time, as at the reception desk: the same one
			// would make every answer list all of their earlier letters.
			n := r.IntN(1e9)
			return letterBody(map[string]any{"received_on": s.today, "subject": "Đo tải: khiếu nại về thu hồi đất số " + strconv.Itoa(n),
				"senders": []map[string]any{{"full_name": "Người Đo Tải " + strconv.Itoa(n), "id_number": fmt.Sprintf("079%09d", n)}}})
		}},
		{name: "statistics_month_cached", method: "GET", want: 200, path: func() string { return "/api/v1/reports/statistics?month=" + s.month }},
		{name: "statistics_year", method: "GET", want: 200, fresh: true, path: func() string { return "/api/v1/reports/statistics?year=" + s.year }},
		{name: "statistics_year_cached", method: "GET", want: 200, path: func() string { return "/api/v1/reports/statistics?year=" + s.year }},
		{name: "workbook_month", method: "GET", want: 200, fresh: true, path: func() string { return "/api/v1/reports/statistics?format=xlsx&month=" + s.month }},
	} {
		b.Run(c.name, func(b *testing.B) {
			e := s.e
			if strings.HasSuffix(c.name, "_cached") {
				// Counted once before the clock starts: the runs measure
				// what a cached answer costs.
				e.do(c.method, c.path(), "reception", nil)
			}
			b.ReportAllocs()
			start := scaletest.CPUTime()
			for b.Loop() {
				if c.fresh {
					svc := services.New(s.db, e.svc.Config(), nil)
					e = &env{t: e.t, svc: svc, h: handlers.New(svc, nil), tokens: e.tokens, users: e.users}
				}
				var body any
				if c.body != nil {
					body = c.body()
				}
				if resp := e.do(c.method, c.path(), "reception", body); resp.Status != c.want {
					b.Fatalf("%s: status %d: %s", c.name, resp.Status, resp.Body)
				}
			}
			b.ReportMetric(float64(scaletest.CPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}
