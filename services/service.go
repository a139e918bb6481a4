// Package services holds every use case of kntc. Each exported method owns
// its transaction, checks the acting user's role and the business rules, and
// writes the audit trail; none of them knows HTTP.
package services

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"gorm.io/gorm"

	"kntc/models"
)

// Config holds the settings the use cases depend on.
type Config struct {
	// GroupSize is the number of people from which a visit is a group delegation.
	GroupSize int
	// HandlingWorkingDays is the time allowed to handle a letter.
	HandlingWorkingDays int
	// CutoffDay is 0 for calendar months, or 14 for the inspectorate's
	// periods from the 15th to the 14th.
	CutoffDay int
	// Location is the office's time zone, which decides what "today" is.
	Location *time.Location
	// TokenTTL is how long a login token lasts.
	TokenTTL time.Duration
	// BcryptCost is the cost of password hashing.
	BcryptCost int
	// LoginMaxFailures failed logins for one username lock it for LoginLockout.
	LoginMaxFailures int
	LoginLockout     time.Duration
	// Office names the office and its signer in reports.
	Office Office
	// Deadlines are the legal time limits of cases and their units.
	Deadlines models.DeadlineRules
}

// Office identifies the office in report headings and signatures.
type Office struct {
	ParentName  string // e.g. ỦY BAN NHÂN DÂN TỈNH ...
	Name        string // e.g. VĂN PHÒNG
	Place       string // the place written before the date, e.g. "Tây Ninh"
	SignerTitle string
	SignerName  string
}

// DefaultConfig returns the settings' defaults.
func DefaultConfig() Config {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		loc = time.FixedZone("ICT", 7*3600)
	}
	return Config{
		GroupSize:           5,
		HandlingWorkingDays: 10,
		Location:            loc,
		TokenTTL:            12 * time.Hour,
		BcryptCost:          12,
		LoginMaxFailures:    5,
		LoginLockout:        15 * time.Minute,
		Deadlines:           models.DefaultDeadlineRules(),
		Office: Office{
			ParentName:  "ỦY BAN NHÂN DÂN TỈNH",
			Name:        "VĂN PHÒNG",
			SignerTitle: "CHÁNH VĂN PHÒNG",
		},
	}
}

// Service runs the use cases over one database.
type Service struct {
	db     *gorm.DB
	cfg    Config
	log    *slog.Logger
	now    func() time.Time
	sqlite bool
	// writeMu serialises this process's SQLite write transactions: SQLite has
	// one writer anyway, and waiting on a mutex is cheaper and fairer than
	// many connections spinning in the busy handler.
	writeMu  sync.Mutex
	throttle *loginThrottle
	// cal caches the working-day calendar (services/calendar.go).
	cal calendarCache
	// figuresCache keeps recent periods' statistics while the database's
	// version counters say they still hold (services/statistics_cache.go).
	figuresCache *figuresCache
	// listCounts keeps the row counts of lists bounded by a period, on the
	// same counters (services/list_counts.go).
	listCounts *listCountCache
	// tokens remembers the users of recently proved tokens
	// (services/token_cache.go).
	tokens tokenCache
	// readSlots admits read requests on SQLite, and searchSlots searches
	// on PostgreSQL (services/admission.go); the other is nil.
	readSlots, searchSlots chan struct{}
}

// New returns a Service over db.
func New(db *gorm.DB, cfg Config, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Location == nil {
		cfg.Location = DefaultConfig().Location
	}
	if cfg.Deadlines == (models.DeadlineRules{}) {
		cfg.Deadlines = models.DefaultDeadlineRules()
	}
	sqlite := db.Dialector.Name() == models.DriverSQLite
	readSlots, searchSlots := newAdmission(sqlite)
	return &Service{
		readSlots:   readSlots,
		searchSlots: searchSlots,
		db:          db,
		cfg:         cfg,
		log:         log,
		now:         time.Now,
		sqlite:      sqlite,
		throttle:    newLoginThrottle(),

		figuresCache: newFiguresCache(),
		listCounts:   &listCountCache{size: listCountCacheSize},
	}
}

// Config returns the service's settings.
func (s *Service) Config() Config { return s.cfg }

// DB returns the database, for health checks and the CLI.
func (s *Service) DB() *gorm.DB { return s.db }

// SetClock replaces the clock; tests use it to fix "today".
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Today returns the current date in the office's time zone.
func (s *Service) Today() models.Date { return models.DateOf(s.now().In(s.cfg.Location)) }

// write runs fn in one write transaction. On SQLite this process's writers
// queue on a mutex first (see writeMu).
func (s *Service) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.sqlite {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	err := s.db.WithContext(ctx).Transaction(fn)
	if err != nil {
		return models.AsError(err)
	}
	return nil
}

// read returns a session for reads bound to ctx.
func (s *Service) read(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }
