package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/handlers"
	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// benchEnv is a router over a database seeded with n letters, for benchmarks.
func benchEnv(b *testing.B, n int) *env {
	b.Helper()
	db := modeltest.NewDB(b)
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	svc := services.New(db, cfg, nil)
	svc.SetClock(func() time.Time { return today })
	e := &env{t: &testing.T{}, svc: svc, h: handlers.New(svc, nil), tokens: map[string]string{}, users: map[string]uint{}}
	ctx := services.WithActor(context.Background(), services.Actor{Role: models.RoleAdmin})
	if _, err := svc.CreateUser(ctx, services.UserInput{Username: "legal", Role: models.RoleLegal, Password: "matkhau-legal"}); err != nil {
		b.Fatal(err)
	}
	res, err := svc.Login(context.Background(), "legal", "matkhau-legal", "127.0.0.1")
	if err != nil {
		b.Fatal(err)
	}
	e.tokens["legal"] = res.Token
	if err := seedLetters(db, n); err != nil {
		b.Fatal(err)
	}
	return e
}

// seedLetters bulk-inserts n letters spread over 2021-2022 with varied
// senders, domains and kinds.
func seedLetters(db *gorm.DB, n int) error {
	surnames := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"}
	given := []string{"An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Minh", "Nam", "Phúc", "Thảo", "Tuấn", "Yến"}
	domains := []models.Domain{models.DomainLand, models.DomainLand, models.DomainCivil, models.DomainOther}
	kinds := []models.Kind{models.KindComplaint, models.KindPetition, models.KindComplaint, models.KindDenunciation}
	start := models.MustDate("2021-01-01")
	return db.Transaction(func(tx *gorm.DB) error {
		batch := make([]models.Letter, 0, 1000)
		for i := range n {
			d := start.AddDays(i * 730 / n)
			l := models.Letter{Code: fmt.Sprintf("%d/%06d", d.Year(), i+1), Year: d.Year(), Seq: i + 1,
				Status: models.LetterStatusClassified, HandlingDueOn: d.AddDays(14)}
			l.CreatedBy, l.Version = 1, 1
			l.ReceivedOn, l.Source = d, models.SourcePost
			l.Senders = []models.Person{{FullName: fmt.Sprintf("%s Văn %s %d", surnames[i%10], given[i/10%12], i), IDNumber: fmt.Sprintf("079%09d", i)}}
			l.SignerCount = 1
			l.Subject = fmt.Sprintf("Khiếu nại về đất đai thửa số %d", i)
			l.Domain, l.Kind = domains[i%4], kinds[i/4%4]
			l.PrepareSearch()
			batch = append(batch, l)
			if len(batch) == cap(batch) || i == n-1 {
				if err := tx.CreateInBatches(batch, 200).Error; err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		return nil
	})
}

func BenchmarkCreateLetter(b *testing.B) {
	e := benchEnv(b, 0)
	body := letterBody(nil)
	b.ResetTimer()
	for b.Loop() {
		if r := e.do("POST", "/api/v1/letters", "legal", body); r.Status != http.StatusCreated {
			b.Fatalf("status %d %s", r.Status, r.Body)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
}

func BenchmarkCreateLetterConcurrent(b *testing.B) {
	e := benchEnv(b, 0)
	body := letterBody(nil)
	var mu sync.Mutex
	b.SetParallelism(16) // 32 writers on 2 cores, like a busy office
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if r := e.do("POST", "/api/v1/letters", "legal", body); r.Status != http.StatusCreated {
				mu.Lock()
				b.Errorf("status %d %s", r.Status, r.Body)
				mu.Unlock()
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
}

// BenchmarkList100k measures reads of the register at 100,000 letters.
func BenchmarkList100k(b *testing.B) {
	e := benchEnv(b, 100_000)
	for _, c := range []struct{ name, query string }{
		{"first_page", "/api/v1/letters"},
		{"month_filtered", "/api/v1/letters?from=2022-05-01&to=2022-05-31&domain=land&kind=complaint"},
		{"name_search", "/api/v1/letters?q=nguyen%20van%20binh%2099"},
		{"subject_search", "/api/v1/letters?q=thua%20so%2012345"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if r := e.do("GET", c.query, "legal", nil); r.Status != http.StatusOK {
					b.Fatalf("status %d %s", r.Status, r.Body)
				}
			}
		})
	}
}
