// The enums of domain.md: each a string type, its codes, and one label table.

package models

import "database/sql/driver"

// Source is the letter source, stored as a stable English code.
type Source string

// The Source codes.
const (
	SourcePost      Source = "post"      // qua đường bưu điện
	SourceInPerson  Source = "in_person" // nộp trực tiếp
	SourceReception Source = "reception" // qua tiếp công dân
	SourceForwarded Source = "forwarded" // cơ quan, tổ chức khác chuyển đến
	SourceOnline    Source = "online"    // qua cổng thông tin, thư điện tử
	SourceHotline   Source = "hotline"   // qua Tổng đài 1022
)

var sourceCodes = codeSet[Source]{
	{SourcePost, "qua đường bưu điện"},
	{SourceInPerson, "nộp trực tiếp"},
	{SourceReception, "qua tiếp công dân"},
	{SourceForwarded, "cơ quan, tổ chức khác chuyển đến"},
	{SourceOnline, "qua cổng thông tin, thư điện tử"},
	{SourceHotline, "qua Tổng đài 1022"},
}

// Sources lists every Source code in the order of the vocabulary.
func Sources() []Source { return sourceCodes.codes() }

// Valid reports whether e is a known code.
func (e Source) Valid() bool { return sourceCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Source) Label() string { return sourceCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Source) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Source) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Source) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Domain is the letter domain, the section's own, stored as a stable English code.
type Domain string

// The Domain codes.
const (
	DomainLand  Domain = "land"  // liên quan đến quyền sử dụng đất (đất đai)
	DomainCivil Domain = "civil" // dân sự
	DomainOther Domain = "other" // chính trị, văn hoá – xã hội và lĩnh vực khác
)

var domainCodes = codeSet[Domain]{
	{DomainLand, "liên quan đến quyền sử dụng đất (đất đai)"},
	{DomainCivil, "dân sự"},
	{DomainOther, "chính trị, văn hoá – xã hội và lĩnh vực khác"},
}

// Domains lists every Domain code in the order of the vocabulary.
func Domains() []Domain { return domainCodes.codes() }

// Valid reports whether e is a known code.
func (e Domain) Valid() bool { return domainCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Domain) Label() string { return domainCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Domain) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Domain) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Domain) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Kind is the kind of a letter, visit or case, stored as a stable English code.
type Kind string

// The Kind codes.
const (
	KindComplaint    Kind = "complaint"    // khiếu nại
	KindDenunciation Kind = "denunciation" // tố cáo
	KindPetition     Kind = "petition"     // kiến nghị, phản ánh
)

var kindCodes = codeSet[Kind]{
	{KindComplaint, "khiếu nại"},
	{KindDenunciation, "tố cáo"},
	{KindPetition, "kiến nghị, phản ánh"},
}

// Kinds lists every Kind code in the order of the vocabulary.
func Kinds() []Kind { return kindCodes.codes() }

// Valid reports whether e is a known code.
func (e Kind) Valid() bool { return kindCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Kind) Label() string { return kindCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Kind) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Kind) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Kind) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Topic is the official content class, stored as a stable English code.
type Topic string

// The Topic codes.
const (
	TopicPolicy       Topic = "policy"        // chế độ, chính sách
	TopicLandHousing  Topic = "land_housing"  // đất đai, nhà cửa
	TopicCivilService Topic = "civil_service" // công chức, công vụ
	TopicAdminOther   Topic = "admin_other"   // hành chính khác
	TopicCorruption   Topic = "corruption"    // tham nhũng
	TopicJudicial     Topic = "judicial"      // tư pháp
	TopicParty        Topic = "party"         // Đảng, đoàn thể
	TopicOther        Topic = "other"         // lĩnh vực khác
)

var topicCodes = codeSet[Topic]{
	{TopicPolicy, "chế độ, chính sách"},
	{TopicLandHousing, "đất đai, nhà cửa"},
	{TopicCivilService, "công chức, công vụ"},
	{TopicAdminOther, "hành chính khác"},
	{TopicCorruption, "tham nhũng"},
	{TopicJudicial, "tư pháp"},
	{TopicParty, "Đảng, đoàn thể"},
	{TopicOther, "lĩnh vực khác"},
}

// Topics lists every Topic code in the order of the vocabulary.
func Topics() []Topic { return topicCodes.codes() }

// Valid reports whether e is a known code.
func (e Topic) Valid() bool { return topicCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Topic) Label() string { return topicCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Topic) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Topic) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Topic) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Outcome is the letter handling outcome (hướng xử lý), stored as a stable English code.
type Outcome string

// The Outcome codes.
const (
	OutcomeGuided      Outcome = "guided"      // hướng dẫn
	OutcomeTransferred Outcome = "transferred" // chuyển cơ quan có thẩm quyền
	OutcomeUrged       Outcome = "urged"       // đôn đốc giải quyết
	OutcomeAccepted    Outcome = "accepted"    // thụ lý giải quyết (thuộc thẩm quyền)
	OutcomeReturned    Outcome = "returned"    // trả lại đơn
	OutcomeFiled       Outcome = "filed"       // lưu theo dõi (lưu đơn)
)

var outcomeCodes = codeSet[Outcome]{
	{OutcomeGuided, "hướng dẫn"},
	{OutcomeTransferred, "chuyển cơ quan có thẩm quyền"},
	{OutcomeUrged, "đôn đốc giải quyết"},
	{OutcomeAccepted, "thụ lý giải quyết (thuộc thẩm quyền)"},
	{OutcomeReturned, "trả lại đơn"},
	{OutcomeFiled, "lưu theo dõi (lưu đơn)"},
}

// Outcomes lists every Outcome code in the order of the vocabulary.
func Outcomes() []Outcome { return outcomeCodes.codes() }

// Valid reports whether e is a known code.
func (e Outcome) Valid() bool { return outcomeCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Outcome) Label() string { return outcomeCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Outcome) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Outcome) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Outcome) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// LetterStatus is the letter workflow status, stored as a stable English code.
type LetterStatus string

// The LetterStatus codes.
const (
	LetterStatusRegistered LetterStatus = "registered" // mới tiếp nhận
	LetterStatusClassified LetterStatus = "classified" // đã phân loại
	LetterStatusHandled    LetterStatus = "handled"    // đã xử lý
)

var letterStatusCodes = codeSet[LetterStatus]{
	{LetterStatusRegistered, "mới tiếp nhận"},
	{LetterStatusClassified, "đã phân loại"},
	{LetterStatusHandled, "đã xử lý"},
}

// LetterStatuss lists every LetterStatus code in the order of the vocabulary.
func LetterStatuss() []LetterStatus { return letterStatusCodes.codes() }

// Valid reports whether e is a known code.
func (e LetterStatus) Valid() bool { return letterStatusCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e LetterStatus) Label() string { return letterStatusCodes.label(e) }

// Value stores the code, NULL when empty.
func (e LetterStatus) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *LetterStatus) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e LetterStatus) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// VisitType is the reception visit type, stored as a stable English code.
type VisitType string

// The VisitType codes.
const (
	VisitTypeRegular  VisitType = "regular"  // tiếp thường xuyên
	VisitTypePeriodic VisitType = "periodic" // tiếp định kỳ
	VisitTypeAdhoc    VisitType = "adhoc"    // tiếp đột xuất
)

var visitTypeCodes = codeSet[VisitType]{
	{VisitTypeRegular, "tiếp thường xuyên"},
	{VisitTypePeriodic, "tiếp định kỳ"},
	{VisitTypeAdhoc, "tiếp đột xuất"},
}

// VisitTypes lists every VisitType code in the order of the vocabulary.
func VisitTypes() []VisitType { return visitTypeCodes.codes() }

// Valid reports whether e is a known code.
func (e VisitType) Valid() bool { return visitTypeCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e VisitType) Label() string { return visitTypeCodes.label(e) }

// Value stores the code, NULL when empty.
func (e VisitType) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *VisitType) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e VisitType) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// SessionType is the reception session type, stored as a stable English code.
type SessionType string

// The SessionType codes.
const (
	SessionTypePeriodic SessionType = "periodic" // tiếp định kỳ
	SessionTypeAdhoc    SessionType = "adhoc"    // tiếp đột xuất
)

var sessionTypeCodes = codeSet[SessionType]{
	{SessionTypePeriodic, "tiếp định kỳ"},
	{SessionTypeAdhoc, "tiếp đột xuất"},
}

// SessionTypes lists every SessionType code in the order of the vocabulary.
func SessionTypes() []SessionType { return sessionTypeCodes.codes() }

// Valid reports whether e is a known code.
func (e SessionType) Valid() bool { return sessionTypeCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e SessionType) Label() string { return sessionTypeCodes.label(e) }

// Value stores the code, NULL when empty.
func (e SessionType) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *SessionType) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e SessionType) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// HostLevel is the who hosted a reception session, stored as a stable English code.
type HostLevel string

// The HostLevel codes.
const (
	HostLevelChairman     HostLevel = "chairman"      // Chủ tịch UBND Tỉnh (thủ trưởng tiếp)
	HostLevelViceChairman HostLevel = "vice_chairman" // Phó Chủ tịch UBND Tỉnh (ủy quyền tiếp)
	HostLevelDelegate     HostLevel = "delegate"      // người khác được ủy quyền
)

var hostLevelCodes = codeSet[HostLevel]{
	{HostLevelChairman, "Chủ tịch UBND Tỉnh (thủ trưởng tiếp)"},
	{HostLevelViceChairman, "Phó Chủ tịch UBND Tỉnh (ủy quyền tiếp)"},
	{HostLevelDelegate, "người khác được ủy quyền"},
}

// HostLevels lists every HostLevel code in the order of the vocabulary.
func HostLevels() []HostLevel { return hostLevelCodes.codes() }

// Valid reports whether e is a known code.
func (e HostLevel) Valid() bool { return hostLevelCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e HostLevel) Label() string { return hostLevelCodes.label(e) }

// Value stores the code, NULL when empty.
func (e HostLevel) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *HostLevel) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e HostLevel) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Channel is the reception channel, stored as a stable English code.
type Channel string

// The Channel codes.
const (
	ChannelInPerson Channel = "in_person" // trực tiếp
	ChannelOnline   Channel = "online"    // trực tuyến
)

var channelCodes = codeSet[Channel]{
	{ChannelInPerson, "trực tiếp"},
	{ChannelOnline, "trực tuyến"},
}

// Channels lists every Channel code in the order of the vocabulary.
func Channels() []Channel { return channelCodes.codes() }

// Valid reports whether e is a known code.
func (e Channel) Valid() bool { return channelCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Channel) Label() string { return channelCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Channel) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Channel) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Channel) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// VisitOutcome is the reception visit outcome, stored as a stable English code.
type VisitOutcome string

// The VisitOutcome codes.
const (
	VisitOutcomeGuided         VisitOutcome = "guided"          // hướng dẫn, giải thích
	VisitOutcomeLetterReceived VisitOutcome = "letter_received" // nhận đơn
	VisitOutcomeTransferred    VisitOutcome = "transferred"     // chuyển đơn
	VisitOutcomeAccepted       VisitOutcome = "accepted"        // thụ lý
	VisitOutcomeRefused        VisitOutcome = "refused"         // từ chối tiếp
	VisitOutcomeOther          VisitOutcome = "other"           // khác
)

var visitOutcomeCodes = codeSet[VisitOutcome]{
	{VisitOutcomeGuided, "hướng dẫn, giải thích"},
	{VisitOutcomeLetterReceived, "nhận đơn"},
	{VisitOutcomeTransferred, "chuyển đơn"},
	{VisitOutcomeAccepted, "thụ lý"},
	{VisitOutcomeRefused, "từ chối tiếp"},
	{VisitOutcomeOther, "khác"},
}

// VisitOutcomes lists every VisitOutcome code in the order of the vocabulary.
func VisitOutcomes() []VisitOutcome { return visitOutcomeCodes.codes() }

// Valid reports whether e is a known code.
func (e VisitOutcome) Valid() bool { return visitOutcomeCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e VisitOutcome) Label() string { return visitOutcomeCodes.label(e) }

// Value stores the code, NULL when empty.
func (e VisitOutcome) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *VisitOutcome) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e VisitOutcome) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// CaseStatus is the case status, stored as a stable English code.
type CaseStatus string

// The CaseStatus codes.
const (
	CaseStatusOpen       CaseStatus = "open"        // mới
	CaseStatusInProgress CaseStatus = "in_progress" // đang giải quyết
	CaseStatusResolved   CaseStatus = "resolved"    // đã giải quyết
	CaseStatusWithdrawn  CaseStatus = "withdrawn"   // rút đơn
	CaseStatusClosed     CaseStatus = "closed"      // kết thúc
)

var caseStatusCodes = codeSet[CaseStatus]{
	{CaseStatusOpen, "mới"},
	{CaseStatusInProgress, "đang giải quyết"},
	{CaseStatusResolved, "đã giải quyết"},
	{CaseStatusWithdrawn, "rút đơn"},
	{CaseStatusClosed, "kết thúc"},
}

// CaseStatuss lists every CaseStatus code in the order of the vocabulary.
func CaseStatuss() []CaseStatus { return caseStatusCodes.codes() }

// Valid reports whether e is a known code.
func (e CaseStatus) Valid() bool { return caseStatusCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e CaseStatus) Label() string { return caseStatusCodes.label(e) }

// Value stores the code, NULL when empty.
func (e CaseStatus) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *CaseStatus) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e CaseStatus) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Instance is the complaint instance, stored as a stable English code.
type Instance string

// The Instance codes.
const (
	InstanceFirst  Instance = "first"  // lần đầu
	InstanceSecond Instance = "second" // lần hai
)

var instanceCodes = codeSet[Instance]{
	{InstanceFirst, "lần đầu"},
	{InstanceSecond, "lần hai"},
}

// Instances lists every Instance code in the order of the vocabulary.
func Instances() []Instance { return instanceCodes.codes() }

// Valid reports whether e is a known code.
func (e Instance) Valid() bool { return instanceCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Instance) Label() string { return instanceCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Instance) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Instance) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Instance) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// CaseResult is the case resolution result, stored as a stable English code.
type CaseResult string

// The CaseResult codes.
const (
	CaseResultCorrect       CaseResult = "correct"        // đúng
	CaseResultIncorrect     CaseResult = "incorrect"      // sai
	CaseResultPartlyCorrect CaseResult = "partly_correct" // đúng một phần
	CaseResultUpheld        CaseResult = "upheld"         // công nhận QĐ lần đầu
	CaseResultOverturned    CaseResult = "overturned"     // hủy/sửa QĐ lần đầu
)

var caseResultCodes = codeSet[CaseResult]{
	{CaseResultCorrect, "đúng"},
	{CaseResultIncorrect, "sai"},
	{CaseResultPartlyCorrect, "đúng một phần"},
	{CaseResultUpheld, "công nhận QĐ lần đầu"},
	{CaseResultOverturned, "hủy/sửa QĐ lần đầu"},
}

// CaseResults lists every CaseResult code in the order of the vocabulary.
func CaseResults() []CaseResult { return caseResultCodes.codes() }

// Valid reports whether e is a known code.
func (e CaseResult) Valid() bool { return caseResultCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e CaseResult) Label() string { return caseResultCodes.label(e) }

// Value stores the code, NULL when empty.
func (e CaseResult) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *CaseResult) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e CaseResult) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// DocType is the type of an issued document, stored as a stable English code.
type DocType string

// The DocType codes.
const (
	DocTypeDecision       DocType = "decision"        // quyết định
	DocTypeOfficialLetter DocType = "official_letter" // công văn
	DocTypeReport         DocType = "report"          // báo cáo
	DocTypePlan           DocType = "plan"            // kế hoạch
	DocTypeNotice         DocType = "notice"          // thông báo
	DocTypeMinutes        DocType = "minutes"         // biên bản
	DocTypeOther          DocType = "other"           // khác
)

var docTypeCodes = codeSet[DocType]{
	{DocTypeDecision, "quyết định"},
	{DocTypeOfficialLetter, "công văn"},
	{DocTypeReport, "báo cáo"},
	{DocTypePlan, "kế hoạch"},
	{DocTypeNotice, "thông báo"},
	{DocTypeMinutes, "biên bản"},
	{DocTypeOther, "khác"},
}

// DocTypes lists every DocType code in the order of the vocabulary.
func DocTypes() []DocType { return docTypeCodes.codes() }

// Valid reports whether e is a known code.
func (e DocType) Valid() bool { return docTypeCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e DocType) Label() string { return docTypeCodes.label(e) }

// Value stores the code, NULL when empty.
func (e DocType) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *DocType) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e DocType) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// Role is the user role, stored as a stable English code.
type Role string

// The Role codes.
const (
	RoleReception Role = "reception" // cán bộ tiếp công dân
	RoleLegal     Role = "legal"     // chuyên viên xử lý đơn, pháp chế
	RoleLeader    Role = "leader"    // lãnh đạo
	RoleAdmin     Role = "admin"     // quản trị hệ thống
)

var roleCodes = codeSet[Role]{
	{RoleReception, "cán bộ tiếp công dân"},
	{RoleLegal, "chuyên viên xử lý đơn, pháp chế"},
	{RoleLeader, "lãnh đạo"},
	{RoleAdmin, "quản trị hệ thống"},
}

// Roles lists every Role code in the order of the vocabulary.
func Roles() []Role { return roleCodes.codes() }

// Valid reports whether e is a known code.
func (e Role) Valid() bool { return roleCodes.valid(e) }

// Label returns the Vietnamese label, or "" for an empty code.
func (e Role) Label() string { return roleCodes.label(e) }

// Value stores the code, NULL when empty.
func (e Role) Value() (driver.Value, error) { return codeValue(e) }

// Scan reads the code, NULL as empty.
func (e *Role) Scan(v any) error { return scanCode(e, v) }

// MarshalJSON writes the code, null when empty.
func (e Role) MarshalJSON() ([]byte, error) { return codeJSON(e) }

// EnumCodes lists the codes of every enum by type name, for the API description.
func EnumCodes() map[string][]string {
	return map[string][]string{
		"Source":       sourceCodes.strings(),
		"Domain":       domainCodes.strings(),
		"Kind":         kindCodes.strings(),
		"Topic":        topicCodes.strings(),
		"Outcome":      outcomeCodes.strings(),
		"LetterStatus": letterStatusCodes.strings(),
		"VisitType":    visitTypeCodes.strings(),
		"SessionType":  sessionTypeCodes.strings(),
		"HostLevel":    hostLevelCodes.strings(),
		"Channel":      channelCodes.strings(),
		"VisitOutcome": visitOutcomeCodes.strings(),
		"CaseStatus":   caseStatusCodes.strings(),
		"Instance":     instanceCodes.strings(),
		"CaseResult":   caseResultCodes.strings(),
		"DocType":      docTypeCodes.strings(),
		"Role":         roleCodes.strings(),
	}
}
