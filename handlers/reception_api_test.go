package handlers_test

import (
	"net/http"
	"strings"
	"testing"
)

const visitsPath = "/api/v1/reception-visits"

func TestVisitSessionRules(t *testing.T) {
	e := newEnv(t)
	periodic := e.must(http.StatusCreated, "POST", "/api/v1/reception-sessions", "reception", sessionBody(nil))
	adhoc := e.must(http.StatusCreated, "POST", "/api/v1/reception-sessions", "reception",
		sessionBody(map[string]any{"type": "adhoc", "host_level": "vice_chairman"}))
	tests := []struct {
		name  string
		over  map[string]any
		want  int
		field string
	}{
		{"periodic without a session is refused", map[string]any{"type": "periodic"}, http.StatusBadRequest, "session_id"},
		{"periodic in a session of another date is refused",
			map[string]any{"type": "periodic", "session_id": periodic["id"], "visited_on": "2022-06-09"}, http.StatusBadRequest, "session_id"},
		{"periodic in an unknown session is refused", map[string]any{"type": "periodic", "session_id": 999}, http.StatusBadRequest, "session_id"},
		{"periodic in an ad hoc session is refused", map[string]any{"type": "periodic", "session_id": adhoc["id"]}, http.StatusBadRequest, "session_id"},
		{"regular in a session is refused", map[string]any{"session_id": periodic["id"]}, http.StatusBadRequest, "session_id"},
		{"ad hoc in a session of another date is refused",
			map[string]any{"type": "adhoc", "session_id": adhoc["id"], "visited_on": "2022-06-11"}, http.StatusBadRequest, "session_id"},
		{"no people is refused", map[string]any{"people_count": 0}, http.StatusBadRequest, "people_count"},
		{"no representative name is refused", map[string]any{"representative": map[string]any{"phone": "0909"}},
			http.StatusBadRequest, "representative.full_name"},
		{"an unknown case is refused", map[string]any{"case_id": 999}, http.StatusBadRequest, "case_id"},
		{"an unknown letter is refused", map[string]any{"letter_id": 999}, http.StatusBadRequest, "letter_id"},
		{"an unknown channel is refused", map[string]any{"channel": "phone"}, http.StatusBadRequest, "channel"},
		{"periodic in a session of the same date is recorded", map[string]any{"type": "periodic", "session_id": periodic["id"]}, http.StatusCreated, ""},
		{"ad hoc without a session is recorded", map[string]any{"type": "adhoc"}, http.StatusCreated, ""},
		{"ad hoc in a session of the same date is recorded", map[string]any{"type": "adhoc", "session_id": adhoc["id"]}, http.StatusCreated, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, cases := e.total(visitsPath), e.total("/api/v1/cases")
			r := e.do("POST", visitsPath, "reception", visitBody(tc.over))
			if r.Status != tc.want {
				t.Fatalf("status %d, want %d\n%s", r.Status, tc.want, r.Body)
			}
			if tc.field == "" {
				return
			}
			if p := r.JSON(t); !hasFieldError(p, tc.field) {
				t.Fatalf("no error on %s: %v", tc.field, p)
			}
			if e.total(visitsPath) != before || e.total("/api/v1/cases") != cases {
				t.Fatal("a refused visit wrote a visit or opened a case")
			}
		})
	}
	t.Run("a session with visits keeps its date and type", func(t *testing.T) {
		path := "/api/v1/reception-sessions/" + id(periodic)
		p := checkProblem(t, e.do("PATCH", path, "reception", map[string]any{"version": 1, "held_on": "2022-06-09"}), http.StatusBadRequest, "invalid")
		if !hasFieldError(p, "held_on") {
			t.Fatalf("problem %v", p)
		}
		p = checkProblem(t, e.do("PATCH", path, "reception", map[string]any{"version": 1, "type": "adhoc"}), http.StatusBadRequest, "invalid")
		if !hasFieldError(p, "type") {
			t.Fatalf("problem %v", p)
		}
		e.must(http.StatusOK, "PATCH", path, "reception", map[string]any{"version": 1, "host_name": "Trần Văn Chủ Tịch"})
	})
	t.Run("sessions filter by type and host level", func(t *testing.T) {
		list := e.must(http.StatusOK, "GET", "/api/v1/reception-sessions?type=adhoc&host_level=vice_chairman&q=tru+so", "legal", nil)
		if list["total"] != 1.0 || list["items"].([]any)[0].(map[string]any)["host_level_label"] != "Phó Chủ tịch UBND Tỉnh (ủy quyền tiếp)" {
			t.Fatalf("list %v", list)
		}
		checkProblem(t, e.do("GET", "/api/v1/reception-sessions?type=weekly", "legal", nil), http.StatusBadRequest, "invalid")
	})
	t.Run("visits filter by session", func(t *testing.T) {
		list := e.must(http.StatusOK, "GET", visitsPath+"?type=periodic&session_id="+id(periodic), "legal", nil)
		if list["total"] != 1.0 {
			t.Fatalf("list %v", list)
		}
	})
}

func TestVisitOpensOrFollowsACase(t *testing.T) {
	e := newEnv(t)
	content := "Đề nghị xem xét lại việc thu hồi đất " + strings.Repeat("của gia đình tại ấp Trường Lưu ", 10)
	first := e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{"content": content, "kind": nil}))
	if first["new_case"] != true || first["case_id"] == nil || first["is_group"] != false {
		t.Fatalf("first visit %v", first)
	}
	caseID := jsonNumber(first["case_id"])
	opened := e.must(http.StatusOK, "GET", "/api/v1/cases/"+caseID, "legal", nil)
	petitioner := opened["petitioner"].(map[string]any)
	if opened["status"] != "open" || opened["kind"] != "petition" || opened["domain"] != "land" ||
		petitioner["full_name"] != "Lê Thị Cúc" || petitioner["id_number"] != "072000000001" {
		t.Fatalf("opened case %v", opened)
	}
	if title := opened["title"].(string); len([]rune(title)) > 200 || !strings.HasPrefix(title, "Đề nghị xem xét lại") || !strings.HasSuffix(title, "…") {
		t.Fatalf("case title %q", title)
	}
	if got := e.auditActions("case", caseID, "create"); len(got) != 1 {
		t.Fatalf("opening the case was not audited: %v", got)
	}

	repeat := e.must(http.StatusCreated, "POST", visitsPath, "legal", visitBody(map[string]any{"case_id": first["case_id"], "people_count": 5}))
	if repeat["new_case"] != false || repeat["case_id"] != first["case_id"] || repeat["is_group"] != true {
		t.Fatalf("repeat visit %v", repeat)
	}
	if e.total("/api/v1/cases") != 1 {
		t.Fatal("a repeat visit opened another case")
	}
	list := e.must(http.StatusOK, "GET", visitsPath+"?case_id="+caseID, "reception", nil)
	if list["total"] != 2.0 {
		t.Fatalf("visits of the case %v", list)
	}
	t.Run("a correction cannot leave a visit without a case", func(t *testing.T) {
		p := checkProblem(t, e.do("PATCH", visitsPath+"/"+id(repeat), "legal", map[string]any{"version": 1, "case_id": nil}),
			http.StatusBadRequest, "invalid")
		if !hasFieldError(p, "case_id") {
			t.Fatalf("problem %v", p)
		}
	})
	t.Run("a letter may be linked", func(t *testing.T) {
		letter := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(nil))
		got := e.must(http.StatusOK, "PATCH", visitsPath+"/"+id(repeat), "legal", map[string]any{"version": 1, "letter_id": letter["id"],
			"outcome": "letter_received"})
		if got["letter_id"] != letter["id"] || got["outcome_label"] != "nhận đơn" {
			t.Fatalf("patched %v", got)
		}
	})
	t.Run("filters", func(t *testing.T) {
		for query, want := range map[string]float64{
			"kind=complaint": 1, "domain=land": 2, "outcome=letter_received": 1, "type=regular": 2, "from=2022-06-11": 0,
			"to=2022-06-10": 2, "q=truong+luu": 1, "q=le+thi+cuc": 2,
		} {
			if got := e.must(http.StatusOK, "GET", visitsPath+"?"+query, "reception2", nil)["total"]; got != want {
				t.Errorf("%s: total %v, want %v", query, got, want)
			}
		}
		checkProblem(t, e.do("GET", visitsPath+"?outcome=nothing", "reception", nil), http.StatusBadRequest, "invalid")
	})
}

// denunciationVisit records a denunciation visit by user reception and
// returns it as its creator sees it.
func denunciationVisit(e *env) map[string]any {
	e.t.Helper()
	return e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{"kind": "denunciation",
		"representative": map[string]any{"full_name": "Nguyễn Văn Bình", "id_number": "079099000123", "phone": "0912345678",
			"address": "Phường 2, Tây Ninh", "email": "binh@example.vn"},
		"content": "Tố cáo cán bộ địa chính nhận tiền khi làm hồ sơ"}))
}

func TestVisitDenouncerIdentityIsProtected(t *testing.T) {
	e := newEnv(t)
	v := denunciationVisit(e)
	path := visitsPath + "/" + id(v)
	if v["confidential"] != true || v["identity_protected"] != false {
		t.Fatalf("creator's answer %v", v)
	}
	for _, user := range []string{"reception", "legal", "leader"} {
		t.Run(user+" sees the representative and the reveal is audited", func(t *testing.T) {
			before := len(e.auditActions("reception_visit", id(v), "reveal"))
			got := e.must(http.StatusOK, "GET", path, user, nil)
			if got["representative"].(map[string]any)["full_name"] != "Nguyễn Văn Bình" || got["identity_protected"] != false {
				t.Fatalf("%s got %v", user, got)
			}
			if after := len(e.auditActions("reception_visit", id(v), "reveal")); after != before+1 {
				t.Fatalf("reveals %d -> %d", before, after)
			}
		})
	}
	t.Run("another reception officer sees it masked, without a reveal", func(t *testing.T) {
		before := len(e.auditActions("reception_visit", id(v), "reveal"))
		got := e.must(http.StatusOK, "GET", path, "reception2", nil)
		rep := got["representative"].(map[string]any)
		for _, f := range []string{"full_name", "id_number", "phone", "address", "email"} {
			if rep[f] != "[bảo mật]" {
				t.Fatalf("%s = %v", f, rep[f])
			}
		}
		if got["identity_protected"] != true || got["content"] == nil {
			t.Fatalf("masked visit %v", got)
		}
		listed := e.must(http.StatusOK, "GET", visitsPath, "reception2", nil)["items"].([]any)[0].(map[string]any)
		if listed["representative"].(map[string]any)["full_name"] != "[bảo mật]" {
			t.Fatalf("listed %v", listed)
		}
		if after := len(e.auditActions("reception_visit", id(v), "reveal")); after != before {
			t.Fatalf("masked reads wrote reveals: %d -> %d", before, after)
		}
	})
	t.Run("search by the name finds it only for those who may read it", func(t *testing.T) {
		for user, want := range map[string]float64{"legal": 1, "leader": 1, "reception": 1, "reception2": 0} {
			if got := e.must(http.StatusOK, "GET", visitsPath+"?q=nguyen+van+binh", user, nil)["total"]; got != want {
				t.Errorf("%s: total %v, want %v", user, got, want)
			}
		}
		if got := e.must(http.StatusOK, "GET", visitsPath+"?q=dia+chinh", "reception2", nil)["total"]; got != 1.0 {
			t.Errorf("content search for reception2: %v", got)
		}
	})
	t.Run("the case it opened is protected too", func(t *testing.T) {
		casePath := "/api/v1/cases/" + jsonNumber(v["case_id"])
		masked := e.must(http.StatusOK, "GET", casePath, "reception2", nil)
		nested := masked["visits"].([]any)[0].(map[string]any)
		if masked["kind"] != "denunciation" || masked["identity_protected"] != true ||
			masked["petitioner"].(map[string]any)["full_name"] != "[bảo mật]" ||
			nested["representative"].(map[string]any)["full_name"] != "[bảo mật]" {
			t.Fatalf("case for reception2 %v", masked)
		}
		own := e.must(http.StatusOK, "GET", casePath, "reception", nil)
		if own["petitioner"].(map[string]any)["full_name"] != "Nguyễn Văn Bình" {
			t.Fatalf("case for its creator %v", own)
		}
		if got := e.must(http.StatusOK, "GET", "/api/v1/cases?q=nguyen+van+binh", "reception2", nil)["total"]; got != 0.0 {
			t.Fatalf("reception2 found the protected petitioner: %v", got)
		}
	})
	t.Run("another reception officer may not correct it", func(t *testing.T) {
		checkProblem(t, e.do("PATCH", path, "reception2", map[string]any{"version": 1, "kind": "complaint"}), http.StatusForbidden, "forbidden")
		p := checkProblem(t, e.do("PATCH", path, "reception", map[string]any{"version": 9}), http.StatusConflict, "conflict")
		if p["current"].(map[string]any)["representative"].(map[string]any)["full_name"] != "Nguyễn Văn Bình" {
			t.Fatalf("creator's conflict answer %v", p["current"])
		}
	})
	t.Run("the audit trail never holds the identity", func(t *testing.T) {
		r := e.do("GET", "/api/v1/audit?per_page=200", "leader", nil)
		if strings.Contains(string(r.Body), "Bình") || strings.Contains(string(r.Body), "079099000123") {
			t.Fatalf("audit leaks identity: %s", r.Body)
		}
	})
}
