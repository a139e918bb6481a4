// Package modeltest opens a fresh, migrated database for a test: a temp-file
// SQLite by default, or a new schema on the PostgreSQL server named by
// KNTC_TEST_POSTGRES_DSN, so the same suites run on both.
package modeltest

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"kntc/models"
)

// PostgresEnv names the variable that switches tests to PostgreSQL.
const PostgresEnv = "KNTC_TEST_POSTGRES_DSN"

// Driver returns the database driver the tests run on.
func Driver() string {
	if os.Getenv(PostgresEnv) != "" {
		return models.DriverPostgres
	}
	return models.DriverSQLite
}

// NewDB returns a fresh migrated database that is closed (and on PostgreSQL
// dropped) when the test ends.
func NewDB(t testing.TB) *gorm.DB {
	t.Helper()
	driver, dsn := NewDSN(t)
	db, err := models.Open(driver, dsn, nil)
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	if err := models.Migrate(db); err != nil {
		t.Fatalf("migrate test database: %v", err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			_ = sqlDB.Close()
		}
	})
	return db
}

// NewDSN returns a driver and DSN for an empty database of its own: a file
// in the test's temp folder, or a new PostgreSQL schema dropped at the end.
func NewDSN(t testing.TB) (driver, dsn string) {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		return models.DriverSQLite, filepath.Join(t.TempDir(), "kntc.db")
	}
	schema := "test_" + randomHex(8)
	adminExec(t, base, "CREATE SCHEMA "+schema)
	t.Cleanup(func() { adminExec(t, base, "DROP SCHEMA "+schema+" CASCADE") })
	return models.DriverPostgres, withSearchPath(base, schema)
}

// adminExec runs one statement on a short-lived connection, so that a test
// holds no connection beyond its own pool.
func adminExec(t testing.TB, dsn, sql string) {
	t.Helper()
	admin, err := models.Open(models.DriverPostgres, dsn, nil)
	if err != nil {
		t.Fatalf("connect to PostgreSQL: %v", err)
	}
	defer func() {
		if sqlDB, err := admin.DB(); err == nil {
			_ = sqlDB.Close()
		}
	}()
	if err := admin.Exec(sql).Error; err != nil {
		t.Errorf("%s: %v", sql, err)
	}
}

// withSearchPath adds search_path to a key=value or URL DSN.
func withSearchPath(dsn, schema string) string {
	if strings.Contains(dsn, "://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("search_path", schema) // pgx keeps the first value: replace, never append
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " search_path=" + schema // key=value: the last value wins
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
