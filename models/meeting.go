package models

import "encoding/json"

// MeetingFields are what a client sets on a dialogue or a council meeting.
type MeetingFields struct {
	HeldOn    Date   `gorm:"not null;index" json:"held_on"`
	ChairedBy string `gorm:"size:200" json:"chaired_by"`
	Location  string `gorm:"size:300" json:"location"`
	Note      string `gorm:"size:2000" json:"note"`
	// CaseIDs are the cases discussed; stored in the meeting's join table.
	CaseIDs []uint `gorm:"-" json:"case_ids"`
}

// Dialogue (đối thoại) is a dialogue session with citizens over one or more cases.
type Dialogue struct {
	Record
	MeetingFields
	SearchText string `gorm:"type:text" json:"-"`
}

// CouncilMeeting is a meeting of the advisory council (Hội đồng tư vấn)
// over one or more cases.
type CouncilMeeting struct {
	Record
	MeetingFields
	SearchText string `gorm:"type:text" json:"-"`
}

// DialogueCase links a dialogue to a case it discussed.
type DialogueCase struct {
	DialogueID uint `gorm:"primaryKey"`
	CaseID     uint `gorm:"primaryKey;index"`
}

// CouncilMeetingCase links a council meeting to a case it discussed.
type CouncilMeetingCase struct {
	CouncilMeetingID uint `gorm:"primaryKey"`
	CaseID           uint `gorm:"primaryKey;index"`
}

// Validate normalises and checks a meeting; chairRequired is true for dialogues.
func (m *MeetingFields) Validate(today Date, chairRequired bool) error {
	var v Validation
	m.ChairedBy, m.Location, m.Note = NFC(m.ChairedBy), NFC(m.Location), NFC(m.Note)
	pastDate(&v, "held_on", m.HeldOn, today)
	if chairRequired {
		required(&v, "chaired_by", m.ChairedBy)
	}
	maxLen(&v, "chaired_by", m.ChairedBy, 200)
	maxLen(&v, "location", m.Location, 300)
	maxLen(&v, "note", m.Note, 2000)
	if len(m.CaseIDs) == 0 {
		v.Add("case_ids", "Cần ít nhất một vụ việc.")
	}
	seen := map[uint]bool{}
	for _, id := range m.CaseIDs {
		if seen[id] {
			v.Add("case_ids", "Một vụ việc bị lặp lại trong danh sách.")
			break
		}
		seen[id] = true
	}
	return v.Err()
}

// searchText folds the meeting's text for the search column.
func (m *MeetingFields) searchText() string { return searchJoin(m.ChairedBy, m.Location, m.Note) }

// PrepareSearch fills the folded search column.
func (d *Dialogue) PrepareSearch() { d.SearchText = d.searchText() }

// PrepareSearch fills the folded search column.
func (m *CouncilMeeting) PrepareSearch() { m.SearchText = m.searchText() }

// MeetingFilter selects dialogues or council meetings in a list.
type MeetingFilter struct {
	Range  DateRange
	CaseID *uint
	Q      string
}

// DocumentFields are what a client sets on an issued document.
type DocumentFields struct {
	Number   string  `gorm:"size:100;not null" json:"number"`
	IssuedOn Date    `gorm:"not null;index" json:"issued_on"`
	DocType  DocType `gorm:"size:20;not null" json:"doc_type"`
	Subject  string  `gorm:"size:1000;not null" json:"subject"`
	CaseID   *uint   `gorm:"index" json:"case_id"`
}

// Document (văn bản ban hành) is a document the office issued about
// reception, complaints and denunciations.
type Document struct {
	Record
	DocumentFields
	SearchText string `gorm:"type:text" json:"-"`
}

// MarshalJSON adds the Vietnamese label.
func (d Document) MarshalJSON() ([]byte, error) {
	type plain Document
	return json.Marshal(struct {
		plain
		DocTypeLabel *string `json:"doc_type_label"`
	}{plain(d), labelPtr(d.DocType.Label())})
}

// Validate normalises and checks the document.
func (d *Document) Validate(today Date) error {
	var v Validation
	d.Number, d.Subject = NFC(d.Number), NFC(d.Subject)
	requiredText(&v, "number", d.Number, 100)
	pastDate(&v, "issued_on", d.IssuedOn, today)
	validCode(&v, "doc_type", d.DocType, true)
	requiredText(&v, "subject", d.Subject, 1000)
	return v.Err()
}

// PrepareSearch fills the folded search column.
func (d *Document) PrepareSearch() { d.SearchText = searchJoin(d.Number, d.Subject) }

// DocumentFilter selects documents in a list.
type DocumentFilter struct {
	Range   DateRange
	DocType DocType
	CaseID  *uint
	Q       string
}

// EntityName names dialogues in the audit trail.
func (*Dialogue) EntityName() string { return "dialogue" }

// EntityName names council meetings in the audit trail.
func (*CouncilMeeting) EntityName() string { return "council_meeting" }

// EntityName names documents in the audit trail.
func (*Document) EntityName() string { return "document" }
