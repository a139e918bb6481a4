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

// While every read slot is taken, a registration still goes through and a
// read waits (here: its client gives up, and it is answered with nothing).
func TestWritesDoNotWaitForReadSlots(t *testing.T) {
	if modeltest.Driver() != "sqlite" {
		t.Skip("reads are admitted in turns on SQLite only")
	}
	e := newEnv(t)
	var releases []func()
	for range runtime.GOMAXPROCS(0) {
		release, err := e.svc.AdmitRead(context.Background(), false)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
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

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", "/api/v1/letters", nil)
	req.Header.Set("Authorization", "Bearer "+e.tokens["reception"])
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Body.Len() != 0 {
		t.Fatalf("a read without a slot whose client left: status %d, body %q", rec.Code, rec.Body.String())
	}

	releases[0]()
	if r := e.do("GET", "/api/v1/letters", "reception", nil); r.Status != http.StatusOK {
		t.Fatalf("a read with a free slot: status %d\n%s", r.Status, r.Body)
	}
	for _, release := range releases[1:] {
		release()
	}
}

// On PostgreSQL, while the searches' turns are taken, the register's pages
// are still served, and a search waits (here: its client gives up, and it
// is answered with nothing).
func TestSearchesWaitForTheirTurn(t *testing.T) {
	if modeltest.Driver() == "sqlite" {
		t.Skip("on SQLite every read takes a turn (TestWritesDoNotWaitForReadSlots)")
	}
	e := newEnv(t)
	var releases []func()
	for range max(1, runtime.GOMAXPROCS(0)/2) {
		release, err := e.svc.AdmitRead(context.Background(), true)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
	if r := e.do("GET", "/api/v1/letters?from=2022-05-01&to=2022-05-31", "reception", nil); r.Status != http.StatusOK {
		t.Fatalf("a page while the searches' turns are taken: status %d\n%s", r.Status, r.Body)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", "/api/v1/letters?q=nguyen", nil)
	req.Header.Set("Authorization", "Bearer "+e.tokens["reception"])
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || rec.Body.Len() != 0 {
		t.Fatalf("a search without a turn whose client left: status %d, body %q", rec.Code, rec.Body.String())
	}
	releases[0]()
	if r := e.do("GET", "/api/v1/letters?q=nguyen", "reception", nil); r.Status != http.StatusOK {
		t.Fatalf("a search with a free turn: status %d\n%s", r.Status, r.Body)
	}
	for _, release := range releases[1:] {
		release()
	}
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
	var releases []func()
	for range runtime.GOMAXPROCS(0) - 1 {
		release, err := e.svc.AdmitRead(context.Background(), false)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
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
