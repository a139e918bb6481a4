package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// SuspendRowTriggers drops, in tx, the SQLite triggers that index and count
// every inserted row, for a load of hundreds of thousands of rows in one
// transaction (kntc demo). The function it returns, run in the same
// transaction after the load, creates them again, gives every search index
// the load's rows and bumps the figure counter that every period reads.
//
// Row by row, the search triggers add each record's words to the index
// through a trigger program, and the figure triggers upsert a counter per
// row: a million letters and their cases, visits and documents took 97 s
// with them and 86 s with one rebuild after the load. The index of a table
// that is empty when the load starts is built by side (a SearchSide, which
// may be nil) while the load runs, and copied in; any other index, or one
// whose side build failed, is built from its table in one pass (FTS4
// "rebuild", then "optimize"), as they all were before. Updates and
// deletes keep their triggers, and a load that fails rolls the drops back
// with everything else (SQLite's DDL is transactional). On PostgreSQL
// nothing changes: its search words are a generated column and its figure
// triggers run once per statement.
func SuspendRowTriggers(tx *gorm.DB, side *SearchSide) (resume func() error, err error) {
	if tx.Dialector.Name() == DriverPostgres {
		return func() error { return nil }, nil
	}
	type trigger struct{ name, create string }
	var suspended []trigger
	for _, s := range searchable {
		table := tableName(tx, s.model)
		name := table + "_fts_ai"
		suspended = append(suspended, trigger{name, insertTrigger(sqliteSearchDDL(table, s.identity), name)})
		if side != nil {
			empty, err := indexEmpty(tx, table, true)
			if err != nil {
				return nil, fmt.Errorf("search index of %s: %w", table, err)
			}
			if empty {
				_, letters := s.model.(*Letter)
				side.plan(table, s.identity, letters)
			}
		}
	}
	for _, s := range figureSources {
		name := s.table + "_figures_ai"
		suspended = append(suspended, trigger{name, insertTrigger(sqliteFigureTriggers(s.table, s.date, s.group), name)})
	}
	for _, t := range suspended {
		if err := tx.Exec("DROP TRIGGER IF EXISTS " + t.name).Error; err != nil {
			return nil, fmt.Errorf("suspend trigger %s: %w", t.name, err)
		}
	}
	side.start()
	return func() error {
		for _, t := range suspended {
			if err := tx.Exec(t.create).Error; err != nil {
				return fmt.Errorf("restore trigger %s: %w", t.name, err)
			}
		}
		copied, err := side.copyIndexes(tx)
		if err != nil {
			return err
		}
		for _, s := range searchable {
			table := tableName(tx, s.model)
			fts := table + "_fts"
			if !copied[table] {
				if err := rebuildFTS(tx, fts); err != nil {
					return fmt.Errorf("build search index %s: %w", fts, err)
				}
			}
			// Out of reach of the registrations' merges, which would
			// otherwise rewrite it whole again and again.
			if err := LiftFTSBase(tx, fts); err != nil {
				return fmt.Errorf("lift search index %s: %w", fts, err)
			}
		}
		return BumpAllFigures(tx)
	}, nil
}

// insertTrigger picks the CREATE TRIGGER statement named name from a
// table's DDL, written with IF NOT EXISTS so that it can be run again.
func insertTrigger(ddl []string, name string) string {
	for _, stmt := range ddl {
		if rest, ok := strings.CutPrefix(stmt, "CREATE TRIGGER "); ok {
			rest = strings.TrimPrefix(rest, "IF NOT EXISTS ")
			if strings.HasPrefix(rest, name+" ") {
				return "CREATE TRIGGER IF NOT EXISTS " + rest
			}
		}
	}
	panic("no trigger " + name) // a programming error: the DDL functions name these triggers
}
