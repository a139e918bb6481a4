package models_test

import (
	"slices"
	"testing"

	"kntc/models"
	"kntc/models/modeltest"
)

// The registers are vacuumed after every thousand new rows on PostgreSQL,
// and the migration puts a setting changed by hand back.
func TestMigrateSetsVacuumAfterInserts(t *testing.T) {
	if modeltest.Driver() != models.DriverPostgres {
		t.Skip("autovacuum is PostgreSQL's")
	}
	db := modeltest.NewDB(t)
	options := func(table string) []string {
		var out []string
		if err := db.Raw(`SELECT unnest(reloptions) FROM pg_class WHERE oid = to_regclass(?)`, table).Scan(&out).Error; err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := []string{"autovacuum_vacuum_insert_threshold=1000", "autovacuum_vacuum_insert_scale_factor=0"}
	for _, table := range []string{"letters", "reception_visits"} {
		if got := options(table); !slices.Equal(got, want) {
			t.Fatalf("%s: %v, want %v", table, got, want)
		}
	}
	migrateAfter(t, db, `ALTER TABLE letters SET (autovacuum_vacuum_insert_threshold = 5000)`)
	if got := options("letters"); !slices.Contains(got, want[0]) {
		t.Fatalf("after a migration: %v", got)
	}
}
