package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestLetterLifecycle(t *testing.T) {
	e := newEnv(t)
	created := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(nil))
	if created["code"] != "2022/000001" || created["status"] != "registered" || created["version"] != 1.0 {
		t.Fatalf("created %v", created)
	}
	if created["source_label"] != "qua đường bưu điện" || created["domain"] != nil || created["signer_count"] != 1.0 {
		t.Fatalf("labels/defaults %v", created)
	}
	if created["handling_due_on"] != "2022-05-24" { // 10 working days after Tue 10/05/2022
		t.Fatalf("handling_due_on %v", created["handling_due_on"])
	}
	path := "/api/v1/letters/" + id(created)

	t.Run("handling before classification conflicts", func(t *testing.T) {
		r := e.do("POST", path+"/handle", "legal", map[string]any{"version": 1, "outcome": "filed", "handled_on": "2022-05-12"})
		checkProblem(t, r, http.StatusConflict, "conflict")
	})
	classified := e.must(http.StatusOK, "POST", path+"/classify", "legal", map[string]any{
		"version": 1, "domain": "land", "kind": "complaint", "eligible": true, "competent": false})
	if classified["status"] != "classified" || classified["version"] != 2.0 || classified["domain_label"] == nil {
		t.Fatalf("classified %v", classified)
	}
	t.Run("stale version conflicts and returns the current record", func(t *testing.T) {
		r := e.do("POST", path+"/handle", "legal", map[string]any{"version": 1, "outcome": "filed", "handled_on": "2022-05-12"})
		p := checkProblem(t, r, http.StatusConflict, "conflict")
		cur, _ := p["current"].(map[string]any)
		if cur["version"] != 2.0 {
			t.Fatalf("current %v", p["current"])
		}
	})
	handled := e.must(http.StatusOK, "POST", path+"/handle", "leader", map[string]any{
		"version": 2, "outcome": "transferred", "handled_on": "2022-05-12", "transferred_to": "UBND huyện Châu Thành"})
	if handled["status"] != "handled" || handled["outcome_label"] != "chuyển cơ quan có thẩm quyền" {
		t.Fatalf("handled %v", handled)
	}
	patched := e.must(http.StatusOK, "PATCH", path, "legal", map[string]any{"version": 3, "reply_received_on": "2022-06-01"})
	if patched["reply_received_on"] != "2022-06-01" || patched["subject"] != "Khiếu nại về việc thu hồi đất đai" || patched["version"] != 4.0 {
		t.Fatalf("patched %v", patched)
	}
	t.Run("If-Match carries the version", func(t *testing.T) {
		r := e.do("PATCH", path, "legal", `{"summary":"Bổ sung"}`, "If-Match", `"4"`)
		if r.Status != http.StatusOK {
			t.Fatalf("status %d %s", r.Status, r.Body)
		}
	})
	t.Run("missing version is refused", func(t *testing.T) {
		checkProblem(t, e.do("PATCH", path, "legal", `{"summary":"x"}`), http.StatusBadRequest, "invalid")
	})
	t.Run("withdrawal is for leaders and hides the letter", func(t *testing.T) {
		checkProblem(t, e.do("DELETE", path, "legal", nil), http.StatusForbidden, "forbidden")
		if r := e.do("DELETE", path, "leader", nil); r.Status != http.StatusNoContent {
			t.Fatalf("delete %d %s", r.Status, r.Body)
		}
		checkProblem(t, e.do("GET", path, "legal", nil), http.StatusNotFound, "not_found")
		if list := e.must(200, "GET", "/api/v1/letters", "legal", nil); list["total"] != 0.0 {
			t.Fatalf("withdrawn letter still listed: %v", list)
		}
		audit := e.must(200, "GET", "/api/v1/audit?entity=letter&entity_id="+id(created), "leader", nil)
		actions := []string{}
		for _, it := range audit["items"].([]any) {
			actions = append(actions, it.(map[string]any)["action"].(string))
		}
		if got := strings.Join(actions, ","); got != "delete,update,update,handle,classify,create" {
			t.Fatalf("audit actions %s", got)
		}
		// The creation records the register number the database gave.
		items := audit["items"].([]any)
		changes, _ := items[len(items)-1].(map[string]any)["changes"].(map[string]any)
		code, _ := changes["code"].(map[string]any)
		subject, _ := changes["subject"].(map[string]any)
		if code["to"] != created["code"] || created["code"] == nil || code["from"] != nil || subject["to"] != "Khiếu nại về việc thu hồi đất đai" {
			t.Fatalf("creation's changes %v, code %v", changes, created["code"])
		}
	})
}

func TestLetterRoles(t *testing.T) {
	e := newEnv(t)
	l := e.must(http.StatusCreated, "POST", "/api/v1/letters", "legal", letterBody(nil))
	path := "/api/v1/letters/" + id(l)
	classify := map[string]any{"version": 1, "domain": "civil", "kind": "petition", "eligible": true, "competent": true}
	cases := []struct {
		name, method, path, user string
		body                     any
		want                     int
	}{
		{"anonymous list", "GET", "/api/v1/letters", "", nil, 401},
		{"admin list", "GET", "/api/v1/letters", "admin", nil, 403},
		{"admin get", "GET", path, "admin", nil, 403},
		{"admin create", "POST", "/api/v1/letters", "admin", letterBody(nil), 403},
		{"leader create", "POST", "/api/v1/letters", "leader", letterBody(nil), 403},
		{"reception classify", "POST", path + "/classify", "reception", classify, 403},
		{"reception handle", "POST", path + "/handle", "reception", map[string]any{"version": 1, "outcome": "filed", "handled_on": "2022-05-12"}, 403},
		{"reception patch", "PATCH", path, "reception", map[string]any{"version": 1, "summary": "x"}, 403},
		{"reception delete", "DELETE", path, "reception", nil, 403},
		{"reception list", "GET", "/api/v1/letters", "reception", nil, 200},
		{"leader get", "GET", path, "leader", nil, 200},
		{"reception create", "POST", "/api/v1/letters", "reception", letterBody(nil), 201},
		{"leader classify", "POST", path + "/classify", "leader", classify, 200},
		{"garbage token", "GET", "/api/v1/letters", "nobody", nil, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if r := e.do(c.method, c.path, c.user, c.body); r.Status != c.want {
				t.Fatalf("status %d, want %d: %s", r.Status, c.want, r.Body)
			}
		})
	}
}

func TestLetterBadInputWritesNothing(t *testing.T) {
	e := newEnv(t)
	long := strings.Repeat("đ", 501)
	cases := []struct {
		name   string
		body   any
		ctype  string
		status int
		code   string
		field  string
	}{
		{"malformed JSON", `{"received_on":`, "", 400, "invalid", ""},
		{"trailing data", `{"received_on":"2022-05-10"} {}`, "", 400, "invalid", ""},
		{"unknown field", letterBody(map[string]any{"colour": "red"}), "", 400, "invalid", "colour"},
		{"unknown source", letterBody(map[string]any{"source": "pigeon"}), "", 400, "invalid", "source"},
		{"unknown kind", letterBody(map[string]any{"kind": "praise"}), "", 400, "invalid", "kind"},
		{"impossible date", letterBody(map[string]any{"received_on": "2022-02-30"}), "", 400, "invalid", "received_on"},
		{"future date", letterBody(map[string]any{"received_on": "2022-06-16"}), "", 400, "invalid", "received_on"},
		{"missing date", letterBody(map[string]any{"received_on": nil}), "", 400, "invalid", "received_on"},
		{"missing subject", letterBody(map[string]any{"subject": ""}), "", 400, "invalid", "subject"},
		{"subject too long", letterBody(map[string]any{"subject": long}), "", 400, "invalid", "subject"},
		{"no named sender", letterBody(map[string]any{"senders": []any{}}), "", 400, "invalid", "senders"},
		{"forwarded without origin", letterBody(map[string]any{"source": "forwarded"}), "", 400, "invalid", "forwarded_from"},
		{"zero signers", letterBody(map[string]any{"signer_count": -1}), "", 400, "invalid", "signer_count"},
		{"wrong type", letterBody(map[string]any{"signer_count": "two"}), "", 400, "invalid", "signer_count"},
		{"unknown case", letterBody(map[string]any{"case_id": 999}), "", 400, "invalid", "case_id"},
		{"wrong content type", letterBody(nil), "text/plain", 415, "unsupported_media", ""},
		{"body over 1 MiB", letterBody(map[string]any{"summary": strings.Repeat("a", 1<<20)}), "", 413, "too_large", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var headers []string
			if c.ctype != "" {
				headers = []string{"Content-Type", c.ctype}
			}
			p := checkProblem(t, e.do("POST", "/api/v1/letters", "reception", c.body, headers...), c.status, c.code)
			if c.field != "" && !hasFieldError(p, c.field) {
				t.Fatalf("no error for field %s: %v", c.field, p["errors"])
			}
		})
	}
	if list := e.must(200, "GET", "/api/v1/letters", "legal", nil); list["total"] != 0.0 {
		t.Fatalf("bad input wrote %v letters", list["total"])
	}
	t.Run("anonymous letter needs no sender", func(t *testing.T) {
		l := e.must(201, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{"anonymous": true, "senders": []any{}}))
		if l["code"] != "2022/000001" {
			t.Fatalf("failed attempts used register numbers: %v", l["code"])
		}
	})
}

func hasFieldError(p map[string]any, field string) bool {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if e.(map[string]any)["field"] == field {
			return true
		}
	}
	return false
}

func TestLetterActionsBadInput(t *testing.T) {
	e := newEnv(t)
	l := e.must(201, "POST", "/api/v1/letters", "reception", letterBody(nil))
	path := "/api/v1/letters/" + id(l)
	checkProblem(t, e.do("POST", path+"/classify", "legal", map[string]any{"version": 1, "domain": "sea", "kind": "complaint", "eligible": true, "competent": true}), 400, "invalid")
	checkProblem(t, e.do("POST", path+"/classify", "legal", map[string]any{"version": 1, "domain": "land", "kind": "complaint"}), 400, "invalid")
	e.must(200, "POST", path+"/classify", "legal", map[string]any{"version": 1, "domain": "land", "kind": "complaint", "eligible": true, "competent": true})
	for name, body := range map[string]map[string]any{
		"handled before received":   {"version": 2, "outcome": "filed", "handled_on": "2022-05-09"},
		"handled in the future":     {"version": 2, "outcome": "filed", "handled_on": "2022-07-01"},
		"transfer without receiver": {"version": 2, "outcome": "transferred", "handled_on": "2022-05-12"},
		"unknown outcome":           {"version": 2, "outcome": "burned", "handled_on": "2022-05-12"},
	} {
		t.Run(name, func(t *testing.T) { checkProblem(t, e.do("POST", path+"/handle", "legal", body), 400, "invalid") })
	}
	checkProblem(t, e.do("PATCH", path, "legal", map[string]any{"version": 2, "reply_received_on": "2022-06-01"}), 400, "invalid")
	checkProblem(t, e.do("GET", "/api/v1/letters/abc", "legal", nil), 404, "not_found")
	checkProblem(t, e.do("GET", "/api/v1/letters/9999", "legal", nil), 404, "not_found")
	checkProblem(t, e.do("GET", "/api/v1/letters?domain=sea", "legal", nil), 400, "invalid")
	checkProblem(t, e.do("GET", "/api/v1/letters?from=2022-13-01", "legal", nil), 400, "invalid")
	checkProblem(t, e.do("GET", "/api/v1/letters?sort=colour", "legal", nil), 400, "invalid")
	got := e.must(200, "GET", path, "legal", nil)
	if got["version"] != 2.0 || got["outcome"] != nil {
		t.Fatalf("refused actions changed the letter: %v", got)
	}
}

func TestLetterListFiltersAndSearch(t *testing.T) {
	e := newEnv(t)
	mk := func(over map[string]any) {
		e.must(201, "POST", "/api/v1/letters", "reception", letterBody(over))
	}
	mk(map[string]any{"received_on": "2022-05-01", "subject": "Tranh chấp đất đai"})
	mk(map[string]any{"received_on": "2022-05-31", "source": "online", "subject": "Phản ánh tiếng ồn",
		"senders": []map[string]any{{"full_name": "Trần Thị Bích"}}})
	mk(map[string]any{"received_on": "2022-06-01", "subject": "ĐẤT  ĐAI lấn chiếm"})
	count := func(query string) float64 {
		return e.must(200, "GET", "/api/v1/letters?"+query, "legal", nil)["total"].(float64)
	}
	for query, want := range map[string]float64{
		"from=2022-05-01&to=2022-05-31":  2,
		"source=online":                  1,
		"q=dat%20dai":                    2,
		"q=DAT+DAI":                      2,
		"q=tran%20bich":                  1,
		"q=Tr%E1%BA%A7n%20Th%E1%BB%8B":   1, // "Trần Thị" composed
		"q=Tra%CC%82%CC%80n%20Thi%CC%A3": 1, // "Trần Thị" decomposed (NFD)
		"q=100%25":                       0, // LIKE wildcards are literal
		"status=registered":              3,
		"overdue=true":                   2, // due 13/05 and 14/06 (today is 15/06)
		"overdue=false":                  1,
	} {
		if got := count(query); got != want {
			t.Errorf("%s: %v letters, want %v", query, got, want)
		}
	}
	page := e.must(200, "GET", "/api/v1/letters?per_page=2&page=2&sort=received_on", "legal", nil)
	items := page["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["received_on"] != "2022-06-01" || page["per_page"] != 2.0 {
		t.Fatalf("page 2: %v", page)
	}
	if capped := e.must(200, "GET", "/api/v1/letters?per_page=1000", "legal", nil); capped["per_page"] != 200.0 {
		t.Fatalf("per_page not capped: %v", capped["per_page"])
	}
}

func TestConcurrentRegistrationHasNoGaps(t *testing.T) {
	e := newEnv(t)
	const n = 100
	var wg sync.WaitGroup
	codes := make(chan string, n)
	errs := make(chan string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := e.do("POST", "/api/v1/letters", "reception", letterBody(map[string]any{"subject": fmt.Sprintf("Đơn số %d", i)}))
			if r.Status != 201 {
				errs <- string(r.Body)
				return
			}
			codes <- r.JSON(t)["code"].(string)
		}()
	}
	wg.Wait()
	close(codes)
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent create failed: %s", err)
	}
	seen := map[string]bool{}
	for c := range codes {
		seen[c] = true
	}
	for i := 1; i <= n; i++ {
		if c := fmt.Sprintf("2022/%06d", i); !seen[c] {
			t.Fatalf("register number %s missing; got %d distinct", c, len(seen))
		}
	}
}
