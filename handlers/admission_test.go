package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
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
		release, err := e.svc.AdmitRead(context.Background())
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
