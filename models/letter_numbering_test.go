package models_test

import (
	"testing"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
)

// numberLetter registers a letter of 2022 with subject the way the service
// does, in its own transaction, and returns it as stored.
func numberLetter(t *testing.T, db *gorm.DB, subject string) models.Letter {
	t.Helper()
	l := models.Letter{Status: models.LetterStatusRegistered}
	l.ReceivedOn, l.Source, l.Subject = models.MustDate("2022-05-02"), models.SourcePost, subject
	if err := db.Transaction(func(tx *gorm.DB) error { return models.InsertNumberedLetter(tx, &l) }); err != nil {
		t.Fatal(err)
	}
	var stored models.Letter
	if err := db.First(&stored, l.ID).Error; err != nil {
		t.Fatal(err)
	}
	if stored.Seq != l.Seq || stored.Code != l.Code || stored.SearchText != l.SearchText {
		t.Fatalf("returned %d %q %q, stored %d %q %q", l.Seq, l.Code, l.SearchText, stored.Seq, stored.Code, stored.SearchText)
	}
	return stored
}

// Numbers follow the year's counter on both databases, a letter's code
// leads its search words as PrepareSearch puts it, and the search finds
// the letter by its code.
func TestInsertNumberedLetter(t *testing.T) {
	db := modeltest.NewDB(t)
	first := numberLetter(t, db, "Khiếu nại về đất đai")
	second := numberLetter(t, db, "")
	if first.Seq != 1 || first.Code != "2022/000001" || second.Seq != 2 || second.Code != "2022/000002" {
		t.Fatalf("numbers %d %q, %d %q", first.Seq, first.Code, second.Seq, second.Code)
	}
	want := first
	want.PrepareSearch()
	if first.SearchText != want.SearchText || first.SearchText != "2022/000001 khieu nai ve dat dai" {
		t.Fatalf("search text %q, PrepareSearch gives %q", first.SearchText, want.SearchText)
	}
	if second.SearchText != "2022/000002" {
		t.Fatalf("search text of a letter without subject: %q", second.SearchText)
	}
	cond, arg, err := models.SearchMatch(db, "letters", models.SearchWords("2022/000002"), false)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint
	if err := db.Model(&models.Letter{}).Where(cond, arg).Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || ids[0] != second.ID {
		t.Fatalf("search by code found %v, want [%d]", ids, second.ID)
	}
}

// A number past 999,999 keeps all its digits, as LetterCode writes it, and
// a letter inserted with its own number (a bulk load) leaves the counter.
func TestInsertNumberedLetterPastSixDigits(t *testing.T) {
	db := modeltest.NewDB(t)
	if err := db.Create(&models.LetterCounter{Year: 2022, Last: 999_999}).Error; err != nil {
		t.Fatal(err)
	}
	insertLetter(t, db, 5, "nạp sẵn")
	l := numberLetter(t, db, "đơn thứ một triệu")
	if l.Seq != 1_000_000 || l.Code != "2022/1000000" || l.Code != models.LetterCode(2022, 1_000_000) {
		t.Fatalf("number %d %q", l.Seq, l.Code)
	}
	first, err := reserve(db, 2022, 3)
	if err != nil || first != 1_000_001 {
		t.Fatalf("reserved from %d (%v), want 1000001", first, err)
	}
	if first, err := reserve(db, 2023, 2); err != nil || first != 1 {
		t.Fatalf("a new year's first reserved number %d (%v), want 1", first, err)
	}
}

// reserve takes n numbers of year in a transaction of its own.
func reserve(db *gorm.DB, year, n int) (first int, err error) {
	err = db.Transaction(func(tx *gorm.DB) error {
		first, err = models.ReserveLetterSeqs(tx, year, n)
		return err
	})
	return first, err
}

// On PostgreSQL the migration puts back a numbering trigger that is
// missing or calls an earlier version's function.
func TestMigrateReplacesTheNumberingTrigger(t *testing.T) {
	if modeltest.Driver() != models.DriverPostgres {
		t.Skip("SQLite numbers letters in Go")
	}
	db := modeltest.NewDB(t)
	migrateAfter(t, db, "DROP TRIGGER letters_number ON letters")
	if l := numberLetter(t, db, "sau khi thiếu trigger"); l.Code != "2022/000001" {
		t.Fatalf("code %q", l.Code)
	}
	migrateAfter(t, db,
		`CREATE FUNCTION kntc_number_letter_v0() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
		"DROP TRIGGER letters_number ON letters",
		"CREATE TRIGGER letters_number BEFORE INSERT ON letters FOR EACH ROW WHEN (NEW.seq = 0) EXECUTE FUNCTION kntc_number_letter_v0()")
	if l := numberLetter(t, db, "sau khi trigger cũ"); l.Code != "2022/000002" {
		t.Fatalf("code %q", l.Code)
	}
}
