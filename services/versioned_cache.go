package services

import "sync"

// versionedCache keeps values computed from the database while the
// database's version counters (models.FigureVersion) say they still hold,
// forgetting the least recently used key when full.
type versionedCache[K comparable, V any] struct {
	size    int        // entries kept
	copyOf  func(V) V  // gives callers a value that shares nothing with the cache; nil for plain values
	mu      sync.Mutex // guards what follows
	entries map[K]*versionedEntry[V]
	clock   uint64 // orders the entries by last use
}

// versionedEntry is a value with the version it was computed at.
type versionedEntry[V any] struct {
	version int64
	value   V
	used    uint64
}

// get returns the value of key if it was computed at version.
func (c *versionedCache[K, V]) get(key K, version int64) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.version != version {
		var zero V
		return zero, false
	}
	c.clock++
	e.used = c.clock
	return c.copy(e.value), true
}

// put keeps v as the value of key at version.
func (c *versionedCache[K, V]) put(key K, version int64, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[K]*versionedEntry[V])
	}
	if e, ok := c.entries[key]; ok && e.version > version {
		return // a newer computation finished first
	}
	if _, ok := c.entries[key]; !ok && len(c.entries) >= c.size {
		var oldest K
		var oldestUse uint64
		first := true
		for k, e := range c.entries {
			if first || e.used < oldestUse {
				oldest, oldestUse, first = k, e.used, false
			}
		}
		delete(c.entries, oldest)
	}
	c.clock++
	c.entries[key] = &versionedEntry[V]{version: version, value: c.copy(v), used: c.clock}
}

// copy returns v as a caller may keep it (copyOf).
func (c *versionedCache[K, V]) copy(v V) V {
	if c.copyOf == nil {
		return v
	}
	return c.copyOf(v)
}
