package models_test

import (
	"testing"

	"kntc/models"
	"kntc/models/modeltest"
)

func TestMigrateCreatesTheContractTables(t *testing.T) {
	db := modeltest.NewDB(t)
	for _, table := range []string{"letters", "reception_visits", "reception_sessions", "cases",
		"dialogues", "council_meetings", "documents", "users", "audit_entries"} {
		if !db.Migrator().HasTable(table) {
			t.Errorf("table %s missing", table)
		}
	}
	for _, col := range []string{"id", "code", "received_on", "source", "domain", "kind", "outcome", "status", "deleted_at"} {
		if !db.Migrator().HasColumn(&models.Letter{}, col) {
			t.Errorf("letters.%s missing", col)
		}
	}
	if err := models.Migrate(db); err != nil {
		t.Fatalf("second migration: %v", err)
	}
}

func TestDateRoundTripsThroughTheDatabase(t *testing.T) {
	db := modeltest.NewDB(t)
	l := models.Letter{Code: "2022/000001", Year: 2022, Seq: 1, Status: models.LetterStatusRegistered}
	l.ReceivedOn = models.MustDate("2022-05-31")
	l.Source = models.SourcePost
	l.Subject = "Đơn"
	if err := db.Create(&l).Error; err != nil {
		t.Fatal(err)
	}
	var got models.Letter
	if err := db.First(&got, l.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got.ReceivedOn.String() != "2022-05-31" || got.Domain != "" {
		t.Fatalf("got %q domain %q", got.ReceivedOn, got.Domain)
	}
	var raw *string
	db.Raw("SELECT domain FROM letters WHERE id = ?", l.ID).Scan(&raw)
	if raw != nil {
		t.Fatalf("unset domain stored as %q, want NULL", *raw)
	}
	var n int64
	db.Model(&models.Letter{}).Where("received_on BETWEEN ? AND ?", "2022-05-01", "2022-05-31").Count(&n)
	if n != 1 {
		t.Fatalf("range count %d", n)
	}
}
