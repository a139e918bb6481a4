package handlers

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"kntc/models"
)

// fieldView is one form field as a template draws it: its label, what was
// typed, its message if refused, and for a select its options.
type fieldView struct {
	Name, ID, Label, Value, Error, Type, Hint, Blank string
	Required, Checked, Wide, Autofocus               bool
	Options                                          []optionView
}

// option is one choice of a select: a stored code and its label.
type option struct{ Value, Label string }

// optionView is an option with whether it is the current value.
type optionView struct {
	Value, Label string
	Selected     bool
}

// Field describes a field for the "field" template. Flags: required, date,
// number, textarea, password, checkbox, wide, autofocus, hint=TEXT.
func (f *form) Field(name, label string, flags ...string) fieldView {
	fv := fieldView{Name: name, ID: f.fieldID(name), Label: label, Value: f.Get(name), Error: f.Err(name), Type: "text"}
	for _, fl := range flags {
		key, val, _ := strings.Cut(fl, "=")
		switch key {
		case "required":
			fv.Required = true
		case "wide":
			fv.Wide = true
		case "autofocus":
			fv.Autofocus = true
		case "hint":
			fv.Hint = val
		case "blank":
			fv.Blank = val
		default:
			fv.Type = key
		}
	}
	fv.Checked = fv.Type == "checkbox" && fv.Value != ""
	return fv
}

// Select describes a select of opts; flag blank=TEXT adds an empty first
// choice (for "all" in filters or "not set" in forms).
func (f *form) Select(name, label string, opts []option, flags ...string) fieldView {
	fv := f.Field(name, label, flags...)
	fv.Type = "select"
	for _, o := range opts {
		fv.Options = append(fv.Options, optionView{Value: o.Value, Label: o.Label, Selected: o.Value == fv.Value})
	}
	return fv
}

// fieldID is the HTML id of a field, linked from the error summary.
func (f *form) fieldID(name string) string { return "f-" + f.idPrefix + name }

// Person describes the fields of a person under prefix ("representative");
// nameFlags apply to the name, which some records require.
func (f *form) Person(prefix string, nameFlags ...string) []fieldView {
	return []fieldView{
		f.Field(prefix+".full_name", "Họ và tên", nameFlags...),
		f.Field(prefix+".id_number", "Số CCCD/CMND"),
		f.Field(prefix+".phone", "Điện thoại"),
		f.Field(prefix+".address", "Địa chỉ", "wide"),
	}
}

// optionsOf lists the codes of an enum with their Vietnamese labels.
func optionsOf[E interface {
	~string
	Label() string
}](codes []E) []option {
	out := make([]option, len(codes))
	for i, c := range codes {
		out[i] = option{Value: string(c), Label: c.Label()}
	}
	return out
}

// choiceLists are the options of every enum select, in vocabulary order.
type choiceLists struct {
	Sources, Domains, Kinds, Topics, Outcomes, LetterStatuses     []option
	VisitTypes, SessionTypes, HostLevels, Channels, VisitOutcomes []option
	CaseStatuses, Instances, CaseResults, DocTypes, Roles, YesNo  []option
	AuditActions, AuditEntities, PeriodKinds, Months, Quarters    []option
	Halves                                                        []option
}

var choices = choiceLists{
	Sources: optionsOf(models.Sources()), Domains: optionsOf(models.Domains()), Kinds: optionsOf(models.Kinds()),
	Topics: optionsOf(models.Topics()), Outcomes: optionsOf(models.Outcomes()),
	LetterStatuses: optionsOf(models.LetterStatuss()), VisitTypes: optionsOf(models.VisitTypes()),
	SessionTypes: optionsOf(models.SessionTypes()), HostLevels: optionsOf(models.HostLevels()),
	Channels: optionsOf(models.Channels()), VisitOutcomes: optionsOf(models.VisitOutcomes()),
	CaseStatuses: optionsOf(models.CaseStatuss()), Instances: optionsOf(models.Instances()),
	CaseResults: optionsOf(models.CaseResults()), DocTypes: optionsOf(models.DocTypes()), Roles: optionsOf(models.Roles()),
	YesNo:         []option{{"true", "Có"}, {"false", "Không"}},
	AuditActions:  optionsFromMap(auditActionOrder, actionLabels),
	AuditEntities: optionsFromMap(auditEntityOrder, entityLabels),
	PeriodKinds: []option{{"month", "Tháng"}, {"quarter", "Quý"}, {"half", "6 tháng"}, {"nine_months", "9 tháng"},
		{"year", "Năm"}, {"range", "Khoảng ngày"}},
	Months:   numbered("Tháng ", 12, nil),
	Quarters: numbered("Quý ", 4, []string{"I", "II", "III", "IV"}),
	Halves:   []option{{"1", "6 tháng đầu năm"}, {"2", "6 tháng cuối năm"}},
}

// numbered lists 1..n as options named prefix+number (or prefix+names[i]).
func numbered(prefix string, n int, names []string) []option {
	out := make([]option, n)
	for i := range out {
		name := strconv.Itoa(i + 1)
		if names != nil {
			name = names[i]
		}
		out[i] = option{Value: strconv.Itoa(i + 1), Label: prefix + name}
	}
	return out
}

// optionsFromMap lists codes in order with their labels.
func optionsFromMap(order []string, labels map[string]string) []option {
	out := make([]option, len(order))
	for i, k := range order {
		out[i] = option{Value: k, Label: labels[k]}
	}
	return out
}

// labelOr returns the label of key, or key itself when it has none.
func labelOr(labels map[string]string, key string) string {
	if l, ok := labels[key]; ok {
		return l
	}
	return key
}

var auditActionOrder = []string{"create", "update", "classify", "handle", "delete", "login", "login_failed", "logout", "export", "reveal"}

// actionLabels name the audit actions in Vietnamese.
var actionLabels = map[string]string{
	"create": "tạo mới", "update": "sửa", "classify": "phân loại", "handle": "xử lý", "delete": "rút (xóa mềm)",
	"login": "đăng nhập", "login_failed": "đăng nhập sai", "logout": "đăng xuất", "export": "xuất báo cáo",
	"reveal": "xem thông tin bảo mật",
}

var auditEntityOrder = []string{"letter", "reception_visit", "reception_session", "case", "dialogue", "council_meeting", "document", "user", "report"}

// entityLabels name the audited record kinds in Vietnamese.
var entityLabels = map[string]string{
	"letter": "đơn", "reception_visit": "lượt tiếp", "reception_session": "kỳ tiếp", "case": "vụ việc",
	"dialogue": "đối thoại", "council_meeting": "họp Hội đồng tư vấn", "document": "văn bản", "user": "người dùng",
	"report": "báo cáo",
}

// entityURL is the page of an audited record, when it has one.
func entityURL(entity string, id uint) string {
	if id == 0 {
		return ""
	}
	switch entity {
	case "letter":
		return "/letters/" + strconv.FormatUint(uint64(id), 10)
	case "case":
		return "/cases/" + strconv.FormatUint(uint64(id), 10)
	}
	return ""
}

// fieldLabels name the fields of every form, for the error summary.
var fieldLabels = map[string]string{
	"received_on": "Ngày nhận đơn", "source": "Nguồn đơn", "forwarded_from": "Cơ quan chuyển đến",
	"senders": "Người gửi", "signer_count": "Số người đứng tên", "subject": "Trích yếu nội dung",
	"summary": "Tóm tắt nội dung", "domain": "Lĩnh vực", "kind": "Loại đơn", "topic": "Nội dung (theo biểu mẫu)",
	"case_id": "Vụ việc", "eligible": "Đủ điều kiện xử lý", "competent": "Thuộc thẩm quyền",
	"duplicate_of": "Trùng với đơn số", "note": "Ghi chú", "outcome": "Hướng xử lý", "handled_on": "Ngày xử lý",
	"transferred_to": "Chuyển đến cơ quan", "version": "Phiên bản", "visited_on": "Ngày tiếp", "type": "Loại",
	"channel": "Hình thức", "session_id": "Kỳ tiếp", "people_count": "Số người", "content": "Nội dung",
	"held_on": "Ngày", "host_level": "Cấp chủ trì", "host_name": "Người chủ trì", "host_title": "Chức vụ",
	"location": "Địa điểm", "title": "Tên vụ việc", "instance": "Lần giải quyết", "respondent": "Người bị khiếu nại, tố cáo",
	"accepted_on": "Ngày thụ lý", "status": "Trạng thái", "decision_number": "Số quyết định",
	"decision_on": "Ngày quyết định", "result": "Kết quả", "chaired_by": "Người chủ trì", "case_ids": "Các vụ việc",
	"number": "Số, ký hiệu", "issued_on": "Ngày ban hành", "doc_type": "Loại văn bản", "username": "Tên đăng nhập",
	"full_name": "Họ và tên", "role": "Vai trò", "password": "Mật khẩu", "from": "Từ ngày", "to": "Đến ngày",
	"period": "Kỳ báo cáo", "month": "Tháng", "quarter": "Quý", "half": "6 tháng", "nine_months": "9 tháng",
	"year": "Năm", "page": "Trang", "q": "Tìm kiếm", "entity_id": "Số hiệu bản ghi", "user_id": "Mã người dùng",
}

// personLabels name the fields of a person.
var personLabels = map[string]string{"full_name": "họ và tên", "id_number": "số CCCD", "phone": "điện thoại",
	"email": "thư điện tử", "address": "địa chỉ"}

var senderField = regexp.MustCompile(`^senders\[(\d+)\]\.(\w+)$`)

// fieldLabel names a field for the error summary.
func fieldLabel(name string) string {
	if m := senderField.FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[1])
		return "Người gửi " + strconv.Itoa(n+1) + ", " + labelOr(personLabels, m[2])
	}
	for _, prefix := range []string{"representative", "petitioner"} {
		if rest, ok := strings.CutPrefix(name, prefix+"."); ok {
			who := map[string]string{"representative": "Người đại diện", "petitioner": "Người khiếu nại, tố cáo"}[prefix]
			return who + ", " + labelOr(personLabels, rest)
		}
	}
	return labelOr(fieldLabels, name)
}

// pager is the navigation under a list.
type pager struct {
	Page, Pages int
	Total       int64
	Prev, Next  string
}

// newPager describes page p of total rows; the links keep the list's filters.
func newPager(u *url.URL, total int64, p models.Page) pager {
	pages := int((total + int64(p.PerPage) - 1) / int64(p.PerPage))
	pg := pager{Page: p.Page, Pages: max(pages, 1), Total: total}
	link := func(n int) string {
		q := u.Query()
		q.Del("ok")
		q.Set("page", strconv.Itoa(n))
		return u.Path + "?" + q.Encode()
	}
	if p.Page > 1 {
		pg.Prev = link(p.Page - 1)
	}
	if p.Page < pages {
		pg.Next = link(p.Page + 1)
	}
	return pg
}
