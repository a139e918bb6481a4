package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"kntc/models"
)

// lettersPage is the register (sổ theo dõi đơn) with its filters.
type lettersPage struct {
	Form  *form
	Sorts []option
	listed[models.Letter]
}

// letterSortOptions are the orders the register offers.
var letterSortOptions = []option{
	{"-received_on", "Ngày nhận, mới nhất trước"},
	{"handling_due_on", "Hạn xử lý, gần nhất trước"},
	{"code", "Số đơn"},
}

// letters shows the register filtered by the query string.
func (p *pages) letters(c *gin.Context) {
	f := newForm(c.Request.URL.Query())
	filter := models.LetterFilter{
		Range:   f.dateRange(),
		Source:  formCode[models.Source](f, "source"),
		Domain:  formCode[models.Domain](f, "domain"),
		Kind:    formCode[models.Kind](f, "kind"),
		Outcome: formCode[models.Outcome](f, "outcome"),
		Status:  formCode[models.LetterStatus](f, "status"),
		Overdue: f.yesNo("overdue"),
		Q:       f.text("q"),
	}
	pg := f.page(50)
	pg.Sort = oneOf(f.text("sort"), letterSortOptions)
	showList(p, c, http.StatusOK, "letters", newView(c, "Sổ theo dõi đơn", "letters", nil), f, pg,
		func(pg models.Page) (models.List[models.Letter], error) {
			return p.h.svc.ListLetters(c.Request.Context(), filter, pg)
		},
		func(l listed[models.Letter]) any { return lettersPage{Form: f, Sorts: letterSortOptions, listed: l} })
}

// oneOf keeps s when it is one of the options' values, else the first value.
func oneOf(s string, opts []option) string {
	for _, o := range opts {
		if o.Value == s {
			return s
		}
	}
	return opts[0].Value
}

// letterNewPage is the registration form.
type letterNewPage struct {
	Form    *form
	Senders [][]fieldView
	Rows    int
}

// Sender rows of the registration form: two to start with, up to twenty
// added one at a time with the "add a sender" button.
const (
	senderRowsStart = 2
	senderRowsMax   = 20
)

// newLetter shows an empty registration form dated today.
func (p *pages) newLetter(c *gin.Context) {
	if !p.may(c, models.PermCreateLetters) {
		return
	}
	f := newForm(nil)
	f.setDate("received_on", p.h.svc.Today())
	f.Set("source", string(models.SourcePost))
	p.showNewLetter(c, http.StatusOK, f, senderRowsStart)
}

// showNewLetter draws the registration form with rows sender rows.
func (p *pages) showNewLetter(c *gin.Context, status int, f *form, rows int) {
	lp := letterNewPage{Form: f, Rows: rows}
	for i := range rows {
		lp.Senders = append(lp.Senders, f.Person(senderPrefix(i)))
	}
	p.render(c, status, "letter_new", newView(c, "Vào sổ đơn mới", "letters", lp))
}

// senderPrefix names the fields of sender row i, as the models name them.
func senderPrefix(i int) string { return "senders[" + strconv.Itoa(i) + "]" }

// createLetter registers the letter of the form, or shows the form again
// with what was typed and the reason of each refusal. The "add a sender"
// button only redraws the form with one more row.
func (p *pages) createLetter(c *gin.Context) {
	f := newForm(c.Request.PostForm)
	rows := min(max(f.int("sender_rows", senderRowsStart), 1), senderRowsMax)
	senders := compactSenders(f, rows)
	if f.Get("action") == "add_sender" {
		p.showNewLetter(c, http.StatusOK, f, min(max(rows, len(senders))+1, senderRowsMax))
		return
	}
	in := models.LetterFields{
		ReceivedOn:    f.date("received_on"),
		Source:        models.Source(f.text("source")),
		ForwardedFrom: f.text("forwarded_from"),
		Anonymous:     f.checked("anonymous"),
		Senders:       senders,
		SignerCount:   f.int("signer_count", 0),
		Subject:       f.text("subject"),
		Summary:       f.text("summary"),
		Domain:        models.Domain(f.text("domain")),
		Kind:          models.Kind(f.text("kind")),
		CaseID:        f.id("case_id"),
	}
	if p.submit(c, f, func() (string, string, error) {
		l, err := p.h.svc.CreateLetter(c.Request.Context(), in)
		return idPath("/letters", l.ID), "letter", err
	}) {
		return
	}
	p.showNewLetter(c, http.StatusBadRequest, f, rows)
}

// compactSenders reads the sender rows and moves the filled ones to the
// top, so that the row numbers in the services' messages (senders[1]) are
// the rows the user sees when the form comes back.
func compactSenders(f *form, rows int) []models.Person {
	var out []models.Person
	for i := range rows {
		if p := f.person(senderPrefix(i)); !p.IsEmpty() {
			out = append(out, p)
		}
	}
	for i := range rows {
		var p models.Person
		if i < len(out) {
			p = out[i]
		}
		f.setPerson(senderPrefix(i), p)
	}
	return out
}

// letterPage is one letter with its history and, for those who may, the
// classify and handle forms.
type letterPage struct {
	Letter   models.Letter
	Audit    []models.AuditEntry
	Classify *form
	Handle   *form
	Reply    *form
}

// letter shows one letter.
func (p *pages) letter(c *gin.Context) {
	p.showLetter(c, http.StatusOK, nil, nil, nil)
}

// showLetter draws the letter page; a refused form is passed in to be shown
// as it was sent, the other one starts from the letter.
func (p *pages) showLetter(c *gin.Context, status int, classify, handle, reply *form) {
	id, err := pathID(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	l, err := p.h.svc.GetLetter(ctx, id)
	if err != nil {
		p.fail(c, err)
		return
	}
	lp := letterPage{Letter: l, Classify: classify, Handle: handle, Reply: reply}
	if lp.Classify == nil {
		lp.Classify = classifyForm(l)
	}
	if lp.Handle == nil {
		lp.Handle = handleForm(l, p.h.svc.Today())
	}
	if lp.Reply == nil {
		lp.Reply = newForm(nil, "reply-")
		lp.Reply.setDate("reply_received_on", l.ReplyReceivedOn)
	}
	// A refused form keeps what was typed, but the version must be the
	// current one, or sending it again would conflict for ever.
	lp.Classify.Set("version", strconv.Itoa(l.Version))
	lp.Handle.Set("version", strconv.Itoa(l.Version))
	lp.Reply.Set("version", strconv.Itoa(l.Version))
	if a, _ := actorOf(c); a.Role.Can(models.PermReadAudit) {
		list, err := p.h.svc.ListAudit(ctx, models.AuditFilter{Entity: l.EntityName(), EntityID: &l.ID},
			models.Page{Page: 1, PerPage: models.MaxPerPage})
		if err != nil {
			p.fail(c, err)
			return
		}
		lp.Audit = list.Items
	}
	p.render(c, status, "letter", newView(c, "Đơn số "+l.Code, "letters", lp))
}

// classifyForm starts the classify form from the letter.
func classifyForm(l models.Letter) *form {
	f := newForm(nil, "classify-")
	f.Set("domain", string(l.Domain))
	f.Set("kind", string(l.Kind))
	f.Set("topic", string(l.Topic))
	f.Set("eligible", boolValue(l.Eligible))
	f.Set("competent", boolValue(l.Competent))
	if l.DuplicateOfID != nil {
		f.Set("duplicate_of", strconv.FormatUint(uint64(*l.DuplicateOfID), 10))
	}
	f.Set("note", l.ClassificationNote)
	return f
}

// handleForm starts the handle form from the letter, dated today.
func handleForm(l models.Letter, today models.Date) *form {
	f := newForm(nil, "handle-")
	f.Set("outcome", string(l.Outcome))
	f.setDate("handled_on", today)
	if !l.HandledOn.IsZero() {
		f.setDate("handled_on", l.HandledOn)
	}
	f.Set("transferred_to", l.TransferredTo)
	f.Set("note", l.HandlingNote)
	return f
}

// boolValue writes a yes/no answer as the form's select values.
func boolValue(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

// classifyLetter records the classification of the form.
func (p *pages) classifyLetter(c *gin.Context) {
	f := newForm(c.Request.PostForm, "classify-")
	in := models.ClassifyInput{
		Domain:      models.Domain(f.text("domain")),
		Kind:        models.Kind(f.text("kind")),
		Topic:       models.Topic(f.text("topic")),
		Eligible:    f.yesNo("eligible"),
		Competent:   f.yesNo("competent"),
		DuplicateOf: f.id("duplicate_of"),
		Note:        f.text("note"),
	}
	version := f.int("version", 0)
	p.letterAction(c, f, "classified", func(id uint) error {
		_, err := p.h.svc.ClassifyLetter(c.Request.Context(), id, in, &version)
		return err
	}, func(f *form) { p.showLetter(c, http.StatusBadRequest, f, nil, nil) })
}

// handleLetter records the handling decision of the form.
func (p *pages) handleLetter(c *gin.Context) {
	f := newForm(c.Request.PostForm, "handle-")
	in := models.HandleInput{
		Outcome:       models.Outcome(f.text("outcome")),
		HandledOn:     f.date("handled_on"),
		TransferredTo: f.text("transferred_to"),
		Note:          f.text("note"),
	}
	version := f.int("version", 0)
	p.letterAction(c, f, "handled", func(id uint) error {
		_, err := p.h.svc.HandleLetter(c.Request.Context(), id, in, &version)
		return err
	}, func(f *form) { p.showLetter(c, http.StatusBadRequest, nil, f, nil) })
}

// recordReply records the date the reply (văn bản phúc đáp) to a
// transferred letter arrived; the services check it belongs to one.
func (p *pages) recordReply(c *gin.Context) {
	f := newForm(c.Request.PostForm, "reply-")
	on := f.date("reply_received_on")
	version := f.int("version", 0)
	p.letterAction(c, f, "updated", func(id uint) error {
		_, err := p.h.svc.UpdateLetter(c.Request.Context(), id, &version, func(lf *models.LetterFields) error {
			lf.ReplyReceivedOn = on
			return nil
		})
		return err
	}, func(f *form) { p.showLetter(c, http.StatusBadRequest, nil, nil, f) })
}

// letterAction runs an action on the letter of the path when the form's
// shape is right, then goes back to the letter; a refusal redraws the page
// through again.
func (p *pages) letterAction(c *gin.Context, f *form, flash string, act func(id uint) error, again func(*form)) {
	id, err := pathID(c)
	if err != nil {
		p.fail(c, err)
		return
	}
	if p.submit(c, f, func() (string, string, error) { return idPath("/letters", id), flash, act(id) }) {
		return
	}
	again(f)
}
