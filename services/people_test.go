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
