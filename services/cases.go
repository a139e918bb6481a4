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
	link: func(_ *Service, _ *gorm.DB, _ Actor, c, _ *models.Case) error {
		c.ResolutionDueOn = resolutionDue(*c)
		return nil
	},
	sorts: map[string]string{"accepted_on": "accepted_on", "resolution_due_on": "resolution_due_on",
		"created_at": "created_at", "id": "id"},
	// Not accepted_on: many cases are not accepted yet, and the databases
	// disagree on where NULL dates sort.
	defaultSort: "-created_at",
}

// resolutionDue is the legal deadline for resolving a case, counted from
// accepted_on in calendar days: a complaint 30 days at first instance (also
// when the instance is not yet recorded) and 45 at second, a denunciation 30.
// Petitions have no statutory deadline. Complex cases, remote areas and
// suspensions (domain.md) are not yet counted.
func resolutionDue(c models.Case) models.Date {
	if c.AcceptedOn.IsZero() {
		return models.Date{}
	}
	switch {
	case c.Kind == models.KindComplaint && c.Instance == models.InstanceSecond:
		return c.AcceptedOn.AddDays(45)
	case c.Kind == models.KindComplaint, c.Kind == models.KindDenunciation:
		return c.AcceptedOn.AddDays(30)
	}
	return models.Date{}
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
		if f.DueWithin != nil {
			q = q.Where("status NOT IN ? AND resolution_due_on IS NOT NULL AND resolution_due_on <= ?",
				[]string{string(models.CaseStatusResolved), string(models.CaseStatusClosed), string(models.CaseStatusWithdrawn)},
				s.Today().AddDays(*f.DueWithin).String())
		}
		return search(q, a, f.Q, true)
	})
}

// UpdateCase corrects a case; apply changes its fields. The deadline follows
// the corrected acceptance date, kind and instance.
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
		return invalidField("case_id", "Vụ việc được liên kết không tồn tại.")
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
