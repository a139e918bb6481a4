package services

import (
	"sync"
	"time"

	"gorm.io/gorm"

	"kntc/models"
)

// calendarTTL bounds how long a cached calendar is trusted: another process
// (the CLI beside the server) may have edited the holiday list.
const calendarTTL = 5 * time.Minute

// calendarCache holds the working-day calendar built from the holidays
// table; every letter registration asks for it.
type calendarCache struct {
	mu       sync.Mutex
	cal      *models.Calendar
	loadedAt time.Time
}

// calendar returns the working-day calendar for deadlines.
func (s *Service) calendar() *models.Calendar { return s.calendarIn(s.db) }

// calendarIn returns the cached calendar, loading it through db (the
// caller's transaction, if it is in one) when it is missing or stale. If the
// list cannot be read, the computed rules of the law stand in, uncached.
func (s *Service) calendarIn(db *gorm.DB) *models.Calendar {
	s.cal.mu.Lock()
	defer s.cal.mu.Unlock()
	if s.cal.cal != nil && time.Since(s.cal.loadedAt) < calendarTTL {
		return s.cal.cal
	}
	var rows []models.Holiday
	if err := db.Order("date").Find(&rows).Error; err != nil {
		s.log.Error("read holiday list", "err", err)
		return models.NewCalendar(nil)
	}
	days := make([]models.HolidayFields, len(rows))
	for i, h := range rows {
		days[i] = h.HolidayFields
	}
	s.cal.cal, s.cal.loadedAt = models.NewCalendar(days), time.Now()
	return s.cal.cal
}

// forgetCalendar drops the cached calendar after the list changed.
func (s *Service) forgetCalendar() {
	s.cal.mu.Lock()
	s.cal.cal = nil
	s.cal.mu.Unlock()
}
