// Package handlers serves kntc over HTTP: the JSON API of api.md and the
// Vietnamese web pages. Handlers check the shape of requests, call one
// service method, and answer with its result or its error.
package handlers

import (
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"kntc/services"
)

// Handler holds what every handler needs.
type Handler struct {
	svc     *services.Service
	log     *slog.Logger
	limiter *rateLimiter
}

// Option changes how the handler is built.
type Option func(*Handler)

// WithRateLimit limits each client address to perSecond requests on
// average, burst at once; 0 turns the limit off.
func WithRateLimit(perSecond, burst int) Option {
	return func(h *Handler) {
		if perSecond > 0 {
			h.limiter = newRateLimiter(perSecond, max(burst, 1))
		}
	}
}

// New returns the whole HTTP handler: every route in one place, behind the
// cross-origin protection that refuses cross-site unsafe requests.
func New(svc *services.Service, log *slog.Logger, opts ...Option) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &Handler{svc: svc, log: log}
	for _, o := range opts {
		o(h)
	}
	protect := http.NewCrossOriginProtection()
	return protect.Handler(h.engine())
}

// engine registers every route.
func (h *Handler) engine() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.ContextWithFallback = true
	// Client addresses come from the connection alone: trusting
	// X-Forwarded-For from anyone would let a client pick the address that
	// login throttling and rate limits key on.
	_ = r.SetTrustedProxies(nil)
	r.Use(h.recoverPanics, h.logRequests, securityHeaders)
	if h.limiter != nil {
		r.Use(h.limiter.middleware)
	}
	r.Use(h.admitReads)

	r.GET("/healthz", h.health)

	api := r.Group("/api/v1")
	api.GET("/openapi.json", h.openAPI)
	api.POST("/auth/login", h.login)

	auth := api.Group("", h.authenticate)
	auth.POST("/auth/logout", h.logout)
	auth.GET("/me", h.me)

	auth.GET("/letters", h.listLetters)
	auth.POST("/letters", h.createLetter)
	auth.GET("/letters/:id", h.getLetter)
	auth.PATCH("/letters/:id", h.updateLetter)
	auth.DELETE("/letters/:id", h.deleteLetter)
	auth.POST("/letters/:id/classify", h.classifyLetter)
	auth.POST("/letters/:id/handle", h.handleLetter)

	auth.GET("/reception-sessions", h.listSessions)
	auth.POST("/reception-sessions", h.createSession)
	auth.GET("/reception-sessions/:id", h.getSession)
	auth.PATCH("/reception-sessions/:id", h.updateSession)
	auth.DELETE("/reception-sessions/:id", h.deleteSession)

	auth.GET("/reception-visits", h.listVisits)
	auth.POST("/reception-visits", h.createVisit)
	auth.GET("/reception-visits/:id", h.getVisit)
	auth.PATCH("/reception-visits/:id", h.updateVisit)
	auth.DELETE("/reception-visits/:id", h.deleteVisit)

	auth.GET("/cases", h.listCases)
	auth.POST("/cases", h.createCase)
	auth.GET("/cases/:id", h.getCase)
	auth.PATCH("/cases/:id", h.updateCase)
	auth.DELETE("/cases/:id", h.deleteCase)

	auth.GET("/dialogues", h.listDialogues)
	auth.POST("/dialogues", h.createDialogue)
	auth.GET("/dialogues/:id", h.getDialogue)
	auth.PATCH("/dialogues/:id", h.updateDialogue)
	auth.DELETE("/dialogues/:id", h.deleteDialogue)

	auth.GET("/council-meetings", h.listCouncilMeetings)
	auth.POST("/council-meetings", h.createCouncilMeeting)
	auth.GET("/council-meetings/:id", h.getCouncilMeeting)
	auth.PATCH("/council-meetings/:id", h.updateCouncilMeeting)
	auth.DELETE("/council-meetings/:id", h.deleteCouncilMeeting)

	auth.GET("/documents", h.listDocuments)
	auth.POST("/documents", h.createDocument)
	auth.GET("/documents/:id", h.getDocument)
	auth.PATCH("/documents/:id", h.updateDocument)
	auth.DELETE("/documents/:id", h.deleteDocument)

	auth.GET("/people", h.listPeople)
	auth.GET("/people/:id", h.getPerson)
	auth.GET("/holidays", h.listHolidays)
	auth.POST("/holidays", h.createHoliday)
	auth.DELETE("/holidays/:id", h.deleteHoliday)

	auth.GET("/reports/statistics", h.getStatistics)
	auth.POST("/imports/letters", h.importLetters)
	auth.GET("/imports/letters/template", h.importTemplate)

	auth.GET("/users", h.listUsers)
	auth.POST("/users", h.createUser)
	auth.GET("/users/:id", h.getUser)
	auth.PATCH("/users/:id", h.updateUser)
	auth.GET("/audit", h.listAudit)

	pages := h.registerPages(r)
	// An unknown API address answers problem details; any other address is
	// a person in a browser, who gets the Vietnamese page.
	r.NoRoute(func(c *gin.Context) {
		if strings.HasPrefix(c.Request.URL.Path, "/api/") {
			respondError(c, notFoundRoute)
			return
		}
		pages.fail(c, notFoundRoute)
	})
	return r
}

// health answers 200 once the database answers.
func (h *Handler) health(c *gin.Context) {
	sqlDB, err := h.svc.DB().DB()
	if err == nil {
		err = sqlDB.PingContext(c.Request.Context())
	}
	if err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// logRequests logs method, route pattern, status and duration: never the
// query string or body, which may hold a protected identity.
func (h *Handler) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	h.log.Info("request", "method", c.Request.Method, "route", c.FullPath(),
		"status", c.Writer.Status(), "duration_ms", time.Since(start).Milliseconds())
}

// recoverPanics answers 500 with no cause, and logs the panic.
func (h *Handler) recoverPanics(c *gin.Context) {
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("panic", "route", c.FullPath(), "panic", p)
			respondError(c, errPanic)
		}
	}()
	c.Next()
}

// securityHeaders sets the headers every answer carries.
func securityHeaders(c *gin.Context) {
	hd := c.Writer.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
	c.Next()
}

// admitReads lets read requests (GET, HEAD) at the database in turns where
// they need one (services.Service.AdmitRead): on SQLite, so that writers
// keep a connection; on PostgreSQL, searches, so that they leave the other
// requests a core. A request's turn ends when it starts to answer: sending
// a workbook to a slow client must not hold up everybody else's reads.
// Static files and the health check read no records and do not queue. A
// client that leaves while waiting is answered with nothing.
func (h *Handler) admitReads(c *gin.Context) {
	path := c.Request.URL.Path
	if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead ||
		strings.HasPrefix(path, "/static/") || path == "/healthz" {
		c.Next()
		return
	}
	search := strings.TrimSpace(c.Query("q")) != ""
	release, err := h.svc.AdmitRead(c.Request.Context(), search)
	if err != nil {
		c.AbortWithStatus(http.StatusServiceUnavailable)
		return
	}
	if release == nil {
		c.Next()
		return
	}
	w := &releaseOnWrite{ResponseWriter: c.Writer, release: sync.OnceFunc(release)}
	c.Writer = w
	defer w.release()
	c.Next()
}

// releaseOnWrite ends a read's turn (release) when the answer starts.
type releaseOnWrite struct {
	gin.ResponseWriter
	release func()
}

// WriteHeader ends the turn and sends the status.
func (w *releaseOnWrite) WriteHeader(code int) {
	w.release()
	w.ResponseWriter.WriteHeader(code)
}

// WriteHeaderNow ends the turn and sends the header.
func (w *releaseOnWrite) WriteHeaderNow() {
	w.release()
	w.ResponseWriter.WriteHeaderNow()
}

// Write ends the turn and sends b.
func (w *releaseOnWrite) Write(b []byte) (int, error) {
	w.release()
	return w.ResponseWriter.Write(b)
}

// WriteString ends the turn and sends s.
func (w *releaseOnWrite) WriteString(s string) (int, error) {
	w.release()
	return w.ResponseWriter.WriteString(s)
}
