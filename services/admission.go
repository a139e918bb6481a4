package services

import (
	"context"
	"runtime"
)

// AdmitRead waits until a read request may go to the database and returns
// the function that ends its turn, or nil when the read needs no turn.
// search says whether the request searches the records' words (a q).
//
// On SQLite every read takes a turn, one per core at a time. SQLite works
// in the calling thread, so reads beyond one per core only time-slice the
// cores, and the pool that serves them also serves the writer:
// database/sql hands a freed connection to any one of its waiters, so under
// a load of reads a registration waited behind hundreds of them for a
// connection, holding the write lock meanwhile (at 400 requests a second on
// two cores registrations timed out after 30 s while reads were served in
// milliseconds). Admitting reads a core's worth at a time keeps the pool's
// other connections (models.SQLiteConns) for writers, and reads queue
// here, in order.
//
// On PostgreSQL only searches take a turn, one per two cores of this
// machine (at least one). A search for a common name costs the database
// about 100 ms of one core, forty times a page of the register, and
// searches arrive at random: at 500 requests a second on two cores, four
// of them at once took both cores for half a second, the registration
// holding the year's counter waited for a core, every other registration
// queued behind it with a pooled connection each, and then every request
// waited for a connection (p99 0.25 to 1.2 s). The database's own cores
// are not known here; the server's are the usual measure of the machine
// it runs on.
func (s *Service) AdmitRead(ctx context.Context, search bool) (release func(), err error) {
	slots := s.readSlots
	if slots == nil && search {
		slots = s.searchSlots
	}
	if slots == nil {
		return nil, nil
	}
	select {
	case slots <- struct{}{}:
		return func() { <-slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// newAdmission returns the semaphores of AdmitRead: reads on SQLite, or
// searches on PostgreSQL.
func newAdmission(sqlite bool) (reads, searches chan struct{}) {
	if sqlite {
		return make(chan struct{}, runtime.GOMAXPROCS(0)), nil
	}
	return nil, make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))
}
