package services

import (
	"context"
	"runtime"
)

// AdmitRead waits until a read request may go to the database and returns
// the function that ends its turn. On SQLite reads are admitted one per
// core at a time; on PostgreSQL at once.
//
// SQLite works in the calling thread, so reads beyond one per core only
// time-slice the cores, and the pool that serves them also serves the
// writer: database/sql hands a freed connection to any one of its waiters,
// so under a load of reads a registration waited behind hundreds of them
// for a connection, holding the write lock meanwhile (at 400 requests a
// second on two cores registrations timed out after 30 s while reads were
// served in milliseconds). Admitting reads a core's worth at a time keeps
// the pool's other connections (models.SQLiteConns) for writers, and reads
// queue here, in order.
func (s *Service) AdmitRead(ctx context.Context) (release func(), err error) {
	if s.readSlots == nil {
		return func() {}, nil
	}
	select {
	case s.readSlots <- struct{}{}:
		return func() { <-s.readSlots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// newReadSlots returns the semaphore of AdmitRead for SQLite.
func newReadSlots() chan struct{} { return make(chan struct{}, runtime.GOMAXPROCS(0)) }
