package handlers_test

import (
	"net/http"
	"testing"
)

const holidaysPath = "/api/v1/holidays"

// holidayDates returns the dates of a holiday year answer, with their items.
func holidayDates(got map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, it := range got["items"].([]any) {
		m := it.(map[string]any)
		out[m["date"].(string)] = m
	}
	return out
}

func TestHolidayList(t *testing.T) {
	e := newEnv(t)
	got := e.must(http.StatusOK, "GET", holidaysPath+"?year=2022", "reception", nil)
	days := holidayDates(got)
	comp := days["2022-05-02"]
	if got["source"] != "list" || comp == nil || comp["kind"] != "compensatory" || comp["kind_label"] != "nghỉ bù" ||
		comp["weekday"] != "thứ Hai" || comp["provisional"] != false {
		t.Fatalf("2022: %v", got)
	}
	if got["working_days"] != 249.0 { // 260 weekdays less 11 days off
		t.Fatalf("working days %v", got["working_days"])
	}
	if days := holidayDates(e.must(http.StatusOK, "GET", holidaysPath+"?year=2024", "admin", nil)); days["2024-05-04"]["kind"] != "working_day" {
		t.Fatalf("the working Saturday of 2024: %v", days["2024-05-04"])
	}
	computed := e.must(http.StatusOK, "GET", holidaysPath+"?year=2030", "legal", nil)
	cdays := holidayDates(computed)
	if computed["source"] != "computed" || cdays["2030-02-02"] == nil || cdays["2030-02-02"]["provisional"] != true ||
		cdays["2030-04-12"]["name"] != "Giỗ Tổ Hùng Vương (10/3 âm lịch)" {
		t.Fatalf("2030: %v", computed)
	}
	checkProblem(t, e.do("GET", holidaysPath+"?year=abc", "legal", nil), http.StatusBadRequest, "invalid")
	checkProblem(t, e.do("GET", holidaysPath+"?year=1800", "legal", nil), http.StatusBadRequest, "invalid")
	checkProblem(t, e.do("GET", holidaysPath, "", nil), http.StatusUnauthorized, "unauthorized")
	if this := e.must(http.StatusOK, "GET", holidaysPath, "leader", nil); this["year"] != 2022.0 {
		t.Fatalf("default year %v", this["year"])
	}
}

func TestHolidayEditsMoveDeadlines(t *testing.T) {
	e := newEnv(t)
	due := func() any {
		return e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{"received_on": "2022-06-15"}))["handling_due_on"]
	}
	if d := due(); d != "2022-06-29" {
		t.Fatalf("before: %v", d)
	}
	earlier := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{"received_on": "2022-06-15"}))
	c := e.must(http.StatusCreated, "POST", casesPath, "legal", caseBody(map[string]any{"accepted_on": "2022-06-10"})) // due 22/7
	stored := func() (any, any) {
		return e.must(http.StatusOK, "GET", "/api/v1/letters/"+id(earlier), "legal", nil)["handling_due_on"],
			e.must(http.StatusOK, "GET", casesPath+"/"+id(c), "legal", nil)["resolution_due_on"]
	}
	day := map[string]any{"date": "2022-06-16", "name": "Nghỉ đột xuất theo quyết định của tỉnh", "kind": "holiday"}
	for _, role := range []string{"legal", "leader", "reception"} {
		checkProblem(t, e.do("POST", holidaysPath, role, day), http.StatusForbidden, "forbidden")
	}
	h := e.must(http.StatusCreated, "POST", holidaysPath, "admin", day)
	if d := due(); d != "2022-06-30" {
		t.Fatalf("after adding 16/6: %v", d)
	}
	if l, c := stored(); l != "2022-06-30" || c != "2022-07-25" {
		t.Fatalf("stored deadlines after adding 16/6: %v %v", l, c)
	}
	checkProblem(t, e.do("POST", holidaysPath, "admin", day), http.StatusConflict, "conflict")
	p := checkProblem(t, e.do("POST", holidaysPath, "admin", map[string]any{"date": "2022-06-17", "name": "Làm bù", "kind": "working_day"}),
		http.StatusBadRequest, "invalid")
	if !hasFieldError(p, "kind") {
		t.Fatalf("%v", p)
	}
	checkProblem(t, e.do("DELETE", holidaysPath+"/"+id(h), "leader", nil), http.StatusForbidden, "forbidden")
	e.must(http.StatusNoContent, "DELETE", holidaysPath+"/"+id(h), "admin", nil)
	if d := due(); d != "2022-06-29" {
		t.Fatalf("after removing it: %v", d)
	}
	if l, c := stored(); l != "2022-06-29" || c != "2022-07-22" {
		t.Fatalf("stored deadlines after removing 16/6: %v %v", l, c)
	}
	checkProblem(t, e.do("DELETE", holidaysPath+"/"+id(h), "admin", nil), http.StatusNotFound, "not_found")
	e.must(http.StatusCreated, "POST", holidaysPath, "admin", day) // a withdrawn date may be listed again
	if got := e.must(http.StatusOK, "GET", "/api/v1/audit?entity=holiday", "admin", nil); got["total"] != 3.0 {
		t.Fatalf("audit entries: %v", got["total"])
	}

	// The first day listed for a year makes the list that year's whole truth.
	e.must(http.StatusCreated, "POST", holidaysPath, "admin", map[string]any{"date": "2030-02-04", "name": "Tết Nguyên Đán", "kind": "holiday"})
	got := e.must(http.StatusOK, "GET", holidaysPath+"?year=2030", "admin", nil)
	if got["source"] != "list" || len(got["items"].([]any)) != 1 {
		t.Fatalf("2030 after a listed day: %v", got)
	}
}
