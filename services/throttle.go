package services

import (
	"sync"
	"time"
)

// loginThrottle counts recent failed logins per key (a folded username, or
// a client address) and locks the key for a while after too many. It keys
// on what was typed, so an unknown username is locked exactly like a known
// one and the answer never tells whether the user exists.
type loginThrottle struct {
	mu       sync.Mutex
	failures map[string]*failureCount
}

type failureCount struct {
	count       int
	first       time.Time
	lockedUntil time.Time
}

func newLoginThrottle() *loginThrottle {
	return &loginThrottle{failures: map[string]*failureCount{}}
}

// lockedFor returns how long key stays locked, or 0.
func (t *loginThrottle) lockedFor(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if f := t.failures[key]; f != nil && now.Before(f.lockedUntil) {
		return f.lockedUntil.Sub(now)
	}
	return 0
}

// fail records a failure; after max failures within window the key is
// locked for window.
func (t *loginThrottle) fail(key string, now time.Time, max int, window time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.failures[key]
	if f == nil || now.Sub(f.first) > window {
		f = &failureCount{first: now}
		t.failures[key] = f
	}
	f.count++
	if f.count >= max {
		f.lockedUntil = now.Add(window)
		f.count, f.first = 0, now
	}
	if len(t.failures) > 100000 { // bound memory under a spray of usernames
		for k, v := range t.failures {
			if now.After(v.lockedUntil) && now.Sub(v.first) > window {
				delete(t.failures, k)
			}
		}
	}
}

// succeed forgets the failures of key.
func (t *loginThrottle) succeed(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}
