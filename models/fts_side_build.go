package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// sideBuilder builds some of a SearchSide's indexes in a file of its own,
// on a connection and goroutine of its own.
type sideBuilder struct {
	side     *SearchSide
	tables   map[string]bool // table → it has search_identity
	schema   string          // the name the file is attached under
	path     string          // the file, once started
	in       chan sideRows
	endInput sync.Once
	cancel   context.CancelFunc
	done     chan struct{} // closed when the builder has stopped
	err      error
	attached bool
}

// splitPath returns the folder and name of a database file.
func splitPath(path string) (dir, base string) { return filepath.Dir(path), filepath.Base(path) }

// started reports whether the builder has a file and a goroutine.
func (b *sideBuilder) started() bool { return b.path != "" }

// start creates the builder's file and starts building in a goroutine.
func (b *sideBuilder) start() error {
	f, err := os.CreateTemp(b.side.dir, b.side.sideFilePrefix()+"*")
	if err != nil {
		return fmt.Errorf("create the side search index: %w", err)
	}
	b.path = f.Name()
	_ = f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	b.in = make(chan sideRows, 64)
	b.done = make(chan struct{})
	go func() {
		if err := b.build(ctx); err != nil {
			b.err = fmt.Errorf("side search index: %w", err)
		}
		close(b.done)
		b.side.finished <- b
	}()
	return nil
}

// build creates the indexes in the side file, indexes the rows it is
// handed and optimizes the indexes, in one transaction of a file that
// needs neither journal nor fsync: it is deleted after the load.
func (b *sideBuilder) build(ctx context.Context) error {
	db, err := sql.Open(sqlite.DriverName, "file:"+b.path+"?_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", b.side.pageSize)); err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	for table, identity := range b.tables {
		if _, err := tx.ExecContext(ctx, sqliteSearchDDL(table, identity)[0]); err != nil {
			return err
		}
	}
	if err := b.index(ctx, tx); err != nil {
		return err
	}
	for table := range b.tables {
		fts := table + "_fts"
		// One segment, as SuspendRowTriggers leaves a rebuilt index, and
		// the merging of later writes (setAutomerge), which the stat
		// table carries over.
		for _, cmd := range []string{"optimize", ftsAutomerge} {
			if _, err := tx.ExecContext(ctx, ftsCommand(fts, cmd)); err != nil {
				return fmt.Errorf("%s %s: %w", cmd, fts, err)
			}
		}
	}
	return tx.Commit()
}

// sideMaxParams is SQLite's limit of bound parameters in one statement.
const sideMaxParams = 32766

// index inserts the rows handed to the builder until the load ends.
//
// FTS4 writes the words it holds as a new segment of the index at the end
// of every statement inside a transaction (its savepoint: of every FTS4
// table of the connection, not only the one written) and after every
// megabyte, and merges the segments, sixteen at a time, again and again.
// So the rows go in statements as large as SQLite allows, about ten
// thousand, rather than in the loader's batches of a thousand: at a
// million letters the indexing took 34 s instead of 42 s.
func (b *sideBuilder) index(ctx context.Context, tx *sql.Tx) error {
	pending := map[string][]any{}   // rows waiting for a full statement
	stmts := map[string]*sql.Stmt{} // the full-size INSERT of each table
	defer func() {
		for _, st := range stmts {
			_ = st.Close()
		}
	}()
	insert := func(table string, vals []any, full bool) error {
		cols := b.side.Columns(table)
		st := stmts[table]
		if !full || st == nil {
			prepared, err := tx.PrepareContext(ctx, sideInsert(table, cols, len(vals)/len(cols)))
			if err != nil {
				return err
			}
			if full {
				stmts[table] = prepared
			} else {
				defer prepared.Close()
			}
			st = prepared
		}
		if _, err := st.ExecContext(ctx, vals...); err != nil {
			return fmt.Errorf("index %s: %w", table, err)
		}
		return nil
	}
	for {
		var rows sideRows
		var ok bool
		select {
		case rows, ok = <-b.in:
		case <-ctx.Done():
			return ctx.Err()
		}
		if !ok {
			break
		}
		cols := len(b.side.Columns(rows.table))
		full := sideMaxParams / cols * cols
		buf := append(pending[rows.table], rows.vals...)
		for len(buf) >= full {
			if err := insert(rows.table, buf[:full], true); err != nil {
				return err
			}
			n := copy(buf, buf[full:])
			clear(buf[n:])
			buf = buf[:n]
		}
		pending[rows.table] = buf
	}
	for table, buf := range pending {
		if len(buf) > 0 {
			if err := insert(table, buf, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// sideInsert is an INSERT of rows rows into table's side index.
func sideInsert(table string, cols []string, rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	return "INSERT INTO " + table + "_fts(docid, " + strings.Join(cols[1:], ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}

// copyInto copies table's index from the attached side file into the
// empty index of the database, in tx.
func (b *sideBuilder) copyInto(tx *gorm.DB, table string) error {
	fts := table + "_fts"
	// The database's stat table already holds its automerge setting.
	if err := tx.Exec("DELETE FROM main." + fts + "_stat").Error; err != nil {
		return fmt.Errorf("copy search index %s: %w", fts, err)
	}
	for _, shadow := range ftsShadowTables {
		t := fts + "_" + shadow
		if err := tx.Exec("INSERT INTO main." + t + " SELECT * FROM " + b.schema + "." + t).Error; err != nil {
			return fmt.Errorf("copy search index %s: %w", t, err)
		}
	}
	return nil
}

// close stops the builder, detaches its file from conn and deletes it.
func (b *sideBuilder) close(conn *gorm.DB) error {
	b.cancel()
	<-b.done
	var errs []error
	if b.attached {
		if err := conn.Exec("DETACH DATABASE " + b.schema).Error; err != nil {
			errs = append(errs, fmt.Errorf("detach the side search index: %w", err))
		} else {
			b.attached = false
		}
	}
	for _, p := range []string{b.path, b.path + "-journal", b.path + "-wal", b.path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
