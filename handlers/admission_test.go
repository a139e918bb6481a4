package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"kntc/models/modeltest"
)

// takeTurns takes n read turns (searches' turns when search) and returns
// the functions that end them.
func takeTurns(t *testing.T, e *env, n int, search bool) []func() {
	t.Helper()
	var releases []func()
	for range n {
		release, err := e.svc.AdmitRead(context.Background(), search)
		if err != nil || release == nil {
			t.Fatalf("turn %d: none (%v)", len(releases)+1, err)
		}
		releases = append(releases, release)
	}
	return releases
}

// leaveWhileWaiting sends a read of path whose client has already left,
// and checks that, waiting for its turn, it is answered with nothing.
func leaveWhileWaiting(t *testing.T, e *env, path string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", path, nil)
	req.Header.Set("Authorization", "Bearer "+e.tokens["reception"])
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Body.Len() != 0 {
		t.Fatalf("%s without a turn whose client left: status %d, body %q", path, rec.Code, rec.Body.String())
	}
}

// servedWhenFreed ends the first of the turns, checks that a read of path
// is then served, and ends the others.
func servedWhenFreed(t *testing.T, e *env, releases []func(), path string) {
	t.Helper()
	releases[0]()
	defer func() {
		for _, release := range releases[1:] {
			release()
		}
	}()
	if r := e.do("GET", path, "reception", nil); r.Status != http.StatusOK {
		t.Fatalf("%s with a free turn: status %d\n%s", path, r.Status, r.Body)
	}
}

// While every read slot is taken, a registration still goes through and a
// read waits (here: its client gives up, and it is answered with nothing).
func TestWritesDoNotWaitForReadSlots(t *testing.T) {
	if modeltest.Driver() != "sqlite" {
		t.Skip("reads are admitted in turns on SQLite only")
	}
	e := newEnv(t)
	releases := takeTurns(t, e, runtime.GOMAXPROCS(0), false)
	done := make(chan response, 1)
	go func() { done <- e.do("POST", "/api/v1/letters", "reception", letterBody(nil)) }()
	select {
	case r := <-done:
		if r.Status != http.StatusCreated {
			t.Fatalf("registration: status %d\n%s", r.Status, r.Body)
		}
	case <-time.After(30 * time.Second): // a guard against hanging, not a measurement
		t.Fatal("a registration waited for a read slot")
	}

	leaveWhileWaiting(t, e, "/api/v1/letters")

	servedWhenFreed(t, e, releases, "/api/v1/letters")
}

// On PostgreSQL, while the searches' turns are taken, the register's pages
// are still served, and a search waits (here: its client gives up, and it
// is answered with nothing).
func TestSearchesWaitForTheirTurn(t *testing.T) {
	if modeltest.Driver() == "sqlite" {
		t.Skip("on SQLite every read takes a turn (TestWritesDoNotWaitForReadSlots)")
	}
	e := newEnv(t)
	releases := takeTurns(t, e, max(1, runtime.GOMAXPROCS(0)/2), true)
	if r := e.do("GET", "/api/v1/letters?from=2022-05-01&to=2022-05-31", "reception", nil); r.Status != http.StatusOK {
		t.Fatalf("a page while the searches' turns are taken: status %d\n%s", r.Status, r.Body)
	}
	leaveWhileWaiting(t, e, "/api/v1/letters?q=nguyen")
	servedWhenFreed(t, e, releases, "/api/v1/letters?q=nguyen")
}

// blockingWriter is a client that stops reading the answer after its
// first bytes, until unblock is closed.
type blockingWriter struct {
	header  http.Header
	started chan struct{}
	unblock chan struct{}
	once    sync.Once
}

func (w *blockingWriter) Header() http.Header { return w.header }
func (w *blockingWriter) WriteHeader(int)     {}
func (w *blockingWriter) Write(b []byte) (int, error) {
	w.once.Do(func() { close(w.started) })
	<-w.unblock
	return len(b), nil
}

// A read's turn ends when it starts to answer: a slow client receiving
// its answer does not hold up the next read.
func TestSlowClientDoesNotHoldAReadSlot(t *testing.T) {
	if modeltest.Driver() != "sqlite" {
		t.Skip("reads are admitted in turns on SQLite only")
	}
	e := newEnv(t)
	releases := takeTurns(t, e, runtime.GOMAXPROCS(0)-1, false)
	defer func() {
		for _, r := range releases {
			r()
		}
	}()
	slow := &blockingWriter{header: http.Header{}, started: make(chan struct{}), unblock: make(chan struct{})}
	defer close(slow.unblock)
	req := httptest.NewRequest("GET", "/api/v1/letters", nil)
	req.Header.Set("Authorization", "Bearer "+e.tokens["reception"])
	go e.h.ServeHTTP(slow, req)
	guard := time.After(30 * time.Second) // against hanging, not a measurement
	select {
	case <-slow.started:
	case <-guard:
		t.Fatal("the first read never answered")
	}
	done := make(chan int, 1)
	go func() { done <- e.do("GET", "/api/v1/letters", "legal", nil).Status }()
	select {
	case status := <-done:
		if status != http.StatusOK {
			t.Fatalf("the next read: status %d", status)
		}
	case <-guard:
		t.Fatal("the next read waited while a slow client received its answer")
	}
}
