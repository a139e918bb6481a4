package services

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"gorm.io/gorm"

	"kntc/models"
)

// CaseDetail is a case with everything recorded about it: the answer of
// GET /api/v1/cases/{id}.
type CaseDetail struct {
	models.Case
	CaseRecords
}

// CaseRecords are a case's non-withdrawn records, each list in date order,
// and the timeline that merges them.
type CaseRecords struct {
	Letters         []models.Letter         `json:"letters"`
	Visits          []models.ReceptionVisit `json:"visits"`
	Dialogues       []models.Dialogue       `json:"dialogues"`
	CouncilMeetings []models.CouncilMeeting `json:"council_meetings"`
	Documents       []models.Document       `json:"documents"`
	Timeline        []TimelineEntry         `json:"timeline"`
}

// TimelineEntry is one dated event of a case; type names the list it is in.
type TimelineEntry struct {
	Date  models.Date `json:"date"`
	Type  string      `json:"type"`
	ID    uint        `json:"id"`
	Title string      `json:"title"`
}

// MarshalJSON writes the case's fields and labels beside its records: the
// embedded case's own MarshalJSON would otherwise stand for the whole value.
func (d CaseDetail) MarshalJSON() ([]byte, error) {
	out := map[string]json.RawMessage{}
	for _, part := range []any{d.Case, d.CaseRecords} {
		raw, err := json.Marshal(part)
		if err != nil {
			return nil, err
		}
		fields := map[string]json.RawMessage{}
		if err := json.Unmarshal(raw, &fields); err != nil {
			return nil, err
		}
		maps.Copy(out, fields)
	}
	return json.Marshal(out)
}

// GetCase returns a case with its letters, visits, dialogues, council
// meetings and documents, every protected identity in them shielded for the
// actor.
func (s *Service) GetCase(ctx context.Context, id uint) (CaseDetail, error) {
	var d CaseDetail
	a, err := require(ctx, models.PermReadRecords)
	if err != nil {
		return d, err
	}
	db := s.read(ctx)
	if err := load(db, &d.Case, id, cases.what); err != nil {
		return d, err
	}
	if err := cases.decorateOne(s, db, &d.Case); err != nil {
		return d, models.Internal(err)
	}
	if err := s.loadCaseRecords(db, id, &d.CaseRecords); err != nil {
		return d, models.Internal(err)
	}
	d.Timeline = timeline(d.Case, d.CaseRecords)
	shielded := append([]protectable{&d.Case}, pointers(d.Letters)...)
	err = s.shield(ctx, a, append(shielded, pointers(d.Visits)...)...)
	return d, err
}

// loadCaseRecords reads and decorates the records of case id.
func (s *Service) loadCaseRecords(db *gorm.DB, id uint, r *CaseRecords) error {
	dialogues, councils := s.Dialogues(), s.CouncilMeetings()
	err := errors.Join(
		findInOrder(db, &r.Letters, "received_on", "case_id = ?", id),
		findInOrder(db, &r.Visits, "visited_on", "case_id = ?", id),
		findInOrder(db, &r.Dialogues, "held_on", dialogues.links.ofCase(), id),
		findInOrder(db, &r.CouncilMeetings, "held_on", councils.links.ofCase(), id),
		findInOrder(db, &r.Documents, "issued_on", "case_id = ?", id),
	)
	if err != nil {
		return err
	}
	s.decorateLetters(r.Letters)
	return errors.Join(
		s.decorateVisits(db, r.Visits),
		dialogues.res.decorate(s, db, r.Dialogues),
		councils.res.decorate(s, db, r.CouncilMeetings),
	)
}

// findInOrder reads the non-withdrawn rows that match where, by date then id;
// none is an empty list, not null.
func findInOrder[T any](db *gorm.DB, dst *[]T, dateColumn, where string, args ...any) error {
	*dst = []T{}
	return db.Where(where, args...).Order(dateColumn + ", id").Find(dst).Error
}

// timeline merges a case's own steps (acceptance, extensions, suspensions,
// decision) and its records into one list in date order; on the same date
// the case's steps come first, then letters, visits, dialogues, council
// meetings, documents. Titles carry no protected identity.
func timeline(c models.Case, r CaseRecords) []TimelineEntry {
	out := []TimelineEntry{}
	add := func(d models.Date, typ string, id uint, title string) {
		out = append(out, TimelineEntry{Date: d, Type: typ, ID: id, Title: shorten(title, caseTitleLen)})
	}
	caseSteps(c, add)
	for _, l := range r.Letters {
		add(l.ReceivedOn, "letter", l.ID, "Đơn số "+l.Code+": "+l.Subject)
	}
	for _, v := range r.Visits {
		add(v.VisitedOn, "visit", v.ID, "Tiếp công dân: "+v.Content)
	}
	for _, m := range r.Dialogues {
		add(m.HeldOn, "dialogue", m.ID, "Đối thoại"+chairedBy(m.ChairedBy))
	}
	for _, m := range r.CouncilMeetings {
		add(m.HeldOn, "council_meeting", m.ID, "Họp Hội đồng tư vấn"+chairedBy(m.ChairedBy))
	}
	for _, doc := range r.Documents {
		add(doc.IssuedOn, "document", doc.ID, "Văn bản số "+doc.Number+": "+doc.Subject)
	}
	slices.SortStableFunc(out, func(a, b TimelineEntry) int { return cmp.Compare(a.Date.String(), b.Date.String()) })
	return out
}

// chairedBy names the chair of a meeting in a timeline title.
func chairedBy(name string) string {
	if name == "" {
		return ""
	}
	return " do " + name + " chủ trì"
}

// caseSteps adds the dated steps of the case itself, each with the case's id.
func caseSteps(c models.Case, add func(models.Date, string, uint, string)) {
	if !c.AcceptedOn.IsZero() {
		title := "Thụ lý giải quyết"
		if !c.ResolutionDueOn.IsZero() {
			title += "; hạn giải quyết " + c.ResolutionDueOn.VN()
		}
		add(c.AcceptedOn, "accepted", c.ID, title)
	}
	for _, e := range c.Extensions {
		add(e.DecidedOn, "extension", c.ID, fmt.Sprintf("Gia hạn giải quyết %d ngày (quyết định số %s)", e.Days, e.DecisionNumber))
	}
	for _, p := range c.Suspensions {
		add(p.From, "suspension", c.ID, "Tạm đình chỉ việc giải quyết (quyết định số "+p.DecisionNumber+")")
		if !p.To.IsZero() {
			add(p.To.AddDays(1), "resumption", c.ID, "Tiếp tục giải quyết sau tạm đình chỉ")
		}
	}
	if !c.DecisionOn.IsZero() {
		title := "Quyết định, kết luận số " + c.DecisionNumber
		if c.Result != "" {
			title += ": " + c.Result.Label()
		}
		add(c.DecisionOn, "decision", c.ID, title)
	}
}
