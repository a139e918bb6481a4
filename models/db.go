package models

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Database drivers kntc supports.
const (
	DriverSQLite   = "sqlite"
	DriverPostgres = "postgres"
)

// sqliteParams are per-connection settings, so they ride the DSN and every
// pooled connection gets them (a PRAGMA run with Exec would reach only one):
//   - WAL lets readers go on while one writer writes;
//   - busy_timeout makes a second writer (another process, such as a CLI
//     import beside the server) wait instead of failing with "locked";
//   - foreign_keys is off by default in SQLite;
//   - txlock=immediate takes the write lock at BEGIN, so two transactions
//     never both read and then deadlock upgrading to write;
//   - synchronous=FULL: letters are legal records, and FULL cost little at
//     office load in our benchmark (docs/performance.md).
const sqliteParams = "_journal_mode=WAL&_busy_timeout=" + SQLiteBusyTimeout + "&_foreign_keys=on&_txlock=immediate&_synchronous=FULL"

// SQLiteConns is the size of the SQLite connection pool: one connection
// per core for readers, which run in parallel under WAL and which the
// services admit a core's worth at a time (services.Service.AdmitRead), and
// two more for writers: the one write transaction the services allow at a
// time, and the reads a write request makes outside it (its login, its
// answer), which must not wait behind the reads. SQLite works in the calling
// thread, so more connections than cores only time-slice the cores, and a
// registration, which holds the write lock while it runs, was stretched
// with them: under a 300 requests/s load at a million letters on two cores,
// registrations' p99 was 7 s with eight connections and 0.5 s with three
// (docs/performance.md). Requests beyond the pool wait for a connection in
// Go instead.
var SQLiteConns = runtime.GOMAXPROCS(0) + 2

// SQLiteBusyTimeout is how long, in milliseconds, a SQLite connection
// waits for another process's write lock before it fails.
const SQLiteBusyTimeout = "10000"

// Open connects to the database. For SQLite, dsn is a file path (its
// folder is created) and the connection settings above are added.
func Open(driver, dsn string, log *slog.Logger) (*gorm.DB, error) {
	var dialector gorm.Dialector
	switch driver {
	case DriverSQLite:
		path := strings.TrimPrefix(dsn, "file:")
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path = path[:i]
		}
		if dir := filepath.Dir(path); dir != "." && path != ":memory:" {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("create database folder %s: %w", dir, err)
			}
		}
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		dialector = sqlite.Open("file:" + strings.TrimPrefix(dsn, "file:") + sep + sqliteParams)
	case DriverPostgres:
		dialector = postgres.Open(dsn)
	default:
		return nil, fmt.Errorf("unknown database driver %q (sqlite or postgres)", driver)
	}
	db, err := gorm.Open(dialector, &gorm.Config{
		NowFunc:                func() time.Time { return time.Now().UTC() },
		SkipDefaultTransaction: true,
		TranslateError:         true,
		Logger:                 newGormLogger(log),
	})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if driver == DriverSQLite {
		sqlDB.SetMaxOpenConns(SQLiteConns)
		sqlDB.SetMaxIdleConns(SQLiteConns)
	} else {
		sqlDB.SetMaxOpenConns(25)
		sqlDB.SetMaxIdleConns(25)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	return db, nil
}

// newGormLogger logs only errors and slow queries, and never the query's
// parameters: they may hold a protected identity.
func newGormLogger(log *slog.Logger) logger.Interface {
	if log == nil {
		return logger.Discard
	}
	return logger.NewSlogLogger(log, logger.Config{
		SlowThreshold:             time.Second,
		LogLevel:                  logger.Warn,
		IgnoreRecordNotFoundError: true,
		ParameterizedQueries:      true,
	})
}

// OpenSQLiteReadOnly opens a SQLite file without changing it (no WAL
// switch, no writes), to check a backup before it is restored.
func OpenSQLiteReadOnly(path string) (*gorm.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return gorm.Open(sqlite.Open("file:"+path+"?mode=ro&_query_only=true"), &gorm.Config{Logger: logger.Discard})
}

// NextID takes the id the next row of table will have, so that rows
// pointing at it can be written before it. On PostgreSQL it is drawn from
// the table's sequence. On SQLite it is the table's AUTOINCREMENT
// successor, which stays free because the caller's transaction holds the
// write lock from its BEGIN (txlock=immediate).
func NextID(tx *gorm.DB, table string) (uint, error) {
	var id uint
	var err error
	if tx.Dialector.Name() == DriverPostgres {
		err = tx.Raw(`SELECT nextval(pg_get_serial_sequence(?, 'id'))`, table).Scan(&id).Error
	} else {
		err = tx.Raw(`SELECT MAX(n) + 1 FROM (SELECT COALESCE(MAX(id), 0) AS n FROM `+table+
			` UNION ALL SELECT seq FROM sqlite_sequence WHERE name = ?)`, table).Scan(&id).Error
	}
	return id, err
}
