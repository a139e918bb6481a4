package services_test

import (
	"context"
	"testing"
	"time"

	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// peopleService returns a service over a fresh database, today 15/06/2022,
// and a context for a legal officer.
func peopleService(t *testing.T) (*services.Service, context.Context) {
	t.Helper()
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	s := services.New(modeltest.NewDB(t), cfg, nil)
	s.SetClock(func() time.Time { return time.Date(2022, 6, 15, 10, 0, 0, 0, time.UTC) })
	return s, services.WithActor(context.Background(), services.Actor{ID: 1, Username: "legal", Role: models.RoleLegal})
}

func TestPeopleMatching(t *testing.T) {
	s, ctx := peopleService(t)
	letter := func(p models.Person) models.Letter {
		t.Helper()
		l, err := s.CreateLetter(ctx, models.LetterFields{ReceivedOn: models.MustDate("2022-06-01"), Source: models.SourcePost,
			Senders: []models.Person{p}, Subject: "Khiếu nại thu hồi đất"})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	letter(models.Person{FullName: "Nguyễn Văn An", IDNumber: "079123456789", Address: "Phường 1, Tây Ninh"})
	letter(models.Person{FullName: "nguyen  van AN", Address: "phuong 1 tay ninh"})                           // name and address
	letter(models.Person{FullName: "Nguyễn Văn An", Phone: "+84 912 345 678", Address: "Phường 1, Tây Ninh"}) // name and address again
	letter(models.Person{FullName: "Nguyễn Văn An", Phone: "0912345678"})                                     // name and phone
	letter(models.Person{FullName: "Nguyễn Văn An", IDNumber: "079999999999", Address: "Phường 1, Tây Ninh"}) // another ID: another person
	letter(models.Person{FullName: "Nguyễn Văn An"})                                                          // a bare name: a person of its own
	count := func() (int64, int) {
		t.Helper()
		got, err := s.SearchPeople(ctx, services.PeopleFilter{Q: "nguyen van an"}, models.Page{Page: 1, PerPage: 50})
		if err != nil {
			t.Fatal(err)
		}
		most := 0
		for _, p := range got.Items {
			most = max(most, p.Letters)
		}
		return got.Total, most
	}
	if total, most := count(); total != 3 || most != 4 {
		t.Fatalf("people %d, largest file %d letters; want 3 people, one with 4 letters", total, most)
	}
	admin := services.WithActor(context.Background(), services.Actor{Username: "cli", Role: models.RoleAdmin})
	if n, err := s.ReindexPeople(admin); err != nil || n != 6 {
		t.Fatalf("reindex: %d, %v", n, err)
	}
	if total, most := count(); total != 3 || most != 4 {
		t.Fatalf("after reindexing: people %d, largest file %d letters", total, most)
	}
	if _, err := s.ReindexPeople(ctx); models.CodeOf(err) != models.CodeForbidden {
		t.Fatalf("legal may not reindex: %v", err)
	}
}

func TestRecomputeDeadlines(t *testing.T) {
	s, ctx := peopleService(t)
	l, err := s.CreateLetter(ctx, models.LetterFields{ReceivedOn: models.MustDate("2022-04-28"), Source: models.SourcePost,
		Senders: []models.Person{{FullName: "Trần Văn Bình"}}, Subject: "Kiến nghị"})
	if err != nil || l.HandlingDueOn.String() != "2022-05-16" {
		t.Fatalf("%v %s", err, l.HandlingDueOn)
	}
	// A database written by a version that counted no holidays.
	if err := s.DB().Model(&models.Letter{}).Where("id = ?", l.ID).UpdateColumn("handling_due_on", "2022-05-12").Error; err != nil {
		t.Fatal(err)
	}
	admin := services.WithActor(context.Background(), services.Actor{Username: "cli", Role: models.RoleAdmin})
	letters, cases, err := s.RecomputeDeadlines(admin)
	if err != nil || letters != 1 || cases != 0 {
		t.Fatalf("moved %d letters, %d cases: %v", letters, cases, err)
	}
	if got, _ := s.GetLetter(ctx, l.ID); got.HandlingDueOn.String() != "2022-05-16" {
		t.Fatalf("due %s", got.HandlingDueOn)
	}
	if _, _, err := s.RecomputeDeadlines(ctx); models.CodeOf(err) != models.CodeForbidden {
		t.Fatalf("legal may not recompute: %v", err)
	}
}

func TestConcurrentRegistrationsMakeOneCitizen(t *testing.T) {
	s, ctx := peopleService(t)
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			// Visits: letters are serialised anyway by their year's counter.
			_, err := s.CreateVisit(ctx, models.VisitFields{VisitedOn: models.MustDate("2022-06-01"), Type: models.VisitTypeRegular,
				PeopleCount: 1, Representative: models.Person{FullName: "Đỗ Thị Hoa", IDNumber: "079555555555", Address: "Ấp " + string(rune('A'+i))},
				Content: "Kiến nghị", Outcome: models.VisitOutcomeGuided})
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.SearchPeople(ctx, services.PeopleFilter{Q: "079555555555"}, models.Page{Page: 1, PerPage: 50})
	if err != nil || got.Total != 1 || got.Items[0].Visits != 8 || got.Items[0].Cases != 8 {
		t.Fatalf("%+v %v", got, err)
	}
}
