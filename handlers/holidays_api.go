package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// listHolidays answers the holiday list of one year (default: this year).
func (h *Handler) listHolidays(c *gin.Context) {
	q := newQuery(c)
	year := q.int("year", h.svc.Today().Year())
	if err := q.err(); err != nil {
		respondError(c, err)
		return
	}
	out, err := h.svc.ListHolidays(c.Request.Context(), year)
	respond(c, http.StatusOK, out, err)
}

// createHoliday adds a day to the holiday list (admin).
func (h *Handler) createHoliday(c *gin.Context) { createWith(c, h.svc.CreateHoliday) }

// deleteHoliday withdraws a day from the holiday list (admin).
func (h *Handler) deleteHoliday(c *gin.Context) { deleteWith(c, h.svc.DeleteHoliday) }
