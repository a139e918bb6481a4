package models

import (
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Register numbers.
//
// A letter's number is the next of its year's counter (letter_counters),
// bumped in the letter's own transaction: the counter's row stays locked
// until the commit, so numbers have no gaps or repeats however many
// registrations run at once, and a rollback gives its number back. Every
// other registration of the year waits for that lock, so the time it is
// held is the time the office's registrations queue for.
//
// On PostgreSQL the number is taken by a trigger inside the INSERT of the
// letter (pgNumberLetterFunction), not by a statement before it. Each
// statement under the lock costs a return to the server process, and
// under load that return waits for a core behind other requests: at 500
// requests a second on two cores the counter's lock was held about 6 ms
// for 1 ms of the database's own work, and registrations queued for it.
// SQLite holds its write lock from BEGIN, so there the number is taken in
// Go.

// LetterCode formats a register number: the year, a slash and the number
// with at least six digits ("2022/000123").
func LetterCode(year, seq int) string { return fmt.Sprintf("%d/%06d", year, seq) }

// InsertNumberedLetter inserts a new letter in the transaction tx, with
// the next register number of the year it was received in, and sets
// l.Year, l.Seq, l.Code and the search columns (search_text begins with
// the code) as stored.
func InsertNumberedLetter(tx *gorm.DB, l *Letter) error {
	l.Year, l.Seq, l.Code = l.ReceivedOn.Year(), 0, ""
	l.PrepareSearch()
	if tx.Dialector.Name() == DriverPostgres {
		// seq 0 asks the trigger for the number; RETURNING reads back
		// what it set.
		return tx.Clauses(clause.Returning{Columns: []clause.Column{{Name: "id"}, {Name: "seq"}, {Name: "code"}, {Name: "search_text"}}}).
			Create(l).Error
	}
	seq, err := ReserveLetterSeqs(tx, l.Year, 1)
	if err != nil {
		return err
	}
	l.Seq = seq
	l.Code = LetterCode(l.Year, l.Seq)
	l.SearchText = codedSearchText(l.Code, l.SearchText)
	return tx.Create(l).Error
}

// ReserveLetterSeqs takes n consecutive register numbers of year in the
// transaction tx, creating the year's counter if need be, and returns the
// first. The counter stays locked until tx ends (see above); callers that
// reserve for several years do so in the years' order, so that two
// transactions never wait for each other's counters.
func ReserveLetterSeqs(tx *gorm.DB, year, n int) (int, error) {
	var last int
	err := tx.Raw(`INSERT INTO letter_counters (year, last) VALUES (?, ?)
		ON CONFLICT (year) DO UPDATE SET last = letter_counters.last + excluded.last RETURNING last`, year, n).Scan(&last).Error
	return last - n + 1, err
}

// codedSearchText puts a letter's code in front of its other folded search
// words, as PrepareSearch would with the code set (Fold leaves a code as
// it is and drops the space an empty rest would leave).
func codedSearchText(code, rest string) string {
	if rest == "" {
		return code
	}
	return code + " " + rest
}

// pgNumberLetterFunction names the trigger function. Its version changes
// when what it does changes, as pgBumpFunctionName's does.
const pgNumberLetterFunction = "kntc_number_letter_v1"

// pgNumberLetter is the BEFORE INSERT trigger function that numbers a
// letter inserted with seq 0, as InsertNumberedLetter does on SQLite.
// Bulk loads write their own numbers and never call it (the trigger's WHEN).
var pgNumberLetter = `CREATE OR REPLACE FUNCTION ` + pgNumberLetterFunction + `() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	digits text;
BEGIN
	INSERT INTO letter_counters (year, last) VALUES (NEW.year, 1)
		ON CONFLICT (year) DO UPDATE SET last = letter_counters.last + 1 RETURNING last INTO NEW.seq;
	digits := NEW.seq::text;
	NEW.code := NEW.year || '/' || lpad(digits, greatest(6, length(digits)), '0');
	NEW.search_text := NEW.code || CASE WHEN coalesce(NEW.search_text, '') = '' THEN '' ELSE ' ' || NEW.search_text END;
	RETURN NEW;
END $$`

// migrateLetterNumbering creates the numbering trigger on PostgreSQL.
func migrateLetterNumbering(db *gorm.DB) error {
	if db.Dialector.Name() != DriverPostgres {
		return nil
	}
	triggers, err := pgTriggerStatements(db, "letters", pgNumberLetterFunction,
		[]pgTrigger{{name: "letters_number", event: "BEFORE INSERT ON letters FOR EACH ROW WHEN (NEW.seq = 0)"}})
	if err != nil {
		return err
	}
	stmts := append([]string{pgNumberLetter}, triggers...)
	if err := db.Transaction(func(tx *gorm.DB) error { return execAll(tx, stmts) }); err != nil {
		return fmt.Errorf("letter numbering: %w", err)
	}
	return nil
}
