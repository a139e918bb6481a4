package models

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Search indexes built beside a bulk load.
//
// Building the FTS4 indexes from the tables after a load ("rebuild", then
// "optimize") took 36 s of the 77 s of a million-letter demo load, on one
// core while the other stood idle: a SQLite file has one writer, so the
// indexes cannot be built beside the inserts in the same file. A
// SearchSide builds the index of every table the load fills from empty in
// temporary files of its own, on connections of its own, from the rows the
// load hands it as it inserts them. At the end of the load, in its
// transaction, each index's four tables (FTS4's shadow tables: segments,
// segdir, docsize, stat) are copied into the database. The side index is
// created by the database's own statement, so its shadow tables have the
// same definitions and SQLite copies their records as they are (the
// transfer optimization of INSERT ... SELECT *: the 830 MB of a million
// letters' indexes in under 2 s). The load then took 59 s. A side file is
// attached for the copy only, inside the load's transaction: attached
// before it, BEGIN IMMEDIATE takes a write lock on it too, and its builder
// gets "database is locked" for the whole load.
//
// The letters' index is as large as all the others together (474 MB of
// 830 at a million letters) and is built apart from them, by a builder of
// its own: after the load the two are optimized at once, on both cores,
// and the writer copies each in as soon as it is ready. Apart, the
// letters' index also keeps its segments whole: FTS4 cuts a segment of
// every index of a connection at the end of each statement (see index),
// and the other tables' statements would cut the letters' index too (3 s
// more at a million letters with all indexes on one connection).

// ftsShadowTables are the tables in which FTS4 keeps an external-content
// index (with the content in the record table, there is no _content).
var ftsShadowTables = []string{"segments", "segdir", "docsize", "stat"}

// SearchSide builds the search indexes of a bulk load in temporary files
// beside the database (see above). Its methods may be called on a nil
// SearchSide, which builds nothing: PostgreSQL, a database in memory.
//
// The load's writer creates it before the transaction (NewSearchSide),
// SuspendRowTriggers chooses its tables and starts it, the loader hands it
// rows (Columns, Add, EndInput), the load's resume function copies the
// indexes in, and Close removes the files after the transaction, whatever
// its outcome.
type SearchSide struct {
	dir, base string
	pageSize  int
	builders  []*sideBuilder
	byTable   map[string]*sideBuilder
	finished  chan *sideBuilder // each started builder once it has stopped
	err       error             // why an index was not taken from the side
	copied    int
}

// sideRows are rows for one table's side index: per row its docid, its
// search_text and, for a table with an identity, its search_identity.
type sideRows struct {
	table string
	vals  []any
}

// NewSearchSide prepares a side builder for the SQLite database of conn,
// the connection the load will run on; it creates nothing yet. It returns
// nil when the database has no file.
func NewSearchSide(conn *gorm.DB) (*SearchSide, error) {
	if conn.Dialector.Name() != DriverSQLite {
		return nil, nil
	}
	var path string
	if err := conn.Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&path).Error; err != nil {
		return nil, err
	}
	if path == "" {
		return nil, nil
	}
	s := &SearchSide{byTable: map[string]*sideBuilder{}}
	s.dir, s.base = splitPath(path)
	// FTS4 sizes its nodes by the page size: the same page size makes
	// the side index the one the database would build.
	if err := conn.Raw("PRAGMA main.page_size").Scan(&s.pageSize).Error; err != nil {
		return nil, err
	}
	return s, nil
}

// plan has table's index built beside the load, by the letters' builder
// or by the one of every other table.
func (s *SearchSide) plan(table string, identity, letters bool) {
	i := 1
	if letters {
		i = 0
	}
	for len(s.builders) <= i {
		s.builders = append(s.builders, &sideBuilder{side: s, tables: map[string]bool{},
			schema: "kntc_search_side" + strconv.Itoa(len(s.builders))})
	}
	s.builders[i].tables[table] = identity
	s.byTable[table] = s.builders[i]
}

// start starts the builders that have tables, after deleting the side
// files that a killed load left. It runs in the load's transaction, whose
// write lock no other load's holds meanwhile, so no other load is using
// them.
func (s *SearchSide) start() {
	if s == nil {
		return
	}
	s.removeLeftovers()
	s.finished = make(chan *sideBuilder, len(s.builders))
	for _, b := range s.builders {
		if len(b.tables) > 0 {
			if err := b.start(); err != nil {
				s.err = errors.Join(s.err, err)
			}
		}
	}
}

// removeLeftovers deletes the side files of the database (sideFilePrefix)
// that are still there; a file that cannot be deleted stays, and costs
// only its space.
func (s *SearchSide) removeLeftovers() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), s.sideFilePrefix()) {
			_ = os.Remove(filepath.Join(s.dir, e.Name()))
		}
	}
}

// sideFilePrefix begins the names of the database's side files.
func (s *SearchSide) sideFilePrefix() string { return s.base + ".search-" }

// Columns returns the columns of table whose values the side index takes,
// in the order Add wants them, or nil when the side builds no index for it.
func (s *SearchSide) Columns(table string) []string {
	if s == nil || s.byTable[table] == nil || !s.byTable[table].started() {
		return nil
	}
	if s.byTable[table].tables[table] {
		return []string{"id", "search_text", "search_identity"}
	}
	return []string{"id", "search_text"}
}

// Add hands rows of table to the side builder, in id order: vals holds,
// row after row, the values of Columns(table). The builder keeps vals.
// Rows of a table the side does not index are dropped, and so are all rows
// once the builder has stopped (it failed; the load then rebuilds).
func (s *SearchSide) Add(table string, vals []any) {
	if s.Columns(table) == nil {
		return
	}
	b := s.byTable[table]
	select {
	case b.in <- sideRows{table, vals}:
	case <-b.done:
	}
}

// EndInput tells the builders that the load has handed them every row, so
// that they optimize their indexes while the load finishes.
func (s *SearchSide) EndInput() {
	if s == nil {
		return
	}
	for _, b := range s.builders {
		if b.started() {
			b.endInput.Do(func() { close(b.in) })
		}
	}
}

// Err says why search indexes were built from their tables after all, if
// any was: a side builder failed.
func (s *SearchSide) Err() error {
	if s == nil {
		return nil
	}
	return s.err
}

// Copied returns the number of search indexes the load took from the side
// files; the others were built from their tables.
func (s *SearchSide) Copied() int {
	if s == nil {
		return 0
	}
	return s.copied
}

// Close stops the builders that still run, detaches their files from
// conn (the load's connection; SQLite detaches only outside a transaction)
// and deletes them.
func (s *SearchSide) Close(conn *gorm.DB) error {
	if s == nil {
		return nil
	}
	var errs []error
	for _, b := range s.builders {
		if b.started() {
			errs = append(errs, b.close(conn))
		}
	}
	return errors.Join(errs...)
}

// copyIndexes copies, in tx, the indexes the builders built into the
// database, each builder's as soon as it is done, and returns the tables
// whose index it copied. The tables of a builder that failed, and a table
// whose index in the database is no longer empty, are left to the caller
// to rebuild. A failed copy fails the load: it wrote into its transaction.
func (s *SearchSide) copyIndexes(tx *gorm.DB) (map[string]bool, error) {
	if s == nil {
		return nil, nil
	}
	s.EndInput()
	copied := map[string]bool{}
	for range s.startedBuilders() {
		b := <-s.finished
		if b.err != nil {
			s.err = errors.Join(s.err, b.err)
			continue
		}
		if err := tx.Exec("ATTACH DATABASE ? AS "+b.schema, b.path).Error; err != nil {
			s.err = errors.Join(s.err, fmt.Errorf("attach the side search index: %w", err))
			continue
		}
		b.attached = true
		for table := range b.tables {
			empty, err := indexEmpty(tx, table, false)
			if err != nil {
				return nil, err
			}
			if !empty {
				continue
			}
			if err := b.copyInto(tx, table); err != nil {
				return nil, err
			}
			copied[table] = true
		}
	}
	s.copied = len(copied)
	return copied, nil
}

// startedBuilders counts the builders that run or have run.
func (s *SearchSide) startedBuilders() []*sideBuilder {
	var out []*sideBuilder
	for _, b := range s.builders {
		if b.started() {
			out = append(out, b)
		}
	}
	return out
}

// indexEmpty reports whether table's search index holds nothing and,
// with content set, whether the table holds no row either: only then may
// an index built from the load's rows alone replace it.
func indexEmpty(tx *gorm.DB, table string, content bool) (bool, error) {
	fts := table + "_fts"
	q := "SELECT NOT EXISTS (SELECT 1 FROM main." + fts + "_segdir) AND NOT EXISTS (SELECT 1 FROM main." + fts + "_docsize)"
	if content {
		q += " AND NOT EXISTS (SELECT 1 FROM main." + table + ")"
	}
	var empty bool
	err := tx.Raw(q).Scan(&empty).Error
	return empty, err
}
