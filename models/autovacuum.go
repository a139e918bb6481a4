package models

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
)

// pgVacuumAfterInserts are the storage settings that have PostgreSQL's
// autovacuum visit a register after every thousand new rows, whatever its
// size. By default a table that only grows is vacuumed after inserts of a
// fifth of its rows: at a million letters, after 200,000 registrations.
// Until a vacuum passes, the pages of the new rows are not marked
// all-visible, so every count of the current month reads each new row
// from the table (32 ms with 6,000 new letters, 2 to 4 ms after a
// vacuum), and the search index's list of pending entries is merged into
// the index by whichever registration fills it, while that registration
// holds the year's counter (letter_numbering.go) and the others wait. A
// vacuum after a thousand rows visits only their pages (0.1 s of CPU).
var pgVacuumAfterInserts = []string{"autovacuum_vacuum_insert_threshold=1000", "autovacuum_vacuum_insert_scale_factor=0"}

// pgVacuumedRegisters are the tables that grow by the day.
var pgVacuumedRegisters = []string{"letters", "reception_visits"}

// migrateAutovacuum sets pgVacuumAfterInserts on PostgreSQL 13 or later
// (the first with vacuums after inserts), where they are not set yet:
// ALTER TABLE takes a lock that every start need not take.
func migrateAutovacuum(db *gorm.DB) error {
	if db.Dialector.Name() != DriverPostgres {
		return nil
	}
	var version int
	if err := db.Raw(`SELECT current_setting('server_version_num')::int`).Scan(&version).Error; err != nil {
		return err
	}
	if version < 130000 {
		return nil
	}
	for _, table := range pgVacuumedRegisters {
		var options []string
		err := db.Raw(`SELECT unnest(reloptions) FROM pg_class WHERE oid = to_regclass(?)`, table).Scan(&options).Error
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(pgVacuumAfterInserts, func(o string) bool { return !slices.Contains(options, o) }) {
			continue
		}
		if err := db.Exec(`ALTER TABLE ` + table + ` SET (` + strings.Join(pgVacuumAfterInserts, ", ") + `)`).Error; err != nil {
			return fmt.Errorf("autovacuum of %s: %w", table, err)
		}
	}
	return nil
}
