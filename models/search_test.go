package models_test

import (
	"slices"
	"testing"

	"kntc/models"
	"kntc/models/modeltest"
)

func TestSearchWords(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"Nguyễn Văn Bình", []string{"nguyen", "binh", "van"}},
		{"ĐẤT  đai", []string{"dat", "dai"}},
		{"Tra\u0302\u0300n Thi\u0323", []string{"tran", "thi"}}, // decomposed
		{"12/QĐ-UBND", []string{"ubnd", "12", "qd"}},
		{"a.b@c.vn", []string{"vn", "a", "b", "c"}},
		{"“đất đai”", []string{"dat", "dai"}},
		{"100%", []string{"100"}},
		{"2e10x", []string{"2e10x"}},
		{"Søren", []string{"ren", "s"}},
		{"nguyen ng nguyen n", []string{"nguyen"}}, // implied words dropped
		{"van vanh", []string{"vanh"}},
		{"%", nil},
		{"", nil},
	} {
		if got := models.SearchWords(c.q); !slices.Equal(got, c.want) {
			t.Errorf("SearchWords(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestMigrateKeepsTheSearchIndex(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the FTS4 index and its triggers are SQLite's")
	}
	db := modeltest.NewDB(t)
	l := insertLetter(t, db, 1, "Tranh chấp đất đai")
	found := func() bool {
		var n int64
		if err := db.Raw("SELECT COUNT(*) FROM letters_fts WHERE letters_fts MATCH 'tranh*'").Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	if !found() {
		t.Fatal("the insert trigger did not index the letter")
	}
	// Take the letter out of the index by hand: a migration that rebuilt
	// the index would put it back.
	if err := db.Exec("DELETE FROM letters_fts WHERE docid = ?", l.ID).Error; err != nil {
		t.Fatal(err)
	}
	migrateAfter(t, db)
	if found() {
		t.Fatal("a second migration rebuilt an index whose definition had not changed")
	}
	migrateAfter(t, db, "DROP TRIGGER letters_fts_ai")
	if !found() {
		t.Fatal("a changed definition did not rebuild the index")
	}
	var triggers int64
	db.Raw("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'letters_fts_ai'").Scan(&triggers)
	if triggers != 1 {
		t.Fatal("the missing trigger was not created again")
	}
}
