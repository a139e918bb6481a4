package handlers

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// The citizen file (hồ sơ công dân) gathers what the register holds about
// one person, found by an identity card number or a name. It searches the
// same folded text as the lists, so a protected denouncer is found only by
// those who may see the name.

// personPage is the citizen file of one search key.
type personPage struct {
	Key     string
	Letters []models.Letter
	Visits  []models.ReceptionVisit
	Cases   []models.Case
}

// personRows is how many records of each kind the file lists.
const personRows = 100

// findPerson sends the search form on to the file of the key typed.
func (p *pages) findPerson(c *gin.Context) {
	key := strings.TrimSpace(c.Query("q"))
	if key == "" {
		p.render(c, http.StatusOK, "people", newView(c, "Hồ sơ công dân", "people", personPage{}))
		return
	}
	c.Redirect(http.StatusSeeOther, "/people/"+url.PathEscape(key))
}

// person shows the letters, visits and cases of the person named by the
// path: an identity card number or a name.
func (p *pages) person(c *gin.Context) {
	key := models.NFC(c.Param("id"))
	ctx := c.Request.Context()
	pp := personPage{Key: key}
	pg := models.Page{Page: 1, PerPage: personRows}
	letters, err := p.h.svc.ListLetters(ctx, models.LetterFilter{Q: key}, pg)
	if err != nil {
		p.fail(c, err)
		return
	}
	visits, err := p.h.svc.ListVisits(ctx, models.VisitFilter{Q: key}, pg)
	if err != nil {
		p.fail(c, err)
		return
	}
	cases, err := p.h.svc.ListCases(ctx, models.CaseFilter{Q: key}, pg)
	if err != nil {
		p.fail(c, err)
		return
	}
	pp.Letters, pp.Visits, pp.Cases = letters.Items, visits.Items, cases.Items
	p.render(c, http.StatusOK, "people", newView(c, "Hồ sơ công dân: "+key, "people", pp))
}
