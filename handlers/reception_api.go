package handlers

import (
	"github.com/gin-gonic/gin"

	"kntc/models"
)

func (h *Handler) listSessions(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, models.SessionFilter{
		Range:     q.dateRange(),
		Type:      code[models.SessionType](q, "type"),
		HostLevel: code[models.HostLevel](q, "host_level"),
		Q:         q.text("q"),
	}, h.svc.ListSessions)
}

func (h *Handler) createSession(c *gin.Context) { createWith(c, h.svc.CreateSession) }

func (h *Handler) getSession(c *gin.Context) { getWith(c, h.svc.GetSession) }

func (h *Handler) updateSession(c *gin.Context) { updateWith(c, h.svc.UpdateSession) }

func (h *Handler) deleteSession(c *gin.Context) { deleteWith(c, h.svc.DeleteSession) }

func (h *Handler) listVisits(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, models.VisitFilter{
		Range:     q.dateRange(),
		Type:      code[models.VisitType](q, "type"),
		Kind:      code[models.Kind](q, "kind"),
		Domain:    code[models.Domain](q, "domain"),
		Outcome:   code[models.VisitOutcome](q, "outcome"),
		SessionID: q.id("session_id"),
		CaseID:    q.id("case_id"),
		Q:         q.text("q"),
	}, h.svc.ListVisits)
}

func (h *Handler) createVisit(c *gin.Context) { createWith(c, h.svc.CreateVisit) }

func (h *Handler) getVisit(c *gin.Context) { getWith(c, h.svc.GetVisit) }

func (h *Handler) updateVisit(c *gin.Context) { updateWith(c, h.svc.UpdateVisit) }

func (h *Handler) deleteVisit(c *gin.Context) { deleteWith(c, h.svc.DeleteVisit) }
