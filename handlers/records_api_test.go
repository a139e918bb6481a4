package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// kind describes one record resource to the shared scenario tables: its
// path, a valid body, which roles may write it, and the fields the bad-input
// scenarios break.
type kind struct {
	name string
	path string
	// body returns a valid body; caseID is an existing case for the kinds
	// that link one.
	body func(caseID any) map[string]any
	// writers may create and correct the record.
	writers   []string
	dateField string
	// required is a required text field; long is a text field with its limit.
	required string
	long     string
	limit    int
	// enum is an enum field ("" when the kind has none).
	enum string
	// patch is a field a correction changes.
	patch string
}

var receptionWriters = []string{"reception", "reception2", "legal"}
var caseWriters = []string{"legal", "leader"}

// kinds are every resource built on the shared record rhythm.
var kinds = []kind{
	{name: "reception session", path: "/api/v1/reception-sessions", body: func(any) map[string]any { return sessionBody(nil) },
		writers: receptionWriters, dateField: "held_on", required: "host_name", long: "host_name", limit: 200, enum: "host_level", patch: "note"},
	{name: "reception visit", path: "/api/v1/reception-visits", body: func(any) map[string]any { return visitBody(nil) },
		writers: receptionWriters, dateField: "visited_on", required: "content", long: "content", limit: 20000, enum: "outcome", patch: "content"},
	{name: "case", path: "/api/v1/cases", body: func(any) map[string]any { return caseBody(nil) },
		writers: caseWriters, dateField: "accepted_on", required: "title", long: "title", limit: 500, enum: "kind", patch: "note"},
	{name: "dialogue", path: "/api/v1/dialogues", body: func(c any) map[string]any { return meetingBody(c, nil) },
		writers: caseWriters, dateField: "held_on", required: "chaired_by", long: "note", limit: 2000, patch: "note"},
	{name: "council meeting", path: "/api/v1/council-meetings", body: func(c any) map[string]any { return meetingBody(c, nil) },
		writers: caseWriters, dateField: "held_on", long: "chaired_by", limit: 200, patch: "note"},
	{name: "document", path: "/api/v1/documents", body: func(c any) map[string]any { return documentBody(map[string]any{"case_id": c}) },
		writers: caseWriters, dateField: "issued_on", required: "number", long: "subject", limit: 1000, enum: "doc_type", patch: "subject"},
}

// with returns m with the overrides; a nil override removes the field.
func with(m, over map[string]any) map[string]any {
	for k, v := range over {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	return m
}

func sessionBody(over map[string]any) map[string]any {
	return with(map[string]any{"held_on": "2022-06-10", "type": "periodic", "host_level": "chairman",
		"host_name": "Trần Văn Chủ", "host_title": "Chủ tịch UBND Tỉnh", "location": "Trụ sở tiếp công dân"}, over)
}

func visitBody(over map[string]any) map[string]any {
	return with(map[string]any{"visited_on": "2022-06-10", "type": "regular", "channel": "in_person", "people_count": 1,
		"representative": map[string]any{"full_name": "Lê Thị Cúc", "id_number": "072000000001", "phone": "0909000001",
			"address": "Xã Hòa Thành, Tây Ninh"},
		"kind": "complaint", "domain": "land", "content": "Khiếu nại việc bồi thường đất đai khi thu hồi đất làm đường",
		"outcome": "guided"}, over)
}

func caseBody(over map[string]any) map[string]any {
	return with(map[string]any{"title": "Khiếu nại bồi thường đất đai của bà Lê Thị Cúc", "kind": "complaint",
		"domain": "land", "instance": "first", "petitioner": map[string]any{"full_name": "Lê Thị Cúc"},
		"accepted_on": "2022-06-01"}, over)
}

func meetingBody(caseID any, over map[string]any) map[string]any {
	return with(map[string]any{"held_on": "2022-06-08", "chaired_by": "Phó Chủ tịch Nguyễn Văn Hội",
		"location": "Phòng họp số 2", "case_ids": []any{caseID}, "note": "Đối thoại lần một"}, over)
}

func documentBody(over map[string]any) map[string]any {
	return with(map[string]any{"number": "123/QĐ-UBND", "issued_on": "2022-06-05", "doc_type": "decision",
		"subject": "Quyết định giải quyết khiếu nại lần đầu"}, over)
}

// newCase creates a case as legal and returns its id as decoded JSON.
func (e *env) newCase(over map[string]any) any {
	e.t.Helper()
	return e.must(http.StatusCreated, "POST", "/api/v1/cases", "legal", caseBody(over))["id"]
}

// total returns the number of records path lists for leader.
func (e *env) total(path string) float64 {
	e.t.Helper()
	return e.must(http.StatusOK, "GET", path, "leader", nil)["total"].(float64)
}

// auditActions returns the actions of the audit trail of one record, newest first.
func (e *env) auditActions(entity, recordID string, action string) []string {
	e.t.Helper()
	path := "/api/v1/audit?per_page=200&entity=" + entity + "&entity_id=" + recordID
	if action != "" {
		path += "&action=" + action
	}
	var out []string
	for _, it := range e.must(http.StatusOK, "GET", path, "leader", nil)["items"].([]any) {
		out = append(out, it.(map[string]any)["action"].(string))
	}
	return out
}

func allowed(role string, roles []string) bool {
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}

// wantStatus is the status of a write for role: 401 without a token, 403
// outside the role.
func wantStatus(role string, roles []string, ok int) int {
	switch {
	case role == "":
		return http.StatusUnauthorized
	case allowed(role, roles):
		return ok
	}
	return http.StatusForbidden
}

func TestRecordRoles(t *testing.T) {
	readers := []string{"reception", "reception2", "legal", "leader"}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			e := newEnv(t)
			caseID := e.newCase(nil)
			for _, role := range []string{"", "admin", "reception", "reception2", "legal", "leader"} {
				name := role
				if name == "" {
					name = "no token"
				}
				t.Run(name, func(t *testing.T) {
					target := e.must(http.StatusCreated, "POST", k.path, k.writers[0], k.body(caseID))
					one := k.path + "/" + id(target)
					checks := []struct {
						method, path string
						body         any
						want         int
					}{
						{"GET", k.path, nil, wantStatus(role, readers, http.StatusOK)},
						{"GET", one, nil, wantStatus(role, readers, http.StatusOK)},
						{"POST", k.path, k.body(caseID), wantStatus(role, k.writers, http.StatusCreated)},
						{"PATCH", one, map[string]any{"version": 1, k.patch: "Sửa bởi " + name}, wantStatus(role, k.writers, http.StatusOK)},
						{"DELETE", one, nil, wantStatus(role, []string{"leader"}, http.StatusNoContent)},
					}
					for _, c := range checks {
						if r := e.do(c.method, c.path, role, c.body); r.Status != c.want {
							t.Errorf("%s %s: status %d, want %d\n%s", c.method, c.path, r.Status, c.want, r.Body)
						}
					}
				})
			}
		})
	}
}

// badInput is a refused create: its body and headers, the status, and the
// field the problem must name ("" when it names none).
type badInput struct {
	name   string
	body   any
	header []string
	want   int
	field  string
}

func TestRecordBadInputWritesNothing(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			e := newEnv(t)
			caseID := e.newCase(nil)
			before := e.total(k.path)
			valid := func(over map[string]any) map[string]any { return with(k.body(caseID), over) }
			tests := []badInput{
				{name: "malformed JSON", body: `{"note": `, want: http.StatusBadRequest},
				{name: "unknown field", body: valid(map[string]any{"colour": "red"}), want: http.StatusBadRequest, field: "colour"},
				{name: "server field", body: valid(map[string]any{"version": 5}), want: http.StatusBadRequest, field: "version"},
				{name: "impossible date", body: valid(map[string]any{k.dateField: "2022-02-30"}), want: http.StatusBadRequest},
				{name: "future date", body: valid(map[string]any{k.dateField: "2022-06-16"}), want: http.StatusBadRequest, field: k.dateField},
				{name: "over-long text", body: valid(map[string]any{k.long: strings.Repeat("ạ", k.limit+1)}), want: http.StatusBadRequest, field: k.long},
				{name: "wrong content type", body: "held_on=2022-06-10", header: []string{"Content-Type", "application/x-www-form-urlencoded"},
					want: http.StatusUnsupportedMediaType},
				{name: "body over the limit", body: valid(map[string]any{k.long: strings.Repeat("a", 1<<20)}), want: http.StatusRequestEntityTooLarge},
			}
			if k.required != "" {
				tests = append(tests, badInput{name: "missing required field", body: valid(map[string]any{k.required: nil}), want: http.StatusBadRequest, field: k.required})
			}
			if k.enum != "" {
				tests = append(tests, badInput{name: "unknown enum code", body: valid(map[string]any{k.enum: "weekly"}), want: http.StatusBadRequest, field: k.enum})
			}
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					r := e.do("POST", k.path, k.writers[0], tc.body, tc.header...)
					if r.Status != tc.want {
						t.Fatalf("status %d, want %d\n%s", r.Status, tc.want, r.Body)
					}
					p := r.JSON(t)
					if tc.field != "" && !hasFieldError(p, tc.field) {
						t.Fatalf("no error on %s: %v", tc.field, p)
					}
					if got := e.total(k.path); got != before {
						t.Fatalf("total %v after a refused create, want %v", got, before)
					}
				})
			}
		})
	}
}

func TestRecordCorrectionAndWithdrawal(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			e := newEnv(t)
			caseID := e.newCase(nil)
			writer := k.writers[0]
			created := e.must(http.StatusCreated, "POST", k.path, writer, k.body(caseID))
			if created["version"] != 1.0 || created["created_by"] != float64(e.users[writer]) || created["created_at"] == nil {
				t.Fatalf("created %v", created)
			}
			one := k.path + "/" + id(created)
			t.Run("a correction keeps the fields it leaves out", func(t *testing.T) {
				got := e.must(http.StatusOK, "PATCH", one, writer, map[string]any{"version": 1, k.patch: "Nội dung đã sửa"})
				if got["version"] != 2.0 || got[k.patch] != "Nội dung đã sửa" || got[k.dateField] != created[k.dateField] {
					t.Fatalf("patched %v", got)
				}
			})
			t.Run("If-Match carries the version", func(t *testing.T) {
				r := e.do("PATCH", one, writer, fmt.Sprintf(`{%q: "Sửa lần ba"}`, k.patch), "If-Match", `"2"`)
				if r.Status != http.StatusOK || r.JSON(t)["version"] != 3.0 {
					t.Fatalf("status %d %s", r.Status, r.Body)
				}
			})
			t.Run("stale version conflicts with the current record", func(t *testing.T) {
				p := checkProblem(t, e.do("PATCH", one, writer, map[string]any{"version": 1, k.patch: "Cũ"}), http.StatusConflict, "conflict")
				if cur, _ := p["current"].(map[string]any); cur["version"] != 3.0 || cur[k.patch] != "Sửa lần ba" {
					t.Fatalf("current %v", p["current"])
				}
			})
			t.Run("missing version is refused", func(t *testing.T) {
				p := checkProblem(t, e.do("PATCH", one, writer, map[string]any{k.patch: "x"}), http.StatusBadRequest, "invalid")
				if !hasFieldError(p, "version") {
					t.Fatalf("problem %v", p)
				}
			})
			t.Run("a bad correction changes nothing", func(t *testing.T) {
				checkProblem(t, e.do("PATCH", one, writer, map[string]any{"version": 3, k.dateField: "2030-01-01"}), http.StatusBadRequest, "invalid")
				checkProblem(t, e.do("PATCH", one, writer, map[string]any{"version": 3, "id": 99}), http.StatusBadRequest, "invalid")
				if got := e.must(http.StatusOK, "GET", one, writer, nil); got["version"] != 3.0 {
					t.Fatalf("after refused corrections %v", got)
				}
			})
			t.Run("unknown id is not found", func(t *testing.T) {
				checkProblem(t, e.do("GET", k.path+"/9999", writer, nil), http.StatusNotFound, "not_found")
				checkProblem(t, e.do("PATCH", k.path+"/9999", writer, map[string]any{"version": 1}), http.StatusNotFound, "not_found")
				checkProblem(t, e.do("GET", k.path+"/abc", writer, nil), http.StatusNotFound, "not_found")
			})
			t.Run("withdrawal hides the record and is audited", func(t *testing.T) {
				total := e.total(k.path)
				if r := e.do("DELETE", one, "leader", nil); r.Status != http.StatusNoContent {
					t.Fatalf("delete %d %s", r.Status, r.Body)
				}
				checkProblem(t, e.do("GET", one, writer, nil), http.StatusNotFound, "not_found")
				checkProblem(t, e.do("DELETE", one, "leader", nil), http.StatusNotFound, "not_found")
				if got := e.total(k.path); got != total-1 {
					t.Fatalf("total %v, want %v", got, total-1)
				}
				entity := map[string]string{"reception session": "reception_session", "reception visit": "reception_visit",
					"council meeting": "council_meeting"}[k.name]
				if entity == "" {
					entity = k.name
				}
				if got := strings.Join(e.auditActions(entity, id(created), ""), ","); got != "delete,update,update,create" {
					t.Fatalf("audit %s", got)
				}
			})
		})
	}
}

func TestRecordListsPageAndSort(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			e := newEnv(t)
			caseID := e.newCase(nil)
			for _, day := range []string{"2022-06-01", "2022-06-03", "2022-06-02"} {
				e.must(http.StatusCreated, "POST", k.path, k.writers[0], with(k.body(caseID), map[string]any{k.dateField: day}))
			}
			list := e.must(http.StatusOK, "GET", k.path+"?from=2022-06-02&to=2022-06-03&sort=-"+k.dateField+"&per_page=1", "reception", nil)
			items := list["items"].([]any)
			if list["total"] != 2.0 || list["per_page"] != 1.0 || len(items) != 1 || items[0].(map[string]any)[k.dateField] != "2022-06-03" {
				t.Fatalf("list %v", list)
			}
			checkProblem(t, e.do("GET", k.path+"?from=2022-13-01", "reception", nil), http.StatusBadRequest, "invalid")
			checkProblem(t, e.do("GET", k.path+"?page=0", "reception", nil), http.StatusBadRequest, "invalid")
		})
	}
}
