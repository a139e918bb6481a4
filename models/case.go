package models

import (
	"encoding/json"
	"slices"
	"strings"
)

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
	// Complexity and RemoteArea lengthen the time limit (domain.md).
	Complexity Complexity `gorm:"size:20;default:'normal'" json:"complexity"`
	RemoteArea bool       `gorm:"not null;default:false" json:"remote_area"`
	// Extensions (denunciations) and Suspensions move the deadline.
	Extensions  []Extension  `gorm:"serializer:json" json:"extensions"`
	Suspensions []Suspension `gorm:"serializer:json" json:"suspensions"`
}

// Case (vụ việc) is one matter of a citizen or group, followed through its
// letters, visits, dialogues, council meetings and documents.
type Case struct {
	Record
	CaseFields
	// ResolutionDueOn is the legal deadline, computed from accepted_on; it
	// is unset while the case is suspended.
	ResolutionDueOn Date `gorm:"index" json:"resolution_due_on"`
	// Overdue is computed for the reader's today: not finished and past due.
	Overdue           bool   `gorm:"-" json:"overdue"`
	IdentityProtected bool   `gorm:"-" json:"identity_protected"`
	SearchText        string `gorm:"type:text" json:"-"`
	SearchIdentity    string `gorm:"type:text" json:"-"`
}

// Confidential reports whether the petitioner is protected identity.
func (c *Case) Confidential() bool { return c.Kind == KindDenunciation }

// MarshalJSON adds the Vietnamese labels.
func (c Case) MarshalJSON() ([]byte, error) {
	type plain Case
	if c.Extensions == nil {
		c.Extensions = []Extension{}
	}
	if c.Suspensions == nil {
		c.Suspensions = []Suspension{}
	}
	if c.Complexity == "" {
		c.Complexity = ComplexityNormal // rows written before the field existed
	}
	return json.Marshal(struct {
		plain
		KindLabel       *string `json:"kind_label"`
		DomainLabel     *string `json:"domain_label"`
		InstanceLabel   *string `json:"instance_label"`
		StatusLabel     *string `json:"status_label"`
		ResultLabel     *string `json:"result_label"`
		ComplexityLabel *string `json:"complexity_label"`
		Confidential    bool    `json:"confidential"`
		Suspended       bool    `json:"suspended"`
	}{plain(c), labelPtr(c.Kind.Label()), labelPtr(c.Domain.Label()), labelPtr(c.Instance.Label()),
		labelPtr(c.Status.Label()), labelPtr(c.Result.Label()), labelPtr(c.Complexity.Label()),
		c.Confidential(), c.OpenSuspension() != nil})
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
	if c.Complexity == "" {
		c.Complexity = ComplexityNormal
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
	validCode(&v, "complexity", c.Complexity, true)
	if c.Status == CaseStatusResolved {
		c.requireDecision(&v)
	}
	return v.Err()
}

// requireDecision checks that a resolved case records its decision: number,
// date and, for a complaint, the result.
func (c *Case) requireDecision(v *Validation) {
	const msg = "Vụ việc đã giải quyết phải có %s."
	if c.DecisionNumber == "" && !v.Has("decision_number") {
		v.Addf("decision_number", msg, "số quyết định hoặc kết luận")
	}
	if c.DecisionOn.IsZero() && !v.Has("decision_on") {
		v.Addf("decision_on", msg, "ngày quyết định hoặc kết luận")
	}
	if c.Kind == KindComplaint && c.Result == "" && !v.Has("result") {
		v.Addf("result", msg, "kết quả giải quyết")
	}
}

// caseTransitions are the status changes the workflow allows.
var caseTransitions = map[CaseStatus][]CaseStatus{
	CaseStatusOpen:       {CaseStatusInProgress, CaseStatusWithdrawn},
	CaseStatusInProgress: {CaseStatusResolved, CaseStatusWithdrawn},
	CaseStatusResolved:   {CaseStatusClosed},
	CaseStatusWithdrawn:  {CaseStatusClosed},
}

// CheckTransition returns a conflict error unless a case may go from
// status from to status to; a case is never created closed.
func CheckTransition(from, to CaseStatus) error {
	if from == to && from != "" {
		return nil
	}
	if from == "" {
		if to == CaseStatusClosed {
			return Errorf(CodeConflict, "Không thể tạo vụ việc ở trạng thái “%s”: vụ việc chỉ kết thúc sau khi đã giải quyết hoặc rút đơn.", to.Label())
		}
		return nil
	}
	if slices.Contains(caseTransitions[from], to) {
		return nil
	}
	next := make([]string, 0, 2)
	for _, s := range caseTransitions[from] {
		next = append(next, "“"+s.Label()+"”")
	}
	allowed := "không thể chuyển sang trạng thái nào khác"
	if len(next) > 0 {
		allowed = "chỉ có thể chuyển sang " + strings.Join(next, " hoặc ")
	}
	return Errorf(CodeConflict, "Không thể chuyển vụ việc từ trạng thái “%s” sang “%s”: vụ việc %s.", from.Label(), to.Label(), allowed)
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
	// Overdue keeps the unfinished cases past their deadline (true) or the others (false).
	Overdue    *bool
	Complexity Complexity
	Q          string
}

// EntityName names cases in the audit trail.
func (*Case) EntityName() string { return "case" }
