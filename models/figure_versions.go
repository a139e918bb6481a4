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

// FigureGroup is a set of tables whose writes one set of counters follows.
// The letters have counters of their own ("L2025-05"), so that the many
// registrations of a day leave the cached reception, case and document
// figures (and their lists' counts) alone: at 100 registrations a second,
// recounting a month's visits on every request for the month's statistics
// was a tenth of a PostgreSQL server's work (docs/performance.md).
type FigureGroup string

// The figure groups.
const (
	FigureLetters FigureGroup = "L" // letters
	FigureRecords FigureGroup = ""  // every other table the figures read
)

// figureSources are the tables the statistics read, with the date column
// whose month a change affects ("" for the counter every period reads),
// and their group.
var figureSources = []struct {
	table, date string
	group       FigureGroup
}{
	{"letters", "received_on", FigureLetters},
	{"documents", "issued_on", FigureRecords},
	{"dialogues", "held_on", FigureRecords},
	{"council_meetings", "held_on", FigureRecords},
	{"reception_visits", "", FigureRecords},
	{"reception_sessions", "", FigureRecords},
	{"dialogue_cases", "", FigureRecords},
	{"council_meeting_cases", "", FigureRecords},
	{"cases", "", FigureRecords},
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

// FigureGroupOf returns the group whose counters follow table.
func FigureGroupOf(table string) FigureGroup {
	for _, s := range figureSources {
		if s.table == table {
			return s.group
		}
	}
	return FigureRecords
}

// allMonths, after a group's prefix, names the group's counter that every
// period depends on.
const allMonths = "*"

// FigureVersion returns a number that grows whenever a record of group
// counted in the figures of the months from..to is written; a zero date
// leaves that end open. Read it before computing the figures: figures
// stored with it may then be a little newer than it says, never older.
// Each group also has a counter that every period depends on ("*",
// "L*"), which a bulk load bumps.
func FigureVersion(db *gorm.DB, group FigureGroup, from, to Date) (int64, error) {
	// The groups' prefixes sort apart: "L…" after every digit.
	first, last := string(group)+"0000-00", string(group)+"9999-99"
	if !from.IsZero() {
		first = string(group) + from.String()[:7]
	}
	if !to.IsZero() {
		last = string(group) + to.String()[:7]
	}
	var v int64
	err := db.Raw(`SELECT COALESCE(SUM(version), 0) FROM figure_versions WHERE (name >= ? AND name <= ?) OR name = ?`,
		first, last, string(group)+allMonths).Scan(&v).Error
	return v, err
}

// migrateFigureVersions creates the counters' table and the triggers.
func migrateFigureVersions(db *gorm.DB) error {
	stmts := []string{`CREATE TABLE IF NOT EXISTS figure_versions (name VARCHAR(10) PRIMARY KEY, version BIGINT NOT NULL)`}
	if db.Dialector.Name() == DriverPostgres {
		stmts = append(stmts, pgBumpFunction)
		for _, s := range figureSources {
			triggers, err := pgTriggerStatements(db, s.table, pgBumpFunctionName, pgFigureTriggers(s.table, s.date))
			if err != nil {
				return err
			}
			stmts = append(stmts, triggers...)
		}
		// The first version's function, which no trigger calls any more.
		stmts = append(stmts, `DROP FUNCTION IF EXISTS kntc_bump_figure_versions()`)
	}
	// One transaction: on SQLite a changed trigger is dropped and created
	// again, and a write by another process in between would bump nothing.
	err := db.Transaction(func(tx *gorm.DB) error {
		if tx.Dialector.Name() != DriverPostgres {
			for _, s := range figureSources {
				ddl := sqliteFigureTriggers(s.table, s.date, s.group)
				if err := dropChangedTriggers(tx, ddl); err != nil {
					return err
				}
				stmts = append(stmts, ddl...)
			}
		}
		return execAll(tx, stmts)
	})
	if err != nil {
		return fmt.Errorf("figure versions: %w", err)
	}
	return nil
}

// dropChangedTriggers drops the SQLite triggers among ddl (CREATE TRIGGER
// IF NOT EXISTS statements) whose stored definition differs, so that
// running ddl creates them anew. SQLite stores a trigger's statement
// without its IF NOT EXISTS.
func dropChangedTriggers(db *gorm.DB, ddl []string) error {
	for _, stmt := range ddl {
		rest, ok := strings.CutPrefix(stmt, "CREATE TRIGGER IF NOT EXISTS ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, " ")
		var have []string
		if err := db.Raw(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, name).Scan(&have).Error; err != nil {
			return err
		}
		if len(have) == 1 && have[0] != "CREATE TRIGGER "+rest {
			if err := db.Exec("DROP TRIGGER " + name).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// sqliteFigureTriggers returns the row triggers of one table on SQLite
// (which has no statement triggers). The months are the first seven
// characters of the stored 'YYYY-MM-DD' dates.
func sqliteFigureTriggers(table, date string, group FigureGroup) []string {
	bump := func(month string) string { return bumpFigureVersion(month) + ";" }
	month := func(row string) string {
		if date == "" {
			return "'" + string(group) + allMonths + "'"
		}
		if group != "" {
			return "'" + string(group) + "' || substr(" + row + "." + date + ", 1, 7)"
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

// BumpAllFigures bumps the all-periods counter of every group, which
// makes every cached figure and count stale.
func BumpAllFigures(tx *gorm.DB) error {
	for _, g := range []FigureGroup{FigureLetters, FigureRecords} {
		if err := tx.Exec(bumpFigureVersion("'" + string(g) + allMonths + "'")).Error; err != nil {
			return err
		}
	}
	return nil
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
// for the counter of every period; the table's group prefixes the months.
// Months are bumped in order, so that two transactions never wait on each
// other's counters in opposite orders.
var pgBumpFunction = `CREATE OR REPLACE FUNCTION ` + pgBumpFunctionName + `() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	bump text := ' ON CONFLICT (name) DO UPDATE SET version = figure_versions.version + 1';
	grp text := CASE TG_TABLE_NAME` + pgGroupCases() + ` ELSE '' END;
BEGIN
	IF TG_ARGV[0] = '' THEN
		EXECUTE format('INSERT INTO figure_versions (name, version) VALUES (%L, 1)', grp || '*') || bump;
		RETURN NULL;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		EXECUTE format('INSERT INTO figure_versions (name, version) SELECT DISTINCT %L || to_char(%I, ''YYYY-MM''), 1 FROM new_rows WHERE %I IS NOT NULL ORDER BY 1', grp, TG_ARGV[0], TG_ARGV[0]) || bump;
	END IF;
	IF TG_OP <> 'INSERT' THEN
		EXECUTE format('INSERT INTO figure_versions (name, version) SELECT DISTINCT %L || to_char(%I, ''YYYY-MM''), 1 FROM old_rows WHERE %I IS NOT NULL ORDER BY 1', grp, TG_ARGV[0], TG_ARGV[0]) || bump;
	END IF;
	RETURN NULL;
END $$`

// pgBumpFunctionName names pgBumpFunction. It changes when what the
// function does changes (v2: the groups), and the triggers are created
// again to call it, so that a database migrated by a version never runs
// another version's function; a server of an earlier version must not run
// on it any more (docs/deployment.md, Migrations).
const pgBumpFunctionName = "kntc_bump_figure_versions_v2"

// pgGroupCases are the WHEN clauses of pgBumpFunction's CASE that give each
// table of a named group its prefix.
func pgGroupCases() string {
	var b strings.Builder
	for _, s := range figureSources {
		if s.group != FigureRecords {
			fmt.Fprintf(&b, " WHEN '%s' THEN '%s'", s.table, s.group)
		}
	}
	return b.String()
}

// pgFigureTriggers are the statement triggers of one table on PostgreSQL,
// with the transition tables pgBumpFunction reads.
func pgFigureTriggers(table, date string) []pgTrigger {
	var out []pgTrigger
	for _, e := range []struct{ op, ref string }{
		{"INSERT", "REFERENCING NEW TABLE AS new_rows"},
		{"UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"},
		{"DELETE", "REFERENCING OLD TABLE AS old_rows"},
	} {
		out = append(out, pgTrigger{name: table + "_figures_" + strings.ToLower(e.op),
			event: `AFTER ` + e.op + ` ON ` + table + ` ` + e.ref + ` FOR EACH STATEMENT`, args: `'` + date + `'`})
	}
	return out
}
