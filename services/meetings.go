package services

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"kntc/models"
)

// Meetings runs the use cases of one kind of meeting over cases: dialogues
// (đối thoại) or advisory council meetings (họp Hội đồng tư vấn). The two
// differ only in their table, their join table and whether a chair is
// required, so one implementation serves both.
type Meetings[T any, P model[T]] struct {
	s     *Service
	res   resource[T, P]
	links meetingLinks
	// parts returns the common record fields and the meeting fields of a T.
	parts func(*T) (*models.Record, *models.MeetingFields)
}

// meetingLinks names a meeting kind's join table and the column in it that
// holds the meeting's id; every case id of a meeting is one row there.
type meetingLinks struct{ table, column string }

var (
	dialogueLinks = meetingLinks{table: "dialogue_cases", column: "dialogue_id"}
	councilLinks  = meetingLinks{table: "council_meeting_cases", column: "council_meeting_id"}
)

// Dialogues returns the use cases of dialogues; a dialogue needs a chair.
func (s *Service) Dialogues() Meetings[models.Dialogue, *models.Dialogue] {
	return newMeetings(s, "cuộc đối thoại", dialogueLinks, true,
		func(d *models.Dialogue) (*models.Record, *models.MeetingFields) { return &d.Record, &d.MeetingFields })
}

// CouncilMeetings returns the use cases of advisory council meetings.
func (s *Service) CouncilMeetings() Meetings[models.CouncilMeeting, *models.CouncilMeeting] {
	return newMeetings(s, "cuộc họp Hội đồng tư vấn", councilLinks, false,
		func(m *models.CouncilMeeting) (*models.Record, *models.MeetingFields) {
			return &m.Record, &m.MeetingFields
		})
}

// newMeetings builds the use cases of one meeting kind; parts returns the
// common record fields and the meeting fields of a T.
func newMeetings[T any, P model[T]](s *Service, what string, links meetingLinks, chairRequired bool,
	parts func(*T) (*models.Record, *models.MeetingFields)) Meetings[T, P] {
	fields := func(r *T) *models.MeetingFields { _, f := parts(r); return f }
	return Meetings[T, P]{s: s, links: links, parts: parts, res: resource[T, P]{
		what: what,
		edit: models.PermEditCases,
		base: func(r *T) *models.Record { b, _ := parts(r); return b },
		validate: func(r *T, today models.Date) error {
			return fields(r).Validate(today, chairRequired)
		},
		link: func(_ *Service, tx *gorm.DB, _ Actor, r, _ *T) error { return checkCaseIDs(tx, fields(r).CaseIDs) },
		saved: func(tx *gorm.DB, r *T) error {
			b, f := parts(r)
			return links.replace(tx, b.ID, f.CaseIDs)
		},
		decorate: func(_ *Service, db *gorm.DB, items []T) error {
			return fillCaseIDs(db, links, items, parts)
		},
		sorts:       map[string]string{"held_on": "held_on", "created_at": "created_at", "id": "id"},
		defaultSort: "-held_on",
	}}
}

// Create records a meeting and its cases.
func (m Meetings[T, P]) Create(ctx context.Context, f models.MeetingFields) (T, error) {
	var r T
	_, fields := m.parts(&r)
	*fields = f
	return createRecord(ctx, m.s, m.res, r)
}

// Get returns one meeting with its case ids.
func (m Meetings[T, P]) Get(ctx context.Context, id uint) (T, error) {
	return getRecord(ctx, m.s, m.res, id)
}

// List returns a page of meetings.
func (m Meetings[T, P]) List(ctx context.Context, f models.MeetingFilter, p models.Page) (models.List[T], error) {
	return listRecords(ctx, m.s, m.res, p, func(q *gorm.DB, a Actor) *gorm.DB {
		q = rangeOn(q, "held_on", f.Range)
		if f.CaseID != nil {
			q = q.Where(m.links.ofCase(), *f.CaseID)
		}
		return search(q, a, f.Q, false)
	})
}

// Update corrects a meeting; apply changes its fields. Case ids sent replace
// the stored ones; left out, they stay.
func (m Meetings[T, P]) Update(ctx context.Context, id uint, version *int, apply func(*models.MeetingFields) error) (T, error) {
	return updateRecord(ctx, m.s, m.res, id, version, func(r *T) error {
		_, f := m.parts(r)
		// Decoding a JSON list reuses the slice's array, which the copy
		// kept for the audit diff shares: give the update its own.
		f.CaseIDs = slices.Clone(f.CaseIDs)
		return apply(f)
	})
}

// Delete withdraws a meeting; leaders only.
func (m Meetings[T, P]) Delete(ctx context.Context, id uint) error {
	return deleteRecord(ctx, m.s, m.res, id)
}

// ofCase is the condition that keeps the meetings of one case.
func (l meetingLinks) ofCase() string {
	return "id IN (SELECT " + l.column + " FROM " + l.table + " WHERE case_id = ?)"
}

// replace makes caseIDs the meeting's cases.
func (l meetingLinks) replace(tx *gorm.DB, meetingID uint, caseIDs []uint) error {
	if err := tx.Exec("DELETE FROM "+l.table+" WHERE "+l.column+" = ?", meetingID).Error; err != nil {
		return err
	}
	for _, c := range caseIDs {
		if err := tx.Exec("INSERT INTO "+l.table+" ("+l.column+", case_id) VALUES (?, ?)", meetingID, c).Error; err != nil {
			return err
		}
	}
	return nil
}

// fillCaseIDs sets the case ids of every meeting in items, in increasing
// order (the join table keeps no order), leaving out withdrawn cases.
func fillCaseIDs[T any](db *gorm.DB, l meetingLinks, items []T, parts func(*T) (*models.Record, *models.MeetingFields)) error {
	ids := make([]uint, len(items))
	for i := range items {
		b, f := parts(&items[i])
		ids[i], f.CaseIDs = b.ID, []uint{}
	}
	if len(ids) == 0 {
		return nil
	}
	var rows []struct{ MeetingID, CaseID uint }
	err := db.Table(l.table+" AS l").Select("l."+l.column+" AS meeting_id, l.case_id").
		Joins("JOIN cases c ON c.id = l.case_id AND c.deleted_at IS NULL").
		Where("l."+l.column+" IN ?", ids).Order("l.case_id").Scan(&rows).Error
	if err != nil {
		return err
	}
	byMeeting := map[uint][]uint{}
	for _, r := range rows {
		byMeeting[r.MeetingID] = append(byMeeting[r.MeetingID], r.CaseID)
	}
	for i := range items {
		b, f := parts(&items[i])
		if got := byMeeting[b.ID]; got != nil {
			f.CaseIDs = got
		}
	}
	return nil
}

// checkCaseIDs checks that every case of a meeting exists.
func checkCaseIDs(tx *gorm.DB, ids []uint) error {
	var found []uint
	if err := tx.Model(&models.Case{}).Where("id IN ?", ids).Pluck("id", &found).Error; err != nil {
		return err
	}
	var missing []string
	for _, id := range ids {
		if !slices.Contains(found, id) {
			missing = append(missing, fmt.Sprint(id))
		}
	}
	if len(missing) > 0 {
		return models.InvalidField("case_ids", "Không tìm thấy vụ việc số "+strings.Join(missing, ", ")+".")
	}
	return nil
}
