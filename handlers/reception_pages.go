package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// receptionPage is today's reception: the visits logged, the quick visit
// form, and the leaders' sessions with their form.
type receptionPage struct {
	Visits   []models.ReceptionVisit
	Sessions []models.ReceptionSession
	Visit    *form
	Session  *form
	// SessionOptions are the recent sessions a periodic or ad hoc visit
	// may belong to.
	SessionOptions []option
	// Cases are the cases the visit may be linked to: the search results
	// and the case already chosen.
	Cases []caseChoice
	// Searched tells that a case search ran, so "nothing found" can be said.
	Searched bool
	// NewCase is the case just opened by the last visit, to link to it.
	NewCase uint
}

// caseChoice is a case offered for the visit, checked when chosen.
type caseChoice struct {
	Case    models.Case
	Checked bool
}

// receptionSessions is how many recent sessions the page lists.
const receptionSessions = 20

// reception shows the reception page; ?case_id= preselects a case (the
// link "log a visit" on a case page).
func (p *pages) reception(c *gin.Context) {
	visit := p.defaultVisit()
	rp := &receptionPage{Visit: visit, Session: p.defaultSession()}
	if id := newForm(c.Request.URL.Query()).id("case_id"); id != nil {
		visit.Set("case_id", strconv.FormatUint(uint64(*id), 10))
	}
	if n, err := strconv.ParseUint(c.Query("case"), 10, 32); err == nil {
		rp.NewCase = uint(n)
	}
	p.showReception(c, http.StatusOK, rp)
}

// defaultVisit starts the visit form: today, one person, received in person
// at the regular reception.
func (p *pages) defaultVisit() *form {
	f := newForm(nil, "visit-")
	f.setDate("visited_on", p.h.svc.Today())
	f.Set("type", string(models.VisitTypeRegular))
	f.Set("channel", string(models.ChannelInPerson))
	f.Set("people_count", "1")
	return f
}

// defaultSession starts the session form: today, a periodic session of the
// chairman.
func (p *pages) defaultSession() *form {
	f := newForm(nil, "session-")
	f.setDate("held_on", p.h.svc.Today())
	f.Set("type", string(models.SessionTypePeriodic))
	f.Set("host_level", string(models.HostLevelChairman))
	return f
}

// showReception loads the lists and draws the page around the two forms.
func (p *pages) showReception(c *gin.Context, status int, rp *receptionPage) {
	ctx := c.Request.Context()
	today := p.h.svc.Today()
	visits, err := p.h.svc.ListVisits(ctx, models.VisitFilter{Range: models.DateRange{From: today, To: today}},
		models.Page{Page: 1, PerPage: models.MaxPerPage, Sort: "-created_at"})
	if err != nil {
		p.fail(c, err)
		return
	}
	sessions, err := p.h.svc.ListSessions(ctx, models.SessionFilter{}, models.Page{Page: 1, PerPage: receptionSessions})
	if err != nil {
		p.fail(c, err)
		return
	}
	rp.Visits, rp.Sessions = visits.Items, sessions.Items
	for _, s := range sessions.Items {
		rp.SessionOptions = append(rp.SessionOptions, option{Value: strconv.FormatUint(uint64(s.ID), 10),
			Label: s.HeldOn.VN() + " – " + s.HostName + " (" + s.Type.Label() + ")"})
	}
	if err := p.chosenCase(c, rp); err != nil {
		p.fail(c, err)
		return
	}
	p.render(c, status, "reception", newView(c, "Tiếp công dân", "reception", rp))
}

// chosenCase adds the case already chosen in the visit form to the choices,
// unless a search listed it.
func (p *pages) chosenCase(c *gin.Context, rp *receptionPage) error {
	chosen := rp.Visit.Get("case_id")
	for i := range rp.Cases {
		rp.Cases[i].Checked = strconv.FormatUint(uint64(rp.Cases[i].Case.ID), 10) == chosen
		if rp.Cases[i].Checked {
			return nil
		}
	}
	id, err := strconv.ParseUint(chosen, 10, 32)
	if err != nil || id == 0 {
		return nil
	}
	d, err := p.h.svc.GetCase(c.Request.Context(), uint(id))
	if models.CodeOf(err) == models.CodeNotFound {
		rp.Visit.fail("case_id", "Không tìm thấy vụ việc số "+chosen+".")
		return nil
	}
	if err != nil {
		return err
	}
	rp.Cases = append([]caseChoice{{Case: d.Case, Checked: true}}, rp.Cases...)
	return nil
}

// createVisit logs the visit of the form. The "find a case" button instead
// searches the cases by number or words and redraws the form with them.
func (p *pages) createVisit(c *gin.Context) {
	f := newForm(c.Request.PostForm, "visit-")
	rp := &receptionPage{Visit: f, Session: p.defaultSession()}
	if f.Get("action") == "find_case" {
		if err := p.findCases(c, rp, f.text("case_q")); err != nil {
			p.fail(c, err)
			return
		}
		p.showReception(c, http.StatusOK, rp)
		return
	}
	in := models.VisitFields{
		VisitedOn:      f.date("visited_on"),
		Type:           models.VisitType(f.text("type")),
		Channel:        models.Channel(f.text("channel")),
		SessionID:      f.id("session_id"),
		PeopleCount:    f.int("people_count", 0),
		Representative: f.person("representative"),
		Kind:           models.Kind(f.text("kind")),
		Domain:         models.Domain(f.text("domain")),
		Content:        f.text("content"),
		CaseID:         f.id("case_id"),
		Outcome:        models.VisitOutcome(f.text("outcome")),
	}
	if p.submit(c, f, func() (string, string, error) {
		v, err := p.h.svc.CreateVisit(c.Request.Context(), in)
		if v.NewCase && v.CaseID != nil {
			return "/reception?case=" + strconv.FormatUint(uint64(*v.CaseID), 10), "newcase", err
		}
		return "/reception", "visit", err
	}) {
		return
	}
	p.showReception(c, http.StatusBadRequest, rp)
}

// findCases fills the case choices: a number finds that case, words search
// the cases' titles and the petitioners the user may see.
func (p *pages) findCases(c *gin.Context, rp *receptionPage, q string) error {
	rp.Searched = true
	if q == "" {
		return nil
	}
	ctx := c.Request.Context()
	if id, err := strconv.ParseUint(q, 10, 32); err == nil {
		d, err := p.h.svc.GetCase(ctx, uint(id))
		if models.CodeOf(err) == models.CodeNotFound {
			return nil
		}
		rp.Cases = append(rp.Cases, caseChoice{Case: d.Case})
		return err
	}
	list, err := p.h.svc.ListCases(ctx, models.CaseFilter{Q: q}, models.Page{Page: 1, PerPage: 10})
	for _, cs := range list.Items {
		rp.Cases = append(rp.Cases, caseChoice{Case: cs})
	}
	return err
}

// createSession records a leader's reception session.
func (p *pages) createSession(c *gin.Context) {
	f := newForm(c.Request.PostForm, "session-")
	in := models.SessionFields{
		HeldOn:    f.date("held_on"),
		Type:      models.SessionType(f.text("type")),
		HostLevel: models.HostLevel(f.text("host_level")),
		HostName:  f.text("host_name"),
		HostTitle: f.text("host_title"),
		Location:  f.text("location"),
		Note:      f.text("note"),
	}
	if p.submit(c, f, func() (string, string, error) {
		_, err := p.h.svc.CreateSession(c.Request.Context(), in)
		return "/reception", "session", err
	}) {
		return
	}
	p.showReception(c, http.StatusBadRequest, &receptionPage{Visit: p.defaultVisit(), Session: f})
}
