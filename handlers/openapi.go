package handlers

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"kntc/models"
	"kntc/services"
)

// operation describes one route for the OpenAPI document.
type operation struct {
	summary string
	// request and response are sample values whose types give the schemas;
	// nil means no body.
	request  any
	response any
	status   int
	list     bool     // the response is a page of response items
	query    []string // query parameters, described in queryParams
	public   bool     // no token needed
	roles    string
}

var (
	recordFilters  = []string{"page", "per_page", "sort", "from", "to", "q"}
	letterFilters  = append([]string{"source", "domain", "kind", "outcome", "status", "overdue", "case_id"}, recordFilters...)
	visitFilters   = append([]string{"type", "kind", "domain", "outcome", "session_id", "case_id"}, recordFilters...)
	sessionFilters = append([]string{"type", "host_level"}, recordFilters...)
	caseFilters    = append([]string{"kind", "domain", "instance", "status", "result", "complexity", "due_within", "overdue"}, recordFilters...)
	meetingFilters = append([]string{"case_id"}, recordFilters...)
	docFilters     = append([]string{"doc_type", "case_id"}, recordFilters...)
	periodParams   = []string{"month", "quarter", "half", "nine_months", "year", "from", "to", "format", "include_identity"}
)

const (
	rolesRead    = "reception, legal, leader"
	rolesCreate  = "reception, legal"
	rolesHandle  = "legal, leader"
	rolesLeader  = "leader"
	rolesAdmin   = "admin"
	rolesAudit   = "admin, leader"
	rolesAnyUser = "mọi người dùng đã đăng nhập"
)

// resourceOps describes the five routes every record resource has.
func resourceOps(path, name string, fields, record any, filters []string, createRoles, editRoles string) map[string]operation {
	return map[string]operation{
		"GET " + path:           {summary: "Danh sách " + name, response: record, list: true, query: filters, roles: rolesRead, status: 200},
		"POST " + path:          {summary: "Tạo " + name, request: fields, response: record, roles: createRoles, status: 201},
		"GET " + path + "/{id}": {summary: "Xem " + name, response: record, roles: rolesRead, status: 200},
		"PATCH " + path + "/{id}": {summary: "Sửa " + name + " (gửi version đã đọc, hoặc If-Match)", request: withVersion(fields),
			response: record, roles: editRoles, status: 200},
		"DELETE " + path + "/{id}": {summary: "Rút (xóa mềm) " + name, roles: rolesLeader, status: 204},
	}
}

// withVersion marks a request sample as carrying the version it read.
type versioned struct{ fields any }

func withVersion(fields any) any { return versioned{fields} }

// operations lists every route of the API; a test fails when a registered
// route is missing here or an entry here is not registered.
func operations() map[string]operation {
	ops := map[string]operation{
		"GET /healthz":             {summary: "Kiểm tra máy chủ và cơ sở dữ liệu", public: true, response: map[string]string{"status": "ok"}, status: 200},
		"GET /api/v1/openapi.json": {summary: "Mô tả API (OpenAPI 3.1)", public: true, response: map[string]any{}, status: 200},
		"POST /api/v1/auth/login":  {summary: "Đăng nhập, nhận token", public: true, request: loginRequest{}, response: services.LoginResult{}, status: 200},
		"POST /api/v1/auth/logout": {summary: "Đăng xuất, hủy token", roles: rolesAnyUser, status: 200},
		"GET /api/v1/me":           {summary: "Người dùng hiện tại", response: models.User{}, roles: rolesAnyUser, status: 200},
		"GET /api/v1/users":        {summary: "Danh sách người dùng", response: models.User{}, list: true, query: []string{"page", "per_page", "sort"}, roles: rolesAdmin, status: 200},
		"POST /api/v1/users":       {summary: "Tạo người dùng", request: services.UserInput{}, response: models.User{}, roles: rolesAdmin, status: 201},
		"GET /api/v1/users/{id}":   {summary: "Xem người dùng", response: models.User{}, roles: rolesAdmin, status: 200},
		"PATCH /api/v1/users/{id}": {summary: "Sửa người dùng", request: services.UserPatch{}, response: models.User{}, roles: rolesAdmin, status: 200},
		"GET /api/v1/audit":        {summary: "Nhật ký thao tác", response: models.AuditEntry{}, list: true, query: []string{"entity", "entity_id", "user_id", "action", "from", "to", "page", "per_page", "sort"}, roles: rolesAudit, status: 200},
		"GET /api/v1/reports/statistics": {summary: "Số liệu thống kê của một kỳ (json, xlsx, text; forms: các biểu mẫu của Thông tư 01/2024/TT-TTCP)", query: periodParams,
			response: map[string]any{}, roles: rolesRead, status: 200},
		"POST /api/v1/imports/letters": {summary: "Nhập đơn từ tệp Excel: multipart/form-data, trường file, tối đa 20 MiB; dry_run=true chỉ kiểm tra; format=xlsx trả tệp có cột Lỗi",
			query: []string{"format"}, response: services.ImportReport{}, roles: rolesHandle, status: 200},
		"GET /api/v1/imports/letters/template": {summary: "Tải tệp mẫu nhập đơn (.xlsx, trang Đơn thư và Danh mục)",
			roles: rolesAnyUser, status: 200},
		"GET /api/v1/people": {summary: "Tìm công dân theo họ tên, số CMND/CCCD, số điện thoại", response: services.PersonSummary{},
			list: true, query: []string{"q", "page", "per_page"}, roles: rolesRead, status: 200},
		"GET /api/v1/people/{id}": {summary: "Hồ sơ công dân: mọi đơn, lượt tiếp, vụ việc theo thứ tự thời gian (lần thứ N)",
			response: services.PersonFile{}, roles: rolesRead, status: 200},
		"GET /api/v1/holidays": {summary: "Danh sách ngày nghỉ lễ, nghỉ bù, làm bù của một năm", query: []string{"year"},
			response: services.HolidayYear{}, roles: rolesAnyUser, status: 200},
		"POST /api/v1/holidays":              {summary: "Thêm ngày vào danh sách ngày nghỉ", request: models.HolidayFields{}, response: models.Holiday{}, roles: rolesAdmin, status: 201},
		"DELETE /api/v1/holidays/{id}":       {summary: "Xóa ngày khỏi danh sách ngày nghỉ", roles: rolesAdmin, status: 204},
		"POST /api/v1/letters/{id}/classify": {summary: "Phân loại đơn", request: withVersion(models.ClassifyInput{}), response: models.Letter{}, roles: rolesHandle, status: 200},
		"POST /api/v1/letters/{id}/handle":   {summary: "Xử lý đơn", request: withVersion(models.HandleInput{}), response: models.Letter{}, roles: rolesHandle, status: 200},
	}
	for _, group := range []map[string]operation{
		resourceOps("/api/v1/letters", "đơn", models.LetterFields{}, models.Letter{}, letterFilters, rolesCreate, rolesHandle),
		resourceOps("/api/v1/reception-sessions", "kỳ tiếp công dân", models.SessionFields{}, models.ReceptionSession{}, sessionFilters, rolesCreate, rolesCreate),
		resourceOps("/api/v1/reception-visits", "lượt tiếp công dân", models.VisitFields{}, models.ReceptionVisit{}, visitFilters, rolesCreate, rolesCreate),
		resourceOps("/api/v1/cases", "vụ việc", models.CaseFields{}, models.Case{}, caseFilters, rolesHandle, rolesHandle),
		resourceOps("/api/v1/dialogues", "cuộc đối thoại", models.MeetingFields{}, models.Dialogue{}, meetingFilters, rolesHandle, rolesHandle),
		resourceOps("/api/v1/council-meetings", "cuộc họp Hội đồng tư vấn", models.MeetingFields{}, models.CouncilMeeting{}, meetingFilters, rolesHandle, rolesHandle),
		resourceOps("/api/v1/documents", "văn bản ban hành", models.DocumentFields{}, models.Document{}, docFilters, rolesHandle, rolesHandle),
	} {
		for k, v := range group {
			ops[k] = v
		}
	}
	detail := ops["GET /api/v1/cases/{id}"]
	detail.summary, detail.response = "Xem vụ việc cùng đơn, lượt tiếp, đối thoại, họp HĐTV, văn bản và dòng thời gian", services.CaseDetail{}
	ops["GET /api/v1/cases/{id}"] = detail
	return ops
}

// qDescription states what a search finds (models.SearchWords): the same
// on SQLite and PostgreSQL.
const qDescription = "tìm không phân biệt hoa thường và dấu tiếng Việt: mỗi từ tìm phải là phần đầu của một từ trong hồ sơ " +
	"(\"nguyen van b\" thấy \"Nguyễn Văn Bình\", \"dat\" thấy \"đất đai\"); từ là dãy chữ cái và chữ số, mọi dấu khác ngăn cách các từ"

// queryParams describes every query parameter the API reads.
var queryParams = map[string]map[string]any{
	"page":             {"type": "integer", "minimum": 1, "default": 1},
	"per_page":         {"type": "integer", "minimum": 1, "maximum": models.MaxPerPage, "default": 50},
	"sort":             {"type": "string", "description": "tên trường, thêm '-' phía trước để sắp xếp giảm dần"},
	"from":             {"type": "string", "format": "date"},
	"to":               {"type": "string", "format": "date"},
	"q":                {"type": "string", "description": qDescription},
	"overdue":          {"type": "boolean"},
	"due_within":       {"type": "integer", "minimum": 0},
	"complexity":       {"type": "string", "enum": []string{"normal", "complex", "especially_complex"}},
	"case_id":          {"type": "integer"},
	"session_id":       {"type": "integer"},
	"entity_id":        {"type": "integer"},
	"user_id":          {"type": "integer"},
	"entity":           {"type": "string"},
	"action":           {"type": "string"},
	"month":            {"type": "string", "pattern": `^\d{4}-\d{2}$`},
	"quarter":          {"type": "string", "pattern": `^\d{4}-Q[1-4]$`},
	"half":             {"type": "string", "pattern": `^\d{4}-H[12]$`},
	"nine_months":      {"type": "string", "pattern": `^\d{4}$`},
	"year":             {"type": "string", "pattern": `^\d{4}$`},
	"format":           {"type": "string", "enum": []string{"json", "xlsx", "text", "forms"}},
	"include_identity": {"type": "boolean"},
}

// enumParams are query parameters whose values are the codes of an enum.
var enumParams = map[string]string{"source": "Source", "domain": "Domain", "kind": "Kind", "outcome": "Outcome",
	"status": "LetterStatus", "type": "VisitType", "host_level": "HostLevel", "instance": "Instance",
	"result": "CaseResult", "doc_type": "DocType"}

var (
	specOnce sync.Once
	spec     map[string]any
)

// openAPI serves the API description, built once from the operations table
// and the Go types themselves, so it cannot drift from the code.
func (h *Handler) openAPI(c *gin.Context) {
	specOnce.Do(func() { spec = buildSpec() })
	c.JSON(http.StatusOK, spec)
}

func buildSpec() map[string]any {
	sb := &schemaBuilder{components: map[string]any{}}
	paths := map[string]map[string]any{}
	for key, op := range operations() {
		method, path, _ := strings.Cut(key, " ")
		if paths[path] == nil {
			paths[path] = map[string]any{}
		}
		paths[path][strings.ToLower(method)] = sb.operation(path, op)
	}
	sb.schema(reflect.TypeFor[Problem]()) // registers the Problem component
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "kntc: tiếp công dân, xử lý đơn thư", "version": "1.0.0",
			"description": "Mọi lỗi là problem details (RFC 9457) với mã code: invalid, unauthorized, forbidden, not_found, conflict, too_large, unsupported_media, internal."},
		"paths": paths,
		"components": map[string]any{
			"schemas":         sb.components,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
		"security": []any{map[string]any{"bearer": []string{}}},
	}
}

type schemaBuilder struct{ components map[string]any }

func (sb *schemaBuilder) operation(path string, op operation) map[string]any {
	out := map[string]any{"summary": op.summary}
	if op.roles != "" {
		out["description"] = "Vai trò được phép: " + op.roles + "."
	}
	if op.public {
		out["security"] = []any{}
	}
	var params []any
	if strings.Contains(path, "{id}") {
		params = append(params, map[string]any{"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "integer"}})
	}
	for _, q := range op.query {
		s := queryParams[q]
		if enum, ok := enumParams[q]; ok {
			s = map[string]any{"type": "string", "enum": models.EnumCodes()[enum]}
		}
		params = append(params, map[string]any{"name": q, "in": "query", "schema": s})
	}
	if len(params) > 0 {
		out["parameters"] = params
	}
	if op.request != nil {
		out["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"application/json": map[string]any{"schema": sb.requestSchema(op.request)}}}
	}
	ok := map[string]any{"description": "Thành công"}
	if op.response != nil {
		s := sb.schema(reflect.TypeOf(op.response))
		if op.list {
			s = map[string]any{"type": "object", "required": []string{"items", "total", "page", "per_page"}, "properties": map[string]any{
				"items": map[string]any{"type": "array", "items": s}, "total": map[string]any{"type": "integer"},
				"page": map[string]any{"type": "integer"}, "per_page": map[string]any{"type": "integer"}}}
		}
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": s}}
	}
	problem := map[string]any{"content": map[string]any{"application/problem+json": map[string]any{
		"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}}
	responses := map[string]any{strconv.Itoa(op.status): ok, "500": with(problem, "Lỗi hệ thống")}
	if !op.public {
		responses["401"] = with(problem, "Chưa đăng nhập hoặc token hết hạn")
		responses["403"] = with(problem, "Ngoài quyền của vai trò")
	}
	if op.request != nil || len(op.query) > 0 || op.public {
		responses["400"] = with(problem, "Dữ liệu không hợp lệ")
	}
	if op.request != nil {
		responses["413"] = with(problem, "Nội dung quá 1 MiB")
		responses["415"] = with(problem, "Nội dung không phải JSON")
	}
	if strings.Contains(path, "{id}") {
		responses["404"] = with(problem, "Không tìm thấy")
	}
	if _, isVersioned := op.request.(versioned); isVersioned || strings.HasSuffix(path, "/handle") {
		responses["409"] = with(problem, "Phiên bản cũ (trả kèm bản ghi hiện tại) hoặc thao tác trái quy trình")
	}
	out["responses"] = responses
	return out
}

func with(m map[string]any, description string) map[string]any {
	out := map[string]any{"description": description}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// requestSchema describes a request body; versioned bodies add "version".
func (sb *schemaBuilder) requestSchema(sample any) map[string]any {
	v, ok := sample.(versioned)
	if !ok {
		return sb.schema(reflect.TypeOf(sample))
	}
	s := sb.schema(reflect.TypeOf(v.fields))
	return map[string]any{"allOf": []any{s, map[string]any{"type": "object", "properties": map[string]any{
		"version": map[string]any{"type": "integer", "description": "phiên bản đã đọc (hoặc gửi trong If-Match)"}}}}}
}

var (
	dateT = reflect.TypeFor[models.Date]()
	timeT = reflect.TypeFor[time.Time]()
)

// schema returns the JSON Schema of t, as encoding/json and the models'
// MarshalJSON write it: named structs become components.
func (sb *schemaBuilder) schema(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if codes, ok := models.EnumCodes()[t.Name()]; ok && t.PkgPath() == dateT.PkgPath() {
		enum := []any{}
		for _, c := range codes {
			enum = append(enum, c)
		}
		return map[string]any{"type": []string{"string", "null"}, "enum": append(enum, nil)}
	}
	switch t {
	case dateT:
		return map[string]any{"type": []string{"string", "null"}, "format": "date"}
	case timeT:
		return map[string]any{"type": "string", "format": "date-time"}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Uint32:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": sb.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": sb.schema(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		return sb.structRef(t)
	}
	return map[string]any{}
}

func (sb *schemaBuilder) structRef(t reflect.Type) map[string]any {
	name := t.Name()
	if name == "" {
		return sb.structSchema(t)
	}
	if _, done := sb.components[name]; !done {
		sb.components[name] = map[string]any{} // placeholder against recursion
		sb.components[name] = sb.structSchema(t)
	}
	return map[string]any{"$ref": "#/components/schemas/" + name}
}

func (sb *schemaBuilder) structSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	sb.addFields(t, props, hasMarshalJSON(t))
	if reflect.PointerTo(t).Implements(confidentialT) {
		props["confidential"] = map[string]any{"type": "boolean", "description": "hồ sơ tố cáo: thông tin người tố cáo được bảo mật"}
	}
	return map[string]any{"type": "object", "properties": props}
}

var confidentialT = reflect.TypeFor[interface{ Confidential() bool }]()

// addFields adds t's JSON fields to props, flattening embedded structs and
// adding the <field>_label sibling of every enum field.
func (sb *schemaBuilder) addFields(t reflect.Type, props map[string]any, labels bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			sb.addFields(f.Type, props, labels)
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = sb.schema(f.Type)
		if _, isEnum := models.EnumCodes()[f.Type.Name()]; isEnum && labels && f.Type.PkgPath() == dateT.PkgPath() {
			props[name+"_label"] = map[string]any{"type": []string{"string", "null"}, "description": "nhãn tiếng Việt"}
		}
	}
}

// hasMarshalJSON reports whether records of t are written with their labels.
func hasMarshalJSON(t reflect.Type) bool {
	_, ok := t.MethodByName("MarshalJSON")
	return ok
}
