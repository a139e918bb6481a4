package models

import (
	"fmt"

	"gorm.io/gorm"
)

// AllModels lists every table kntc keeps, in dependency order.
func AllModels() []any {
	return []any{
		&User{}, &AuthToken{}, &AuditEntry{},
		&Case{}, &Letter{}, &LetterCounter{}, &LetterImport{},
		&ReceptionSession{}, &ReceptionVisit{},
		&Dialogue{}, &DialogueCase{}, &CouncilMeeting{}, &CouncilMeetingCase{},
		&Document{},
		&Holiday{}, &Citizen{}, &PersonLink{},
	}
}

// Migrate creates or updates every table and index. It is idempotent and
// runs at every start, so a new version's columns arrive with a default.
func Migrate(db *gorm.DB) error {
	if err := db.AutoMigrate(AllModels()...); err != nil {
		return err
	}
	if err := migrateFigureIndexes(db); err != nil {
		return err
	}
	if err := migratePageIndexes(db); err != nil {
		return err
	}
	if err := migrateFigureVersions(db); err != nil {
		return err
	}
	if err := migrateSearch(db); err != nil {
		return err
	}
	if err := migrateLetterNumbering(db); err != nil {
		return err
	}
	if err := migrateAutovacuum(db); err != nil {
		return err
	}
	return SeedHolidays(db)
}

// figureIndexes cover every column the statistics read from the big tables,
// led by the record's date, so that a period's counts read only the index
// entries of the period and never the rows (docs/performance.md: a year of
// a million letters went from 550 ms to about 100 ms). deleted_at is in
// each: the rows' own index would otherwise be visited to skip withdrawn
// records. They are written in SQL rather than in struct tags because
// deleted_at belongs to the Record that every model embeds.
var figureIndexes = []string{
	`CREATE INDEX IF NOT EXISTS idx_letters_figures ON letters
		(received_on, source, domain, kind, outcome, status, handling_due_on, signer_count, deleted_at)`,
	`CREATE INDEX IF NOT EXISTS idx_reception_visits_figures ON reception_visits
		(visited_on, type, people_count, case_id, session_id, deleted_at)`,
	// "Is this the case's first visit?" looks up the earlier visits of a case.
	`CREATE INDEX IF NOT EXISTS idx_reception_visits_case_on ON reception_visits (case_id, visited_on, deleted_at)`,
	`CREATE INDEX IF NOT EXISTS idx_documents_figures ON documents (issued_on, doc_type, deleted_at)`,
	// The inspectorate's forms count the letters handled in the period and
	// the replies received in it (services/forms_letters.go); without these
	// each was a scan of the whole table, and a month's workbook at a
	// million letters took 2.3 s instead of 1.4.
	`CREATE INDEX IF NOT EXISTS idx_letters_handled ON letters
		(handled_on, eligible, kind, topic, domain, competent, outcome, case_id, received_on, deleted_at)`,
	`CREATE INDEX IF NOT EXISTS idx_letters_replies ON letters (reply_received_on, outcome, kind, deleted_at)
		WHERE reply_received_on IS NOT NULL`,
	// The few withdrawn cases, which the visit figures leave out. A partial
	// index: only a query that asks for withdrawn rows can use it, so it
	// never lures the planner away from the date indexes of live ones.
	`CREATE INDEX IF NOT EXISTS idx_cases_withdrawn ON cases (id) WHERE deleted_at IS NOT NULL`,
}

// pgPageIndexes are the date indexes of the registers (named as GORM
// names them from the struct tags), which on PostgreSQL also hold the id,
// so that a page of a register is read in its order (date, then id) from
// the index. SQLite needs nothing: its index on the date alone ends with
// the row id. Without the id PostgreSQL fetched and sorted every letter of
// the page's last day: 1 to 2.5 ms for a month's page at a million letters
// instead of 0.1. The index keeps its name, so that GORM does not add the
// one-column index again, and no second index on the date competes with
// it (PostgreSQL costs a two-column index as less ordered than a
// one-column one, and kept sorting).
var pgPageIndexes = map[string]string{
	"idx_letters_received_on":         "letters (received_on, id)",
	"idx_reception_visits_visited_on": "reception_visits (visited_on, id)",
}

// migratePageIndexes gives the PostgreSQL date indexes their id column
// (pgPageIndexes), once. The new index is built beside the old one without
// blocking writes (CONCURRENTLY: a minute or so at a million letters),
// then takes its name.
func migratePageIndexes(db *gorm.DB) error {
	if db.Dialector.Name() != DriverPostgres {
		return nil
	}
	for name, on := range pgPageIndexes {
		var columns int
		err := db.Raw(`SELECT COALESCE((SELECT indnatts FROM pg_index WHERE indexrelid = to_regclass(?)), 0)`, name).
			Scan(&columns).Error
		if err != nil {
			return err
		}
		if columns == 2 {
			continue
		}
		building := name + "_page"
		err = execAll(db, []string{
			"DROP INDEX IF EXISTS " + building, // an invalid one, if a build was cut short
			"CREATE INDEX CONCURRENTLY " + building + " ON " + on,
			"DROP INDEX IF EXISTS " + name,
			"ALTER INDEX " + building + " RENAME TO " + name,
		})
		if err != nil {
			return fmt.Errorf("page index %s: %w", name, err)
		}
	}
	return nil
}

// retiredIndexes were replaced by figureIndexes.
var retiredIndexes = []string{"idx_letters_stats"}

// migrateFigureIndexes creates the statistics indexes and drops the ones
// they replace.
func migrateFigureIndexes(db *gorm.DB) error {
	for _, name := range retiredIndexes {
		if err := db.Exec("DROP INDEX IF EXISTS " + name).Error; err != nil {
			return fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	for _, stmt := range figureIndexes {
		if err := db.Exec(stmt).Error; err != nil {
			return fmt.Errorf("statistics index: %w", err)
		}
	}
	return nil
}

// execAll runs stmts in order on db, stopping at the first that fails.
func execAll(db *gorm.DB, stmts []string) error {
	for _, stmt := range stmts {
		if err := db.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
