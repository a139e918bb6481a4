package services

import (
	"context"

	"gorm.io/gorm"

	"kntc/models"
)

// documents describes issued documents to the generic use cases.
var documents = resource[models.Document, *models.Document]{
	what:     "văn bản",
	edit:     models.PermEditCases,
	base:     func(r *models.Document) *models.Record { return &r.Record },
	validate: (*models.Document).Validate,
	link: func(_ *Service, tx *gorm.DB, _ Actor, d, _ *models.Document) error {
		return checkCaseLink(tx, d.CaseID)
	},
	sorts:       map[string]string{"issued_on": "issued_on", "number": "number", "created_at": "created_at", "id": "id"},
	defaultSort: "-issued_on",
}

// CreateDocument records an issued document.
func (s *Service) CreateDocument(ctx context.Context, f models.DocumentFields) (models.Document, error) {
	return createRecord(ctx, s, documents, models.Document{DocumentFields: f})
}

// GetDocument returns one issued document.
func (s *Service) GetDocument(ctx context.Context, id uint) (models.Document, error) {
	return getRecord(ctx, s, documents, id)
}

// ListDocuments returns a page of issued documents.
func (s *Service) ListDocuments(ctx context.Context, f models.DocumentFilter, p models.Page) (models.List[models.Document], error) {
	return listRecords(ctx, s, documents, p, func(q *gorm.DB, a Actor) *gorm.DB {
		q = rangeOn(q, "issued_on", f.Range)
		q = eq(q, "doc_type", f.DocType)
		q = eqID(q, "case_id", f.CaseID)
		return search(q, a, f.Q, false)
	})
}

// UpdateDocument corrects an issued document; apply changes its fields.
func (s *Service) UpdateDocument(ctx context.Context, id uint, version *int, apply func(*models.DocumentFields) error) (models.Document, error) {
	return updateRecord(ctx, s, documents, id, version, func(d *models.Document) error { return apply(&d.DocumentFields) })
}

// DeleteDocument withdraws an issued document; leaders only.
func (s *Service) DeleteDocument(ctx context.Context, id uint) error {
	return deleteRecord(ctx, s, documents, id)
}
