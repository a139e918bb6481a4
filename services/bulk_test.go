package services_test

import (
	"context"
	"slices"
	"testing"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// bulkOptions are a small load: the bulk path is the same at any size.
var bulkOptions = services.DemoOptions{Letters: 300, FromYear: 2025, ToYear: 2025, Seed: 3}

// checkAfterBulkLoad registers a letter after a demo load and checks that
// the row triggers suspended for the load work again (the letter is found
// by search, its month's figures are invalidated) and, on SQLite, that the
// file is back in WAL and its search indexes are sound.
func checkAfterBulkLoad(t *testing.T, svc *services.Service, db *gorm.DB) {
	t.Helper()
	ctx := services.WithActor(context.Background(), services.Actor{ID: 1, Username: "phaply", Role: models.RoleLegal})
	on := models.MustDate("2025-06-02")
	before, err := models.FigureVersion(db, on, on)
	if err != nil {
		t.Fatal(err)
	}
	l, err := svc.CreateLetter(ctx, models.LetterFields{ReceivedOn: on, Source: models.SourcePost,
		Senders: []models.Person{{FullName: "Khổng Minh Triết"}}, Subject: "Kiến nghị về lối đi chung"})
	if err != nil {
		t.Fatal(err)
	}
	found, err := svc.ListLetters(ctx, models.LetterFilter{Q: "khong minh triet"}, models.Page{Page: 1, PerPage: 10})
	if err != nil || found.Total != 1 || found.Items[0].ID != l.ID {
		t.Errorf("search after the load: %+v, %v", found, err)
	}
	if after, err := models.FigureVersion(db, on, on); err != nil || after <= before {
		t.Errorf("figure version %d after a registration, %d before (%v)", after, before, err)
	}
	if db.Dialector.Name() != models.DriverSQLite {
		return
	}
	var mode string
	if err := db.Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil || mode != "wal" {
		t.Errorf("journal mode after the load: %q, %v", mode, err)
	}
	var triggers []string
	if err := db.Raw("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_ai'").Scan(&triggers).Error; err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"letters_fts_ai", "cases_fts_ai", "reception_visits_fts_ai", "documents_fts_ai",
		"letters_figures_ai", "cases_figures_ai", "reception_visits_figures_ai", "documents_figures_ai"} {
		if !slices.Contains(triggers, want) {
			t.Errorf("trigger %s missing after the load: %v", want, triggers)
		}
	}
	for _, fts := range []string{"letters_fts", "cases_fts", "reception_visits_fts", "documents_fts"} {
		if err := db.Exec("INSERT INTO " + fts + "(" + fts + ") VALUES ('integrity-check')").Error; err != nil {
			t.Errorf("%s after the load: %v", fts, err)
		}
	}
}

func TestDemoLoadRestoresTriggersIndexesAndJournal(t *testing.T) {
	svc, db := demoEnv(t)
	sum, err := svc.GenerateDemo(context.Background(), bulkOptions)
	if err != nil {
		t.Fatal(err)
	}
	if sum.BesideWAL {
		t.Error("the load went through the WAL with nobody else connected")
	}
	checkAfterBulkLoad(t, svc, db)
}

// TestDemoLoadBesideAnotherConnection loads while another program has the
// file open: SQLite refuses to leave WAL then, and the load runs under WAL
// instead of failing or waiting.
func TestDemoLoadBesideAnotherConnection(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the journal switch is SQLite's")
	}
	svc, db := demoEnv(t)
	var path string
	if err := db.Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&path).Error; err != nil {
		t.Fatal(err)
	}
	other, err := models.Open(models.DriverSQLite, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := other.DB(); err == nil {
			_ = sqlDB.Close()
		}
	})
	var n int64
	if err := other.Model(&models.Letter{}).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	sum, err := svc.GenerateDemo(context.Background(), bulkOptions)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.BesideWAL {
		t.Error("the load beside another connection did not say it went through the WAL")
	}
	if err := other.Model(&models.Letter{}).Count(&n).Error; err != nil || n != int64(bulkOptions.Letters) {
		t.Errorf("the other connection counts %d letters (%v)", n, err)
	}
	checkAfterBulkLoad(t, svc, db)
}
