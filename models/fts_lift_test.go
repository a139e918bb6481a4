package models_test

import (
	"fmt"
	"testing"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
)

// segment is one row of an FTS4 index's segment directory.
type segment struct {
	Level      int
	Idx        int
	StartBlock int64
}

func segments(t *testing.T, db *gorm.DB) []segment {
	t.Helper()
	var out []segment
	if err := db.Raw("SELECT level, idx, start_block FROM letters_fts_segdir ORDER BY level, idx").Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

func addSearchLetter(t *testing.T, db *gorm.DB, n int) {
	t.Helper()
	l := models.Letter{Code: fmt.Sprintf("2022/%06d", n), Year: 2022, Seq: n, Status: models.LetterStatusRegistered}
	l.CreatedBy, l.Version = 1, 1
	l.ReceivedOn, l.Source = models.MustDate("2022-05-02"), models.SourcePost
	l.Subject = fmt.Sprintf("Khiếu nại đất đai số %d", n)
	l.Senders = []models.Person{{FullName: "Nguyễn Văn Bình", Address: "Tổ 3, phường Tân Hưng"}}
	l.SignerCount = 1
	l.Normalize()
	l.PrepareSearch()
	if err := db.Create(&l).Error; err != nil {
		t.Fatal(err)
	}
}

func matches(t *testing.T, db *gorm.DB, q string) int64 {
	t.Helper()
	var n int64
	if err := db.Raw("SELECT count(*) FROM letters_fts WHERE letters_fts MATCH ?", q).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// A built index lifted to level 40 stays as it is while registrations add
// and merge their small segments: it is never rewritten (its first block
// does not move), searches see old and new rows alike, and the index is
// sound. (Without the lift, optimize leaves it at level 1 or 2, which the
// small segments' merges reach after 256 or 4,096 writes: too many for a
// test, but every few minutes under load at a million letters.)
func TestLiftedSearchIndexIsNotRewrittenByLaterWrites(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("FTS4 is SQLite's")
	}
	db := modeltest.NewDB(t)
	// The register loaded at once, as by kntc demo. FTS4 moves a segment
	// that is small beside a new one down to the new one's level (and so
	// into its merges): the built index must outweigh the later writes.
	err := db.Transaction(func(tx *gorm.DB) error {
		for n := 1; n <= 2000; n++ {
			addSearchLetter(t, tx, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("INSERT INTO letters_fts(letters_fts) VALUES ('optimize')").Error; err != nil {
		t.Fatal(err)
	}
	if err := models.LiftFTSBase(db, "letters_fts"); err != nil {
		t.Fatal(err)
	}
	base := segments(t, db)
	if len(base) != 4 { // the words and the prefixes of one, two and three letters
		t.Fatalf("after optimize: %v, want one segment per index", base)
	}
	for _, s := range base {
		if s.Level%1024 != 40 {
			t.Fatalf("segment %+v not lifted to level 40", s)
		}
	}
	// FTS4 merges sixteen segments of a level into one of the next: 300
	// writes merge the first levels several times over.
	for n := 2001; n <= 2300; n++ {
		addSearchLetter(t, db, n)
	}
	after := segments(t, db)
	for _, b := range base {
		found := false
		for _, s := range after {
			found = found || s == b
		}
		if !found {
			t.Errorf("lifted segment %+v was merged away by later writes: %v", b, after)
		}
	}
	if n := matches(t, db, "nguyen* binh*"); n != 2300 {
		t.Errorf("search finds %d letters, want 2300", n)
	}
	if n := matches(t, db, "2250"); n != 1 {
		t.Errorf("search for a new letter's number finds %d, want 1", n)
	}
	if err := db.Exec("INSERT INTO letters_fts(letters_fts) VALUES ('integrity-check')").Error; err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	// Lifting again changes nothing.
	if err := models.LiftFTSBase(db, "letters_fts"); err != nil {
		t.Fatal(err)
	}
	if again := segments(t, db); fmt.Sprint(again) != fmt.Sprint(after) {
		t.Errorf("a second lift moved segments: %v, then %v", after, again)
	}
}

// While FTS4 has an incremental merge under way (its hint names levels),
// nothing is moved.
func TestLiftWaitsForAnIncrementalMerge(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("FTS4 is SQLite's")
	}
	db := modeltest.NewDB(t)
	for n := 1; n <= 20; n++ {
		addSearchLetter(t, db, n)
	}
	before := segments(t, db)
	if err := db.Exec("INSERT OR REPLACE INTO letters_fts_stat(id, value) VALUES (1, x'0102')").Error; err != nil {
		t.Fatal(err)
	}
	if err := models.LiftFTSBase(db, "letters_fts"); err != nil {
		t.Fatal(err)
	}
	if after := segments(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("segments moved during a merge: %v, then %v", before, after)
	}
}
