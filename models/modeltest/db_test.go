package modeltest

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"testing"

	"gorm.io/gorm"

	"kntc/models"
)

// newUser is a row every migrated database accepts; Username is unique, so
// the same name in two databases also proves the indexes are not shared.
func newUser(name string) *models.User {
	return &models.User{Username: name, Role: models.RoleAdmin, PasswordHash: "x"}
}

func countUsers(t *testing.T, db *gorm.DB, name string) int64 {
	t.Helper()
	var n int64
	if err := db.Model(&models.User{}).Where("username = ?", name).Count(&n).Error; err != nil {
		t.Fatalf("count users: %v", err)
	}
	return n
}

// location names where a database lives: its PostgreSQL schema or its
// SQLite file.
func location(t *testing.T, db *gorm.DB) string {
	t.Helper()
	var loc string
	var err error
	if Driver() == models.DriverPostgres {
		err = db.Raw("SELECT current_schema()").Scan(&loc).Error
	} else {
		err = db.Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&loc).Error
	}
	if err != nil || loc == "" {
		t.Fatalf("locate database: %q, %v", loc, err)
	}
	return loc
}

func TestNewDBIsolatesTwoDatabases(t *testing.T) {
	db1, db2 := NewDB(t), NewDB(t)

	loc1, loc2 := location(t, db1), location(t, db2)
	if loc1 == loc2 {
		t.Fatalf("both databases live in %q", loc1)
	}
	if Driver() == models.DriverPostgres && (loc1 == "public" || loc2 == "public") {
		t.Fatalf("tables went to the public schema (%q, %q): search_path was not applied", loc1, loc2)
	}

	if err := db1.Create(newUser("same")).Error; err != nil {
		t.Fatalf("create in db1: %v", err)
	}
	if n := countUsers(t, db2, "same"); n != 0 {
		t.Fatalf("db2 sees %d row(s) written in db1", n)
	}
	if err := db2.Create(newUser("same")).Error; err != nil {
		t.Fatalf("same username in db2 collided with db1: %v", err)
	}
	if err := db2.Create(newUser("only-two")).Error; err != nil {
		t.Fatalf("create in db2: %v", err)
	}
	if n := countUsers(t, db1, "only-two"); n != 0 {
		t.Fatalf("db1 sees %d row(s) written in db2", n)
	}
	if n := countUsers(t, db1, "same"); n != 1 {
		t.Fatalf("db1 has %d users named same, want 1", n)
	}
}

func TestNewDBIsolatesParallelTests(t *testing.T) {
	for _, name := range []string{"a", "b", "c", "d"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := NewDB(t)
			if err := db.Create(newUser("parallel")).Error; err != nil {
				t.Fatalf("create: %v", err)
			}
			if n := countUsers(t, db, "parallel"); n != 1 {
				t.Fatalf("%d users named parallel, want 1", n)
			}
		})
	}
}

func TestNewDBRemovesItsDatabaseAtCleanup(t *testing.T) {
	var loc string
	t.Run("open", func(t *testing.T) {
		db := NewDB(t)
		loc = location(t, db)
		if err := db.Create(newUser("gone")).Error; err != nil {
			t.Fatalf("create: %v", err)
		}
	})
	if loc == "" {
		t.Fatal("subtest did not report its database")
	}

	if Driver() == models.DriverSQLite {
		if _, err := os.Stat(loc); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("database file %s still there after cleanup: %v", loc, err)
		}
		return
	}
	admin, err := models.Open(models.DriverPostgres, os.Getenv(PostgresEnv), nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() {
		if sqlDB, err := admin.DB(); err == nil {
			_ = sqlDB.Close()
		}
	})
	var n int64
	if err := admin.Raw("SELECT count(*) FROM pg_namespace WHERE nspname = ?", loc).Scan(&n).Error; err != nil {
		t.Fatalf("look up schema: %v", err)
	}
	if n != 0 {
		t.Fatalf("schema %s still there after cleanup", loc)
	}
}

func TestWithSearchPath(t *testing.T) {
	t.Run("key-value DSN gets a search_path key at the end, where it wins", func(t *testing.T) {
		got := withSearchPath("host=127.0.0.1 user=kntc dbname=kntc_test", "test_ab")
		if !strings.HasSuffix(got, " search_path=test_ab") || !strings.HasPrefix(got, "host=127.0.0.1 user=kntc dbname=kntc_test") {
			t.Fatalf("got %q", got)
		}
	})
	for _, dsn := range []string{
		"postgres://kntc@127.0.0.1/kntc_test",
		"postgres://kntc@127.0.0.1/kntc_test?sslmode=disable",
	} {
		t.Run("URL gets one search_path parameter: "+dsn, func(t *testing.T) {
			got := withSearchPath(dsn, "test_ab")
			u, err := url.Parse(got)
			if err != nil {
				t.Fatalf("%q does not parse: %v", got, err)
			}
			q := u.Query()
			if sp := q["search_path"]; len(sp) != 1 || sp[0] != "test_ab" {
				t.Fatalf("%q: search_path %q, want exactly [test_ab]", got, sp)
			}
			if strings.Contains(dsn, "sslmode") && q.Get("sslmode") != "disable" {
				t.Fatalf("%q lost sslmode", got)
			}
			if u.Host != "127.0.0.1" || u.Path != "/kntc_test" {
				t.Fatalf("%q changed host or database", got)
			}
		})
	}
}
