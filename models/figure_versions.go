package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Figure versions.
//
// The statistics of a period are kept in memory by the services and reused
// while nothing they count has changed. What has changed is told by the
// database itself: triggers on every table the figures read bump a counter
// in figure_versions in the writing transaction, so a write by any program
// (the server, `kntc import` beside it, a hand-made fix) is seen, and is
// seen exactly when it commits. The counters are per month of the record's
// own date ("2025-05"), so that registering today's letters leaves last
// year's figures cached; a change whose effect is not confined to its own
// month (a visit decides whether later visits of its case are first visits;
// a withdrawn case leaves every period's case counts) bumps the counter
// "*", which every period depends on.

// figureSources are the tables the statistics read, with the date column
// whose month a change affects ("" for the counter every period reads).
var figureSources = []struct{ table, date string }{
	{"letters", "received_on"},
	{"documents", "issued_on"},
	{"dialogues", "held_on"},
	{"council_meetings", "held_on"},
	{"reception_visits", ""},
	{"reception_sessions", ""},
	{"dialogue_cases", ""},
	{"council_meeting_cases", ""},
	{"cases", ""},
}

// FigureDate returns the date column whose months version the rows of
// table, or "" when a change to it bumps the counter of every period or
// the table is not counted at all.
func FigureDate(table string) string {
	for _, s := range figureSources {
		if s.table == table {
			return s.date
		}
	}
	return ""
}

// allMonths is the counter every period depends on.
const allMonths = "*"

// FigureVersion returns a number that grows whenever a record counted in
// the figures of the months from..to is written; a zero date leaves that
// end open. Read it before computing the figures: figures stored with it
// may then be a little newer than it says, never older.
func FigureVersion(db *gorm.DB, from, to Date) (int64, error) {
	first, last := "0000-00", "9999-99"
	if !from.IsZero() {
		first = from.String()[:7]
	}
	if !to.IsZero() {
		last = to.String()[:7]
	}
	var v int64
	err := db.Raw(`SELECT COALESCE(SUM(version), 0) FROM figure_versions WHERE (name >= ? AND name <= ?) OR name = ?`,
		first, last, allMonths).Scan(&v).Error
	return v, err
}

// migrateFigureVersions creates the counters' table and the triggers.
func migrateFigureVersions(db *gorm.DB) error {
	stmts := []string{`CREATE TABLE IF NOT EXISTS figure_versions (name VARCHAR(10) PRIMARY KEY, version BIGINT NOT NULL)`}
	if db.Dialector.Name() == DriverPostgres {
		stmts = append(stmts, pgBumpFunction)
		for _, s := range figureSources {
			missing, err := pgFigureTriggersMissing(db, s.table)
			if err != nil {
				return err
			}
			if missing {
				stmts = append(stmts, pgFigureTriggers(s.table, s.date)...)
			}
		}
	} else {
		for _, s := range figureSources {
			stmts = append(stmts, sqliteFigureTriggers(s.table, s.date)...)
		}
	}
	for _, stmt := range stmts {
		if err := db.Exec(stmt).Error; err != nil {
			return fmt.Errorf("figure versions: %w", err)
		}
	}
	return nil
}

// sqliteFigureTriggers returns the row triggers of one table on SQLite
// (which has no statement triggers). The months are the first seven
// characters of the stored 'YYYY-MM-DD' dates.
func sqliteFigureTriggers(table, date string) []string {
	bump := func(month string) string { return bumpFigureVersion(month) + ";" }
	month := func(row string) string {
		if date == "" {
			return "'" + allMonths + "'"
		}
		return "substr(" + row + "." + date + ", 1, 7)"
	}
	name := table + "_figures_"
	return []string{
		`CREATE TRIGGER IF NOT EXISTS ` + name + `ai AFTER INSERT ON ` + table + ` BEGIN ` + bump(month("new")) + ` END`,
		`CREATE TRIGGER IF NOT EXISTS ` + name + `au AFTER UPDATE ON ` + table + ` BEGIN ` +
			bump(month("old")) + ` ` + bump(month("new")) + ` END`,
		`CREATE TRIGGER IF NOT EXISTS ` + name + `ad AFTER DELETE ON ` + table + ` BEGIN ` + bump(month("old")) + ` END`,
	}
}

// bumpFigureVersion is the statement that bumps the counter named by the
// SQL expression month (a row's month in a trigger, or a quoted name).
func bumpFigureVersion(month string) string {
	return `INSERT INTO figure_versions (name, version) VALUES (` + month +
		`, 1) ON CONFLICT (name) DO UPDATE SET version = figure_versions.version + 1`
}

// pgBumpFunction bumps the counters of the months of the rows a statement
// wrote, once per statement: a bulk INSERT of a thousand letters costs one
// upsert per month, not a thousand. Its argument is the date column, or ""
// for the counter of every period. Months are bumped in order, so that two
// transactions never wait on each other's counters in opposite orders.
const pgBumpFunction = `CREATE OR REPLACE FUNCTION kntc_bump_figure_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	bump text := ' ON CONFLICT (name) DO UPDATE SET version = figure_versions.version + 1';
BEGIN
	IF TG_ARGV[0] = '' THEN
		EXECUTE 'INSERT INTO figure_versions (name, version) VALUES (''*'', 1)' || bump;
		RETURN NULL;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		EXECUTE format('INSERT INTO figure_versions (name, version) SELECT DISTINCT to_char(%I, ''YYYY-MM''), 1 FROM new_rows WHERE %I IS NOT NULL ORDER BY 1', TG_ARGV[0], TG_ARGV[0]) || bump;
	END IF;
	IF TG_OP <> 'INSERT' THEN
		EXECUTE format('INSERT INTO figure_versions (name, version) SELECT DISTINCT to_char(%I, ''YYYY-MM''), 1 FROM old_rows WHERE %I IS NOT NULL ORDER BY 1', TG_ARGV[0], TG_ARGV[0]) || bump;
	END IF;
	RETURN NULL;
END $$`

// pgFigureTriggersMissing reports whether a table lacks any of its three
// triggers. CREATE TRIGGER has no IF NOT EXISTS before PostgreSQL 17, and
// replacing them at every start would lock the tables for nothing.
func pgFigureTriggersMissing(db *gorm.DB, table string) (bool, error) {
	var n int64
	err := db.Raw(`SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname LIKE ?`,
		table, table+"_figures_%").Scan(&n).Error
	return n < 3, err
}

// pgFigureTriggers returns the statement triggers of one table on
// PostgreSQL, with the transition tables the function reads.
func pgFigureTriggers(table, date string) []string {
	var out []string
	for _, e := range []struct{ op, ref string }{
		{"INSERT", "REFERENCING NEW TABLE AS new_rows"},
		{"UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"},
		{"DELETE", "REFERENCING OLD TABLE AS old_rows"},
	} {
		name := table + "_figures_" + strings.ToLower(e.op)
		out = append(out, `DROP TRIGGER IF EXISTS `+name+` ON `+table,
			`CREATE TRIGGER `+name+` AFTER `+e.op+` ON `+table+` `+e.ref+
				` FOR EACH STATEMENT EXECUTE FUNCTION kntc_bump_figure_versions('`+date+`')`)
	}
	return out
}
