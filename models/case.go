package models

import "encoding/json"

// CaseFields are what a client sets on a case.
type CaseFields struct {
	Title          string     `gorm:"size:500;not null" json:"title"`
	Kind           Kind       `gorm:"size:20;not null" json:"kind"`
	Domain         Domain     `gorm:"size:20" json:"domain"`
	Instance       Instance   `gorm:"size:20" json:"instance"`
	Petitioner     Person     `gorm:"embedded;embeddedPrefix:petitioner_" json:"petitioner"`
	Respondent     string     `gorm:"size:300" json:"respondent"`
	AcceptedOn     Date       `json:"accepted_on"`
	Status         CaseStatus `gorm:"size:20;not null;index" json:"status"`
	DecisionNumber string     `gorm:"size:100" json:"decision_number"`
	DecisionOn     Date       `json:"decision_on"`
	Result         CaseResult `gorm:"size:20" json:"result"`
	Note           string     `gorm:"size:2000" json:"note"`
}

// Case (vụ việc) is one matter of a citizen or group, followed through its
// letters, visits, dialogues, council meetings and documents.
type Case struct {
	Record
	CaseFields
	// ResolutionDueOn is the legal deadline, computed from accepted_on.
	ResolutionDueOn   Date   `json:"resolution_due_on"`
	IdentityProtected bool   `gorm:"-" json:"identity_protected"`
	SearchText        string `gorm:"type:text" json:"-"`
	SearchIdentity    string `gorm:"type:text" json:"-"`
}

// Confidential reports whether the petitioner is protected identity.
func (c *Case) Confidential() bool { return c.Kind == KindDenunciation }

// MarshalJSON adds the Vietnamese labels.
func (c Case) MarshalJSON() ([]byte, error) {
	type plain Case
	return json.Marshal(struct {
		plain
		KindLabel     *string `json:"kind_label"`
		DomainLabel   *string `json:"domain_label"`
		InstanceLabel *string `json:"instance_label"`
		StatusLabel   *string `json:"status_label"`
		ResultLabel   *string `json:"result_label"`
		Confidential  bool    `json:"confidential"`
	}{plain(c), labelPtr(c.Kind.Label()), labelPtr(c.Domain.Label()), labelPtr(c.Instance.Label()),
		labelPtr(c.Status.Label()), labelPtr(c.Result.Label()), c.Confidential()})
}

// Validate normalises and checks the case.
func (c *Case) Validate(today Date) error {
	var v Validation
	c.Title, c.Respondent = NFC(c.Title), NFC(c.Respondent)
	c.DecisionNumber, c.Note = NFC(c.DecisionNumber), NFC(c.Note)
	c.Petitioner = c.Petitioner.Normalized()
	if c.Status == "" {
		c.Status = CaseStatusOpen
	}
	requiredText(&v, "title", c.Title, 500)
	validCode(&v, "kind", c.Kind, true)
	validCode(&v, "domain", c.Domain, false)
	validCode(&v, "instance", c.Instance, false)
	if c.Instance != "" && c.Kind != KindComplaint {
		v.Add("instance", "Chỉ vụ việc khiếu nại mới có lần giải quyết (lần đầu, lần hai).")
	}
	c.Petitioner.validate(&v, "petitioner")
	maxLen(&v, "respondent", c.Respondent, 300)
	notFuture(&v, "accepted_on", c.AcceptedOn, today)
	validCode(&v, "status", c.Status, true)
	maxLen(&v, "decision_number", c.DecisionNumber, 100)
	notFuture(&v, "decision_on", c.DecisionOn, today)
	if !c.DecisionOn.IsZero() && !c.AcceptedOn.IsZero() && c.DecisionOn.Before(c.AcceptedOn) {
		v.Add("decision_on", "Ngày quyết định không được trước ngày thụ lý.")
	}
	validCode(&v, "result", c.Result, false)
	maxLen(&v, "note", c.Note, 2000)
	return v.Err()
}

// PrepareSearch fills the folded search columns.
func (c *Case) PrepareSearch() {
	c.SearchText = searchJoin(c.Title, c.Respondent, c.DecisionNumber)
	c.SearchIdentity = c.Petitioner.searchText()
}

// MaskIdentity replaces the petitioner's fields with the mask.
func (c *Case) MaskIdentity() {
	c.Petitioner = c.Petitioner.Masked()
	c.IdentityProtected = true
}

// CaseFilter selects cases in a list.
type CaseFilter struct {
	Range     DateRange // on accepted_on
	Kind      Kind
	Domain    Domain
	Instance  Instance
	Status    CaseStatus
	Result    CaseResult
	DueWithin *int
	Q         string
}

// EntityName names cases in the audit trail.
func (*Case) EntityName() string { return "case" }
