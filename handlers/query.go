package handlers

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// query reads list parameters from the URL, collecting every error so that
// a client learns all its mistakes at once.
type query struct {
	c *gin.Context
	v models.Validation
}

func newQuery(c *gin.Context) *query { return &query{c: c} }

// page reads page, per_page and sort; per_page above the maximum is capped.
func (q *query) page() models.Page {
	p := models.Page{Page: q.int("page", 1), PerPage: q.int("per_page", 50), Sort: q.c.Query("sort")}
	if p.Page < 1 {
		q.v.Add("page", "Số trang phải từ 1 trở lên.")
	}
	if p.PerPage < 1 {
		q.v.Add("per_page", "Số dòng mỗi trang phải từ 1 trở lên.")
	}
	p.PerPage = min(p.PerPage, models.MaxPerPage)
	return p
}

func (q *query) int(name string, def int) int {
	s := q.c.Query(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		q.v.Add(name, "Phải là số nguyên.")
		return def
	}
	return n
}

// id reads an optional id parameter.
func (q *query) id(name string) *uint {
	s := q.c.Query(name)
	if s == "" {
		return nil
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		q.v.Add(name, "Phải là mã số bản ghi (số nguyên dương).")
		return nil
	}
	id := uint(n)
	return &id
}

// bool reads an optional true/false parameter.
func (q *query) bool(name string) *bool {
	s := q.c.Query(name)
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		q.v.Add(name, "Phải là true hoặc false.")
		return nil
	}
	return &b
}

func (q *query) date(name string) models.Date {
	s := q.c.Query(name)
	if s == "" {
		return models.Date{}
	}
	d, err := models.ParseDate(s)
	if err != nil {
		q.v.Add(name, "Ngày không hợp lệ; dùng định dạng YYYY-MM-DD với ngày có thật.")
	}
	return d
}

// dateRange reads from and to, inclusive.
func (q *query) dateRange() models.DateRange {
	r := models.DateRange{From: q.date("from"), To: q.date("to")}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		q.v.Add("to", "Ngày kết thúc không được trước ngày bắt đầu.")
	}
	return r
}

// text reads a free-text parameter such as q.
func (q *query) text(name string) string { return models.NFC(q.c.Query(name)) }

// err returns the collected errors, or nil.
func (q *query) err() error { return q.v.Err() }

// code reads an enum parameter, refusing unknown codes.
func code[E interface {
	~string
	Valid() bool
}](q *query, name string) E {
	e := E(q.c.Query(name))
	if e != "" && !e.Valid() {
		q.v.Addf(name, "Mã %q không thuộc danh mục cho phép.", string(e))
		return ""
	}
	return e
}

// pathID reads the :id path parameter; a malformed id is simply not found.
func pathID(c *gin.Context) (uint, error) {
	n, err := strconv.ParseUint(c.Param("id"), 10, 32)
	if err != nil || n == 0 {
		return 0, models.NotFound("bản ghi")
	}
	return uint(n), nil
}
