package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// Reception officers correct their own logs, so sessions and visits are
// created and corrected with the same permission (reception and legal);
// leaders read them and may withdraw them.

// sessions describes reception sessions to the generic use cases.
var sessions = resource[models.ReceptionSession, *models.ReceptionSession]{
	what:        "kỳ tiếp công dân",
	edit:        models.PermCreateReception,
	base:        func(r *models.ReceptionSession) *models.Record { return &r.Record },
	validate:    (*models.ReceptionSession).Validate,
	link:        (*Service).checkSessionVisits,
	sorts:       map[string]string{"held_on": "held_on", "created_at": "created_at", "id": "id"},
	defaultSort: "-held_on",
}

// CreateSession records a reception session.
func (s *Service) CreateSession(ctx context.Context, f models.SessionFields) (models.ReceptionSession, error) {
	return createRecord(ctx, s, sessions, models.ReceptionSession{SessionFields: f})
}

// GetSession returns one reception session.
func (s *Service) GetSession(ctx context.Context, id uint) (models.ReceptionSession, error) {
	return getRecord(ctx, s, sessions, id)
}

// ListSessions returns a page of reception sessions.
func (s *Service) ListSessions(ctx context.Context, f models.SessionFilter, p models.Page) (models.List[models.ReceptionSession], error) {
	return listRecords(ctx, s, sessions, p, func(q *gorm.DB, a Actor) *gorm.DB {
		q = rangeOn(q, "held_on", f.Range)
		q = eq(q, "type", f.Type)
		q = eq(q, "host_level", f.HostLevel)
		return search(q, a, f.Q, false)
	})
}

// UpdateSession corrects a reception session; apply changes its fields.
func (s *Service) UpdateSession(ctx context.Context, id uint, version *int, apply func(*models.SessionFields) error) (models.ReceptionSession, error) {
	return updateRecord(ctx, s, sessions, id, version, func(r *models.ReceptionSession) error { return apply(&r.SessionFields) })
}

// DeleteSession withdraws a reception session; leaders only.
func (s *Service) DeleteSession(ctx context.Context, id uint) error {
	return deleteRecord(ctx, s, sessions, id)
}

// checkSessionVisits keeps a corrected session consistent with the visits
// already received in it: they must stay on its date and of its type.
func (s *Service) checkSessionVisits(tx *gorm.DB, _ Actor, r, before *models.ReceptionSession) error {
	if before == nil {
		return nil
	}
	visits := func() *gorm.DB { return tx.Model(&models.ReceptionVisit{}).Where("session_id = ?", r.ID) }
	var n int64
	if err := visits().Where("visited_on <> ?", r.HeldOn.String()).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return models.InvalidField("held_on", "Kỳ tiếp đã có lượt tiếp vào ngày cũ; hãy sửa các lượt tiếp trước khi đổi ngày.")
	}
	if err := visits().Where("type <> ?", string(r.Type)).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return models.InvalidField("type", "Kỳ tiếp đã có lượt tiếp thuộc loại cũ; hãy sửa các lượt tiếp trước khi đổi loại.")
	}
	return nil
}

// visits describes reception visits to the generic use cases.
var visits = resource[models.ReceptionVisit, *models.ReceptionVisit]{
	what:        "lượt tiếp công dân",
	edit:        models.PermCreateReception,
	base:        func(r *models.ReceptionVisit) *models.Record { return &r.Record },
	validate:    (*models.ReceptionVisit).Validate,
	link:        (*Service).linkVisit,
	saved:       indexVisit,
	decorate:    (*Service).decorateVisits,
	sorts:       map[string]string{"visited_on": "visited_on", "created_at": "created_at", "people_count": "people_count", "id": "id"},
	defaultSort: "-visited_on",
}

// CreateVisit records a reception visit. A visit without a case opens a new
// case for its matter in the same transaction (new_case in the answer). The
// answer lists the representative's earlier letters and cases.
func (s *Service) CreateVisit(ctx context.Context, f models.VisitFields) (models.ReceptionVisit, error) {
	return s.withVisitDuplicates(ctx)(createRecord(ctx, s, visits, models.ReceptionVisit{VisitFields: f}))
}

// GetVisit returns one visit as the actor may see it, with the
// representative's other letters and cases.
func (s *Service) GetVisit(ctx context.Context, id uint) (models.ReceptionVisit, error) {
	return s.withVisitDuplicates(ctx)(getRecord(ctx, s, visits, id))
}

// withVisitDuplicates adds the possible duplicates to a visit just read or written.
func (s *Service) withVisitDuplicates(ctx context.Context) func(models.ReceptionVisit, error) (models.ReceptionVisit, error) {
	return func(r models.ReceptionVisit, err error) (models.ReceptionVisit, error) {
		if err != nil {
			return r, err
		}
		a, _ := ActorFrom(ctx)
		return r, s.visitDuplicates(ctx, a, &r)
	}
}

// ListVisits returns a page of visits; q finds a protected representative
// only for those who may read it.
func (s *Service) ListVisits(ctx context.Context, f models.VisitFilter, p models.Page) (models.List[models.ReceptionVisit], error) {
	return listRecords(ctx, s, visits, p, func(q *gorm.DB, a Actor) *gorm.DB {
		q = rangeOn(q, "visited_on", f.Range)
		q = eq(q, "type", f.Type)
		q = eq(q, "kind", f.Kind)
		q = eq(q, "domain", f.Domain)
		q = eq(q, "outcome", f.Outcome)
		q = eqID(q, "session_id", f.SessionID)
		q = eqID(q, "case_id", f.CaseID)
		return search(q, a, f.Q, true)
	})
}

// UpdateVisit corrects a visit; apply changes its fields.
func (s *Service) UpdateVisit(ctx context.Context, id uint, version *int, apply func(*models.VisitFields) error) (models.ReceptionVisit, error) {
	return updateRecord(ctx, s, visits, id, version, func(r *models.ReceptionVisit) error { return apply(&r.VisitFields) })
}

// DeleteVisit withdraws a visit; leaders only. Its case stays.
func (s *Service) DeleteVisit(ctx context.Context, id uint) error {
	return deleteRecord(ctx, s, visits, id)
}

// linkVisit checks the visit's session, letter and case. On create, a visit
// without a case opens one; a correction may move the visit to another case
// but not leave it without one, since every visit counts toward a case.
func (s *Service) linkVisit(tx *gorm.DB, a Actor, r, before *models.ReceptionVisit) error {
	if err := checkVisitSession(tx, r); err != nil {
		return err
	}
	if r.LetterID != nil && !exists(tx, &models.Letter{}, *r.LetterID) {
		return models.InvalidField("letter_id", "Đơn được liên kết không tồn tại.")
	}
	switch {
	case r.CaseID != nil:
		return checkCaseLink(tx, r.CaseID)
	case before != nil:
		return models.InvalidField("case_id", "Lượt tiếp phải thuộc một vụ việc.")
	default:
		c, err := s.openCaseForVisit(tx, a, r)
		if err != nil {
			return err
		}
		r.CaseID, r.NewCase = &c.ID, true
	}
	return nil
}

// checkVisitSession checks that a visit's session exists, was held on the
// visit's date and is of the visit's type: a regular visit (tiếp thường
// xuyên) belongs to no session, and a periodic or ad hoc visit to a session
// of the same type, so the reception figures by type agree.
func checkVisitSession(tx *gorm.DB, r *models.ReceptionVisit) error {
	if r.SessionID == nil {
		return nil
	}
	var sess models.ReceptionSession
	if err := load(tx, &sess, *r.SessionID, "kỳ tiếp công dân"); err != nil {
		if models.CodeOf(err) == models.CodeNotFound {
			return models.InvalidField("session_id", "Kỳ tiếp được chọn không tồn tại.")
		}
		return err
	}
	if sess.HeldOn != r.VisitedOn {
		return models.InvalidField("session_id", "Kỳ tiếp được chọn diễn ra ngày "+sess.HeldOn.VN()+", khác ngày tiếp của lượt tiếp.")
	}
	if string(sess.Type) != string(r.Type) {
		return models.InvalidField("session_id", "Loại lượt tiếp phải trùng loại kỳ tiếp ("+sess.Type.Label()+").")
	}
	return nil
}

// openCaseForVisit opens the case of a first visit: its matter is the
// visit's content, its petitioner the representative. A visit without a kind
// opens a petition (kiến nghị, phản ánh), the kind that asks nothing of the
// law until legal staff classify it; a denunciation visit opens a
// denunciation case, so the representative stays protected there too.
func (s *Service) openCaseForVisit(tx *gorm.DB, a Actor, r *models.ReceptionVisit) (models.Case, error) {
	c := models.Case{CaseFields: models.CaseFields{Title: shorten(r.Content, caseTitleLen), Kind: r.Kind,
		Domain: r.Domain, Petitioner: r.Representative, Status: models.CaseStatusOpen}}
	if c.Kind == "" {
		c.Kind = models.KindPetition
	}
	c.CreatedBy, c.Version = a.ID, 1
	if err := c.Validate(s.Today()); err != nil {
		return c, err
	}
	c.PrepareSearch()
	if err := tx.Create(&c).Error; err != nil {
		return c, err
	}
	if err := indexCaseOn(tx, &c, r.VisitedOn); err != nil {
		return c, err
	}
	return c, s.audit(tx, a, ActionCreate, c.EntityName(), c.ID, diff(nil, &c), "Mở khi ghi lượt tiếp công dân đầu tiên.")
}

// decorateVisits marks group delegations by the group size setting.
func (s *Service) decorateVisits(_ *gorm.DB, items []models.ReceptionVisit) error {
	for i := range items {
		items[i].IsGroup = items[i].PeopleCount >= s.cfg.GroupSize
	}
	return nil
}
