package models

import (
	"encoding/json"
	"strings"
)

// SessionFields are what a client sets on a reception session.
type SessionFields struct {
	HeldOn    Date        `gorm:"not null;index" json:"held_on"`
	Type      SessionType `gorm:"size:20;not null" json:"type"`
	HostLevel HostLevel   `gorm:"size:20;not null" json:"host_level"`
	HostName  string      `gorm:"size:200;not null" json:"host_name"`
	HostTitle string      `gorm:"size:200" json:"host_title"`
	Location  string      `gorm:"size:300" json:"location"`
	Note      string      `gorm:"size:2000" json:"note"`
}

// ReceptionSession (kỳ tiếp) is a leader's periodic or ad hoc reception,
// grouping the visits received in it.
type ReceptionSession struct {
	Record
	SessionFields
	SearchText string `gorm:"type:text" json:"-"`
}

// PrepareSearch fills the folded search column.
func (s *ReceptionSession) PrepareSearch() {
	s.SearchText = searchJoin(s.HostName, s.HostTitle, s.Location, s.Note)
}

// MarshalJSON adds the Vietnamese labels.
func (s ReceptionSession) MarshalJSON() ([]byte, error) {
	type plain ReceptionSession
	return json.Marshal(struct {
		plain
		TypeLabel      *string `json:"type_label"`
		HostLevelLabel *string `json:"host_level_label"`
	}{plain(s), labelPtr(s.Type.Label()), labelPtr(s.HostLevel.Label())})
}

// Validate normalises and checks the session.
func (s *ReceptionSession) Validate(today Date) error {
	var v Validation
	s.HostName, s.HostTitle = NFC(s.HostName), NFC(s.HostTitle)
	s.Location, s.Note = NFC(s.Location), NFC(s.Note)
	pastDate(&v, "held_on", s.HeldOn, today)
	validCode(&v, "type", s.Type, true)
	validCode(&v, "host_level", s.HostLevel, true)
	requiredText(&v, "host_name", s.HostName, 200)
	maxLen(&v, "host_title", s.HostTitle, 200)
	maxLen(&v, "location", s.Location, 300)
	maxLen(&v, "note", s.Note, 2000)
	return v.Err()
}

// VisitFields are what a client sets on a reception visit.
type VisitFields struct {
	VisitedOn      Date         `gorm:"not null;index" json:"visited_on"`
	Type           VisitType    `gorm:"size:20;not null" json:"type"`
	Channel        Channel      `gorm:"size:20" json:"channel"`
	SessionID      *uint        `gorm:"index" json:"session_id"`
	PeopleCount    int          `gorm:"not null;default:1" json:"people_count"`
	Representative Person       `gorm:"embedded;embeddedPrefix:representative_" json:"representative"`
	Kind           Kind         `gorm:"size:20" json:"kind"`
	Domain         Domain       `gorm:"size:20" json:"domain"`
	Content        string       `gorm:"type:text;not null" json:"content"`
	CaseID         *uint        `gorm:"index" json:"case_id"`
	Outcome        VisitOutcome `gorm:"size:20;not null" json:"outcome"`
	LetterID       *uint        `gorm:"index" json:"letter_id"`
}

// ReceptionVisit (lượt tiếp) is one citizen or delegation received. Every
// visit belongs to a case: a visit without one opens a new case.
type ReceptionVisit struct {
	Record
	VisitFields
	// IsGroup marks a group delegation (đoàn đông người), by the group size setting.
	IsGroup bool `gorm:"-" json:"is_group"`
	// NewCase is set on the answer to a create that opened a new case.
	NewCase           bool `gorm:"-" json:"new_case"`
	IdentityProtected bool `gorm:"-" json:"identity_protected"`
	// PossibleDuplicates are earlier letters and cases of the same
	// representative, on the answers to a registration and to a read of one visit.
	PossibleDuplicates []DuplicateHint `gorm:"-" json:"possible_duplicates,omitzero"`
	SearchText         string          `gorm:"type:text" json:"-"`
	SearchIdentity     string          `gorm:"type:text" json:"-"`
}

// Confidential reports whether the representative is protected identity.
func (r *ReceptionVisit) Confidential() bool { return r.Kind == KindDenunciation }

// MarshalJSON adds the Vietnamese labels.
func (r ReceptionVisit) MarshalJSON() ([]byte, error) {
	type plain ReceptionVisit
	return json.Marshal(struct {
		plain
		TypeLabel    *string `json:"type_label"`
		ChannelLabel *string `json:"channel_label"`
		KindLabel    *string `json:"kind_label"`
		DomainLabel  *string `json:"domain_label"`
		OutcomeLabel *string `json:"outcome_label"`
		Confidential bool    `json:"confidential"`
	}{plain(r), labelPtr(r.Type.Label()), labelPtr(r.Channel.Label()), labelPtr(r.Kind.Label()),
		labelPtr(r.Domain.Label()), labelPtr(r.Outcome.Label()), r.Confidential()})
}

// Validate normalises and checks the visit's own fields; the session's date
// and the linked records are checked by the service, which loads them.
func (r *ReceptionVisit) Validate(today Date) error {
	var v Validation
	r.Representative = r.Representative.Normalized()
	r.Content = NFC(r.Content)
	pastDate(&v, "visited_on", r.VisitedOn, today)
	validCode(&v, "type", r.Type, true)
	validCode(&v, "channel", r.Channel, false)
	if r.Type == VisitTypePeriodic && r.SessionID == nil {
		v.Add("session_id", "Lượt tiếp định kỳ phải thuộc một kỳ tiếp.")
	}
	if r.PeopleCount < 1 {
		v.Add("people_count", "Số người phải từ 1 trở lên.")
	}
	if r.PeopleCount > 10000 {
		v.Add("people_count", "Số người không hợp lý (quá 10.000).")
	}
	required(&v, "representative.full_name", r.Representative.FullName)
	r.Representative.validate(&v, "representative")
	validCode(&v, "kind", r.Kind, false)
	validCode(&v, "domain", r.Domain, false)
	requiredText(&v, "content", r.Content, 20000)
	validCode(&v, "outcome", r.Outcome, true)
	return v.Err()
}

// PrepareSearch fills the folded search columns.
func (r *ReceptionVisit) PrepareSearch() {
	r.SearchText = Fold(r.Content)
	r.SearchIdentity = r.Representative.searchText()
}

// MaskIdentity replaces the representative's fields with the mask.
func (r *ReceptionVisit) MaskIdentity() {
	r.Representative = r.Representative.Masked()
	r.IdentityProtected = true
}

// VisitFilter selects visits in a list.
type VisitFilter struct {
	Range     DateRange
	Type      VisitType
	Kind      Kind
	Domain    Domain
	Outcome   VisitOutcome
	SessionID *uint
	CaseID    *uint
	Q         string
}

// SessionFilter selects reception sessions in a list.
type SessionFilter struct {
	Range     DateRange
	Type      SessionType
	HostLevel HostLevel
	Q         string
}

// searchJoin folds the given texts into one search column value.
func searchJoin(parts ...string) string { return Fold(strings.Join(parts, " ")) }

// EntityName names visits in the audit trail.
func (*ReceptionVisit) EntityName() string { return "reception_visit" }

// EntityName names sessions in the audit trail.
func (*ReceptionSession) EntityName() string { return "reception_session" }
