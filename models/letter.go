package models

import (
	"encoding/json"
	"strings"
)

// LetterFields are what a client sets when registering or correcting a
// letter. A correction decodes the request onto a copy of these fields, so a
// field left out of the request keeps its value.
type LetterFields struct {
	ReceivedOn      Date     `gorm:"not null;index" json:"received_on"`
	Source          Source   `gorm:"size:20;not null" json:"source"`
	ForwardedFrom   string   `gorm:"size:300" json:"forwarded_from"`
	Anonymous       bool     `gorm:"not null;default:false" json:"anonymous"`
	Senders         []Person `gorm:"serializer:json" json:"senders"`
	SignerCount     int      `gorm:"not null;default:1" json:"signer_count"`
	Subject         string   `gorm:"size:500;not null" json:"subject"`
	Summary         string   `gorm:"type:text" json:"summary"`
	Domain          Domain   `gorm:"size:20" json:"domain"`
	Kind            Kind     `gorm:"size:20" json:"kind"`
	Topic           Topic    `gorm:"size:20" json:"topic"`
	CaseID          *uint    `gorm:"index" json:"case_id"`
	ReplyReceivedOn Date     `json:"reply_received_on"`
}

// LetterClassification is what legal staff decide when they classify a letter.
type LetterClassification struct {
	Eligible           *bool  `json:"eligible"`
	Competent          *bool  `json:"competent"`
	DuplicateOfID      *uint  `json:"duplicate_of"`
	ClassificationNote string `gorm:"size:2000" json:"classification_note"`
	ClassifiedOn       Date   `json:"classified_on"`
}

// LetterHandling is the handling decision (hướng xử lý) of a letter.
type LetterHandling struct {
	Outcome       Outcome `gorm:"size:20" json:"outcome"`
	HandledOn     Date    `json:"handled_on"`
	TransferredTo string  `gorm:"size:300" json:"transferred_to"`
	HandlingNote  string  `gorm:"size:2000" json:"handling_note"`
}

// Letter is a letter (đơn) of complaint, denunciation or petition. Its code
// is the register number, sequential within the year of received_on.
type Letter struct {
	Record
	Code string `gorm:"size:20;not null;uniqueIndex" json:"code"`
	Year int    `gorm:"not null;uniqueIndex:idx_letters_year_seq,priority:1" json:"-"`
	Seq  int    `gorm:"not null;uniqueIndex:idx_letters_year_seq,priority:2" json:"-"`
	LetterFields
	LetterClassification
	LetterHandling
	Status        LetterStatus `gorm:"size:20;not null;index" json:"status"`
	HandlingDueOn Date         `gorm:"index" json:"handling_due_on"`
	// Overdue is computed for the reader's today: not handled and past due.
	Overdue bool `gorm:"-" json:"overdue"`
	// IdentityProtected says the persons were masked for this reader.
	IdentityProtected bool `gorm:"-" json:"identity_protected"`
	// PossibleDuplicates are earlier letters and cases of the same sender,
	// on the answers to a registration and to a read of one letter.
	PossibleDuplicates []DuplicateHint `gorm:"-" json:"possible_duplicates,omitzero"`
	// SearchText is the folded non-identity text that q matches.
	SearchText string `gorm:"type:text" json:"-"`
	// SearchIdentity is the folded identity text that q matches only for
	// readers allowed to see it.
	SearchIdentity string `gorm:"type:text" json:"-"`
}

// Confidential reports whether the letter's persons are protected identity.
func (l *Letter) Confidential() bool { return l.Kind == KindDenunciation }

// MarshalJSON adds the Vietnamese label of every enum field.
func (l Letter) MarshalJSON() ([]byte, error) {
	type plain Letter
	return json.Marshal(struct {
		plain
		SourceLabel  *string `json:"source_label"`
		DomainLabel  *string `json:"domain_label"`
		KindLabel    *string `json:"kind_label"`
		TopicLabel   *string `json:"topic_label"`
		OutcomeLabel *string `json:"outcome_label"`
		StatusLabel  *string `json:"status_label"`
		Confidential bool    `json:"confidential"`
	}{plain(l), labelPtr(l.Source.Label()), labelPtr(l.Domain.Label()), labelPtr(l.Kind.Label()),
		labelPtr(l.Topic.Label()), labelPtr(l.Outcome.Label()), labelPtr(l.Status.Label()), l.Confidential()})
}

// Normalize puts every text in NFC and fills defaults; call before Validate.
func (f *LetterFields) Normalize() {
	f.ForwardedFrom = NFC(f.ForwardedFrom)
	f.Subject = NFC(f.Subject)
	f.Summary = NFC(f.Summary)
	senders := f.Senders[:0:0]
	for _, p := range f.Senders {
		if p = p.Normalized(); !p.IsEmpty() {
			senders = append(senders, p)
		}
	}
	f.Senders = senders
	if f.SignerCount == 0 {
		f.SignerCount = max(len(f.Senders), 1)
	}
}

// Validate checks the letter's own fields against the rules of api.md.
func (f *LetterFields) Validate(v *Validation, today Date) {
	pastDate(v, "received_on", f.ReceivedOn, today)
	validCode(v, "source", f.Source, true)
	if f.Source == SourceForwarded {
		requiredText(v, "forwarded_from", f.ForwardedFrom, 300)
	}
	maxLen(v, "forwarded_from", f.ForwardedFrom, 300)
	if len(f.Senders) > 100 {
		v.Add("senders", "Không được quá 100 người gửi.")
	}
	named := false
	for i, p := range f.Senders {
		p.validate(v, "senders["+itoa(i)+"]")
		named = named || p.FullName != ""
	}
	if !f.Anonymous && !named {
		v.Add("senders", "Cần ít nhất một người gửi có họ tên (hoặc đánh dấu đơn nặc danh).")
	}
	if f.SignerCount < 1 {
		v.Add("signer_count", "Số người đứng tên phải từ 1 trở lên.")
	}
	requiredText(v, "subject", f.Subject, 500)
	maxLen(v, "summary", f.Summary, 20000)
	validCode(v, "domain", f.Domain, false)
	validCode(v, "kind", f.Kind, false)
	validCode(v, "topic", f.Topic, false)
	notFuture(v, "reply_received_on", f.ReplyReceivedOn, today)
	if !f.ReplyReceivedOn.IsZero() && f.ReplyReceivedOn.Before(f.ReceivedOn) {
		v.Add("reply_received_on", "Ngày nhận văn bản phúc đáp không được trước ngày nhận đơn.")
	}
}

// Validate checks the whole letter, including the rules that join its parts.
func (l *Letter) Validate(today Date) error {
	var v Validation
	l.LetterFields.Validate(&v, today)
	if !l.ReplyReceivedOn.IsZero() && l.Outcome != OutcomeTransferred {
		v.Add("reply_received_on", "Chỉ ghi nhận văn bản phúc đáp cho đơn đã chuyển cơ quan có thẩm quyền.")
	}
	return v.Err()
}

// PrepareSearch fills the folded search columns from the letter's text.
func (l *Letter) PrepareSearch() {
	l.SearchText = Fold(strings.Join([]string{l.Code, l.Subject, l.ForwardedFrom, l.TransferredTo}, " "))
	parts := make([]string, 0, len(l.Senders))
	for _, p := range l.Senders {
		parts = append(parts, p.searchText())
	}
	l.SearchIdentity = strings.Join(parts, " | ")
}

// MaskIdentity replaces every sender's fields with the mask.
func (l *Letter) MaskIdentity() {
	masked := make([]Person, len(l.Senders))
	for i, p := range l.Senders {
		masked[i] = p.Masked()
	}
	l.Senders = masked
	l.IdentityProtected = true
}

// ClassifyInput is the body of the classify action.
type ClassifyInput struct {
	Domain      Domain `json:"domain"`
	Kind        Kind   `json:"kind"`
	Topic       Topic  `json:"topic"`
	Eligible    *bool  `json:"eligible"`
	Competent   *bool  `json:"competent"`
	DuplicateOf *uint  `json:"duplicate_of"`
	Note        string `json:"note"`
}

// Validate checks the classification.
func (in *ClassifyInput) Validate() error {
	var v Validation
	in.Note = NFC(in.Note)
	validCode(&v, "domain", in.Domain, true)
	validCode(&v, "kind", in.Kind, true)
	validCode(&v, "topic", in.Topic, false)
	if in.Eligible == nil {
		v.Add("eligible", "Cần chọn đơn có đủ điều kiện xử lý hay không.")
	}
	if in.Competent == nil {
		v.Add("competent", "Cần chọn đơn có thuộc thẩm quyền hay không.")
	}
	maxLen(&v, "note", in.Note, 2000)
	return v.Err()
}

// HandleInput is the body of the handle action.
type HandleInput struct {
	Outcome       Outcome `json:"outcome"`
	HandledOn     Date    `json:"handled_on"`
	TransferredTo string  `json:"transferred_to"`
	Note          string  `json:"note"`
}

// Validate checks the handling decision against the letter it applies to.
func (in *HandleInput) Validate(l *Letter, today Date) error {
	var v Validation
	in.TransferredTo, in.Note = NFC(in.TransferredTo), NFC(in.Note)
	validCode(&v, "outcome", in.Outcome, true)
	pastDate(&v, "handled_on", in.HandledOn, today)
	if !in.HandledOn.IsZero() && in.HandledOn.Before(l.ReceivedOn) {
		v.Add("handled_on", "Ngày xử lý không được trước ngày nhận đơn.")
	}
	if in.Outcome == OutcomeTransferred {
		required(&v, "transferred_to", in.TransferredTo)
	}
	maxLen(&v, "transferred_to", in.TransferredTo, 300)
	maxLen(&v, "note", in.Note, 2000)
	return v.Err()
}

// LetterFilter selects letters in a list; nil or empty fields do not filter.
type LetterFilter struct {
	Range   DateRange
	Source  Source
	Domain  Domain
	Kind    Kind
	Outcome Outcome
	Status  LetterStatus
	Overdue *bool
	CaseID  *uint
	Q       string
}

// EntityName names letters in the audit trail.
func (*Letter) EntityName() string { return "letter" }
