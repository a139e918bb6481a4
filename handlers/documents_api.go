package handlers

import (
	"github.com/gin-gonic/gin"

	"kntc/models"
)

func (h *Handler) listDocuments(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, models.DocumentFilter{
		Range:   q.dateRange(),
		DocType: code[models.DocType](q, "doc_type"),
		CaseID:  q.id("case_id"),
		Q:       q.text("q"),
	}, h.svc.ListDocuments)
}

func (h *Handler) createDocument(c *gin.Context) { createWith(c, h.svc.CreateDocument) }

func (h *Handler) getDocument(c *gin.Context) { getWith(c, h.svc.GetDocument) }

func (h *Handler) updateDocument(c *gin.Context) { updateWith(c, h.svc.UpdateDocument) }

func (h *Handler) deleteDocument(c *gin.Context) { deleteWith(c, h.svc.DeleteDocument) }
