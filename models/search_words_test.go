package models_test

import (
	"fmt"
	"testing"

	"kntc/models"
	"kntc/models/modeltest"
)

// On PostgreSQL a query word becomes the OR of the whole words it begins,
// from the vocabulary, unless it begins too many, has digits or begins
// none; the rows found are those the prefix finds.
func TestSearchWordsExpandToWholeWords(t *testing.T) {
	if modeltest.Driver() != models.DriverPostgres {
		t.Skip("the vocabulary is PostgreSQL's")
	}
	db := modeltest.NewDB(t)
	many := ""
	for i := range 40 {
		many += fmt.Sprintf(" b%c%c", 'a'+i/26, 'a'+i%26)
	}
	insertLetter(t, db, 1, "Bình Thuận"+many)
	l := insertLetter(t, db, 2, "binhthuan số 12a")
	insertLetter(t, db, 3, "nguyenvan85@example.vn kp3")
	query := func(identity bool, words ...string) string {
		t.Helper()
		_, arg, err := models.SearchMatch(db, "letters", words, identity)
		if err != nil {
			t.Fatal(err)
		}
		return arg.(string)
	}
	for _, c := range []struct {
		words    []string
		identity bool
		want     string
	}{
		{[]string{"binh"}, true, "('binh' | 'binhthuan')"},
		{[]string{"binh"}, false, "('=binh' | '=binhthuan')"},
		{[]string{"b"}, true, "'b':*"},     // begins 43 words
		{[]string{"12"}, true, "'12':*"},   // digits stay prefixes
		{[]string{"12a"}, true, "'12a':*"}, // so do words with digits
		{[]string{"zzq"}, true, "'zzq'"},   // begins no word
		{[]string{"thuan", "b"}, true, "('thuan') & 'b':*"},
		{[]string{"nguyenvan"}, true, "('nguyenvan85')"}, // a word with digits after its letters
		{[]string{"kp"}, true, "('kp3')"},
	} {
		if got := query(c.identity, c.words...); got != c.want {
			t.Errorf("%q (identity %v): %s, want %s", c.words, c.identity, got, c.want)
		}
	}
	count := func(cond string, arg any) int64 {
		t.Helper()
		var n int64
		if err := db.Table("letters").Where(cond, arg).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, w := range []string{"binh", "binht", "bi", "ba", "thu", "nguyenvan", "kp", "example"} {
		cond, arg, _ := models.SearchMatch(db, "letters", []string{w}, true)
		if got, want := count(cond, arg), count("search_vector @@ CAST(? AS tsquery)", w+":*"); got != want {
			t.Errorf("%q finds %d letters, the prefix %d", w, got, want)
		}
	}
	// An edit brings its new words; a new vocabulary is filled from the rows.
	if err := db.Model(&l).Updates(map[string]any{"search_text": "xuanloc"}).Error; err != nil {
		t.Fatal(err)
	}
	if got := query(true, "xuan"); got != "('xuanloc')" {
		t.Errorf("after an edit: %s", got)
	}
	// A filling cut short leaves the vocabulary without its mark.
	migrateAfter(t, db, "DELETE FROM search_words WHERE word LIKE 'b%'", "COMMENT ON TABLE search_words IS NULL")
	if got := query(true, "bin"); got != "('binh')" {
		t.Errorf("after filling again an unmarked vocabulary: %s", got)
	}
	migrateAfter(t, db, "DROP TABLE search_words")
	// binhthuan left the rows with the edit, and so the new vocabulary.
	if got := query(true, "binh") + query(true, "xuan"); got != "('binh')('xuanloc')" {
		t.Errorf("after filling a new vocabulary: %s", got)
	}
}

// PostgreSQL's date indexes of the registers end with the id, also in a
// database made before they did.
func TestPageIndexesHoldTheID(t *testing.T) {
	if modeltest.Driver() != models.DriverPostgres {
		t.Skip("SQLite's indexes end with the row id anyway")
	}
	db := modeltest.NewDB(t)
	columns := func() int {
		var n int
		if err := db.Raw("SELECT indnatts FROM pg_index WHERE indexrelid = 'idx_letters_received_on'::regclass").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := columns(); got != 2 {
		t.Fatalf("a new database's index has %d columns", got)
	}
	migrateAfter(t, db, "DROP INDEX idx_letters_received_on", "CREATE INDEX idx_letters_received_on ON letters (received_on)")
	if got := columns(); got != 2 {
		t.Fatalf("after migrating an old database the index has %d columns", got)
	}
}
