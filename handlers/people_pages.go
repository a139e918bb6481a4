package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

// The citizen file (hồ sơ công dân) gathers what the register holds about
// one person. /people searches citizens by name, identity card number or
// phone; /people/{id} is one citizen's letters, visits and cases. The people
// service hides a protected denouncer from those who may not read them.

// peoplePage is the citizen search.
type peoplePage struct {
	Filter *form
	listed[services.PersonSummary]
}

// people lists the citizens matching q, latest contact first; with no q,
// the citizens seen most recently.
func (p *pages) people(c *gin.Context) {
	f := newForm(c.Request.URL.Query())
	filter := services.PeopleFilter{Q: f.text("q")}
	showList(p, c, http.StatusOK, "people", newView(c, "Hồ sơ công dân", "people", nil), f, f.page(50),
		func(pg models.Page) (models.List[services.PersonSummary], error) {
			return p.h.svc.SearchPeople(c.Request.Context(), filter, pg)
		},
		func(l listed[services.PersonSummary]) any { return peoplePage{Filter: f, listed: l} })
}

// personPage is one citizen's file.
type personPage struct {
	File services.PersonFile
}

// personRow is a record of a citizen file as the page lists it.
type personRow struct{ services.PersonRecord }

// URL is the page of the record; a visit has none of its own and links to
// its case.
func (r personRow) URL() string {
	switch r.Type {
	case models.EntityLetter:
		return idPath("/letters", r.ID)
	case models.EntityCase:
		return idPath("/cases", r.ID)
	}
	if r.CaseID != nil {
		return idPath("/cases", *r.CaseID)
	}
	return ""
}

// TypeLabel names the kind of record in Vietnamese.
func (r personRow) TypeLabel() string {
	return map[string]string{models.EntityLetter: "Đơn", models.EntityVisit: "Lượt tiếp", models.EntityCase: "Vụ việc"}[r.Type]
}

// Rows lists the file's records for the page.
func (pp personPage) Rows() []personRow {
	out := make([]personRow, len(pp.File.Records))
	for i, r := range pp.File.Records {
		out[i] = personRow{r}
	}
	return out
}

// person shows the citizen file of the path's id.
func (p *pages) person(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	file, err := p.h.svc.GetPerson(c.Request.Context(), id)
	if err != nil {
		p.fail(c, err)
		return
	}
	p.render(c, http.StatusOK, "person", newView(c, "Hồ sơ công dân: "+file.FullName, "people", personPage{File: file}))
}
