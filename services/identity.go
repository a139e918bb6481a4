package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// protectable is a record that may carry a denouncer's protected identity.
type protectable interface {
	Confidential() bool
	MaskIdentity()
	Creator() uint
	RecordID() uint
	EntityName() string
}

// maySee reports whether a may read the protected identity on a record
// created by creator: legal staff, leaders, and the officer who recorded it.
func maySee(a Actor, creator uint) bool {
	return a.Role.Can(models.PermSeeProtected) || (a.ID != 0 && a.ID == creator)
}

// shield masks the protected identity of every confidential item that a may
// not see, and audits each one it reveals, as the law asks.
func (s *Service) shield(ctx context.Context, a Actor, items ...protectable) error {
	var reveals []models.AuditEntry
	for _, it := range items {
		if !it.Confidential() {
			continue
		}
		if !maySee(a, it.Creator()) {
			it.MaskIdentity()
			continue
		}
		reveals = append(reveals, models.AuditEntry{At: s.now().UTC(), UserID: a.userID(), Username: a.Username,
			Action: ActionReveal, Entity: it.EntityName(), EntityID: it.RecordID()})
	}
	if len(reveals) == 0 {
		return nil
	}
	return s.write(ctx, func(tx *gorm.DB) error { return tx.CreateInBatches(reveals, 200).Error })
}

// pointers returns pointers to the elements of items, for shield.
func pointers[T any, P interface {
	*T
	protectable
}](items []T) []protectable {
	out := make([]protectable, len(items))
	for i := range items {
		out[i] = P(&items[i])
	}
	return out
}
