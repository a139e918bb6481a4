package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// The PostgreSQL vocabulary of search words.
//
// A prefix in a tsquery ("van:*") makes GIN collect every posting of every
// word it begins into a bitmap before the words are intersected, while a
// query of whole words lets GIN step through the rarest word's postings and
// skip ahead in the others. At a million letters, "nguyen:* & van:* &
// binh:*" took 223 ms in the index and "nguyen & (van | vang | vanh) &
// binh" 37 ms, for the same 21,114 letters. So PostgreSQL keeps every word
// of the search vectors that begins with a letter once, in search_words,
// and an alphabetic query word becomes the OR of the whole words it begins. The vocabulary only
// grows: a word no row holds any more costs a lookup that finds nothing,
// while a word missing from it would lose matches, so every write adds its
// words in the same transaction (a statement trigger) and a new vocabulary
// is filled from the rows before it is used.
//
// Words that begin with a digit (ID numbers, phones, house numbers) are
// left out: they are mostly unique, would make the vocabulary as large as
// the register, and no alphabetic query word begins them. A query word
// with a digit stays a prefix, which is cheap for a word that few rows
// hold. The vocabulary is read in a statement of its own before the
// search: a row committed between the two with a word new to the register
// is found by the next search, as if it had come a moment later.

// searchWordsTable is the PostgreSQL vocabulary's table.
const searchWordsTable = "search_words"

// maxWordExpansion is the most words a query word is expanded into. A
// shorter prefix ("b", "th") begins hundreds of words; for those the prefix
// itself is the better query, since GIN reads all their postings either way.
const maxWordExpansion = 32

// vocabularyWord is the condition a vector word must meet to enter the
// vocabulary: a letter first (an alphabetic query word can begin no other
// word), which also leaves out the marked copies and the numbers.
const vocabularyWord = `w ~ '^[a-z][a-z0-9]*$'`

// pgSearchWordsFunction is the name of the trigger function that adds
// words; it changes with its body, so that a database migrated by this
// version never runs another version's rule (pgTriggerStatements).
const pgSearchWordsFunction = "kntc_add_search_words_v1"

// pgSearchWordsBody adds the words of the rows a statement wrote, in
// order, so that two transactions adding the same new words never wait on
// each other in opposite orders.
const pgSearchWordsBody = `CREATE OR REPLACE FUNCTION ` + pgSearchWordsFunction + `() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO ` + searchWordsTable + ` (word)
	SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(new_rows.` + pgVectorColumn + `)) AS w
	WHERE ` + vocabularyWord + ` ORDER BY w
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$`

// vocabularyFilled is the vocabulary table's comment once it has been
// filled from every row under vocabularyWord. A vocabulary without it (new,
// filled under an earlier rule, or whose filling was cut short) is filled
// again at the next migration.
const vocabularyFilled = "filled: words beginning with a letter"

// migrateSearchWords creates the vocabulary, its function and the
// triggers of every searchable table, and fills the vocabulary from the
// rows unless it is marked filled. The triggers are committed before the
// filling, so that a row written meanwhile is added by one or the other,
// and the filling runs outside their transaction, so that the tables stay
// writable while it reads them (40 s at a million letters); the mark is
// set last.
func migrateSearchWords(db *gorm.DB, tables []string) error {
	stmts := []string{
		`CREATE TABLE IF NOT EXISTS ` + searchWordsTable + ` (word TEXT COLLATE "C" PRIMARY KEY)`,
		pgSearchWordsBody,
	}
	for _, table := range tables {
		var triggers []pgTrigger
		for _, op := range []string{"insert", "update"} {
			triggers = append(triggers, pgTrigger{name: table + "_search_words_" + op,
				event: `AFTER ` + strings.ToUpper(op) + ` ON ` + table + ` REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT`})
		}
		create, err := pgTriggerStatements(db, table, pgSearchWordsFunction, triggers)
		if err != nil {
			return err
		}
		stmts = append(stmts, create...)
	}
	err := db.Transaction(func(tx *gorm.DB) error { return execAll(tx, stmts) })
	if err != nil {
		return fmt.Errorf("search words: %w", err)
	}
	var mark string
	err = db.Raw(`SELECT COALESCE(obj_description(to_regclass(?), 'pg_class'), '')`, searchWordsTable).Scan(&mark).Error
	if err != nil || mark == vocabularyFilled {
		return err
	}
	for _, table := range tables {
		err := db.Exec(`INSERT INTO ` + searchWordsTable + ` (word) SELECT DISTINCT w FROM ` + table +
			`, unnest(tsvector_to_array(` + pgVectorColumn + `)) AS w WHERE ` + vocabularyWord + ` ON CONFLICT DO NOTHING`).Error
		if err != nil {
			return fmt.Errorf("search words of %s: %w", table, err)
		}
	}
	return db.Exec(`COMMENT ON TABLE ` + searchWordsTable + ` IS '` + vocabularyFilled + `'`).Error
}

// expandWords maps each alphabetic query word to the vocabulary's words
// that it begins, when there are at most maxWordExpansion of them; a word
// that begins none maps to an empty list. Other words are not in the map
// and stay prefixes. One statement looks up every word.
func expandWords(db *gorm.DB, words []string) (map[string][]string, error) {
	var prefixes []string
	for _, w := range words {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			prefixes = append(prefixes, w)
		}
	}
	out := make(map[string][]string, len(prefixes))
	if len(prefixes) == 0 {
		return out, nil
	}
	var rows []struct{ Prefix, Word string }
	// '{' follows 'z' and '9' in byte order: the range holds exactly the
	// words that begin with the prefix, since words hold only [a-z0-9].
	err := db.Session(&gorm.Session{NewDB: true}).Raw(`SELECT p.prefix, v.word FROM unnest(CAST(? AS text[])) AS p(prefix),
		LATERAL (SELECT word FROM `+searchWordsTable+` WHERE word >= p.prefix AND word < p.prefix || '{'
		ORDER BY word LIMIT ?) AS v`, "{"+strings.Join(prefixes, ",")+"}", maxWordExpansion+1).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, p := range prefixes {
		out[p] = []string{}
	}
	for _, r := range rows {
		out[r.Prefix] = append(out[r.Prefix], r.Word)
	}
	for p, ws := range out {
		if len(ws) > maxWordExpansion {
			delete(out, p)
		}
	}
	return out, nil
}

// pgWordQuery is the tsquery of one query word with its mark: the OR of
// the whole words it expands to, or a prefix when it was not expanded.
func pgWordQuery(w, mark string, expanded map[string][]string) string {
	whole, ok := expanded[w]
	if !ok {
		return "'" + mark + w + "':*"
	}
	if len(whole) == 0 {
		return "'" + mark + w + "'" // no row holds a word it begins
	}
	terms := make([]string, len(whole))
	for i, x := range whole {
		terms[i] = "'" + mark + x + "'"
	}
	return "(" + strings.Join(terms, " | ") + ")"
}
