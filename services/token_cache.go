package services

import (
	"sync"
	"time"
)

// tokenCacheTTL is how long a token's user is taken from memory instead
// of the database. Each request proves its token, and one user's screen
// sends several requests in a burst: at 500 requests/s the lookup was a
// statement a request, 4% of the server's and the database's CPU
// (docs/performance.md). Logging out and changing a user through this
// server take effect at once (the entries are dropped); a change made by
// another process (`kntc user`, a second server) within the second.
const tokenCacheTTL = time.Second

// tokenCacheSize bounds the tokens remembered; past it the cache starts
// again empty rather than tracking which entry is oldest.
const tokenCacheSize = 4096

// tokenCache maps the hashes of recently proved tokens to their users.
// Its generation grows with every forget and clear: a user read from the
// database before one of them is not remembered after it (put), so a
// request that raced a logout or a change of user cannot bring back the
// user as it was.
type tokenCache struct {
	mu         sync.Mutex
	entries    map[string]tokenEntry
	generation uint64
}

// tokenEntry is one remembered token: its user, until when.
type tokenEntry struct {
	actor Actor
	until time.Time
}

// get returns the user of the token hash, if remembered and still fresh.
func (c *tokenCache) get(hash string, now time.Time) (Actor, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[hash]
	if !ok || !now.Before(e.until) {
		return Actor{}, false
	}
	return e.actor, true
}

// current returns the generation to give put for a user about to be read.
func (c *tokenCache) current() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.generation
}

// put remembers the user of a token hash for tokenCacheTTL from now,
// unless a forget or clear came after generation was read.
func (c *tokenCache) put(hash string, a Actor, now time.Time, generation uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return
	}
	if c.entries == nil || len(c.entries) >= tokenCacheSize {
		c.entries = make(map[string]tokenEntry)
	}
	c.entries[hash] = tokenEntry{actor: a, until: now.Add(tokenCacheTTL)}
}

// forget drops one token hash (a logout).
func (c *tokenCache) forget(hash string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, hash)
	c.generation++
}

// clear drops every token (a user was changed: role, activity, password).
func (c *tokenCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
	c.generation++
}
