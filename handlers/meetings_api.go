package handlers

import (
	"github.com/gin-gonic/gin"

	"kntc/models"
)

// meetingFilter reads the filters dialogues and council meetings share.
func meetingFilter(q *query) models.MeetingFilter {
	return models.MeetingFilter{Range: q.dateRange(), CaseID: q.id("case_id"), Q: q.text("q")}
}

func (h *Handler) listDialogues(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, meetingFilter(q), h.svc.Dialogues().List)
}

func (h *Handler) createDialogue(c *gin.Context) { createWith(c, h.svc.Dialogues().Create) }

func (h *Handler) getDialogue(c *gin.Context) { getWith(c, h.svc.Dialogues().Get) }

func (h *Handler) updateDialogue(c *gin.Context) { updateWith(c, h.svc.Dialogues().Update) }

func (h *Handler) deleteDialogue(c *gin.Context) { deleteWith(c, h.svc.Dialogues().Delete) }

func (h *Handler) listCouncilMeetings(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, meetingFilter(q), h.svc.CouncilMeetings().List)
}

func (h *Handler) createCouncilMeeting(c *gin.Context) { createWith(c, h.svc.CouncilMeetings().Create) }

func (h *Handler) getCouncilMeeting(c *gin.Context) { getWith(c, h.svc.CouncilMeetings().Get) }

func (h *Handler) updateCouncilMeeting(c *gin.Context) { updateWith(c, h.svc.CouncilMeetings().Update) }

func (h *Handler) deleteCouncilMeeting(c *gin.Context) { deleteWith(c, h.svc.CouncilMeetings().Delete) }
