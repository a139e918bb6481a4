package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Stubs for routes still being built; each is replaced by its real handler.

func (h *Handler) listSessions(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) createSession(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getSession(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) updateSession(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) deleteSession(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) listVisits(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) createVisit(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getVisit(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) updateVisit(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) deleteVisit(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) listCases(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) createCase(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getCase(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) updateCase(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) deleteCase(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) listDialogues(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) createDialogue(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getDialogue(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) updateDialogue(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) deleteDialogue(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) listCouncilMeetings(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) createCouncilMeeting(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getCouncilMeeting(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) updateCouncilMeeting(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) deleteCouncilMeeting(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) listDocuments(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) createDocument(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getDocument(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) updateDocument(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) deleteDocument(c *gin.Context) { c.Status(http.StatusNotImplemented) }

func (h *Handler) getStatistics(c *gin.Context) { c.Status(http.StatusNotImplemented) }
