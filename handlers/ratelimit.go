package handlers

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// rateLimiter keeps one token bucket per client address: a client may make
// burst requests at once and perSecond on average. Loopback clients (the
// CLI, a test, a reverse proxy on the same machine) are not limited.
type rateLimiter struct {
	mu        sync.Mutex
	perSecond float64
	burst     float64
	buckets   map[string]*bucket
	now       func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(perSecond, burst int) *rateLimiter {
	return &rateLimiter{perSecond: float64(perSecond), burst: float64(burst), buckets: map[string]*bucket{}, now: time.Now}
}

// allow takes a token for addr, or says how long to wait for one.
func (l *rateLimiter) allow(addr string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[addr]
	if b == nil {
		if len(l.buckets) > 50000 { // bound memory: drop buckets that have refilled
			for k, v := range l.buckets {
				if now.Sub(v.last).Seconds()*l.perSecond >= l.burst {
					delete(l.buckets, k)
				}
			}
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[addr] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.perSecond)
	b.last = now
	if b.tokens < 1 {
		return false, time.Duration((1 - b.tokens) / l.perSecond * float64(time.Second))
	}
	b.tokens--
	return true, 0
}

// middleware answers 429 with Retry-After when a client goes over its rate.
func (l *rateLimiter) middleware(c *gin.Context) {
	ip := net.ParseIP(c.ClientIP())
	if ip == nil || ip.IsLoopback() {
		c.Next()
		return
	}
	ok, wait := l.allow(ip.String())
	if !ok {
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		writeProblem(c, Problem{Type: "about:blank", Title: "Quá nhiều yêu cầu", Status: http.StatusTooManyRequests,
			Code: models.ErrorCode("rate_limited"), Detail: "Máy của bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít giây."})
		return
	}
	c.Next()
}
