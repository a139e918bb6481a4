//go:build cgo

package models

/*
// SQLite's, compiled into the binary by github.com/mattn/go-sqlite3.
int sqlite3_config(int, ...);

// kntcSQLiteMemstatusOff sets SQLITE_CONFIG_MEMSTATUS (9) to off. SQLite
// refuses it, harmlessly, once a connection has been opened.
static int kntcSQLiteMemstatusOff(void) { return sqlite3_config(9, 0); }
*/
import "C"

// SQLite keeps memory statistics by default, which every allocation of
// every connection updates under one process-wide mutex. With one busy
// connection that costs little; with two, the bulk load's writer and its
// side search index (fts_side.go), which allocates for every word it
// indexes, they queued on that mutex: at 100,000 letters the load took
// 6.6 s with it (10.7 s of CPU) and 5.6 to 5.9 s without (9.3 to 9.7 s).
// kntc reads none of the statistics (sqlite3_memory_used, heap limits),
// so they are turned off before any connection is opened.
func init() { C.kntcSQLiteMemstatusOff() }
