package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

func (h *Handler) listLetters(c *gin.Context) {
	q := newQuery(c)
	f := models.LetterFilter{
		Range:   q.dateRange(),
		Source:  code[models.Source](q, "source"),
		Domain:  code[models.Domain](q, "domain"),
		Kind:    code[models.Kind](q, "kind"),
		Outcome: code[models.Outcome](q, "outcome"),
		Status:  code[models.LetterStatus](q, "status"),
		Overdue: q.bool("overdue"),
		CaseID:  q.id("case_id"),
		Q:       q.text("q"),
	}
	listWith(c, q, f, h.svc.ListLetters)
}

func (h *Handler) createLetter(c *gin.Context) { createWith(c, h.svc.CreateLetter) }

func (h *Handler) getLetter(c *gin.Context) { getWith(c, h.svc.GetLetter) }

func (h *Handler) updateLetter(c *gin.Context) { updateWith(c, h.svc.UpdateLetter) }

func (h *Handler) deleteLetter(c *gin.Context) { deleteWith(c, h.svc.DeleteLetter) }

func (h *Handler) classifyLetter(c *gin.Context) { actionWith(c, h.svc.ClassifyLetter) }

func (h *Handler) handleLetter(c *gin.Context) { actionWith(c, h.svc.HandleLetter) }

// actionWith runs an action on the record of the path id: the body is the
// action's input plus the version the client read (or If-Match).
func actionWith[I, T any](c *gin.Context, act func(context.Context, uint, I, *int) (T, error)) {
	id, version, rest, err := versionedRequest(c)
	if err != nil {
		respondError(c, err)
		return
	}
	var in I
	if err := decodeStrict(rest, &in); err != nil {
		respondError(c, err)
		return
	}
	r, err := act(c.Request.Context(), id, in, version)
	respond(c, http.StatusOK, r, err)
}
