package services

import (
	"testing"
	"time"
)

// A user read before a logout or a change of users is not remembered
// after it.
func TestTokenCacheIgnoresUsersReadBeforeAForget(t *testing.T) {
	var c tokenCache
	now := time.Date(2022, 6, 15, 9, 0, 0, 0, time.UTC)
	for _, drop := range []func(){func() { c.forget("h") }, c.clear} {
		read := c.current() // a request starts reading the token's user
		drop()              // the token is revoked meanwhile
		c.put("h", Actor{ID: 1}, now, read)
		if a, ok := c.get("h", now); ok {
			t.Fatalf("remembered %+v read before the drop", a)
		}
		c.put("h", Actor{ID: 1}, now, c.current())
		if _, ok := c.get("h", now); !ok {
			t.Fatal("a user read after the drop is not remembered")
		}
	}
}
