package services

import (
	"strings"

	"gorm.io/gorm"

	"kntc/models"
)

// paginate counts the rows of q and returns the requested page, sorted by
// one of the allowed fields (JSON name to column); ties break by id so that
// pages never overlap.
func paginate[T any](q *gorm.DB, p models.Page, sortable map[string]string) (models.List[T], error) {
	out := models.List[T]{Items: []T{}, Page: p.Page, PerPage: p.PerPage}
	if _, ok := sortable[strings.TrimPrefix(p.Sort, "-")]; !ok && p.Sort != "" {
		return out, invalidField("sort", "Không sắp xếp được theo trường này.")
	}
	if err := q.Count(&out.Total).Error; err != nil {
		return out, models.Internal(err)
	}
	desc := strings.HasPrefix(p.Sort, "-")
	col := sortable[strings.TrimPrefix(p.Sort, "-")]
	order := "id"
	if col != "" && col != "id" {
		order = col
		if desc {
			order += " DESC"
		}
		order += ", id"
	}
	if desc {
		order += " DESC"
	}
	if err := q.Order(order).Offset(p.Offset()).Limit(p.PerPage).Find(&out.Items).Error; err != nil {
		return out, models.Internal(err)
	}
	return out, nil
}

// rangeOn filters q on a date column, inclusive at both ends.
func rangeOn(q *gorm.DB, column string, r models.DateRange) *gorm.DB {
	if !r.From.IsZero() {
		q = q.Where(column+" >= ?", r.From.String())
	}
	if !r.To.IsZero() {
		q = q.Where(column+" <= ?", r.To.String())
	}
	return q
}

// eq filters q on column when the value is set.
func eq[E ~string](q *gorm.DB, column string, v E) *gorm.DB {
	if v == "" {
		return q
	}
	return q.Where(column+" = ?", string(v))
}

// eqID filters q on an id column when the id is given.
func eqID(q *gorm.DB, column string, id *uint) *gorm.DB {
	if id == nil {
		return q
	}
	return q.Where(column+" = ?", *id)
}

// search keeps the rows whose folded text holds every word of query. The
// identity column is searched only where the actor may see it: a protected
// name must never be found by a user who may not read it.
func search(q *gorm.DB, a Actor, query string, hasIdentity bool) *gorm.DB {
	for _, term := range models.SearchTerms(query) {
		like := models.LikePattern(term)
		switch {
		case !hasIdentity:
			q = q.Where(`search_text LIKE ? ESCAPE '\'`, like)
		case a.Role.Can(models.PermSeeProtected):
			q = q.Where(`(search_text LIKE ? ESCAPE '\' OR search_identity LIKE ? ESCAPE '\')`, like, like)
		default:
			q = q.Where(`(search_text LIKE ? ESCAPE '\' OR (search_identity LIKE ? ESCAPE '\' AND (kind IS NULL OR kind <> ? OR created_by = ?)))`,
				like, like, string(models.KindDenunciation), a.ID)
		}
	}
	return q
}
