package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

func TestCaseMeetingAndDocumentPages(t *testing.T) {
	e := newEnv(t)
	b := e.browse("legal")
	p := b.submit("/cases", url.Values{"title": {"Khiếu nại thu hồi đất ấp Bàu Sen"}, "kind": {"complaint"},
		"accepted_on": {"01/06/2022"}, "petitioner.full_name": {"Lê Văn Cường"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("create case: %d\n%s", p.Status, p.Body)
	}
	casePath := p.Location[:len(p.Location)-len("?ok=created")]
	caseID := casePath[len("/cases/"):]
	b.mustGet(http.StatusOK, casePath).contains(t, "Khiếu nại thu hồi đất ấp Bàu Sen", "Hạn giải quyết", "Lê Văn Cường")

	t.Run("the case form records progress and keeps the petitioner", func(t *testing.T) {
		p := b.submit(casePath, url.Values{"title": {"Khiếu nại thu hồi đất ấp Bàu Sen"}, "kind": {"complaint"},
			"status": {"in_progress"}, "accepted_on": {"01/06/2022"}, "decision_number": {"1234/QĐ-UBND"},
			"decision_on": {"10/06/2022"}, "version": {"1"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("update: %d\n%s", p.Status, p.Body)
		}
		b.mustGet(http.StatusOK, casePath).contains(t, "1234/QĐ-UBND", "10/06/2022", "Lê Văn Cường", "đang giải quyết")
	})
	t.Run("a dialogue needs a chair and known cases", func(t *testing.T) {
		p := b.submit("/dialogues", url.Values{"held_on": {"14/06/2022"}, "case_ids": {"999"}})
		if p.Status != http.StatusBadRequest {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, `id="f-new-chaired_by-err"`, `value="999"`)
		p = b.submit("/dialogues", url.Values{"held_on": {"14/06/2022"}, "case_ids": {"abc"}, "chaired_by": {"Ông Hòa"}})
		p.contains(t, "Ghi số hiệu vụ việc, cách nhau bằng dấu phẩy")
		p = b.submit("/dialogues", url.Values{"held_on": {"14/06/2022"}, "case_ids": {caseID}, "chaired_by": {"Ông Hòa"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("dialogue: %d\n%s", p.Status, p.Body)
		}
		b.mustGet(http.StatusOK, "/dialogues").contains(t, "Ông Hòa", `href="/cases/`+caseID+`"`)
	})
	t.Run("a council meeting takes a comma list of cases", func(t *testing.T) {
		p := b.submit("/council-meetings", url.Values{"held_on": {"14/06/2022"}, "case_ids": {caseID + ", "}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("council: %d\n%s", p.Status, p.Body)
		}
		b.mustGet(http.StatusOK, "/cases/"+caseID).contains(t, "Họp Hội đồng tư vấn", "Đối thoại do Ông Hòa chủ trì")
	})
	t.Run("a document is recorded and filtered", func(t *testing.T) {
		p := b.submit("/documents", url.Values{"number": {"125/VP-NC"}, "issued_on": {"12/06/2022"},
			"doc_type": {"official_letter"}, "subject": {"V/v trả lời đơn"}, "case_id": {caseID}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("document: %d\n%s", p.Status, p.Body)
		}
		b.mustGet(http.StatusOK, "/documents?doc_type=official_letter&from=01/06/2022").contains(t, "125/VP-NC", "Tổng số: <strong>1</strong>")
		b.mustGet(http.StatusOK, "/documents?doc_type=decision").contains(t, "Chưa có văn bản nào.")
		b.mustGet(http.StatusBadRequest, "/documents?from=32/01/2022").contains(t, "Ngày không hợp lệ")
	})
	t.Run("reception reads but has no forms", func(t *testing.T) {
		r := e.browse("reception")
		for _, path := range []string{"/cases", casePath, "/dialogues", "/council-meetings", "/documents"} {
			r.mustGet(http.StatusOK, path).lacks(t, `method="post" action="/`+path[1:]+`"`, "Mở vụ việc mới", "Cập nhật vụ việc", "Ghi văn bản")
		}
	})
}

func TestReportsPage(t *testing.T) {
	e := newEnv(t)
	seedOffice(e)
	b := e.browse("reception")
	p := b.mustGet(http.StatusOK, "/reports")
	p.contains(t, "Số liệu tháng 6 năm 2022", "Tiếp nhận và xử lý 06 đơn", "/api/v1/reports/statistics?format=xlsx&amp;month=2022-06",
		"Tổng số đơn tiếp nhận", `data-copy="paragraph"`)
	for _, tc := range []struct{ query, want string }{
		{"kind=quarter&year=2022&quarter=2", "Số liệu quý II năm 2022"},
		{"kind=half&year=2022&half=1", "Số liệu 6 tháng đầu năm 2022"},
		{"kind=nine_months&year=2022", "Số liệu 9 tháng năm 2022"},
		{"kind=year&year=2022", "Số liệu năm 2022"},
		{"kind=range&from=01/05/2022&to=15/06/2022", "Số liệu từ ngày 01/05/2022 đến ngày 15/06/2022"},
	} {
		b.mustGet(http.StatusOK, "/reports?"+tc.query).contains(t, tc.want)
	}
	b.mustGet(http.StatusBadRequest, "/reports?kind=range&from=15/06/2022&to=01/05/2022").contains(t, "Ngày kết thúc không được trước ngày bắt đầu.")
	e.browse("admin").mustGet(http.StatusForbidden, "/reports")
}

func TestAdminPages(t *testing.T) {
	e := newEnv(t)
	b := e.browse("admin")
	p := b.mustGet(http.StatusOK, "/admin/users")
	p.contains(t, "reception2", "Thêm người dùng")
	p = b.submit("/admin/users", url.Values{"username": {"Co Lan"}, "full_name": {"Cô Lan"}, "role": {"legal"}, "password": {"ngan"}})
	if p.Status != http.StatusBadRequest {
		t.Fatalf("status %d", p.Status)
	}
	p.contains(t, `id="f-new-username-err"`, `id="f-new-password-err"`, "Mật khẩu phải có ít nhất 10 ký tự.", `value="Cô Lan"`)
	p.lacks(t, `value="ngan"`)
	p = b.submit("/admin/users", url.Values{"username": {"colan"}, "full_name": {"Cô Lan"}, "role": {"legal"}, "password": {"mat-khau-du-dai"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", p.Status, p.Body)
	}
	id := e.users["reception2"]
	uid := "/admin/users/" + jsonNumber(id)
	p = b.submit(uid, url.Values{"full_name": {"Người dùng reception2"}, "role": {"reception"}, "version": {"1"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("deactivate: %d\n%s", p.Status, p.Body)
	}
	if u := e.must(http.StatusOK, "GET", "/api/v1"+uid[len("/admin"):], "admin", nil); u["active"] != false {
		t.Fatalf("user still active: %v", u)
	}
	p = b.submit("/admin/users/"+jsonNumber(e.users["admin"]), url.Values{"role": {"legal"}, "active": {"1"}, "version": {"1"}})
	p.contains(t, "Không thể tự bỏ quyền quản trị")
	b.mustGet(http.StatusOK, "/admin/audit?entity=user&action=update").contains(t, "người dùng", "sửa")
	e.browse("leader").mustGet(http.StatusForbidden, "/admin/users")
	e.browse("legal").mustGet(http.StatusForbidden, "/admin/audit")
}

func TestPeoplePages(t *testing.T) {
	e := newEnv(t)
	seedOffice(e)
	b := e.browse("legal")
	p := b.mustGet(http.StatusOK, "/people?q=072080001111")
	p.contains(t, "Nguyễn Văn An", "Tổng số: <strong>1</strong>")
	m := regexp.MustCompile(`href="(/people/\d+)"`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no link to the citizen file:\n%s", p.Body)
	}
	p = b.mustGet(http.StatusOK, m[1])
	p.contains(t, "Hồ sơ công dân: Nguyễn Văn An", "lần thứ 1", "lần thứ 2", `href="/letters/`, "Khiếu nại quyết định thu hồi đất")
	b.mustGet(http.StatusNotFound, "/people/99999").contains(t, "Không tìm thấy")
	b.mustGet(http.StatusOK, "/people?q=khong+ai+ten+nay").contains(t, "Không tìm thấy công dân nào.")
}
