package handlers

import (
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
	p := q.page()
	if err := q.err(); err != nil {
		respondError(c, err)
		return
	}
	list, err := h.svc.ListLetters(c.Request.Context(), f, p)
	respond(c, http.StatusOK, list, err)
}

func (h *Handler) createLetter(c *gin.Context) {
	var in models.LetterFields
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	l, err := h.svc.CreateLetter(c.Request.Context(), in)
	respond(c, http.StatusCreated, l, err)
}

func (h *Handler) getLetter(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	l, err := h.svc.GetLetter(c.Request.Context(), id)
	respond(c, http.StatusOK, l, err)
}

func (h *Handler) updateLetter(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	body, err := readJSONBody(c)
	if err != nil {
		respondError(c, err)
		return
	}
	version, changes, err := splitPatch(c, body)
	if err != nil {
		respondError(c, err)
		return
	}
	l, err := h.svc.UpdateLetter(c.Request.Context(), id, version, func(f *models.LetterFields) error {
		return decodeStrict(changes, f)
	})
	respond(c, http.StatusOK, l, err)
}

func (h *Handler) classifyLetter(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	var in struct {
		models.ClassifyInput
		Version *int `json:"version"`
	}
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	version, err := versionOf(c, in.Version)
	if err != nil {
		respondError(c, err)
		return
	}
	l, err := h.svc.ClassifyLetter(c.Request.Context(), id, in.ClassifyInput, version)
	respond(c, http.StatusOK, l, err)
}

func (h *Handler) handleLetter(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	var in struct {
		models.HandleInput
		Version *int `json:"version"`
	}
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	version, err := versionOf(c, in.Version)
	if err != nil {
		respondError(c, err)
		return
	}
	l, err := h.svc.HandleLetter(c.Request.Context(), id, in.HandleInput, version)
	respond(c, http.StatusOK, l, err)
}

func (h *Handler) deleteLetter(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	respondDeleted(c, h.svc.DeleteLetter(c.Request.Context(), id))
}

// respondDeleted answers a withdrawal with 204, or the error.
func respondDeleted(c *gin.Context, err error) {
	if err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
