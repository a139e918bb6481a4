package handlers

import (
	"testing"
	"time"
)

func TestRateLimiterRefillsAndRefuses(t *testing.T) {
	now := time.Date(2022, 5, 1, 8, 0, 0, 0, time.UTC)
	l := newRateLimiter(2, 3)
	l.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _ := l.allow("10.0.0.1"); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	ok, wait := l.allow("10.0.0.1")
	if ok || wait <= 0 || wait > time.Second {
		t.Fatalf("over the burst: ok=%v wait=%v", ok, wait)
	}
	if ok, _ := l.allow("10.0.0.2"); !ok {
		t.Fatal("another address shares the bucket")
	}
	now = now.Add(500 * time.Millisecond) // one token at 2 per second
	if ok, _ := l.allow("10.0.0.1"); !ok {
		t.Fatal("token not refilled")
	}
	if ok, _ := l.allow("10.0.0.1"); ok {
		t.Fatal("refilled more than the rate")
	}
}
