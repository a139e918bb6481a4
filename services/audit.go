package services

import (
	"context"
	"encoding/json"
	"reflect"
	"time"

	"gorm.io/gorm"

	"kntc/models"
)

// Audit actions.
const (
	ActionCreate      = "create"
	ActionUpdate      = "update"
	ActionClassify    = "classify"
	ActionHandle      = "handle"
	ActionDelete      = "delete"
	ActionLogin       = "login"
	ActionLoginFailed = "login_failed"
	ActionLogout      = "logout"
	ActionExport      = "export"
	ActionReveal      = "reveal"
)

// protectedKeys are the JSON fields that hold protected identity; audit
// changes never show their values.
var protectedKeys = map[string]bool{"senders": true, "representative": true, "petitioner": true}

// ignoredKeys change on every write and say nothing to a reader of the trail.
var ignoredKeys = map[string]bool{"updated_at": true, "version": true, "created_at": true,
	"overdue": true, "identity_protected": true, "new_case": true, "is_group": true}

// audit writes one entry in tx.
func (s *Service) audit(tx *gorm.DB, a Actor, action, entity string, id uint, changes map[string]models.Change, detail string) error {
	e := models.AuditEntry{At: s.now().UTC(), UserID: a.userID(), Username: a.Username,
		Action: action, Entity: entity, EntityID: id, Changes: changes, Detail: detail}
	return tx.Create(&e).Error
}

// diff returns the fields whose JSON differs between before and after, with
// protected identity masked. A nil before lists every set field (a create).
func diff(before, after any) map[string]models.Change {
	b, a := jsonFields(before), jsonFields(after)
	out := map[string]models.Change{}
	for k, av := range a {
		if ignoredKeys[k] {
			continue
		}
		bv, had := b[k]
		if had && reflect.DeepEqual(bv, av) {
			continue
		}
		if !had && isEmptyJSON(av) {
			continue
		}
		if protectedKeys[k] {
			out[k] = models.Change{From: maskedIfSet(bv), To: maskedIfSet(av)}
			continue
		}
		out[k] = models.Change{From: bv, To: av}
	}
	return out
}

func jsonFields(v any) map[string]any {
	m := map[string]any{}
	if v == nil || reflect.ValueOf(v).IsNil() {
		return m
	}
	raw, err := json.Marshal(v)
	if err == nil {
		_ = json.Unmarshal(raw, &m)
	}
	return m
}

func isEmptyJSON(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case float64:
		return x == 0
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func maskedIfSet(v any) any {
	if isEmptyJSON(v) {
		return nil
	}
	return models.ProtectedMask
}

// ListAudit returns audit entries, newest first; admin and leader only.
func (s *Service) ListAudit(ctx context.Context, f models.AuditFilter, p models.Page) (models.List[models.AuditEntry], error) {
	if _, err := require(ctx, models.PermReadAudit); err != nil {
		return models.List[models.AuditEntry]{}, err
	}
	q := s.read(ctx).Model(&models.AuditEntry{})
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.EntityID != nil {
		q = q.Where("entity_id = ?", *f.EntityID)
	}
	if f.UserID != nil {
		q = q.Where("user_id = ?", *f.UserID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if !f.Range.From.IsZero() {
		q = q.Where("at >= ?", f.Range.From.Time().Add(-s.zoneOffset()))
	}
	if !f.Range.To.IsZero() {
		q = q.Where("at < ?", f.Range.To.AddDays(1).Time().Add(-s.zoneOffset()))
	}
	if p.Sort == "" {
		p.Sort = "-at"
	}
	return paginate[models.AuditEntry](q, p, map[string]string{"at": "at", "id": "id"})
}

// zoneOffset is the office zone's offset, to turn its calendar days into UTC bounds.
func (s *Service) zoneOffset() time.Duration {
	_, off := s.now().In(s.cfg.Location).Zone()
	return time.Duration(off) * time.Second
}
