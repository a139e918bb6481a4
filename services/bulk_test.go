package services_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
	before, err := models.FigureVersion(db, models.FigureLetters, on, on)
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
	if after, err := models.FigureVersion(db, models.FigureLetters, on, on); err != nil || after <= before {
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
	for _, fts := range sqliteSearchIndexes {
		if err := db.Exec("INSERT INTO " + fts + "(" + fts + ") VALUES ('integrity-check')").Error; err != nil {
			t.Errorf("%s after the load: %v", fts, err)
		}
		// The built index is lifted out of the registrations' merges
		// (models.LiftFTSBase): one segment at level 40 of each index.
		var lifted, indexes int64
		if err := db.Raw("SELECT count(*) FROM " + fts + "_segdir WHERE level % 1024 = 40").Scan(&lifted).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Raw("SELECT count(DISTINCT level / 1024) FROM " + fts + "_segdir").Scan(&indexes).Error; err != nil {
			t.Fatal(err)
		}
		if lifted != indexes {
			t.Errorf("%s after the load: %d of %d indexes lifted", fts, lifted, indexes)
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
	svc, db, log := loggedDemoEnv(t)
	other, err := models.Open(models.DriverSQLite, dbPath(t, db), nil)
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
	if n := besideIndexes(log); n != len(sqliteSearchIndexes) {
		t.Errorf("%d search indexes built beside the load under WAL", n)
	}
	checkAfterBulkLoad(t, svc, db)
	checkSameAsRebuild(t, svc, db)
}

// sideOptions are a load whose search indexes the side builder builds
// from a few thousand records, with common names and words.
var sideOptions = services.DemoOptions{Letters: 3000, FromYear: 2024, ToYear: 2025, Seed: 11}

// TestDemoLoadBuildsSearchIndexesBeside loads an empty register: every
// search index is built in the side files and copied in, the copies are
// sound, match the records' own search columns, keep the protected
// identity apart, equal what FTS4's rebuild makes from the tables and
// take new registrations; the side files are gone.
func TestDemoLoadBuildsSearchIndexesBeside(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the side index is SQLite's")
	}
	svc, db, log := loggedDemoEnv(t)
	dir := filepath.Dir(dbPath(t, db))
	before := dirNames(t, dir)
	if _, err := svc.GenerateDemo(context.Background(), sideOptions); err != nil {
		t.Fatal(err)
	}
	if n := besideIndexes(log); n != len(sqliteSearchIndexes) {
		t.Errorf("%d search indexes built beside the load, want %d", n, len(sqliteSearchIndexes))
	}
	if left := newFiles(t, dir, before); len(left) > 0 {
		t.Errorf("files left beside the database: %v", left)
	}
	checkSearchColumns(t, svc, db)
	checkAfterBulkLoad(t, svc, db)
	checkSameAsRebuild(t, svc, db)
}

// TestDemoLoadRebuildsAnIndexInUse loads a register that already has a
// document: the documents' index is built from the table after the load,
// with the earlier document, and the others beside the load.
func TestDemoLoadRebuildsAnIndexInUse(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the side index is SQLite's")
	}
	svc, db, log := loggedDemoEnv(t)
	ctx := services.WithActor(context.Background(), legalReader)
	doc, err := svc.CreateDocument(ctx, models.DocumentFields{Number: "5/TB-VP", IssuedOn: models.MustDate("2025-01-06"),
		DocType: models.DocTypes()[0], Subject: "Thông báo lịch tiếp công dân định kỳ của Chủ tịch"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.GenerateDemo(context.Background(), sideOptions); err != nil {
		t.Fatal(err)
	}
	if n := besideIndexes(log); n != len(sqliteSearchIndexes)-1 {
		t.Errorf("%d search indexes built beside the load, want all but the documents'", n)
	}
	found, err := svc.ListDocuments(ctx, models.DocumentFilter{Q: "lich tiep cong dan dinh ky chu tich"}, models.Page{Page: 1, PerPage: 10})
	if err != nil || found.Total != 1 || found.Items[0].ID != doc.ID {
		t.Errorf("the earlier document after the load: %+v, %v", found, err)
	}
	checkAfterBulkLoad(t, svc, db)
	checkSameAsRebuild(t, svc, db)
}

// TestDemoLoadFailureLeavesNoSideFile makes a load fail while the side
// builders run, and after their indexes were copied in: the load rolls
// back whole, the side files are gone, and the next load builds beside
// again.
func TestDemoLoadFailureLeavesNoSideFile(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the side index is SQLite's")
	}
	for _, c := range []struct{ name, table, when string }{
		{"while inserting", "documents", "WHEN new.id = 1000"}, // mid-load: earlier batches went to the side
		{"after the copy", "audit_entries", ""},                // the audit entry is the load's last row
	} {
		t.Run(c.name, func(t *testing.T) {
			svc, db, log := loggedDemoEnv(t)
			dir := filepath.Dir(dbPath(t, db))
			before := dirNames(t, dir)
			if err := db.Exec("CREATE TRIGGER fail_load BEFORE INSERT ON " + c.table + " " + c.when +
				" BEGIN SELECT RAISE(ABORT, 'injected failure'); END").Error; err != nil {
				t.Fatal(err)
			}
			if _, err := svc.GenerateDemo(context.Background(), sideOptions); err == nil {
				t.Fatal("the load did not fail")
			}
			if left := newFiles(t, dir, before); len(left) > 0 {
				t.Errorf("files left beside the database after a failed load: %v", left)
			}
			var letters, indexed int64
			if err := db.Raw("SELECT (SELECT COUNT(*) FROM letters), (SELECT COUNT(*) FROM letters_fts_docsize)").
				Row().Scan(&letters, &indexed); err != nil || letters != 0 || indexed != 0 {
				t.Errorf("after the failed load: %d letters, %d indexed (%v)", letters, indexed, err)
			}
			if err := db.Exec("DROP TRIGGER fail_load").Error; err != nil {
				t.Fatal(err)
			}
			if _, err := svc.GenerateDemo(context.Background(), bulkOptions); err != nil {
				t.Fatal(err)
			}
			if n := besideIndexes(log); n != len(sqliteSearchIndexes) {
				t.Errorf("%d search indexes built beside the next load", n)
			}
			checkAfterBulkLoad(t, svc, db)
		})
	}
}

// TestDemoLoadRemovesSideFilesOfAKilledLoad: a load killed mid-way leaves
// its side files; the next load deletes them.
func TestDemoLoadRemovesSideFilesOfAKilledLoad(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the side index is SQLite's")
	}
	svc, db, _ := loggedDemoEnv(t)
	path := dbPath(t, db)
	dir := filepath.Dir(path)
	stale := []string{path + ".search-123456", path + ".search-123456-journal"}
	for _, f := range stale {
		if err := os.WriteFile(f, []byte("left by a killed load"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, "other.db.search-1") // another database's
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.GenerateDemo(context.Background(), sideOptions); err != nil {
		t.Fatal(err)
	}
	for _, f := range stale {
		if _, err := os.Stat(f); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is still there: %v", filepath.Base(f), err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another database's file was touched: %v", err)
	}
}
