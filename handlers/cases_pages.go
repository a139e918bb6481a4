package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

// casesPage is the list of cases with its filters and the form that opens
// a case.
type casesPage struct {
	Filter *form
	Form   *form
	listed[models.Case]
}

// cases lists the cases filtered by the query string.
func (p *pages) cases(c *gin.Context) {
	p.showCases(c, http.StatusOK, newForm(nil, "new-"))
}

// showCases draws the case list filtered by the query, around the create
// form (as it was sent, when refused).
func (p *pages) showCases(c *gin.Context, status int, create *form) {
	f := newForm(c.Request.URL.Query())
	filter := models.CaseFilter{
		Range:  f.dateRange(),
		Kind:   formCode[models.Kind](f, "kind"),
		Domain: formCode[models.Domain](f, "domain"),
		Status: formCode[models.CaseStatus](f, "status"),
		Q:      f.text("q"),
	}
	pg := f.page(50)
	showList(p, c, status, "cases", newView(c, "Vụ việc", "cases", nil), f, pg,
		func(pg models.Page) (models.List[models.Case], error) {
			return p.h.svc.ListCases(c.Request.Context(), filter, pg)
		},
		func(l listed[models.Case]) any { return casesPage{Filter: f, Form: create, listed: l} })
}

// createCase opens the case of the form.
func (p *pages) createCase(c *gin.Context) {
	f := newForm(c.Request.PostForm, "new-")
	in := readCaseFields(f)
	in.Petitioner = f.person("petitioner")
	if p.submit(c, f, func() (string, string, error) {
		cs, err := p.h.svc.CreateCase(c.Request.Context(), in)
		return idPath("/cases", cs.ID), "created", err
	}) {
		return
	}
	p.showCases(c, http.StatusBadRequest, f)
}

// readCaseFields reads a case form, all but the petitioner; the create form
// has no decision fields, which then stay empty.
func readCaseFields(f *form) models.CaseFields {
	return models.CaseFields{
		Title:          f.text("title"),
		Kind:           models.Kind(f.text("kind")),
		Domain:         models.Domain(f.text("domain")),
		Instance:       models.Instance(f.text("instance")),
		Respondent:     f.text("respondent"),
		AcceptedOn:     f.date("accepted_on"),
		Status:         models.CaseStatus(f.text("status")),
		DecisionNumber: f.text("decision_number"),
		DecisionOn:     f.date("decision_on"),
		Result:         models.CaseResult(f.text("result")),
		Note:           f.text("note"),
	}
}

// casePage is one case with its timeline and, for those who may, the form
// that follows its resolution.
type casePage struct {
	Case services.CaseDetail
	Form *form
}

// caseDetail shows one case.
func (p *pages) caseDetail(c *gin.Context) { p.showCase(c, http.StatusOK, nil) }

// showCase draws one case; f is the refused progress form, or nil.
func (p *pages) showCase(c *gin.Context, status int, f *form) {
	id, err := pathID(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	d, err := p.h.svc.GetCase(c.Request.Context(), id)
	if err != nil {
		p.fail(c, err)
		return
	}
	if f == nil {
		f = caseForm(d.Case)
	}
	f.Set("version", strconv.Itoa(d.Version))
	p.render(c, status, "case", newView(c, "Vụ việc số "+strconv.FormatUint(uint64(d.ID), 10), "cases", casePage{Case: d, Form: f}))
}

// caseForm starts the resolution form from the case.
func caseForm(cs models.Case) *form {
	f := newForm(nil)
	for name, v := range map[string]string{"title": cs.Title, "kind": string(cs.Kind), "domain": string(cs.Domain),
		"instance": string(cs.Instance), "status": string(cs.Status), "respondent": cs.Respondent,
		"decision_number": cs.DecisionNumber, "result": string(cs.Result), "note": cs.Note} {
		f.Set(name, v)
	}
	f.setDate("accepted_on", cs.AcceptedOn)
	f.setDate("decision_on", cs.DecisionOn)
	return f
}

// updateCase records the progress of a case: acceptance, status, decision
// and result. The petitioner is left as it is.
func (p *pages) updateCase(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	f := newForm(c.Request.PostForm)
	in := readCaseFields(f)
	version := f.int("version", 0)
	if p.submit(c, f, func() (string, string, error) {
		_, err := p.h.svc.UpdateCase(c.Request.Context(), id, &version, func(cf *models.CaseFields) error {
			in.Petitioner = cf.Petitioner
			*cf = in
			return nil
		})
		return idPath("/cases", id), "updated", err
	}) {
		return
	}
	p.showCase(c, http.StatusBadRequest, f)
}
