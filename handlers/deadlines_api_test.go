package handlers_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestLetterDueAcrossMovedHolidays(t *testing.T) {
	e := newEnv(t)
	// Thursday 28/04/2022: 30/4 and 1/5 fall on the weekend and are
	// compensated on 2-3/5, so the tenth working day is Monday 16/05/2022.
	l := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{"received_on": "2022-04-28"}))
	if l["handling_due_on"] != "2022-05-16" || l["overdue"] != true {
		t.Fatalf("due %v overdue %v", l["handling_due_on"], l["overdue"])
	}
	e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{"received_on": "2022-06-14"}))
	if got := e.must(http.StatusOK, "GET", "/api/v1/letters?overdue=true", "legal", nil); got["total"] != 1.0 {
		t.Fatalf("overdue letters: %v", got["total"])
	}
}

// extension is an extension decision for the case bodies.
func extension(on string) map[string]any {
	return map[string]any{"decision_number": "45/QĐ-UBND", "decided_on": on, "days": 30}
}

func TestCaseClocks(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name string
		over map[string]any
		want any
	}{
		{"complaint, first instance, remote area and complex: 60 working days", map[string]any{"remote_area": true, "complexity": "complex"}, "2022-08-24"},
		{"complaint, second instance, remote: 60 working days", map[string]any{"instance": "second", "remote_area": true}, "2022-08-24"},
		{"complaint, second instance, remote and complex: 70 working days across 1-2/9", map[string]any{"instance": "second", "remote_area": true,
			"complexity": "especially_complex"}, "2022-09-09"},
		{"denunciation, complex, one extension: 60 days, moved off Sunday 31/7", map[string]any{"kind": "denunciation", "instance": nil,
			"complexity": "complex", "extensions": []any{extension("2022-06-10")}}, "2022-08-01"},
		{"denunciation, especially complex, two extensions: 90 days", map[string]any{"kind": "denunciation", "instance": nil,
			"complexity": "especially_complex", "extensions": []any{extension("2022-06-10"), extension("2022-06-12")}}, "2022-08-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(tc.over))
			if got["resolution_due_on"] != tc.want {
				t.Fatalf("due %v, want %v", got["resolution_due_on"], tc.want)
			}
		})
	}
	t.Run("the extensions are in the case JSON", func(t *testing.T) {
		got := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(tests[3].over))
		ext := got["extensions"].([]any)[0].(map[string]any)
		if ext["decision_number"] != "45/QĐ-UBND" || ext["decided_on"] != "2022-06-10" || ext["days"] != 30.0 ||
			got["complexity_label"] != "phức tạp" || got["suspended"] != false {
			t.Fatalf("%v", got)
		}
	})
	t.Run("extensions beyond the law are refused", func(t *testing.T) {
		for name, over := range map[string]map[string]any{
			"a second for a complex denunciation": {"kind": "denunciation", "instance": nil, "complexity": "complex",
				"extensions": []any{extension("2022-06-10"), extension("2022-06-11")}},
			"a third for an especially complex one": {"kind": "denunciation", "instance": nil, "complexity": "especially_complex",
				"extensions": []any{extension("2022-06-10"), extension("2022-06-11"), extension("2022-06-12")}},
			"any for a normal one": {"kind": "denunciation", "instance": nil, "extensions": []any{extension("2022-06-10")}},
			"any for a complaint":  {"complexity": "complex", "extensions": []any{extension("2022-06-10")}},
		} {
			p := checkProblem(t, e.do("POST", casesPath, "legal", caseBody(over)), http.StatusBadRequest, "invalid")
			if !hasFieldError(p, "extensions") {
				t.Errorf("%s: %v", name, p)
			}
		}
		c := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(tests[4].over))
		p := checkProblem(t, e.do("PATCH", casesPath+"/"+id(c), "legal", map[string]any{"version": 1,
			"extensions": []any{extension("2022-06-10"), extension("2022-06-12"), extension("2022-06-14")}}), http.StatusBadRequest, "invalid")
		if !strings.Contains(p["errors"].([]any)[0].(map[string]any)["message"].(string), "tối đa 02 lần") {
			t.Fatalf("%v", p)
		}
	})
	t.Run("an unknown complexity is refused", func(t *testing.T) {
		checkProblem(t, e.do("POST", casesPath, "legal", caseBody(map[string]any{"complexity": "hard"})), http.StatusBadRequest, "invalid")
	})
}

func TestCaseSuspensions(t *testing.T) {
	e := newEnv(t)
	c := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(map[string]any{"kind": "denunciation", "instance": nil}))
	path := casesPath + "/" + id(c)
	if c["resolution_due_on"] != "2022-07-01" {
		t.Fatalf("due %v", c["resolution_due_on"])
	}
	open := e.must(http.StatusOK, "PATCH", path, "legal", map[string]any{"version": 1,
		"suspensions": []any{map[string]any{"from": "2022-06-03", "decision_number": "7/QĐ-UBND"}}})
	if open["resolution_due_on"] != nil || open["suspended"] != true || open["overdue"] != false {
		t.Fatalf("while suspended: %v", open)
	}
	if got := e.must(http.StatusOK, "GET", casesPath+"?due_within=3660", "legal", nil); got["total"] != 0.0 {
		t.Fatalf("a suspended case has no due date: %v", got["total"])
	}
	closed := e.must(http.StatusOK, "PATCH", path, "legal", map[string]any{"version": 2,
		"suspensions": []any{map[string]any{"from": "2022-06-03", "to": "2022-06-12", "decision_number": "7/QĐ-UBND"}}})
	if closed["resolution_due_on"] != "2022-07-11" || closed["suspended"] != false {
		t.Fatalf("after the suspension: %v", closed)
	}
	var steps []string
	for _, it := range e.must(http.StatusOK, "GET", path, "legal", nil)["timeline"].([]any) {
		m := it.(map[string]any)
		steps = append(steps, m["date"].(string)+" "+m["type"].(string))
	}
	if got := strings.Join(steps, ", "); got != "2022-06-01 accepted, 2022-06-03 suspension, 2022-06-13 resumption" {
		t.Fatalf("timeline: %s", got)
	}
	p := checkProblem(t, e.do("PATCH", path, "legal", map[string]any{"version": 3, "suspensions": []any{
		map[string]any{"from": "2022-06-13", "decision_number": "8/QĐ-UBND"},
		map[string]any{"from": "2022-06-03", "to": "2022-06-14", "decision_number": "7/QĐ-UBND"}}}), http.StatusBadRequest, "invalid")
	if !hasFieldError(p, "suspensions[1].from") {
		t.Fatalf("overlap: %v", p)
	}
}

func TestCaseDueAndOverdueLists(t *testing.T) {
	e := newEnv(t)
	late := e.newCase(map[string]any{"accepted_on": "2022-05-01"})                                          // due 14/6/2022
	soon := e.newCase(map[string]any{"kind": "denunciation", "instance": nil, "accepted_on": "2022-05-20"}) // due 20/6/2022
	e.newCase(nil)                                                                                          // due 13/7/2022
	e.newCase(map[string]any{"kind": "denunciation", "instance": nil, "accepted_on": "2022-05-01",
		"suspensions": []any{map[string]any{"from": "2022-05-10", "decision_number": "1/QĐ"}}}) // suspended
	e.newCase(map[string]any{"accepted_on": "2022-05-02", "status": "withdrawn"}) // finished
	for query, want := range map[string][]any{
		"due_within=7":  {late, soon},
		"overdue=true":  {late},
		"due_within=0":  {late},
		"overdue=false": nil, // checked by count below
	} {
		got := e.must(http.StatusOK, "GET", casesPath+"?"+query+"&sort=resolution_due_on", "reception", nil)
		if want == nil {
			if got["total"] != 4.0 {
				t.Errorf("%s: total %v", query, got["total"])
			}
			continue
		}
		items := got["items"].([]any)
		if len(items) != len(want) {
			t.Fatalf("%s: %v", query, items)
		}
		for i, w := range want {
			if id(items[i].(map[string]any)) != jsonNumber(w) {
				t.Errorf("%s: item %d is %v", query, i, items[i])
			}
		}
	}
	got := e.must(http.StatusOK, "GET", casesPath+"/"+jsonNumber(late), "legal", nil)
	if got["overdue"] != true || got["resolution_due_on"] != "2022-06-14" {
		t.Fatalf("case file: %v %v", got["overdue"], got["resolution_due_on"])
	}
	checkProblem(t, e.do("GET", casesPath+"?overdue=maybe", "legal", nil), http.StatusBadRequest, "invalid")
}

func TestCaseStatusWorkflow(t *testing.T) {
	e := newEnv(t)
	c := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(nil))
	path, version := casesPath+"/"+id(c), 1
	decision := map[string]any{"decision_number": "30/QĐ-UBND", "decision_on": "2022-06-14", "result": "partly_correct"}
	step := func(status string, extra map[string]any, want int) map[string]any {
		t.Helper()
		body := with(map[string]any{"version": version, "status": status}, extra)
		r := e.do("PATCH", path, "legal", body)
		if r.Status != want {
			t.Fatalf("-> %s: status %d, want %d\n%s", status, r.Status, want, r.Body)
		}
		if want == http.StatusOK {
			version++
		}
		return r.JSON(t)
	}
	p := step("resolved", decision, http.StatusConflict)
	if !strings.Contains(p["detail"].(string), "Không thể chuyển vụ việc từ trạng thái “mới” sang “đã giải quyết”") {
		t.Fatalf("message: %v", p["detail"])
	}
	step("in_progress", nil, http.StatusOK)
	p = step("resolved", nil, http.StatusBadRequest)
	for _, f := range []string{"decision_number", "decision_on", "result"} {
		if !hasFieldError(p, f) {
			t.Errorf("resolved without %s: %v", f, p)
		}
	}
	step("resolved", decision, http.StatusOK)
	step("open", nil, http.StatusConflict)
	step("withdrawn", nil, http.StatusConflict)
	step("closed", nil, http.StatusOK)
	step("in_progress", nil, http.StatusConflict)

	w := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(nil))
	wpath := casesPath + "/" + id(w)
	e.must(http.StatusOK, "PATCH", wpath, "legal", map[string]any{"version": 1, "status": "withdrawn"})
	e.must(http.StatusOK, "PATCH", wpath, "legal", map[string]any{"version": 2, "status": "closed"})
	checkProblem(t, e.do("POST", casesPath, "legal", caseBody(map[string]any{"status": "closed"})), http.StatusConflict, "conflict")
}
