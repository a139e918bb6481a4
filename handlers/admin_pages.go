package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

// usersPage lists the users, each with its own form, and the form that
// adds one.
type usersPage struct {
	Users []userRow
	Form  *form
}

// userRow is a user with the form that changes it.
type userRow struct {
	User models.User
	Form *form
}

// users lists the users; administrators only.
func (p *pages) users(c *gin.Context) { p.showUsers(c, http.StatusOK, 0, nil, nil) }

// showUsers draws the user list; a refused form (the create form, or the
// form of user id) comes back as it was sent.
func (p *pages) showUsers(c *gin.Context, status int, id uint, edit, create *form) {
	list, err := p.h.svc.ListUsers(c.Request.Context(), models.Page{Page: 1, PerPage: models.MaxPerPage})
	if err != nil {
		p.fail(c, err)
		return
	}
	up := usersPage{Form: create}
	if up.Form == nil {
		up.Form = newForm(nil, "new-")
		up.Form.Set("role", string(models.RoleReception))
	}
	for _, u := range list.Items {
		f := edit
		if u.ID != id || f == nil {
			f = newForm(nil, "u"+strconv.FormatUint(uint64(u.ID), 10)+"-")
			f.Set("full_name", u.FullName)
			f.Set("role", string(u.Role))
			if u.Active {
				f.Set("active", "1")
			}
		}
		f.Set("version", strconv.Itoa(u.Version))
		up.Users = append(up.Users, userRow{User: u, Form: f})
	}
	p.render(c, status, "users", newView(c, "Người dùng", "users", up))
}

// createUser adds the user of the form.
func (p *pages) createUser(c *gin.Context) {
	f := newForm(c.Request.PostForm, "new-")
	in := services.UserInput{Username: f.text("username"), FullName: f.text("full_name"),
		Role: models.Role(f.text("role")), Password: f.Get("password")}
	// A refused form never sends the password back to the browser.
	f.Set("password", "")
	if p.submit(c, f, func() (string, string, error) {
		_, err := p.h.svc.CreateUser(c.Request.Context(), in)
		return "/admin/users", "user", err
	}) {
		return
	}
	p.showUsers(c, http.StatusBadRequest, 0, nil, f)
}

// updateUser changes a user's name, role, state or password.
func (p *pages) updateUser(c *gin.Context) {
	id, err := pathID(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	f := newForm(c.Request.PostForm, "u"+strconv.FormatUint(uint64(id), 10)+"-")
	fullName, role, active := f.text("full_name"), models.Role(f.text("role")), f.checked("active")
	version := f.int("version", 0)
	in := services.UserPatch{Version: &version, FullName: &fullName, Role: &role, Active: &active}
	if pw := f.Get("password"); pw != "" {
		in.Password = &pw
	}
	f.Set("password", "")
	if p.submit(c, f, func() (string, string, error) {
		_, err := p.h.svc.UpdateUser(c.Request.Context(), id, in)
		return "/admin/users", "updated", err
	}) {
		return
	}
	p.showUsers(c, http.StatusBadRequest, id, f, nil)
}

// auditPage is the audit trail with its filters.
type auditPage struct {
	Filter *form
	listed[models.AuditEntry]
}

// audit shows the audit trail; administrators and leaders.
func (p *pages) audit(c *gin.Context) {
	f := newForm(c.Request.URL.Query())
	filter := models.AuditFilter{
		Entity:   strings.TrimSpace(f.Get("entity")),
		EntityID: f.id("entity_id"),
		UserID:   f.id("user_id"),
		Action:   strings.TrimSpace(f.Get("action")),
		Range:    f.dateRange(),
	}
	pg := f.page(50)
	showList(p, c, http.StatusOK, "audit", newView(c, "Nhật ký thao tác", "audit", nil), f, pg,
		func(pg models.Page) (models.List[models.AuditEntry], error) {
			return p.h.svc.ListAudit(c.Request.Context(), filter, pg)
		},
		func(l listed[models.AuditEntry]) any { return auditPage{Filter: f, listed: l} })
}
