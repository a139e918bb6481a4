package handlers

import (
	"github.com/gin-gonic/gin"

	"kntc/services"
)

// listPeople searches citizens by name, ID number or phone (q).
func (h *Handler) listPeople(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, services.PeopleFilter{Q: q.text("q")}, h.svc.SearchPeople)
}

// getPerson answers one citizen file.
func (h *Handler) getPerson(c *gin.Context) { getWith(c, h.svc.GetPerson) }
