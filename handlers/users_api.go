package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

func (h *Handler) listUsers(c *gin.Context) {
	q := newQuery(c)
	p := q.page()
	if err := q.err(); err != nil {
		respondError(c, err)
		return
	}
	list, err := h.svc.ListUsers(c.Request.Context(), p)
	respond(c, http.StatusOK, list, err)
}

func (h *Handler) createUser(c *gin.Context) {
	var in services.UserInput
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	u, err := h.svc.CreateUser(c.Request.Context(), in)
	respond(c, http.StatusCreated, u, err)
}

func (h *Handler) getUser(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	u, err := h.svc.GetUser(c.Request.Context(), id)
	respond(c, http.StatusOK, u, err)
}

func (h *Handler) updateUser(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		respondError(c, err)
		return
	}
	var in services.UserPatch
	if err := bindJSON(c, &in); err != nil {
		respondError(c, err)
		return
	}
	if in.Version, err = versionOf(c, in.Version); err != nil {
		respondError(c, err)
		return
	}
	u, err := h.svc.UpdateUser(c.Request.Context(), id, in)
	respond(c, http.StatusOK, u, err)
}

func (h *Handler) listAudit(c *gin.Context) {
	q := newQuery(c)
	f := models.AuditFilter{
		Entity:   strings.TrimSpace(c.Query("entity")),
		EntityID: q.id("entity_id"),
		UserID:   q.id("user_id"),
		Action:   strings.TrimSpace(c.Query("action")),
		Range:    q.dateRange(),
	}
	p := q.page()
	if err := q.err(); err != nil {
		respondError(c, err)
		return
	}
	list, err := h.svc.ListAudit(c.Request.Context(), f, p)
	respond(c, http.StatusOK, list, err)
}
