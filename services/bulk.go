package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// writeBulk runs fn in one write transaction, as write does, for a load of
// gigabytes into a register that nobody else has open (kntc demo). On
// SQLite fn also gets a builder of search indexes beside the load
// (models.SearchSide, for SuspendRowTriggers; nil elsewhere), whose files
// are deleted after the transaction, whatever its outcome.
//
// Under WAL every page of such a transaction is written twice, to the WAL
// and then by the checkpoint into the database, and every page read back
// during the load is looked up in a WAL of gigabytes: at a million letters
// that was a third of the load's time. So on SQLite the load switches the
// file to a rollback journal when this process holds the only connection,
// and back to WAL after. A rollback journal keeps the original of every
// page the transaction changes, and a page that did not exist when the
// transaction began has no original to keep: a load into an empty register
// writes each page once, and a crash still rolls the whole load back. When
// another connection has the file open (a running server), SQLite refuses
// the switch and the load runs under WAL, only slower; throughWAL says so.
func (s *Service) writeBulk(ctx context.Context, fn func(tx *gorm.DB, side *models.SearchSide) error) (throughWAL bool, err error) {
	if !s.sqlite {
		return false, s.write(ctx, func(tx *gorm.DB) error { return fn(tx, nil) })
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	pool, err := s.db.DB()
	if err != nil {
		return false, models.Internal(err)
	}
	// Idle connections of the pool keep the file open and would refuse
	// the switch.
	pool.SetMaxIdleConns(0)
	defer pool.SetMaxIdleConns(models.SQLiteConns)
	err = s.db.WithContext(ctx).Connection(func(pinned *gorm.DB) error {
		// Each statement on a fresh session of the pinned connection: a
		// chained one would carry the previous statement's clauses.
		conn := func() *gorm.DB { return pinned.Session(&gorm.Session{NewDB: true}) }
		throughWAL = !rollbackJournal(conn)
		if !throughWAL {
			// Back to WAL even when the load failed; should this fail, the
			// next connection opened switches the file back (models.Open).
			defer conn().Exec("PRAGMA main.journal_mode = WAL")
		}
		side, err := models.NewSearchSide(conn())
		if err != nil {
			// The indexes are then built after the load, only slower.
			s.log.Warn("bulk load: no side search index", "err", err)
		}
		// Detached from the connection before it goes back to the pool.
		defer func() {
			if err := side.Close(conn()); err != nil {
				s.log.Warn("bulk load: side search index not removed", "err", err)
			}
		}()
		err = conn().Transaction(func(tx *gorm.DB) error { return fn(tx, side) })
		if err == nil && side != nil {
			if side.Err() != nil {
				s.log.Warn("bulk load: search indexes rebuilt after the load instead", "err", side.Err())
			}
			s.log.Debug("bulk load: search indexes built beside the load", "indexes", side.Copied())
		}
		return err
	})
	if err != nil {
		return false, models.AsError(err)
	}
	return throughWAL, nil
}

// rollbackJournal switches conn's database to a rollback journal and
// reports whether it did. It does not wait for other connections: the
// switch either happens at once or the load runs under WAL.
func rollbackJournal(conn func() *gorm.DB) bool {
	if conn().Exec("PRAGMA busy_timeout = 0").Error != nil {
		return false
	}
	defer conn().Exec("PRAGMA busy_timeout = " + models.SQLiteBusyTimeout)
	var mode string
	return conn().Raw("PRAGMA journal_mode = DELETE").Scan(&mode).Error == nil && mode == "delete"
}
