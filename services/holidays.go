package services

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"kntc/models"
)

// HolidayYear is the holiday list of one year: the answer of
// GET /api/v1/holidays?year=Y.
type HolidayYear struct {
	Year int `json:"year"`
	// Source is "list" when the year comes from the holidays table, or
	// "computed" when the table has no day of it and the rules of the law
	// stand in (every item then provisional, with id 0).
	Source string           `json:"source"`
	Items  []models.Holiday `json:"items"`
	// WorkingDays counts the year's working days by this list.
	WorkingDays int `json:"working_days"`
}

// Holiday list sources.
const (
	HolidaySourceList     = "list"
	HolidaySourceComputed = "computed"
)

// ListHolidays returns the days off and working weekend days of year;
// any signed-in user may read them.
func (s *Service) ListHolidays(ctx context.Context, year int) (HolidayYear, error) {
	out := HolidayYear{Year: year, Items: []models.Holiday{}}
	if _, ok := ActorFrom(ctx); !ok {
		return out, models.Errorf(models.CodeUnauthorized, "Vui lòng đăng nhập.")
	}
	if year < 1900 || year > 2199 {
		return out, invalidField("year", "Năm phải từ 1900 đến 2199.")
	}
	from, to := models.NewDate(year, 1, 1), models.NewDate(year, 12, 31)
	if err := s.read(ctx).Where("date >= ? AND date <= ?", from.String(), to.String()).Order("date").Find(&out.Items).Error; err != nil {
		return out, models.Internal(err)
	}
	out.Source = HolidaySourceList
	if len(out.Items) == 0 {
		out.Source = HolidaySourceComputed
		for _, f := range models.ProvisionalHolidays(year) {
			out.Items = append(out.Items, models.Holiday{HolidayFields: f})
		}
	}
	cal := s.calendar()
	for d := from; !d.After(to); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			out.WorkingDays++
		}
	}
	return out, nil
}

// CreateHoliday adds a day to the list (admin). The first day added to a
// year that had none makes the list the whole truth for that year.
func (s *Service) CreateHoliday(ctx context.Context, f models.HolidayFields) (models.Holiday, error) {
	h := models.Holiday{HolidayFields: f}
	a, err := require(ctx, models.PermManageCalendar)
	if err != nil {
		return h, err
	}
	if err := h.Validate(); err != nil {
		return h, err
	}
	h.CreatedBy = a.ID
	err = s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&models.Holiday{}).Where("date = ?", h.Date.String()).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return models.Errorf(models.CodeConflict, "Ngày %s đã có trong danh sách ngày nghỉ.", h.Date.VN())
		}
		// A withdrawn day of the same date gives its place (the date is unique).
		if err := tx.Unscoped().Where("date = ? AND deleted_at IS NOT NULL", h.Date.String()).Delete(&models.Holiday{}).Error; err != nil {
			return err
		}
		if err := tx.Create(&h).Error; err != nil {
			return err
		}
		moved, err := s.moveDeadlines(tx, h.Date)
		if err != nil {
			return err
		}
		return s.audit(tx, a, ActionCreate, h.EntityName(), h.ID, diff(nil, &h), moved)
	})
	s.forgetCalendar()
	return h, err
}

// DeleteHoliday withdraws a day from the list (admin).
func (s *Service) DeleteHoliday(ctx context.Context, id uint) error {
	a, err := require(ctx, models.PermManageCalendar)
	if err != nil {
		return err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var h models.Holiday
		if err := load(tx, &h, id, "ngày nghỉ"); err != nil {
			return err
		}
		if err := tx.Delete(&h).Error; err != nil {
			return err
		}
		moved, err := s.moveDeadlines(tx, h.Date)
		if err != nil {
			return err
		}
		return s.audit(tx, a, ActionDelete, h.EntityName(), id, nil, "Xóa ngày "+h.Date.VN()+" khỏi danh sách ngày nghỉ. "+moved)
	})
	s.forgetCalendar()
	return err
}

// moveDeadlines recomputes, by the list as it now stands in tx, the due
// dates that counted across day: letters received before it and due on or
// after it (handled ones too, so "handled late" stays true), and cases
// accepted before it and due on or after it. It says in Vietnamese what
// moved, for the audit entry.
func (s *Service) moveDeadlines(tx *gorm.DB, day models.Date) (string, error) {
	cal, err := calendarOf(tx)
	if err != nil {
		return "", err
	}
	across := func(start, due string) func(*gorm.DB) *gorm.DB {
		return func(q *gorm.DB) *gorm.DB {
			return q.Where(due+" >= ? AND "+start+" < ?", day.String(), day.String())
		}
	}
	letters, err := s.recomputeLetters(tx, cal, across("received_on", "handling_due_on"))
	if err != nil {
		return "", err
	}
	cases, err := s.recomputeCases(tx, cal, across("accepted_on", "resolution_due_on"))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Tính lại hạn xử lý của %d đơn và hạn giải quyết của %d vụ việc.", letters, cases), nil
}

// calendarOf builds the calendar from the list as tx sees it, uncached.
func calendarOf(tx *gorm.DB) (*models.Calendar, error) {
	var rows []models.Holiday
	if err := tx.Order("date").Find(&rows).Error; err != nil {
		return nil, err
	}
	days := make([]models.HolidayFields, len(rows))
	for i, h := range rows {
		days[i] = h.HolidayFields
	}
	return models.NewCalendar(days), nil
}

// recomputeLetters sets handling_due_on again on the letters scope keeps
// and returns how many changed.
func (s *Service) recomputeLetters(tx *gorm.DB, cal *models.Calendar, scope func(*gorm.DB) *gorm.DB) (int, error) {
	var letters []models.Letter
	if err := scope(tx.Select("id", "received_on", "handling_due_on")).Find(&letters).Error; err != nil {
		return 0, err
	}
	moved := 0
	for _, l := range letters {
		if due := cal.AddWorkingDays(l.ReceivedOn, s.cfg.HandlingWorkingDays); due != l.HandlingDueOn {
			if err := tx.Model(&models.Letter{}).Where("id = ?", l.ID).UpdateColumn("handling_due_on", due).Error; err != nil {
				return moved, err
			}
			moved++
		}
	}
	return moved, nil
}

// recomputeCases sets resolution_due_on again on the cases scope keeps and
// returns how many changed.
func (s *Service) recomputeCases(tx *gorm.DB, cal *models.Calendar, scope func(*gorm.DB) *gorm.DB) (int, error) {
	var cs []models.Case
	if err := scope(tx).Find(&cs).Error; err != nil {
		return 0, err
	}
	moved := 0
	for i := range cs {
		if due := models.ResolutionDeadline(&cs[i], cal, s.cfg.Deadlines).Due; due != cs[i].ResolutionDueOn {
			if err := tx.Model(&models.Case{}).Where("id = ?", cs[i].ID).UpdateColumn("resolution_due_on", due).Error; err != nil {
				return moved, err
			}
			moved++
		}
	}
	return moved, nil
}

// RecomputeDeadlines sets every letter's handling_due_on and every case's
// resolution_due_on again by the current holiday list and settings (admin),
// in batches: after an upgrade from a version that counted no holidays, or
// after the deadline settings changed. It returns how many of each moved.
func (s *Service) RecomputeDeadlines(ctx context.Context) (letters, cases int, err error) {
	if _, err := require(ctx, models.PermBackup); err != nil {
		return 0, 0, err
	}
	cal, err := calendarOf(s.read(ctx))
	if err != nil {
		return 0, 0, models.Internal(err)
	}
	for _, step := range []struct {
		table string
		run   func(*gorm.DB, *models.Calendar, func(*gorm.DB) *gorm.DB) (int, error)
		moved *int
	}{{"letters", s.recomputeLetters, &letters}, {"cases", s.recomputeCases, &cases}} {
		var top *uint
		if err := s.read(ctx).Table(step.table).Select("MAX(id)").Scan(&top).Error; err != nil {
			return letters, cases, models.Internal(err)
		}
		for last := uint(0); top != nil && last < *top; last += reindexBatch {
			from, to := last, last+reindexBatch
			err := s.write(ctx, func(tx *gorm.DB) error {
				n, err := step.run(tx, cal, func(q *gorm.DB) *gorm.DB { return q.Where("id > ? AND id <= ?", from, to) })
				*step.moved += n
				return err
			})
			if err != nil {
				return letters, cases, err
			}
		}
	}
	return letters, cases, nil
}
