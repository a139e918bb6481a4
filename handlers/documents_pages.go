package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// documentsPage is the list of documents issued with its filters and form.
type documentsPage struct {
	Filter *form
	Form   *form
	listed[models.Document]
}

// documents lists the documents issued.
func (p *pages) documents(c *gin.Context) {
	f := newForm(nil, "new-")
	f.setDate("issued_on", p.h.svc.Today())
	f.Set("doc_type", string(models.DocTypeOfficialLetter))
	p.showDocuments(c, http.StatusOK, f)
}

// showDocuments draws the document list filtered by the query, around the
// create form (as it was sent, when refused).
func (p *pages) showDocuments(c *gin.Context, status int, create *form) {
	f := newForm(c.Request.URL.Query())
	filter := models.DocumentFilter{Range: f.dateRange(), DocType: formCode[models.DocType](f, "doc_type"),
		CaseID: f.id("case_id"), Q: f.text("q")}
	pg := f.page(50)
	showList(p, c, status, "documents", newView(c, "Văn bản ban hành", "documents", nil), f, pg,
		func(pg models.Page) (models.List[models.Document], error) {
			return p.h.svc.ListDocuments(c.Request.Context(), filter, pg)
		},
		func(l listed[models.Document]) any { return documentsPage{Filter: f, Form: create, listed: l} })
}

// createDocument records the document of the form.
func (p *pages) createDocument(c *gin.Context) {
	f := newForm(c.Request.PostForm, "new-")
	in := models.DocumentFields{
		Number:   f.text("number"),
		IssuedOn: f.date("issued_on"),
		DocType:  models.DocType(f.text("doc_type")),
		Subject:  f.text("subject"),
		CaseID:   f.id("case_id"),
	}
	if p.submit(c, f, func() (string, string, error) {
		_, err := p.h.svc.CreateDocument(c.Request.Context(), in)
		return "/documents", "created", err
	}) {
		return
	}
	p.showDocuments(c, http.StatusBadRequest, f)
}
