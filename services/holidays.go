package services

import (
	"context"

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
		return out, models.InvalidField("year", "Năm phải từ 1900 đến 2199.")
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
