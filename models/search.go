package models

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// Word search.
//
// A search query matches a record when every word of the query is the
// beginning of a word of the record's search columns: "nguyen van b" finds
// "Nguyễn Văn Bình", "dat" finds "đất đai" but "at" does not. Words are the
// maximal runs of ASCII letters and digits in the folded text (Fold: lower
// case, Vietnamese diacritics removed, đ as d); everything else, "/", "-",
// "@", "%", curly quotes, separates words.
//
// Both databases answer it from an index instead of scanning every row
// with LIKE '%w%' (linear: 700 ms at a million letters):
//   - SQLite: an FTS4 table per searchable table, with the record table as
//     its external content, kept in step by triggers, so that bulk loads
//     (demo, import) that insert rows without the services are indexed too.
//     FTS5 would be the modern choice, but mattn/go-sqlite3 builds it only
//     with a build tag the README commands do not pass.
//   - PostgreSQL: a stored generated tsvector column of the same words
//     with a GIN index. The words are cut by regexp_split_to_array with
//     explicit ranges, not by to_tsvector, whose parser reads e-mails, paths
//     and numbers such as "2e10" as tokens of their own and whose letter
//     classes follow the server's locale. The column is stored, not an
//     index expression, because PostgreSQL rechecks the condition on every
//     row of a bitmap page once the bitmap outgrows work_mem: with the
//     expression that meant running the regular expressions again on a
//     quarter of the table (14 s for one search at a million letters).
//
// The identity column must stay unsearchable for readers who may not see a
// protected identity, so both indexes keep the columns apart: FTS4 by its
// column filters (search_text:w*), PostgreSQL by holding each word of
// search_text twice, as itself and marked with a leading "=" (a character
// no word holds), so that "=w:*" finds text words only while "w:*" finds
// both. Searching the identity as "(w:* | ~w:*)" over marked identity words
// would need an OR, and PostgreSQL 15 returned too few rows for such a
// prefix OR once the bitmap became lossy (20,416 of 20,754 letters).

// searchable lists the models whose search columns are indexed; identity
// says the model has a search_identity column as well as search_text.
var searchable = []struct {
	model    any
	identity bool
}{
	{&Letter{}, true}, {&Case{}, true}, {&ReceptionVisit{}, true},
	{&ReceptionSession{}, false}, {&Dialogue{}, false}, {&CouncilMeeting{}, false}, {&Document{}, false},
}

// textMark starts the second copy of every search_text word in the
// PostgreSQL vector.
const textMark = "="

// pgVectorColumn is the PostgreSQL column of a table's words.
const pgVectorColumn = "search_vector"

// SearchWords returns the words of a query, as the indexes cut the records'
// text: folded, split on every character that is not an ASCII letter or
// digit. A word that begins another word of the query is left out, since
// the longer one implies it ("nguyen ng" asks no more than "nguyen"); this
// also spares the index a short prefix that begins half its words.
func SearchWords(q string) []string {
	words := strings.FieldsFunc(Fold(q), func(r rune) bool { return !isWordByte(r) })
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) }) // longest first
	out := words[:0]
	for _, w := range words {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.HasPrefix(o, w) }) {
			out = append(out, w)
		}
	}
	return out
}

// isWordByte reports whether r belongs to a word: an ASCII lower-case
// letter or digit (Fold has lowered every letter).
func isWordByte(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }

// SearchMatch returns a condition keeping the rows of table whose search
// columns hold every word (see SearchWords), and its one argument. With
// identity false only search_text counts; with identity true a word may also
// be found in search_identity. Callers decide who may search the identity.
func SearchMatch(db *gorm.DB, table string, words []string, identity bool) (string, any, error) {
	hasIdentity, ok := searchTables(db)[table]
	if !ok {
		return "", nil, fmt.Errorf("table %s has no search index", table)
	}
	identity = identity && hasIdentity
	if db.Dialector.Name() == DriverPostgres {
		// The GIN index answers whole words far faster than prefixes
		// (search_words.go).
		expanded, err := expandWords(db, words)
		if err != nil {
			return "", nil, err
		}
		return pgSearchMatch(table, words, !identity && hasIdentity, expanded)
	}
	// An FTS4 query: terms are ANDed; an unqualified term matches in any
	// column, a qualified one only in its own.
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w + "*"
		if !identity && hasIdentity {
			parts[i] = "search_text:" + parts[i]
		}
	}
	return table + ".id IN (SELECT docid FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)",
		strings.Join(parts, " "), nil
}

// pgSearchMatch is SearchMatch's condition on PostgreSQL: a tsquery
// ANDing the words, marked as text words when textOnly, each expanded to
// whole words where expanded says so. The words hold only [a-z0-9], so
// they need no escaping.
func pgSearchMatch(table string, words []string, textOnly bool, expanded map[string][]string) (string, any, error) {
	mark := ""
	if textOnly {
		mark = textMark
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = pgWordQuery(w, mark, expanded)
	}
	return table + "." + pgVectorColumn + " @@ CAST(? AS tsquery)", strings.Join(parts, " & "), nil
}

// SearchTextHolds returns a condition on a row of table that holds when its
// search_text alone has every word (SearchWords), as SearchMatch with
// identity false finds, and its arguments. It is for testing the few rows
// that SearchMatch has already found, not for finding rows: on SQLite an
// FTS4 query with a column filter reads the index's whole lists for its
// words whatever the rows to test (18 ms for "nguyen van binh" at a million
// letters), while the row's own column is at hand. There each word must
// follow the start of the text or a character after which the index surely
// starts a word (wordStartGlob): the test must never find a word in the
// text that the index finds only in the protected names. PostgreSQL tests
// the row's own word vector.
func SearchTextHolds(db *gorm.DB, table string, words []string) (string, []any, error) {
	hasIdentity, ok := searchTables(db)[table]
	if !ok {
		return "", nil, fmt.Errorf("table %s has no search index", table)
	}
	if db.Dialector.Name() == DriverPostgres {
		// Prefixes: this tests rows, where a prefix costs no more than a
		// word, so the vocabulary is not consulted.
		cond, arg, err := pgSearchMatch(table, words, hasIdentity, nil)
		return cond, []any{arg}, err
	}
	parts := make([]string, len(words))
	args := make([]any, 0, 2*len(words))
	for i, w := range words {
		// The words hold only [a-z0-9]: nothing in them is a GLOB pattern.
		// instr first: a GLOB that begins with "*[class]" tries the class
		// at every character of the text, and most protected letters hold
		// the word only in their names (99 ms for "nguyen van binh" at a
		// million letters with the GLOB alone, 76 with instr before it).
		parts[i] = "(instr(" + table + ".search_text, ?) > 0 AND (' ' || " + table + ".search_text) GLOB ?)"
		args = append(args, w, "*"+wordStartGlob+w+"*")
	}
	return "(" + strings.Join(parts, " AND ") + ")", args, nil
}

// searchPageIndexes are SQLite indexes holding what a searched page of the
// register reads of every match: its id, withdrawal, date (the default
// order) and what the identity rule tests (kind, creator). A common name
// matches 20,000 of a million letters, and reading each from the table
// touched a page of the 800 MB table per match; from this index, a page
// of 35 MB, "nguyen van binh" took 76 ms instead of 99. SQLite's planner
// prefers the rowid to any index for "id IN (...)", so the searched page
// names it (SearchSource). The other tables are searched at a tenth of the
// letters' volume and do without.
var searchPageIndexes = map[string]struct{ name, columns string }{
	"letters": {"idx_letters_search", "id, deleted_at, received_on, kind, created_by"},
}

// SearchSource returns what a searched page of table reads its matches
// from: on SQLite the table with its searchPageIndexes entry, otherwise
// the table itself.
func SearchSource(db *gorm.DB, table string) string {
	idx, ok := searchPageIndexes[table]
	if !ok || db.Dialector.Name() == DriverPostgres {
		return table
	}
	return table + " INDEXED BY " + idx.name
}

// searchTables maps each indexed table to whether it has identity words.
func searchTables(db *gorm.DB) map[string]bool {
	out := make(map[string]bool, len(searchable))
	for _, s := range searchable {
		out[tableName(db, s.model)] = s.identity
	}
	return out
}

// tableName returns the table GORM keeps model in.
func tableName(db *gorm.DB, model any) string {
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(model); err != nil {
		panic(fmt.Sprintf("parse model %T: %v", model, err)) // a programming error in searchable
	}
	return stmt.Schema.Table
}

// pgSearchVector is the expression of a table's search_vector column:
// every word of both columns, and on tables with an identity column every
// word of search_text again with textMark in front.
func pgSearchVector(identity bool) string {
	if !identity {
		return `array_to_tsvector(array_remove(regexp_split_to_array(coalesce(search_text, ''), '[^a-z0-9]+'), ''))`
	}
	return `array_to_tsvector(array_remove(` +
		`regexp_split_to_array(coalesce(search_text, '') || ' ' || coalesce(search_identity, ''), '[^a-z0-9]+') || ` +
		`regexp_split_to_array(regexp_replace(regexp_replace(coalesce(search_text, ''), '[^a-z0-9]+', ' ', 'g'), ` +
		`'[a-z0-9]+', '` + textMark + `\&', 'g'), ' '), ''))`
}

// ftsSeparators are the characters the SQLite tokenizer must treat as
// separators although Unicode calls them letters or digits, so that its
// words are the ASCII runs the PostgreSQL index cuts. They are whole blocks
// (Latin-1 to Arabic, Latin Extended Additional, super- and subscripts,
// number forms, enclosed and full-width forms), not a list drawn from Go's
// Unicode tables, so that the index definition never changes with the Go
// version. A letter of another script written inside an ASCII word is the
// one case where the two databases may still cut differently.
var ftsSeparators = func() string {
	var b strings.Builder
	for _, r := range ftsSeparatorBlocks {
		for c := r[0]; c <= r[1]; c++ {
			if c != '"' {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}()

// ftsSeparatorBlocks are the blocks of ftsSeparators.
var ftsSeparatorBlocks = [][2]rune{{0x00A0, 0x07FF}, {0x1E00, 0x1EFF}, {0x2070, 0x209F}, {0x2150, 0x218F},
	{0x2460, 0x24FF}, {0x2C60, 0x2C7F}, {0xA720, 0xA7FF}, {0xAB30, 0xAB6F}, {0xFF00, 0xFFEF}}

// wordStartGlob is a GLOB character class of characters after which the
// SQLite index surely starts a word: ASCII characters other than letters
// and digits, ftsSeparatorBlocks, and General Punctuation (U+2000 to
// U+206F: spaces, dashes, curly quotes, which the tokenizer separates on as
// punctuation). A letter of another script is not in it, since the index
// takes such a letter into the word ("中binh" holds no word "binh" there).
// A rarer separator outside the class only makes SearchTextHolds miss a
// word, never find one the index would not.
var wordStartGlob = func() string {
	var b strings.Builder
	// '[' to '`' as a range takes in ']' and '^' without their meaning in a
	// class; NUL never occurs in text.
	b.WriteString("[\x01-/:-@[-`{-\x7f")
	for _, r := range append(slices.Clone(ftsSeparatorBlocks), [2]rune{0x2000, 0x206F}) {
		b.WriteRune(r[0])
		b.WriteByte('-')
		b.WriteRune(r[1])
	}
	b.WriteByte(']')
	return b.String()
}()

// sqliteSearchDDL returns the statements that create table's FTS4 index
// and the triggers that keep it in step.
//
// The tables with an identity column, searched by people's names, also
// index every word's first one, two and three letters. FTS4 answers a
// prefix query by merging the lists of every word that begins with it: a
// whole syllable of five letters or more begins a handful of words, but a
// shorter one begins dozens ("thi" also begins thien, thiet, thieu, thinh)
// and a letter hundreds. At a million letters, "nguyen van b" took 284 ms
// in the index without prefixes and 56 ms with them, and a reception
// officer's "le thi kim" (whose words must also be found outside the
// protected names) 24 ms with the one- and two-letter prefixes alone and
// 5 ms with the three-letter one. Longer prefix indexes paid only for
// e-mail addresses, whose local parts begin with names; e-mails are not
// searched (Person.searchText), and each prefix index costs indexing every
// word again: with prefixes of one to six letters the letters' index took
// twice as long to build as without (26 s instead of 13 s), with one to
// three letters 19 s.
//
// An external-content FTS4 table removes a row's words by reading them
// from the content table, so the old words are removed before an update
// or delete and the new ones added after; an update that leaves both
// search columns alone (a soft delete, a status change) leaves the index
// alone.
func sqliteSearchDDL(table string, identity bool) []string {
	fts := table + "_fts"
	cols, newCols := "search_text", "new.search_text"
	changed := "old.search_text IS NOT new.search_text"
	if identity {
		cols += ", search_identity"
		newCols += ", new.search_identity"
		changed += " OR old.search_identity IS NOT new.search_identity"
	}
	options := ""
	if identity {
		options = `prefix="1,2,3", `
	}
	return []string{
		fmt.Sprintf(`CREATE VIRTUAL TABLE %s USING fts4(content="%s", %s, %stokenize=unicode61 "remove_diacritics=0" "separators=%s")`,
			fts, table, cols, options, ftsSeparators),
		fmt.Sprintf(`CREATE TRIGGER %s_ai AFTER INSERT ON %s BEGIN INSERT INTO %s(docid, %s) VALUES (new.id, %s); END`,
			fts, table, fts, cols, newCols),
		fmt.Sprintf(`CREATE TRIGGER %s_bu BEFORE UPDATE ON %s WHEN %s BEGIN DELETE FROM %s WHERE docid = old.id; END`,
			fts, table, changed, fts),
		fmt.Sprintf(`CREATE TRIGGER %s_au AFTER UPDATE ON %s WHEN %s BEGIN INSERT INTO %s(docid, %s) VALUES (new.id, %s); END`,
			fts, table, changed, fts, cols, newCols),
		fmt.Sprintf(`CREATE TRIGGER %s_bd BEFORE DELETE ON %s BEGIN DELETE FROM %s WHERE docid = old.id; END`,
			fts, table, fts),
	}
}

// migrateSearch creates the search indexes that are missing. On SQLite an
// index whose definition changed is dropped and built again from the
// records, in one transaction (a minute or so for a million letters, once).
func migrateSearch(db *gorm.DB) error {
	var pgTables []string
	for _, s := range searchable {
		table := tableName(db, s.model)
		if db.Dialector.Name() == DriverPostgres {
			pgTables = append(pgTables, table)
			// A changed expression needs a column of another name: ADD
			// COLUMN IF NOT EXISTS keeps an existing column as it is.
			for _, stmt := range []string{
				`DROP INDEX IF EXISTS idx_` + table + `_words`, // the expression index of the first version
				`ALTER TABLE ` + table + ` ADD COLUMN IF NOT EXISTS ` + pgVectorColumn +
					` tsvector GENERATED ALWAYS AS (` + pgSearchVector(s.identity) + `) STORED`,
				`CREATE INDEX IF NOT EXISTS idx_` + table + `_search_vector ON ` + table + ` USING gin (` + pgVectorColumn + `)`,
			} {
				if err := db.Exec(stmt).Error; err != nil {
					return fmt.Errorf("search index of %s: %w", table, err)
				}
			}
			continue
		}
		if err := migrateFTS(db, table, s.identity); err != nil {
			return fmt.Errorf("search index of %s: %w", table, err)
		}
		if idx, ok := searchPageIndexes[table]; ok {
			if err := db.Exec("CREATE INDEX IF NOT EXISTS " + idx.name + " ON " + table + " (" + idx.columns + ")").Error; err != nil {
				return fmt.Errorf("search page index of %s: %w", table, err)
			}
		}
	}
	if len(pgTables) > 0 {
		return migrateSearchWords(db, pgTables)
	}
	return nil
}

// migrateFTS brings one table's FTS4 index and triggers to their current
// definition, rebuilding the index when anything differs.
func migrateFTS(db *gorm.DB, table string, identity bool) error {
	want := sqliteSearchDDL(table, identity)
	fts := table + "_fts"
	var have []string
	err := db.Raw(`SELECT sql FROM sqlite_master WHERE name IN ?`,
		[]string{fts, fts + "_ai", fts + "_bu", fts + "_au", fts + "_bd"}).Scan(&have).Error
	if err != nil {
		return err
	}
	if sameStatements(have, want) {
		if err := setAutomerge(db, fts); err != nil {
			return err
		}
		return LiftFTSBase(db, fts)
	}
	return db.Transaction(func(tx *gorm.DB) error {
		for _, t := range []string{"ai", "bu", "au", "bd"} {
			if err := tx.Exec("DROP TRIGGER IF EXISTS " + fts + "_" + t).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec("DROP TABLE IF EXISTS " + fts).Error; err != nil {
			return err
		}
		if err := execAll(tx, want); err != nil {
			return err
		}
		if err := rebuildFTS(tx, fts); err != nil {
			return err
		}
		return LiftFTSBase(tx, fts)
	})
}

// rebuildFTS builds an FTS4 index again from its content table, in one
// pass, merges the few large segments that leaves into one per index
// ("optimize"), ready for LiftFTSBase, and sets its merging (FTS4 forgets
// the setting with the index).
func rebuildFTS(tx *gorm.DB, fts string) error {
	for _, cmd := range []string{"rebuild", "optimize"} {
		if err := tx.Exec(ftsCommand(fts, cmd)).Error; err != nil {
			return err
		}
	}
	return setAutomerge(tx, fts)
}

// setAutomerge makes FTS4 merge its segments a little after each write
// that writes leaf pages (a large import, an edit of a long text), two at a
// time, instead of sixteen at once. A registration's words fit in a
// segment without leaves, which automerge leaves alone: those are merged
// sixteen at a time, in whichever statement flushes the sixteenth, which
// is cheap as long as the large index built by a load is not among them
// (LiftFTSBase). The setting is stored in the index, and setting it again
// changes nothing.
func setAutomerge(db *gorm.DB, fts string) error {
	return db.Exec(ftsCommand(fts, ftsAutomerge)).Error
}

// ftsAutomerge is the merging setting of every search index (setAutomerge).
const ftsAutomerge = "automerge=2"

// ftsCommand is the statement that gives FTS4 table fts a command
// ("optimize", "rebuild", a setting), written into its own column.
func ftsCommand(fts, cmd string) string {
	return "INSERT INTO " + fts + "(" + fts + ") VALUES ('" + cmd + "')"
}

// liftedLevel is the merge level, within each of an FTS4 table's indexes,
// to which LiftFTSBase moves the index's oldest segment.
const liftedLevel = 40

// LiftFTSBase moves the oldest segment of each of fts's indexes (the one
// at the index's highest merge level: at a million letters, the whole
// index built by the demo load) up to merge level 40, out of reach of the
// merges that the registrations' small segments go through.
//
// FTS4 merges segments of the same level into one at the next level, with
// automerge=2 two at a time. A segment of level L stands for about 2^L
// writes, so the small segments of the registrations reach the level of a
// large old segment after 2^L of them and are merged with it, rewriting it
// whole, and then again at every doubling: with the demo's index at level
// 2, the server rewrote the letters' 600 MB index after a handful of
// registrations and again and again after (a single INSERT held the write
// lock for 5 s while every registration queued behind it;
// docs/performance.md). At level 40 that takes 2^40 writes. Queries read one
// segment more per index, which costs nothing measurable.
//
// Moving a segment up keeps FTS4's order of segments (a higher level holds
// older rows, and a row's newest version wins) as long as it was already
// the highest. Nothing is moved while an incremental merge is under way,
// since FTS4 keeps the levels of such a merge in the table's hint (stat
// row 1); the next run does it. It is cheap and changes nothing once done.
func LiftFTSBase(db *gorm.DB, fts string) error {
	// One statement, so that no merge can start between the check and the
	// move (another process, such as kntc import, may be writing).
	return db.Exec(`UPDATE `+fts+`_segdir SET level = level - level % 1024 + ?
		WHERE level % 1024 < ? AND level = (SELECT max(t.level) FROM `+fts+`_segdir AS t WHERE t.level / 1024 = `+fts+`_segdir.level / 1024)
		AND NOT EXISTS (SELECT 1 FROM `+fts+`_stat WHERE id = 1 AND length(value) > 0)`,
		liftedLevel, liftedLevel).Error
}

// sameStatements reports whether the schema holds exactly the wanted
// statements, in any order.
func sameStatements(have, want []string) bool {
	if len(have) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
