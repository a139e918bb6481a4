package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// Dialogues and advisory council meetings are the same page over two
// services: a list and a form of date, chair, place, cases and note.

// meetingKind says which of the two a page is.
type meetingKind struct {
	Path, Nav, Title, Heading string
	// ChairRequired is true for dialogues, which always have a chair.
	ChairRequired bool
}

var (
	dialogueKind = meetingKind{Path: "/dialogues", Nav: "dialogues", Title: "Đối thoại",
		Heading: "Ghi cuộc đối thoại", ChairRequired: true}
	councilKind = meetingKind{Path: "/council-meetings", Nav: "council", Title: "Họp Hội đồng tư vấn",
		Heading: "Ghi cuộc họp Hội đồng tư vấn"}
)

// meetingService is what the pages need of services.Meetings.
type meetingService[T any] interface {
	List(ctx context.Context, f models.MeetingFilter, p models.Page) (models.List[T], error)
	Create(ctx context.Context, f models.MeetingFields) (T, error)
}

// meetingRow is a meeting as the list shows it.
type meetingRow struct {
	ID uint
	models.MeetingFields
}

// meetingsPage is a list of meetings with its filters and form.
type meetingsPage struct {
	Kind   meetingKind
	Filter *form
	Form   *form
	listed[meetingRow]
}

// dialogueRow lists a dialogue.
func dialogueRow(d models.Dialogue) meetingRow { return meetingRow{d.ID, d.MeetingFields} }

// councilRow lists a council meeting.
func councilRow(m models.CouncilMeeting) meetingRow { return meetingRow{m.ID, m.MeetingFields} }

// dialogues lists the dialogues.
func (p *pages) dialogues(c *gin.Context) {
	showMeetings(p, c, http.StatusOK, dialogueKind, p.h.svc.Dialogues(), dialogueRow, nil)
}

// councilMeetings lists the advisory council's meetings.
func (p *pages) councilMeetings(c *gin.Context) {
	showMeetings(p, c, http.StatusOK, councilKind, p.h.svc.CouncilMeetings(), councilRow, nil)
}

// createDialogue records the dialogue of the form.
func (p *pages) createDialogue(c *gin.Context) {
	createMeeting(p, c, dialogueKind, p.h.svc.Dialogues(), dialogueRow)
}

// createCouncilMeeting records the council meeting of the form.
func (p *pages) createCouncilMeeting(c *gin.Context) {
	createMeeting(p, c, councilKind, p.h.svc.CouncilMeetings(), councilRow)
}

// showMeetings draws the list of one kind of meeting filtered by the query,
// around the create form (as it was sent, when refused).
func showMeetings[T any](p *pages, c *gin.Context, status int, k meetingKind, m meetingService[T], row func(T) meetingRow, create *form) {
	if create == nil {
		create = newForm(nil, "new-")
		create.setDate("held_on", p.h.svc.Today())
	}
	f := newForm(c.Request.URL.Query())
	filter := models.MeetingFilter{Range: f.dateRange(), CaseID: f.id("case_id"), Q: f.text("q")}
	pg := f.page(50)
	showList(p, c, status, "meetings", newView(c, k.Title, k.Nav, nil), f, pg,
		func(pg models.Page) (models.List[T], error) { return m.List(c.Request.Context(), filter, pg) },
		func(l listed[T]) any {
			rows := listed[meetingRow]{Pager: l.Pager}
			for _, it := range l.Items {
				rows.Items = append(rows.Items, row(it))
			}
			return meetingsPage{Kind: k, Filter: f, Form: create, listed: rows}
		})
}

// createMeeting records the meeting of the form, or draws it again refused.
func createMeeting[T any](p *pages, c *gin.Context, k meetingKind, m meetingService[T], row func(T) meetingRow) {
	f := newForm(c.Request.PostForm, "new-")
	in := models.MeetingFields{
		HeldOn:    f.date("held_on"),
		ChairedBy: f.text("chaired_by"),
		Location:  f.text("location"),
		Note:      f.text("note"),
		CaseIDs:   f.ids("case_ids"),
	}
	if p.submit(c, f, func() (string, string, error) {
		_, err := m.Create(c.Request.Context(), in)
		return k.Path, "created", err
	}) {
		return
	}
	showMeetings(p, c, http.StatusBadRequest, k, m, row, f)
}
