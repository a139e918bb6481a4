package models_test

import (
	"testing"

	"gorm.io/gorm"

	"kntc/models"
)

// migrateAfter runs stmts on db (a change by hand, or an earlier
// version's schema), then the migration.
func migrateAfter(t *testing.T, db *gorm.DB, stmts ...string) {
	t.Helper()
	for _, stmt := range stmts {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := models.Migrate(db); err != nil {
		t.Fatal(err)
	}
}

// insertLetter inserts letter seq of 2022, received on 2 May by post,
// with subject and its search columns.
func insertLetter(t *testing.T, db *gorm.DB, seq int, subject string) models.Letter {
	t.Helper()
	l := models.Letter{Code: models.LetterCode(2022, seq), Year: 2022, Seq: seq, Status: models.LetterStatusRegistered}
	l.ReceivedOn, l.Source, l.Subject = models.MustDate("2022-05-02"), models.SourcePost, subject
	l.PrepareSearch()
	if err := db.Create(&l).Error; err != nil {
		t.Fatal(err)
	}
	return l
}
