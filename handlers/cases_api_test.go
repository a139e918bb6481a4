package handlers_test

import (
	"net/http"
	"strings"
	"testing"
)

const casesPath = "/api/v1/cases"

func TestCaseResolutionDeadline(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name string
		over map[string]any
		want any
	}{
		{"complaint at first instance has 30 working days", nil, "2022-07-13"},
		{"complaint without instance counts as first", map[string]any{"instance": nil}, "2022-07-13"},
		{"complaint at second instance has 45 working days", map[string]any{"instance": "second"}, "2022-08-03"},
		{"denunciation has 30 calendar days", map[string]any{"kind": "denunciation", "instance": nil}, "2022-07-01"},
		{"petition has no deadline", map[string]any{"kind": "petition", "instance": nil}, nil},
		{"a case not accepted has no deadline", map[string]any{"accepted_on": nil}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := e.must(http.StatusCreated, "POST", casesPath, "leader", caseBody(tc.over))
			if got["resolution_due_on"] != tc.want || got["status"] != "open" || got["status_label"] != "mới" {
				t.Fatalf("created %v", got)
			}
		})
	}
	t.Run("a correction moves the deadline", func(t *testing.T) {
		c := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(nil))
		got := e.must(http.StatusOK, "PATCH", casesPath+"/"+id(c), "legal", map[string]any{"version": 1, "accepted_on": "2022-06-10",
			"status": "in_progress"})
		if got["resolution_due_on"] != "2022-07-22" || got["status"] != "in_progress" {
			t.Fatalf("patched %v", got)
		}
	})
	t.Run("case rules are checked", func(t *testing.T) {
		for field, over := range map[string]map[string]any{
			"instance":    {"kind": "petition"},
			"decision_on": {"decision_on": "2022-05-01"},
			"status":      {"status": "lost"},
			"result":      {"result": "maybe"},
		} {
			p := checkProblem(t, e.do("POST", casesPath, "legal", caseBody(over)), http.StatusBadRequest, "invalid")
			if !hasFieldError(p, field) {
				t.Errorf("%s: %v", field, p)
			}
		}
	})
}

func TestCaseFilters(t *testing.T) {
	e := newEnv(t)
	e.newCase(nil)                                                                       // due 2022-07-13
	e.newCase(map[string]any{"accepted_on": "2022-05-01", "title": "Khiếu nại quá hạn"}) // due 2022-06-14, overdue
	e.newCase(map[string]any{"accepted_on": "2022-05-02", "status": "resolved", "decision_number": "25/QĐ-UBND",
		"decision_on": "2022-06-01", "result": "correct"}) // due, but resolved
	e.newCase(map[string]any{"kind": "petition", "instance": nil, "domain": "civil"})       // no deadline
	e.newCase(map[string]any{"instance": "second", "result": "upheld", "accepted_on": nil}) // not accepted
	for query, want := range map[string]float64{
		"":                              5,
		"due_within=0":                  1,
		"due_within=27":                 1,
		"due_within=28":                 2,
		"overdue=true":                  1,
		"overdue=false":                 4,
		"kind=petition":                 1,
		"domain=civil":                  1,
		"instance=second":               1,
		"status=resolved":               1,
		"result=upheld":                 1,
		"from=2022-05-01&to=2022-05-31": 2,
		"q=qua+han":                     1,
		"q=le+thi+cuc":                  5,
	} {
		if got := e.must(http.StatusOK, "GET", casesPath+"?"+query, "reception", nil)["total"]; got != want {
			t.Errorf("%q: total %v, want %v", query, got, want)
		}
	}
	for _, bad := range []string{"due_within=-1", "due_within=soon", "status=lost", "instance=third"} {
		checkProblem(t, e.do("GET", casesPath+"?"+bad, "reception", nil), http.StatusBadRequest, "invalid")
	}
}

func TestCaseDetailGathersItsRecords(t *testing.T) {
	e := newEnv(t)
	caseID := e.newCase(map[string]any{"kind": "denunciation", "instance": nil,
		"petitioner": map[string]any{"full_name": "Nguyễn Văn Bình", "phone": "0912345678"}})
	other := e.newCase(nil)
	casePath := casesPath + "/" + jsonNumber(caseID)
	letter := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{
		"case_id": caseID, "kind": "denunciation", "received_on": "2022-06-03", "subject": "Tố cáo cán bộ địa chính"}))
	visit := e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{
		"case_id": caseID, "kind": "denunciation", "visited_on": "2022-06-01"}))
	withdrawn := e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{"case_id": caseID}))
	e.must(http.StatusNoContent, "DELETE", visitsPath+"/"+id(withdrawn), "leader", nil)
	dialogue := e.must(http.StatusCreated, "POST", "/api/v1/dialogues", "legal", meetingBody(caseID,
		map[string]any{"held_on": "2022-06-08", "case_ids": []any{other, caseID}}))
	council := e.must(http.StatusCreated, "POST", "/api/v1/council-meetings", "legal", meetingBody(caseID,
		map[string]any{"held_on": "2022-06-02", "chaired_by": nil}))
	doc := e.must(http.StatusCreated, "POST", "/api/v1/documents", "leader", documentBody(map[string]any{"case_id": caseID, "issued_on": "2022-06-09"}))
	e.must(http.StatusCreated, "POST", "/api/v1/documents", "leader", documentBody(map[string]any{"case_id": other}))

	got := e.must(http.StatusOK, "GET", casePath, "legal", nil)
	for list, want := range map[string]map[string]any{"letters": letter, "visits": visit, "dialogues": dialogue,
		"council_meetings": council, "documents": doc} {
		items := got[list].([]any)
		if len(items) != 1 || id(items[0].(map[string]any)) != id(want) {
			t.Errorf("%s: %v", list, items)
		}
	}
	if got["kind_label"] != "tố cáo" || got["title"] == nil {
		t.Fatalf("case fields missing: %v", got)
	}
	if ids := got["dialogues"].([]any)[0].(map[string]any)["case_ids"].([]any); len(ids) != 2 {
		t.Fatalf("dialogue case ids %v", ids)
	}
	var steps []string
	for _, it := range got["timeline"].([]any) {
		m := it.(map[string]any)
		steps = append(steps, m["date"].(string)+" "+m["type"].(string))
		if m["title"] == "" || m["id"] == nil {
			t.Fatalf("timeline entry %v", m)
		}
	}
	if s := strings.Join(steps, ", "); s != "2022-06-01 accepted, 2022-06-01 visit, 2022-06-02 council_meeting, 2022-06-03 letter, 2022-06-08 dialogue, 2022-06-09 document" {
		t.Fatalf("timeline %s", s)
	}

	t.Run("nested identity is masked for another reception officer", func(t *testing.T) {
		masked := e.must(http.StatusOK, "GET", casePath, "reception2", nil)
		if masked["petitioner"].(map[string]any)["full_name"] != "[bảo mật]" || masked["identity_protected"] != true {
			t.Fatalf("case %v", masked)
		}
		l := masked["letters"].([]any)[0].(map[string]any)
		v := masked["visits"].([]any)[0].(map[string]any)
		if l["senders"].([]any)[0].(map[string]any)["full_name"] != "[bảo mật]" || l["identity_protected"] != true ||
			v["representative"].(map[string]any)["full_name"] != "[bảo mật]" || v["identity_protected"] != true {
			t.Fatalf("nested records %v %v", l, v)
		}
		if strings.Contains(string(e.do("GET", casePath, "reception2", nil).Body), "Bình") {
			t.Fatal("the answer holds the protected name")
		}
	})
	t.Run("the creator of a nested record sees it, not the case", func(t *testing.T) {
		own := e.must(http.StatusOK, "GET", casePath, "reception", nil)
		v := own["visits"].([]any)[0].(map[string]any)
		if v["representative"].(map[string]any)["full_name"] != "Lê Thị Cúc" || own["petitioner"].(map[string]any)["full_name"] != "[bảo mật]" {
			t.Fatalf("reception sees %v", own)
		}
	})
	t.Run("each reveal is audited", func(t *testing.T) {
		for entity, recordID := range map[string]string{"case": jsonNumber(caseID), "letter": id(letter), "reception_visit": id(visit)} {
			if got := e.auditActions(entity, recordID, "reveal"); len(got) == 0 {
				t.Errorf("no reveal of %s audited", entity)
			}
		}
	})
	t.Run("a withdrawn case is not found", func(t *testing.T) {
		e.must(http.StatusNoContent, "DELETE", casePath, "leader", nil)
		checkProblem(t, e.do("GET", casePath, "legal", nil), http.StatusNotFound, "not_found")
		if ids := e.must(http.StatusOK, "GET", "/api/v1/dialogues/"+id(dialogue), "legal", nil)["case_ids"].([]any); len(ids) != 1 {
			t.Fatalf("withdrawn case still listed in the dialogue: %v", ids)
		}
	})
}
