package handlers_test

import (
	"net/http"
	"testing"
)

// meetingPaths are the two meeting kinds, which share one implementation.
var meetingPaths = map[string]string{"dialogue": "/api/v1/dialogues", "council meeting": "/api/v1/council-meetings"}

func TestMeetingCases(t *testing.T) {
	for name, path := range meetingPaths {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			a, b := e.newCase(nil), e.newCase(nil)
			withdrawn := e.newCase(nil)
			e.must(http.StatusNoContent, "DELETE", casesPath+"/"+jsonNumber(withdrawn), "leader", nil)
			for _, tc := range []struct {
				name    string
				caseIDs any
			}{
				{"no case is refused", []any{}},
				{"missing case ids are refused", nil},
				{"an unknown case is refused", []any{a, 999}},
				{"a withdrawn case is refused", []any{withdrawn}},
				{"a repeated case is refused", []any{a, a}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					p := checkProblem(t, e.do("POST", path, "legal", meetingBody(nil, map[string]any{"case_ids": tc.caseIDs})),
						http.StatusBadRequest, "invalid")
					if !hasFieldError(p, "case_ids") || e.total(path) != 0 {
						t.Fatalf("problem %v", p)
					}
				})
			}
			m := e.must(http.StatusCreated, "POST", path, "leader", meetingBody(nil, map[string]any{"case_ids": []any{b, a}}))
			if ids := m["case_ids"].([]any); len(ids) != 2 || ids[0] != a || ids[1] != b {
				t.Fatalf("case ids %v", m["case_ids"])
			}
			one := path + "/" + id(m)
			t.Run("a correction without case ids keeps them", func(t *testing.T) {
				got := e.must(http.StatusOK, "PATCH", one, "legal", map[string]any{"version": 1, "note": "Bổ sung"})
				if len(got["case_ids"].([]any)) != 2 {
					t.Fatalf("patched %v", got)
				}
			})
			t.Run("case ids sent replace the stored ones", func(t *testing.T) {
				got := e.must(http.StatusOK, "PATCH", one, "legal", map[string]any{"version": 2, "case_ids": []any{b}})
				if ids := got["case_ids"].([]any); len(ids) != 1 || ids[0] != b {
					t.Fatalf("patched %v", got)
				}
				changes := e.must(http.StatusOK, "GET", "/api/v1/audit?action=update&entity_id="+id(m), "leader", nil)["items"].([]any)[0].(map[string]any)["changes"].(map[string]any)
				change := changes["case_ids"].(map[string]any)
				if len(change["from"].([]any)) != 2 || len(change["to"].([]any)) != 1 {
					t.Fatalf("audit change %v", change)
				}
			})
			t.Run("lists filter by case", func(t *testing.T) {
				for caseID, want := range map[string]float64{jsonNumber(a): 0, jsonNumber(b): 1} {
					if got := e.total(path + "?case_id=" + caseID); got != want {
						t.Errorf("case %s: total %v, want %v", caseID, got, want)
					}
				}
				if got := e.total(path + "?q=phong+hop"); got != 1 {
					t.Errorf("search: %v", got)
				}
			})
		})
	}
}

func TestDialogueNeedsAChairCouncilMeetingDoesNot(t *testing.T) {
	e := newEnv(t)
	c := e.newCase(nil)
	p := checkProblem(t, e.do("POST", "/api/v1/dialogues", "legal", meetingBody(c, map[string]any{"chaired_by": ""})),
		http.StatusBadRequest, "invalid")
	if !hasFieldError(p, "chaired_by") {
		t.Fatalf("problem %v", p)
	}
	got := e.must(http.StatusCreated, "POST", "/api/v1/council-meetings", "legal", meetingBody(c, map[string]any{"chaired_by": nil, "location": nil}))
	if got["chaired_by"] != "" || got["held_on"] != "2022-06-08" {
		t.Fatalf("council meeting %v", got)
	}
}
