package handlers

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

func (h *Handler) listCases(c *gin.Context) {
	q := newQuery(c)
	listWith(c, q, models.CaseFilter{
		Range:      q.dateRange(),
		Kind:       code[models.Kind](q, "kind"),
		Domain:     code[models.Domain](q, "domain"),
		Instance:   code[models.Instance](q, "instance"),
		Status:     code[models.CaseStatus](q, "status"),
		Result:     code[models.CaseResult](q, "result"),
		DueWithin:  dueWithin(q),
		Overdue:    q.bool("overdue"),
		Complexity: code[models.Complexity](q, "complexity"),
		Q:          q.text("q"),
	}, h.svc.ListCases)
}

// maxDueWithin bounds due_within at ten years, which is already "all".
const maxDueWithin = 3660

// dueWithin reads due_within, a number of days from today (0 = due today or
// overdue).
func dueWithin(q *query) *int {
	s := q.c.Query("due_within")
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxDueWithin {
		q.v.Addf("due_within", "Phải là số ngày từ 0 đến %d.", maxDueWithin)
		return nil
	}
	return &n
}

func (h *Handler) createCase(c *gin.Context) { createWith(c, h.svc.CreateCase) }

func (h *Handler) getCase(c *gin.Context) { getWith(c, h.svc.GetCase) }

func (h *Handler) updateCase(c *gin.Context) { updateWith(c, h.svc.UpdateCase) }

func (h *Handler) deleteCase(c *gin.Context) { deleteWith(c, h.svc.DeleteCase) }
