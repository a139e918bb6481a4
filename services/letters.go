package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// letterSorts are the fields a letter list may be sorted by.
var letterSorts = map[string]string{"received_on": "received_on", "code": "year DESC, seq",
	"created_at": "created_at", "handling_due_on": "handling_due_on", "id": "id"}

// CreateLetter registers a letter and gives it the next register number of
// the year it was received in.
func (s *Service) CreateLetter(ctx context.Context, f models.LetterFields) (models.Letter, error) {
	a, err := require(ctx, models.PermCreateLetters)
	if err != nil {
		return models.Letter{}, err
	}
	l := models.Letter{LetterFields: f, Status: models.LetterStatusRegistered}
	l.CreatedBy, l.Version = a.ID, 1
	l.Normalize()
	if err := l.Validate(s.Today()); err != nil {
		return l, err
	}
	l.HandlingDueOn = s.calendar().AddWorkingDays(l.ReceivedOn, s.cfg.HandlingWorkingDays)
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := s.checkLetterLinks(tx, &l); err != nil {
			return err
		}
		// The people index and the audit's changes are made first, under
		// a reserved id: the year's counter and the month's figure version
		// stay locked from the statement that takes the number to the
		// commit, and every other registration waits for them. With the
		// index after them, on PostgreSQL at 400 requests/s,
		// registrations queued behind a dozen statements each (p99 0.6 s).
		id, err := models.NextID(tx, "letters")
		if err != nil {
			return err
		}
		l.ID = id
		if err := indexNewLetter(tx, &l); err != nil {
			return err
		}
		changes := diff(nil, &l)
		if err := models.InsertNumberedLetter(tx, &l); err != nil {
			return err
		}
		changes["code"] = models.Change{To: l.Code}
		return s.audit(tx, a, ActionCreate, l.EntityName(), l.ID, changes, "")
	})
	if err != nil {
		return l, err
	}
	return s.presentLetterWithDuplicates(ctx, a, l)
}

// GetLetter returns one letter as the actor may see it.
func (s *Service) GetLetter(ctx context.Context, id uint) (models.Letter, error) {
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return models.Letter{}, err
	}
	l, err := loadLetter(s.read(ctx), id)
	if err != nil {
		return l, err
	}
	return s.presentLetterWithDuplicates(ctx, a, l)
}

// ListLetters returns a page of the register.
func (s *Service) ListLetters(ctx context.Context, f models.LetterFilter, p models.Page) (models.List[models.Letter], error) {
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return models.List[models.Letter]{}, err
	}
	q := rangeOn(s.read(ctx).Model(&models.Letter{}), "received_on", f.Range)
	q = countedIn(q, s.listCounts, "received_on", f.Range)
	q = eq(q, "source", f.Source)
	q = eq(q, "domain", f.Domain)
	q = eq(q, "kind", f.Kind)
	q = eq(q, "outcome", f.Outcome)
	q = eq(q, "status", f.Status)
	q = eqID(q, "case_id", f.CaseID)
	if f.Overdue != nil {
		today := s.Today().String()
		if *f.Overdue {
			q = q.Where("status <> ? AND handling_due_on < ?", models.LetterStatusHandled, today)
		} else {
			q = q.Where("(status = ? OR handling_due_on IS NULL OR handling_due_on >= ?)", models.LetterStatusHandled, today)
		}
	}
	q = search(q, a, f.Q, true)
	if p.Sort == "" {
		p.Sort = "-received_on"
	}
	list, err := paginate[models.Letter](q, p, letterSorts)
	if err != nil {
		return list, err
	}
	s.decorateLetters(list.Items)
	return list, s.shield(ctx, a, pointers(list.Items)...)
}

// UpdateLetter corrects a letter: apply changes the current fields as the
// request says, then the whole letter is checked again.
func (s *Service) UpdateLetter(ctx context.Context, id uint, version *int, apply func(*models.LetterFields) error) (models.Letter, error) {
	return s.changeLetter(ctx, id, version, ActionUpdate, func(tx *gorm.DB, l *models.Letter) error {
		received := l.ReceivedOn
		if err := apply(&l.LetterFields); err != nil {
			return err
		}
		l.Normalize()
		if err := l.Validate(s.Today()); err != nil {
			return err
		}
		if err := s.checkLetterLinks(tx, l); err != nil {
			return err
		}
		if l.ReceivedOn != received {
			l.HandlingDueOn = s.calendar().AddWorkingDays(l.ReceivedOn, s.cfg.HandlingWorkingDays)
		}
		return nil
	})
}

// ClassifyLetter records the domain, kind and eligibility of a letter.
// Classifying it as a denunciation protects its senders at once.
func (s *Service) ClassifyLetter(ctx context.Context, id uint, in models.ClassifyInput, version *int) (models.Letter, error) {
	return s.changeLetter(ctx, id, version, ActionClassify, func(tx *gorm.DB, l *models.Letter) error {
		if err := in.Validate(); err != nil {
			return err
		}
		if in.DuplicateOf != nil {
			if *in.DuplicateOf == l.ID {
				return models.InvalidField("duplicate_of", "Đơn không thể trùng với chính nó.")
			}
			if _, err := loadLetter(tx, *in.DuplicateOf); err != nil {
				return models.InvalidField("duplicate_of", "Đơn trùng được chỉ ra không tồn tại.")
			}
		}
		l.Domain, l.Kind, l.Topic = in.Domain, in.Kind, in.Topic
		l.Eligible, l.Competent, l.DuplicateOfID = in.Eligible, in.Competent, in.DuplicateOf
		l.ClassificationNote, l.ClassifiedOn = in.Note, s.Today()
		if l.Status == models.LetterStatusRegistered {
			l.Status = models.LetterStatusClassified
		}
		return nil
	})
}

// HandleLetter records the handling decision of a classified letter.
func (s *Service) HandleLetter(ctx context.Context, id uint, in models.HandleInput, version *int) (models.Letter, error) {
	return s.changeLetter(ctx, id, version, ActionHandle, func(_ *gorm.DB, l *models.Letter) error {
		if err := in.Validate(l, s.Today()); err != nil {
			return err
		}
		if l.Status == models.LetterStatusRegistered {
			return models.Errorf(models.CodeConflict, "Đơn chưa được phân loại; cần phân loại trước khi xử lý.")
		}
		l.Outcome, l.HandledOn, l.TransferredTo, l.HandlingNote = in.Outcome, in.HandledOn, in.TransferredTo, in.Note
		if l.Outcome != models.OutcomeTransferred {
			l.TransferredTo, l.ReplyReceivedOn = "", models.Date{}
		}
		l.Status = models.LetterStatusHandled
		return nil
	})
}

// changeLetter runs one change of a letter (legal staff and leaders) in a
// write transaction: it loads the letter, refuses a stale version, lets
// change alter it, then saves and audits it under action.
func (s *Service) changeLetter(ctx context.Context, id uint, version *int, action string, change func(tx *gorm.DB, l *models.Letter) error) (models.Letter, error) {
	a, err := require(ctx, models.PermHandleLetters)
	if err != nil {
		return models.Letter{}, err
	}
	var l models.Letter
	err = s.write(ctx, func(tx *gorm.DB) error {
		if l, err = loadLetter(tx, id); err != nil {
			return err
		}
		if err := checkVersion(version, l.Version, s.letterView(a, l)); err != nil {
			return err
		}
		before := l
		if err := change(tx, &l); err != nil {
			return err
		}
		return s.saveLetter(tx, a, action, &before, &l)
	})
	if err != nil {
		return l, err
	}
	return s.presentLetter(ctx, a, l)
}

// DeleteLetter withdraws a letter: it leaves lists and figures but stays in
// the database and the audit trail. Leaders only.
func (s *Service) DeleteLetter(ctx context.Context, id uint) error {
	return s.withdraw(ctx, &models.Letter{}, id, "đơn")
}

// saveLetter bumps the version, refreshes the search columns, saves and audits.
func (s *Service) saveLetter(tx *gorm.DB, a Actor, action string, before, l *models.Letter) error {
	l.PrepareSearch()
	if err := saveVersioned(tx, l, &l.Version); err != nil {
		return err
	}
	if err := indexLetter(tx, l); err != nil {
		return err
	}
	return s.audit(tx, a, action, l.EntityName(), l.ID, diff(before, l), "")
}

// checkLetterLinks checks that a linked case exists.
func (s *Service) checkLetterLinks(tx *gorm.DB, l *models.Letter) error {
	if l.CaseID != nil && !exists(tx, &models.Case{}, *l.CaseID) {
		return models.InvalidField("case_id", "Vụ việc được liên kết không tồn tại.")
	}
	return nil
}

// presentLetter decorates a letter and shields it for the actor.
func (s *Service) presentLetter(ctx context.Context, a Actor, l models.Letter) (models.Letter, error) {
	s.decorateLetters([]models.Letter{l})
	l.Overdue = s.isOverdue(l)
	return l, s.shield(ctx, a, &l)
}

// presentLetterWithDuplicates adds the letter's possible duplicates (found
// on the identity before it is shielded), then presents it.
func (s *Service) presentLetterWithDuplicates(ctx context.Context, a Actor, l models.Letter) (models.Letter, error) {
	if err := s.letterDuplicates(ctx, a, &l); err != nil {
		return l, err
	}
	return s.presentLetter(ctx, a, l)
}

// letterView is the letter as a may see it, without auditing, for a conflict answer.
func (s *Service) letterView(a Actor, l models.Letter) models.Letter {
	l.Overdue = s.isOverdue(l)
	if l.Confidential() && !maySee(a, l.CreatedBy) {
		l.MaskIdentity()
	}
	return l
}

func (s *Service) decorateLetters(items []models.Letter) {
	for i := range items {
		items[i].Overdue = s.isOverdue(items[i])
	}
}

func (s *Service) isOverdue(l models.Letter) bool {
	return l.Status != models.LetterStatusHandled && !l.HandlingDueOn.IsZero() && l.HandlingDueOn.Before(s.Today())
}

func loadLetter(tx *gorm.DB, id uint) (models.Letter, error) {
	var l models.Letter
	return l, load(tx, &l, id, "đơn")
}
