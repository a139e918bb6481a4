package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// model is a record the generic use cases below can keep: *T with the
// methods every kntc record has.
type model[T any] interface {
	*T
	EntityName() string
	PrepareSearch()
}

// resource describes one kind of record (sessions, visits, cases, meetings,
// documents) to the generic create, read, list and update use cases, so that
// each kind states only what differs: its rules, its links and its computed
// fields. Letters keep their own code because of the register number and
// their actions.
type resource[T any, P model[T]] struct {
	// what names the record in Vietnamese messages ("kỳ tiếp").
	what string
	// edit is the permission to create and correct the record.
	edit models.Permission
	// base returns the fields every record has; Go generics cannot reach an
	// embedded struct, so each kind says where its models.Record is.
	base func(*T) *models.Record
	// validate normalises and checks the record's own fields.
	validate func(*T, models.Date) error
	// link checks (and completes) the record's links inside the write
	// transaction, before the row is written; before is nil on create.
	link func(s *Service, tx *gorm.DB, a Actor, r, before *T) error
	// saved writes what lives beside the row once it has its id.
	saved func(tx *gorm.DB, r *T) error
	// decorate fills computed fields on records read from db.
	decorate func(s *Service, db *gorm.DB, items []T) error
	// sorts are the fields a list may be sorted by (JSON name to column).
	sorts map[string]string
	// defaultSort applies when a list names none.
	defaultSort string
}

// createRecord writes a new record with its links and audit entry, and
// returns it as the actor may see it.
func createRecord[T any, P model[T]](ctx context.Context, s *Service, res resource[T, P], r T) (T, error) {
	a, err := require(ctx, res.edit)
	if err != nil {
		return r, err
	}
	b := res.base(&r)
	*b = models.Record{CreatedBy: a.ID, Version: 1}
	if err := res.validate(&r, s.Today()); err != nil {
		return r, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := res.linkIn(s, tx, a, &r, nil); err != nil {
			return err
		}
		P(&r).PrepareSearch()
		if err := tx.Create(P(&r)).Error; err != nil {
			return err
		}
		if err := res.savedIn(tx, &r); err != nil {
			return err
		}
		return s.audit(tx, a, ActionCreate, P(&r).EntityName(), b.ID, diff(nil, P(&r)), "")
	})
	if err != nil {
		return r, err
	}
	return presentOne(ctx, s, a, res, r)
}

// getRecord returns one non-withdrawn record as the actor may see it.
func getRecord[T any, P model[T]](ctx context.Context, s *Service, res resource[T, P], id uint) (T, error) {
	var r T
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return r, err
	}
	if err := load(s.read(ctx), &r, id, res.what); err != nil {
		return r, err
	}
	return presentOne(ctx, s, a, res, r)
}

// listRecords returns one page of the records that filter keeps.
func listRecords[T any, P model[T]](ctx context.Context, s *Service, res resource[T, P], p models.Page,
	filter func(q *gorm.DB, a Actor) *gorm.DB) (models.List[T], error) {
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return models.List[T]{}, err
	}
	if p.Sort == "" {
		p.Sort = res.defaultSort
	}
	list, err := paginate[T](filter(s.read(ctx).Model(P(new(T))), a), p, res.sorts)
	if err != nil {
		return list, err
	}
	return list, present(ctx, s, a, res, list.Items)
}

// updateRecord corrects a record: apply changes it as the request says, then
// the whole record is checked again, saved with the next version and audited.
// A protected identity may be corrected only by those who may read it, or a
// user could lift the protection (change the kind) and read the answer.
func updateRecord[T any, P model[T]](ctx context.Context, s *Service, res resource[T, P], id uint, version *int,
	apply func(*T) error) (T, error) {
	var r T
	a, err := require(ctx, res.edit)
	if err != nil {
		return r, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := load(tx, &r, id, res.what); err != nil {
			return err
		}
		if err := res.decorateOne(s, tx, &r); err != nil {
			return err
		}
		if p, ok := any(P(&r)).(protectable); ok && p.Confidential() && !maySee(a, p.Creator()) {
			return models.Forbidden()
		}
		b := res.base(&r)
		if err := checkVersion(version, b.Version, view(a, r)); err != nil {
			return err
		}
		before := r
		if err := apply(&r); err != nil {
			return err
		}
		if err := res.validate(&r, s.Today()); err != nil {
			return err
		}
		if err := res.linkIn(s, tx, a, &r, &before); err != nil {
			return err
		}
		P(&r).PrepareSearch()
		if err := saveVersioned(tx, P(&r), &b.Version); err != nil {
			return err
		}
		if err := res.savedIn(tx, &r); err != nil {
			return err
		}
		return s.audit(tx, a, ActionUpdate, P(&r).EntityName(), id, diff(P(&before), P(&r)), "")
	})
	if err != nil {
		return r, err
	}
	return presentOne(ctx, s, a, res, r)
}

// present decorates items and shields the protected identity in them.
func present[T any, P model[T]](ctx context.Context, s *Service, a Actor, res resource[T, P], items []T) error {
	if res.decorate != nil {
		if err := res.decorate(s, s.read(ctx), items); err != nil {
			return models.AsError(err)
		}
	}
	var shielded []protectable
	for i := range items {
		if p, ok := any(P(&items[i])).(protectable); ok {
			shielded = append(shielded, p)
		}
	}
	return s.shield(ctx, a, shielded...)
}

// presentOne is present for a single record.
func presentOne[T any, P model[T]](ctx context.Context, s *Service, a Actor, res resource[T, P], r T) (T, error) {
	items := []T{r}
	err := present(ctx, s, a, res, items)
	return items[0], err
}

// view is the record as a may see it, masked without an audit entry: the
// "current" record of a conflict answer, which reveals nothing new.
func view[T any](a Actor, r T) T {
	if p, ok := any(&r).(protectable); ok && p.Confidential() && !maySee(a, p.Creator()) {
		p.MaskIdentity()
	}
	return r
}

// decorateOne fills the computed fields of one record.
func (res resource[T, P]) decorateOne(s *Service, db *gorm.DB, r *T) error {
	if res.decorate == nil {
		return nil
	}
	items := []T{*r}
	err := res.decorate(s, db, items)
	*r = items[0]
	return err
}

// linkIn runs the kind's link check, if it has one.
func (res resource[T, P]) linkIn(s *Service, tx *gorm.DB, a Actor, r, before *T) error {
	if res.link == nil {
		return nil
	}
	return res.link(s, tx, a, r, before)
}

// savedIn runs the kind's after-save step, if it has one.
func (res resource[T, P]) savedIn(tx *gorm.DB, r *T) error {
	if res.saved == nil {
		return nil
	}
	return res.saved(tx, r)
}

// deleteRecord withdraws a record; leaders only.
func deleteRecord[T any, P model[T]](ctx context.Context, s *Service, res resource[T, P], id uint) error {
	return s.withdraw(ctx, P(new(T)), id, res.what)
}
