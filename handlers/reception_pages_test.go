package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

// visitForm is a valid quick visit form.
func visitForm(over map[string]string) url.Values {
	f := url.Values{"visited_on": {"15/06/2022"}, "type": {"regular"}, "people_count": {"1"},
		"representative.full_name": {"Phạm Thị Dung"}, "content": {"Đề nghị xem xét lại giá bồi thường"},
		"outcome": {"guided"}, "case_id": {""}, "action": {"save"}}
	for k, v := range over {
		f.Set(k, v)
	}
	return f
}

func TestReceptionPageLogsVisitsOfCases(t *testing.T) {
	e := newEnv(t)
	b := e.browse("reception")
	b.mustGet(http.StatusOK, "/reception").contains(t, `value="15/06/2022"`, "Hôm nay chưa có lượt tiếp nào.")

	p := b.submit("/reception/visits", visitForm(nil))
	m := regexp.MustCompile(`^/reception\?case=(\d+)&ok=newcase$`).FindStringSubmatch(p.Location)
	if p.Status != http.StatusSeeOther || m == nil {
		t.Fatalf("first visit: %d %q\n%s", p.Status, p.Location, p.Body)
	}
	caseID := m[1]
	b.mustGet(http.StatusOK, p.Location).contains(t, "Đã ghi lượt tiếp công dân và mở vụ việc mới.",
		`href="/cases/`+caseID+`"`, "Phạm Thị Dung")

	t.Run("find a case keeps what was typed", func(t *testing.T) {
		p := b.submit("/reception/visits", visitForm(map[string]string{"action": "find_case", "case_q": "gia boi thuong",
			"content": "Trở lại hỏi kết quả"}))
		if p.Status != http.StatusOK {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, `name="case_id" value="`+caseID+`"`, "Trở lại hỏi kết quả", `value="Phạm Thị Dung"`)
		p = b.submit("/reception/visits", visitForm(map[string]string{"action": "find_case", "case_q": caseID}))
		p.contains(t, `name="case_id" value="`+caseID+`"`)
		p = b.submit("/reception/visits", visitForm(map[string]string{"action": "find_case", "case_q": "khong co dau"}))
		p.contains(t, "Không tìm thấy vụ việc nào phù hợp.")
	})
	t.Run("a repeat visit counts toward the case", func(t *testing.T) {
		p := b.submit("/reception/visits", visitForm(map[string]string{"case_id": caseID, "content": "Trở lại hỏi kết quả"}))
		if p.Status != http.StatusSeeOther || p.Location != "/reception?ok=visit" {
			t.Fatalf("repeat visit: %d %q\n%s", p.Status, p.Location, p.Body)
		}
		b.mustGet(http.StatusOK, "/cases/"+caseID).contains(t, "Các lượt tiếp (2)", "Tiếp công dân: Trở lại hỏi kết quả")
	})
	t.Run("a case link from the case page is preselected", func(t *testing.T) {
		b.mustGet(http.StatusOK, "/reception?case_id="+caseID).contains(t, `name="case_id" value="`+caseID+`" checked`)
	})
	t.Run("a periodic visit without a session is refused beside the field", func(t *testing.T) {
		p := b.submit("/reception/visits", visitForm(map[string]string{"type": "periodic", "people_count": "0"}))
		if p.Status != http.StatusBadRequest {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, `id="f-visit-session_id-err"`, "Lượt tiếp định kỳ phải thuộc một kỳ tiếp.",
			`id="f-visit-people_count-err"`, "Số người phải từ 1 trở lên.")
	})
	t.Run("a leader's session is recorded", func(t *testing.T) {
		p := b.submit("/reception/sessions", url.Values{"held_on": {"15/06/2022"}, "type": {"periodic"},
			"host_level": {"chairman"}, "host_name": {"Nguyễn Thanh Ngọc"}})
		if p.Status != http.StatusSeeOther || p.Location != "/reception?ok=session" {
			t.Fatalf("session: %d %q\n%s", p.Status, p.Location, p.Body)
		}
		b.mustGet(http.StatusOK, "/reception").contains(t, "Nguyễn Thanh Ngọc", "15/06/2022 – Nguyễn Thanh Ngọc (tiếp định kỳ)")
	})
	t.Run("leaders read reception but have no forms", func(t *testing.T) {
		l := e.browse("leader")
		p := l.mustGet(http.StatusOK, "/reception")
		p.contains(t, "Phạm Thị Dung")
		p.lacks(t, `action="/reception/visits"`, `action="/reception/sessions"`)
		if p := l.submit("/reception/visits", visitForm(nil)); p.Status != http.StatusForbidden {
			t.Fatalf("leader visit: %d", p.Status)
		}
	})
}
