package services

import (
	"slices"
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
		return out, models.InvalidField("sort", "Không sắp xếp được theo trường này.")
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
	if _, searched := q.Get(searchedSetting); searched {
		return paginateMatches(q, p, order, out)
	}
	if err := countRows(q, &out.Total); err != nil {
		return out, models.Internal(err)
	}
	if err := q.Order(order).Offset(p.Offset()).Limit(p.PerPage).Find(&out.Items).Error; err != nil {
		return out, models.Internal(err)
	}
	return out, nil
}

// searchedSetting marks a query that search filtered (see paginateMatches).
const searchedSetting = "kntc:searched"

// paginateMatches pages a searched list. A search may match tens of
// thousands of records in no useful order, and each match must be read to
// check its date and withdrawal: counting them and then sorting them for
// the page would look the search up and read every match twice, and
// sorting whole rows copies each one into the sorter. So one statement
// sorts the matches' ids and counts them on the way (a window count), and
// a second reads the page's rows by id: at a million letters a common name
// ("nguyen van binh", 20,000 letters) went from 200 ms of CPU to about 90
// on SQLite.
//
// The count is taken in a subquery, apart from the ORDER BY and LIMIT:
// given both in one SELECT, PostgreSQL costs the window as if the LIMIT
// stopped it early and walks the date index backwards testing every row
// (0.7 s), where the subquery makes it fetch the matches from the search
// index (docs/performance.md).
func paginateMatches[T any](q *gorm.DB, p models.Page, order string, out models.List[T]) (models.List[T], error) {
	table := tableOf(q)
	cols := sortColumns(order)
	sel := make([]string, 0, len(cols)+1)
	for _, c := range cols {
		sel = append(sel, table+"."+c+" AS "+c)
	}
	if from := models.SearchSource(q, table); from != table {
		q = q.Table(from)
	}
	matches := q.Select(strings.Join(append(sel, "COUNT(*) OVER () AS total"), ", "))
	var page []struct {
		ID    uint
		Total int64
	}
	err := q.Session(&gorm.Session{NewDB: true}).Table("(?) AS matches", matches).Select("id, total").
		Order(order).Offset(p.Offset()).Limit(p.PerPage).Scan(&page).Error
	if err != nil {
		return out, models.Internal(err)
	}
	if len(page) == 0 {
		// Past the last page (or nothing matched): no row carries the count.
		if p.Offset() > 0 {
			if err := q.Count(&out.Total).Error; err != nil {
				return out, models.Internal(err)
			}
		}
		return out, nil
	}
	out.Total = page[0].Total
	ids := make([]uint, len(page))
	for i, r := range page {
		ids[i] = r.ID
	}
	if err := q.Session(&gorm.Session{NewDB: true}).Where(table+".id IN ?", ids).Order(order).Find(&out.Items).Error; err != nil {
		return out, models.Internal(err)
	}
	return out, nil
}

// sortColumns returns the columns an ORDER BY built by paginate names, id
// included: "received_on DESC, id DESC" gives received_on and id.
func sortColumns(order string) []string {
	var cols []string
	for term := range strings.SplitSeq(order, ",") {
		if f := strings.Fields(term); len(f) > 0 && !slices.Contains(cols, f[0]) {
			cols = append(cols, f[0])
		}
	}
	if !slices.Contains(cols, "id") {
		cols = append(cols, "id")
	}
	return cols
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

// search keeps the rows whose search columns hold every word of query as
// the beginning of one of their words (models.SearchWords), from the
// search index. The identity column is searched only where the actor may
// see it: a protected name must never be found by a user who may not read
// it. A query with characters but no word (such as "%") matches nothing.
func search(q *gorm.DB, a Actor, query string, hasIdentity bool) *gorm.DB {
	if strings.TrimSpace(query) == "" {
		return q
	}
	words := models.SearchWords(query)
	if len(words) == 0 {
		return q.Where("1 = 0")
	}
	table := tableOf(q)
	anyColumn, words1, err := models.SearchMatch(q, table, words, hasIdentity)
	if err != nil {
		_ = q.AddError(err)
		return q
	}
	q = q.Where(anyColumn, words1).Set(searchedSetting, true)
	if !hasIdentity || a.Role.Can(models.PermSeeProtected) {
		return q
	}
	// Every word was found in some column. A protected record the actor
	// did not create must also hold every word outside its identity: the
	// index check runs only for those records, after the cheap tests.
	textOnly, textArgs, err := models.SearchTextHolds(q, table, words)
	if err != nil {
		_ = q.AddError(err)
		return q
	}
	return q.Where("("+table+".kind IS NULL OR "+table+".kind <> ? OR "+table+".created_by = ? OR "+textOnly+")",
		append([]any{string(models.KindDenunciation), a.ID}, textArgs...)...)
}

// tableOf returns the table a query reads, parsing its model if GORM has
// not done so yet.
func tableOf(q *gorm.DB) string {
	if q.Statement.Table == "" && q.Statement.Model != nil {
		if err := q.Statement.Parse(q.Statement.Model); err != nil {
			_ = q.AddError(err)
		}
	}
	return q.Statement.Table
}
