package services

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"kntc/models"
)

// finishedStatuses are the statuses whose clock no longer runs.
var finishedStatuses = []string{string(models.CaseStatusResolved), string(models.CaseStatusClosed), string(models.CaseStatusWithdrawn)}

// caseFinished reports whether a case's clock no longer runs.
func caseFinished(c *models.Case) bool {
	switch c.Status {
	case models.CaseStatusResolved, models.CaseStatusClosed, models.CaseStatusWithdrawn:
		return true
	}
	return false
}

// decorateCases fills the fields computed for today: overdue.
func (s *Service) decorateCases(_ *gorm.DB, items []models.Case) error {
	today := s.Today()
	for i := range items {
		c := &items[i]
		c.Overdue = !caseFinished(c) && !c.ResolutionDueOn.IsZero() && c.ResolutionDueOn.Before(today)
	}
	return nil
}

// deadlineFilter applies due_within (unfinished cases due within so many
// days, the overdue ones included; suspended cases have no due date and
// never match) and overdue.
func (s *Service) deadlineFilter(q *gorm.DB, f models.CaseFilter) *gorm.DB {
	today := s.Today()
	if f.DueWithin != nil {
		q = q.Where("status NOT IN ? AND resolution_due_on IS NOT NULL AND resolution_due_on <= ?",
			finishedStatuses, today.AddDays(*f.DueWithin).String())
	}
	if f.Overdue != nil {
		const late = "status NOT IN ? AND resolution_due_on IS NOT NULL AND resolution_due_on < ?"
		if *f.Overdue {
			q = q.Where(late, finishedStatuses, today.String())
		} else {
			q = q.Where("NOT ("+late+")", finishedStatuses, today.String())
		}
	}
	return q
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
