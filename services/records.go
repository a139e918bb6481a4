package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// load reads one non-withdrawn record by id into dst; what names the record
// in the not-found message.
func load(tx *gorm.DB, dst any, id uint, what string) error {
	err := tx.First(dst, id).Error
	switch models.CodeOf(err) {
	case "":
		return nil
	case models.CodeNotFound:
		return models.NotFound(what)
	}
	return models.Internal(err)
}

// exists reports whether a non-withdrawn record of model's table has id.
func exists(tx *gorm.DB, model any, id uint) bool {
	var n int64
	tx.Model(model).Where("id = ?", id).Count(&n)
	return n > 0
}

// withdraw soft-deletes a record (leaders only) and audits it.
func (s *Service) withdraw(ctx context.Context, model interface{ EntityName() string }, id uint, what string) error {
	a, err := require(ctx, models.PermWithdraw)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := load(tx, model, id, what); err != nil {
			return err
		}
		if err := tx.Delete(model, id).Error; err != nil {
			return err
		}
		return s.audit(tx, a, ActionDelete, model.EntityName(), id, nil, "")
	})
}

// saveVersioned writes every column of record and bumps its version, but
// only if the row still has the version that was read: on PostgreSQL two
// transactions may read the same version, and the second must not win
// silently.
func saveVersioned(tx *gorm.DB, record any, version *int) error {
	read := *version
	*version = read + 1
	res := tx.Model(record).Where("version = ?", read).Select("*").Omit("id", "created_at", "created_by").Updates(record)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.CodeConflict, "Bản ghi vừa được người khác sửa; vui lòng tải lại rồi sửa lại.")
	}
	return nil
}
