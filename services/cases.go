package services

import (
	"context"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"kntc/models"
)

// cases describes cases to the generic use cases.
var cases = resource[models.Case, *models.Case]{
	what:     "vụ việc",
	edit:     models.PermEditCases,
	base:     func(r *models.Case) *models.Record { return &r.Record },
	validate: (*models.Case).Validate,
	link:     (*Service).checkCase,
	saved:    indexCase,
	decorate: (*Service).decorateCases,
	sorts: map[string]string{"accepted_on": "accepted_on", "resolution_due_on": "resolution_due_on",
		"created_at": "created_at", "id": "id"},
	// Not accepted_on: many cases are not accepted yet, and the databases
	// disagree on where NULL dates sort.
	defaultSort: "-created_at",
}

// checkCase checks a case's status change against the workflow and its
// extensions and suspensions against the law, then computes its deadline;
// before is nil on create.
func (s *Service) checkCase(tx *gorm.DB, _ Actor, c, before *models.Case) error {
	var from models.CaseStatus
	if before != nil {
		from = before.Status
	}
	if err := models.CheckTransition(from, c.Status); err != nil {
		return err
	}
	if err := c.ValidateClock(s.cfg.Deadlines, s.Today()); err != nil {
		return err
	}
	c.ResolutionDueOn = models.ResolutionDeadline(c, s.calendarIn(tx), s.cfg.Deadlines).Due
	return nil
}

// CreateCase opens a case; status starts as open unless given.
func (s *Service) CreateCase(ctx context.Context, f models.CaseFields) (models.Case, error) {
	return createRecord(ctx, s, cases, models.Case{CaseFields: f})
}

// ListCases returns a page of cases; q finds a protected petitioner only for
// those who may read it.
func (s *Service) ListCases(ctx context.Context, f models.CaseFilter, p models.Page) (models.List[models.Case], error) {
	return listRecords(ctx, s, cases, p, func(q *gorm.DB, a Actor) *gorm.DB {
		q = rangeOn(q, "accepted_on", f.Range)
		q = eq(q, "kind", f.Kind)
		q = eq(q, "domain", f.Domain)
		q = eq(q, "instance", f.Instance)
		q = eq(q, "status", f.Status)
		q = eq(q, "result", f.Result)
		q = eq(q, "complexity", f.Complexity)
		return search(s.deadlineFilter(q, f), a, f.Q, true)
	})
}

// UpdateCase corrects a case; apply changes its fields. The status may only
// move along the workflow (409 otherwise), and the deadline follows the
// corrected acceptance date, kind, instance, complexity, area, extensions
// and suspensions.
func (s *Service) UpdateCase(ctx context.Context, id uint, version *int, apply func(*models.CaseFields) error) (models.Case, error) {
	return updateRecord(ctx, s, cases, id, version, func(c *models.Case) error { return apply(&c.CaseFields) })
}

// DeleteCase withdraws a case; leaders only. Its letters, visits, meetings
// and documents keep their link, so the trail stays whole.
func (s *Service) DeleteCase(ctx context.Context, id uint) error {
	return deleteRecord(ctx, s, cases, id)
}

// checkCaseLink checks that a linked case, if any, exists.
func checkCaseLink(tx *gorm.DB, caseID *uint) error {
	if caseID != nil && !exists(tx, &models.Case{}, *caseID) {
		return models.InvalidField("case_id", "Vụ việc được liên kết không tồn tại.")
	}
	return nil
}

// caseTitleLen is the length of a title taken from a visit's content.
const caseTitleLen = 200

// shorten returns s cut to at most n characters, at a word boundary when
// one is near, with an ellipsis when something was cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	cut := string(runes[:n-1])
	// Back off to the last space unless the cut already falls between words.
	if i := strings.LastIndexByte(cut, ' '); runes[n-1] != ' ' && i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
