package models_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
)

// sideLoad inserts docs in one transaction with the row triggers
// suspended, as a bulk load does, handing side the values rows (after
// prepare, if given, has altered it), and returns the side builder once
// the transaction has committed and the side files have been removed.
func sideLoad(t *testing.T, db *gorm.DB, prepare func(*models.SearchSide), docs []models.Document, rows []any) *models.SearchSide {
	t.Helper()
	var side *models.SearchSide
	err := db.Connection(func(pinned *gorm.DB) error {
		conn := func() *gorm.DB { return pinned.Session(&gorm.Session{NewDB: true}) }
		var err error
		if side, err = models.NewSearchSide(conn()); err != nil {
			return err
		}
		if prepare != nil {
			prepare(side)
		}
		defer func() {
			if err := side.Close(conn()); err != nil {
				t.Errorf("close the side index: %v", err)
			}
		}()
		return conn().Transaction(func(tx *gorm.DB) error {
			resume, err := models.SuspendRowTriggers(tx, side)
			if err != nil {
				return err
			}
			if err := tx.Create(&docs).Error; err != nil {
				return err
			}
			side.Add("documents", rows)
			side.EndInput()
			return resume()
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return side
}

// sideDocs are documents with ids and their side index values.
func sideDocs(n int) ([]models.Document, []any) {
	var docs []models.Document
	var rows []any
	for i := 1; i <= n; i++ {
		d := models.Document{DocumentFields: models.DocumentFields{Number: fmt.Sprintf("%d/TB-VP", i),
			IssuedOn: models.MustDate("2025-03-04"), DocType: models.DocTypes()[0], Subject: "Thông báo kết luận"}}
		d.ID, d.SearchText = uint(i), fmt.Sprintf("%d/tb-vp thong bao ket luan so%d", i, i)
		docs = append(docs, d)
		rows = append(rows, int64(i), d.SearchText)
	}
	return docs, rows
}

// checkSideLoaded checks that the documents' index matches their table
// and finds each of them, and that no side file is left.
func checkSideLoaded(t *testing.T, db *gorm.DB, n int) {
	t.Helper()
	if err := db.Exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')").Error; err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	var found []int64
	if err := db.Raw("SELECT docid FROM documents_fts WHERE documents_fts MATCH 'thong ket*' ORDER BY docid").Scan(&found).Error; err != nil {
		t.Fatal(err)
	}
	if len(found) != n {
		t.Errorf("found %d of %d documents", len(found), n)
	}
	if err := db.Raw("SELECT docid FROM documents_fts WHERE documents_fts MATCH 'so7'").Scan(&found).Error; err != nil || !slices.Equal(found, []int64{7}) {
		t.Errorf("so7 finds %v (%v)", found, err)
	}
	// What the index holds beyond its words: every record's word counts
	// and the totals, as a rebuild from the table makes them.
	var sizes [2][]string
	for i := range sizes {
		if i == 1 {
			if err := db.Exec("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')").Error; err != nil {
				t.Fatal(err)
			}
		}
		err := db.Raw("SELECT docid || ':' || hex(size) FROM documents_fts_docsize UNION ALL " +
			"SELECT 'stat ' || id || ':' || hex(value) FROM documents_fts_stat WHERE id = 0 ORDER BY 1").Scan(&sizes[i]).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(sizes[0], sizes[1]) || len(sizes[0]) != n+1 {
		t.Errorf("word counts and totals\n%v\nafter a rebuild\n%v", sizes[0], sizes[1])
	}
	var path string
	if err := db.Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&path).Error; err != nil {
		t.Fatal(err)
	}
	left, err := filepath.Glob(path + ".search-*")
	if err != nil || len(left) > 0 {
		t.Errorf("side files left: %v (%v)", left, err)
	}
}

func TestSearchSideCopiesIndexes(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the side index is SQLite's")
	}
	db := modeltest.NewDB(t)
	docs, rows := sideDocs(50)
	side := sideLoad(t, db, nil, docs, rows)
	if side.Err() != nil || side.Copied() != 7 {
		t.Errorf("side: %d indexes copied, %v", side.Copied(), side.Err())
	}
	checkSideLoaded(t, db, 50)
}

// TestSearchSideFallsBackToRebuild makes the side builder fail: the load
// still gets a sound index, built from the table, and no side file is left.
func TestSearchSideFallsBackToRebuild(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("the side index is SQLite's")
	}
	for _, c := range []struct {
		name    string
		prepare func(*models.SearchSide)
		bad     []any
		copied  int // the letters' index, built by a builder of its own
	}{
		{"the side files cannot be created", func(s *models.SearchSide) {
			models.SetSearchSideDir(s, filepath.Join(t.TempDir(), "missing"))
		}, nil, 0},
		{"the side index refuses a row", nil, []any{"not a docid", "x"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := modeltest.NewDB(t)
			docs, rows := sideDocs(50)
			side := sideLoad(t, db, c.prepare, docs, append(rows, c.bad...))
			if side.Err() == nil || side.Copied() != c.copied {
				t.Errorf("side: %d indexes copied, %v", side.Copied(), side.Err())
			}
			checkSideLoaded(t, db, 50)
		})
	}
}
