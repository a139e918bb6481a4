package services

import (
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
