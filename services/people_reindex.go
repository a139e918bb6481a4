package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// reindexBatch is how many records one reindexing transaction covers.
const reindexBatch = 500

// ReindexPeople rebuilds the people index from every non-withdrawn letter,
// visit and case (admin): for records written in bulk without the use cases
// (imports, demonstration data) or after a change of the matching rules.
// It returns the number of records indexed. Citizen ids may change.
func (s *Service) ReindexPeople(ctx context.Context) (int, error) {
	if _, err := require(ctx, models.PermBackup); err != nil {
		return 0, err
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("1 = 1").Delete(&models.PersonLink{}).Error; err != nil {
			return err
		}
		return tx.Where("1 = 1").Delete(&models.Citizen{}).Error
	})
	if err != nil {
		return 0, err
	}
	indexCase := func(tx *gorm.DB, c *models.Case) error { return indexCaseOn(tx, c, firstVisitOn(tx, c.ID)) }
	n := 0
	for _, kind := range []func() (int, error){
		func() (int, error) { return reindexAll(ctx, s, indexLetter) },
		func() (int, error) { return reindexAll(ctx, s, indexCase) },
		func() (int, error) { return reindexAll(ctx, s, indexVisit) },
	} {
		done, err := kind()
		n += done
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// reindexAll indexes every non-withdrawn record of one kind, in batches.
func reindexAll[T any](ctx context.Context, s *Service, index func(tx *gorm.DB, r *T) error) (int, error) {
	var batch []T
	n := 0
	err := reindexEach(ctx, s, &batch, func(tx *gorm.DB) error {
		for i := range batch {
			if err := index(tx, &batch[i]); err != nil {
				return err
			}
		}
		n += len(batch)
		return nil
	})
	return n, err
}

// reindexEach reads the records in batches by id and runs index on each
// batch in a write transaction of its own.
func reindexEach[T any](ctx context.Context, s *Service, batch *[]T, index func(tx *gorm.DB) error) error {
	var last uint
	for {
		*batch = nil
		if err := s.read(ctx).Where("id > ?", last).Order("id").Limit(reindexBatch).Find(batch).Error; err != nil {
			return models.Internal(err)
		}
		if len(*batch) == 0 {
			return nil
		}
		if err := s.write(ctx, index); err != nil {
			return err
		}
		last = recordID(&(*batch)[len(*batch)-1])
	}
}

// recordID returns the id of a letter, visit or case.
func recordID(r any) uint {
	if x, ok := r.(interface{ RecordID() uint }); ok {
		return x.RecordID()
	}
	return 0
}

// firstVisitOn returns the date of a case's first visit, which dates a case
// not yet accepted in the index; zero when it has none.
func firstVisitOn(tx *gorm.DB, caseID uint) models.Date {
	var v []models.ReceptionVisit
	tx.Select("visited_on").Where("case_id = ?", caseID).Order("visited_on").Limit(1).Find(&v)
	if len(v) == 0 {
		return models.Date{}
	}
	return v[0].VisitedOn
}
