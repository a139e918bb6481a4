package services_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"kntc/models"
	"kntc/models/modeltest"
	"kntc/services"
)

// sqliteSearchIndexes are the FTS4 tables of every searchable table.
var sqliteSearchIndexes = []string{"letters_fts", "cases_fts", "reception_visits_fts", "reception_sessions_fts",
	"dialogues_fts", "council_meetings_fts", "documents_fts"}

// identityIndexes are the indexes with a search_identity column.
var identityIndexes = []string{"letters_fts", "cases_fts", "reception_visits_fts"}

// Readers of the search checks: legal staff see protected identity, a
// reception officer who created none of the demo letters does not.
var (
	legalReader     = services.Actor{ID: 1, Username: "phaply", Role: models.RoleLegal}
	receptionReader = services.Actor{ID: 9, Username: "tiepdan", Role: models.RoleReception}
)

// loggedDemoEnv is demoEnv with the service's log kept, which says how
// many search indexes a bulk load built beside it.
func loggedDemoEnv(t *testing.T) (*services.Service, *gorm.DB, *bytes.Buffer) {
	t.Helper()
	db := modeltest.NewDB(t)
	cfg := services.DefaultConfig()
	cfg.BcryptCost = 4
	var log bytes.Buffer
	svc := services.New(db, cfg, slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug})))
	svc.SetClock(func() time.Time { return time.Date(2025, 6, 18, 3, 0, 0, 0, time.UTC) })
	return svc, db, &log
}

// besideIndexes returns the number of search indexes the last bulk load
// built beside it, from the log: -1 when it built none there.
func besideIndexes(log *bytes.Buffer) int {
	n := -1
	for _, line := range strings.Split(log.String(), "\n") {
		if strings.Contains(line, "built beside the load") {
			_, after, _ := strings.Cut(line, "indexes=")
			n, _ = strconv.Atoi(after)
		}
	}
	return n
}

// dbPath is the file of a SQLite database.
func dbPath(t *testing.T, db *gorm.DB) string {
	t.Helper()
	var path string
	if err := db.Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&path).Error; err != nil {
		t.Fatal(err)
	}
	return path
}

// dirNames lists a folder.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// newFiles lists the files of dir that were not there before. The WAL
// files may be gone: they come back when the file is next read.
func newFiles(t *testing.T, dir string, before []string) []string {
	t.Helper()
	var out []string
	for _, name := range dirNames(t, dir) {
		if !slices.Contains(before, name) {
			out = append(out, name)
		}
	}
	return out
}

// letterIDs runs a letter search as actor and returns every id found, in
// the list's order.
func letterIDs(t *testing.T, svc *services.Service, actor services.Actor, q string) []uint {
	t.Helper()
	ctx := services.WithActor(context.Background(), actor)
	var ids []uint
	for page := 1; ; page++ {
		list, err := svc.ListLetters(ctx, models.LetterFilter{Q: q}, models.Page{Page: page, PerPage: models.MaxPerPage})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		for _, l := range list.Items {
			ids = append(ids, l.ID)
		}
		if len(list.Items) == 0 || int64(len(ids)) >= list.Total {
			return ids
		}
	}
}

// ftsQuery is the FTS4 query of q as SearchMatch writes it, with every
// word in column (or in any column when column is "").
func ftsQuery(q, column string) string {
	var parts []string
	for _, w := range models.SearchWords(q) {
		if column != "" {
			w = column + ":" + w
		}
		parts = append(parts, w+"*")
	}
	return strings.Join(parts, " ")
}

// docids returns what an FTS4 query finds in an index, in docid order.
func docids(t *testing.T, db *gorm.DB, fts, query string) []uint {
	t.Helper()
	var ids []uint
	if err := db.Raw("SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ? ORDER BY docid", query).Scan(&ids).Error; err != nil {
		t.Fatalf("%s MATCH %q: %v", fts, query, err)
	}
	return ids
}

// holdsWords reports whether every word begins a word of text.
func holdsWords(text string, words []string) bool {
	have := strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	for _, w := range words {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// checkSearchColumns compares letter searches with the letters' own
// search columns. The index finds the letters where every word begins a
// word of either column, or of search_text alone under FTS4's column
// filter; legal staff find the former, and a reception officer the same
// but for the protected letters (denunciations) whose search_text lacks a
// word: such a name is found only in the identity.
func checkSearchColumns(t *testing.T, svc *services.Service, db *gorm.DB) {
	t.Helper()
	var letters []struct {
		ID                         uint
		SearchText, SearchIdentity string
		Kind                       string
		CreatedBy                  uint
	}
	err := db.Raw("SELECT id, search_text, search_identity, COALESCE(kind, '') AS kind, created_by FROM letters " +
		"WHERE deleted_at IS NULL ORDER BY id").Scan(&letters).Error
	if err != nil {
		t.Fatal(err)
	}
	// Names of denouncers (the first three words of an identity), and words
	// of subjects, codes and agencies.
	queries := []string{"thu hoi dat", "ubnd", "2025/0001", "khieu nai", "t"}
	for _, l := range letters {
		words := strings.Fields(strings.NewReplacer(",", " ", "|", " ").Replace(l.SearchIdentity))
		if l.Kind == string(models.KindDenunciation) && len(words) >= 3 && len(queries) < 12 {
			queries = append(queries, strings.Join(words[:3], " "))
		}
	}
	protectedOnly := 0
	for _, q := range queries {
		words := models.SearchWords(q)
		var anyColumn, textOnly, reception []uint
		for _, l := range letters {
			if !holdsWords(l.SearchText+" "+l.SearchIdentity, words) {
				continue
			}
			anyColumn = append(anyColumn, l.ID)
			text := holdsWords(l.SearchText, words)
			if text {
				textOnly = append(textOnly, l.ID)
			}
			if text || l.Kind != string(models.KindDenunciation) || l.CreatedBy == receptionReader.ID {
				reception = append(reception, l.ID)
			} else {
				protectedOnly++
			}
		}
		if got := docids(t, db, "letters_fts", ftsQuery(q, "")); !slices.Equal(got, anyColumn) {
			t.Errorf("%q in any column: the index finds %d letters, the columns hold %d", q, len(got), len(anyColumn))
		}
		if got := docids(t, db, "letters_fts", ftsQuery(q, "search_text")); !slices.Equal(got, textOnly) {
			t.Errorf("%q in search_text: the index finds %d letters, the column holds %d", q, len(got), len(textOnly))
		}
		for _, c := range []struct {
			actor services.Actor
			want  []uint
		}{{legalReader, anyColumn}, {receptionReader, reception}} {
			got := letterIDs(t, svc, c.actor, q)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%q as %s: %d letters found, want %d", q, c.actor.Role, len(got), len(c.want))
			}
		}
	}
	if protectedOnly == 0 {
		t.Error("no query found a protected letter by its identity alone: the column filter went untested")
	}
}

// checkSameAsRebuild compares every search index with the one FTS4's
// rebuild makes from the tables: what the index holds and what searches
// find, before and after a rebuild of every index.
func checkSameAsRebuild(t *testing.T, svc *services.Service, db *gorm.DB) {
	t.Helper()
	built := searchSnapshot(t, svc, db)
	for _, fts := range sqliteSearchIndexes {
		if err := db.Exec("INSERT INTO " + fts + "(" + fts + ") VALUES ('rebuild')").Error; err != nil {
			t.Fatal(err)
		}
	}
	rebuilt := searchSnapshot(t, svc, db)
	if len(built) != len(rebuilt) {
		t.Errorf("the index holds %d facts, %d after a rebuild", len(built), len(rebuilt))
	}
	for i := range min(len(built), len(rebuilt)) {
		if built[i] != rebuilt[i] {
			t.Errorf("first difference from a rebuild:\n%s\nafter the rebuild:\n%s", built[i], rebuilt[i])
			break
		}
	}
}

// searchSnapshot lists what the search indexes hold: every word of each
// full index with its records and occurrences per column (FTS4's fts4aux
// table), every record's word counts and the totals; and what they answer:
// prefix queries of one to three letters (the prefix indexes) and longer,
// in any column and in search_text alone, and letter searches through the
// service by both readers.
func searchSnapshot(t *testing.T, svc *services.Service, db *gorm.DB) []string {
	t.Helper()
	var out []string
	// fts4aux is a table of the connection's temp schema.
	err := db.Connection(func(pinned *gorm.DB) error {
		conn := func() *gorm.DB { return pinned.Session(&gorm.Session{NewDB: true}) }
		for _, fts := range sqliteSearchIndexes {
			if err := conn().Exec("CREATE VIRTUAL TABLE temp.snapshot_terms USING fts4aux(main, " + fts + ")").Error; err != nil {
				return err
			}
			var rows []string
			err := conn().Raw("SELECT ? || ' ' || term || ' ' || col || ' ' || documents || ' ' || occurrences FROM temp.snapshot_terms "+
				"UNION ALL SELECT ? || ' size ' || docid || ' ' || hex(size) FROM "+fts+"_docsize "+
				"UNION ALL SELECT ? || ' totals ' || hex(value) FROM "+fts+"_stat WHERE id = 0 ORDER BY 1", fts, fts, fts).Scan(&rows).Error
			if err != nil {
				return err
			}
			out = append(out, rows...)
			if err := conn().Exec("DROP TABLE temp.snapshot_terms").Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"n", "ng", "ngu", "nguyen van", "le thi", "th", "thu hoi dat", "2025", "ubnd", "khieu nai", "quyet dinh"} {
		for _, fts := range sqliteSearchIndexes {
			out = append(out, fmt.Sprintf("%s %q: %v", fts, q, docids(t, db, fts, ftsQuery(q, ""))))
			if slices.Contains(identityIndexes, fts) {
				out = append(out, fmt.Sprintf("%s %q in search_text: %v", fts, q, docids(t, db, fts, ftsQuery(q, "search_text"))))
			}
		}
		if len(q) < 4 {
			continue // thousands of letters: the list pages through them slowly
		}
		for _, a := range []services.Actor{legalReader, receptionReader} {
			ids := letterIDs(t, svc, a, q)
			slices.Sort(ids)
			out = append(out, fmt.Sprintf("letters %q as %s: %v", q, a.Role, ids))
		}
	}
	return out
}
