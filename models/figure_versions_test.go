package models_test

import (
	"testing"

	"kntc/models"
	"kntc/models/modeltest"
)

// A database made before the letters had counters of their own keeps its
// old figure triggers until the migration replaces them.
func TestMigrateReplacesChangedFigureTriggers(t *testing.T) {
	if modeltest.Driver() != models.DriverSQLite {
		t.Skip("PostgreSQL's triggers call a function that every start replaces")
	}
	db := modeltest.NewDB(t)
	stored := func() string {
		var sql string
		if err := db.Raw("SELECT sql FROM sqlite_master WHERE name = 'letters_figures_ai'").Scan(&sql).Error; err != nil {
			t.Fatal(err)
		}
		return sql
	}
	migrateAfter(t, db, "DROP TRIGGER letters_figures_ai",
		`CREATE TRIGGER letters_figures_ai AFTER INSERT ON letters BEGIN INSERT INTO figure_versions (name, version)
			VALUES (substr(new.received_on, 1, 7), 1) ON CONFLICT (name) DO UPDATE SET version = figure_versions.version + 1; END`)
	migrated := stored()
	migrateAfter(t, db)
	if again := stored(); again != migrated {
		t.Fatalf("a second migration changed the trigger:\n%s\n%s", migrated, again)
	}
	insertLetter(t, db, 1, "Tranh chấp đất đai")
	var names []string
	if err := db.Raw("SELECT name FROM figure_versions WHERE name LIKE '%2022-05'").Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "L2022-05" {
		t.Fatalf("counters %q after a letter, want [L2022-05]", names)
	}
}
