package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestLetterPagesEscapeHostileText(t *testing.T) {
	e := newEnv(t)
	hostile := `<script>alert(1)</script>`
	l := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{
		"subject": hostile, "senders": []map[string]any{{"full_name": `"><img src=x onerror=alert(2)>`}}}))
	b := e.browse("legal")
	for _, path := range []string{"/letters", "/letters/" + id(l), "/letters?q=" + url.QueryEscape(hostile)} {
		p := b.mustGet(http.StatusOK, path)
		p.contains(t, "&lt;script&gt;alert(1)&lt;/script&gt;")
		p.lacks(t, hostile, "<img src=x")
	}
	p := b.mustGet(http.StatusOK, "/letters/"+id(l))
	p.contains(t, "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;")
}

func TestLetterPagesFollowTheRoles(t *testing.T) {
	e := newEnv(t)
	l := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(nil))
	path := "/letters/" + id(l)
	classify := `action="` + path + `/classify"`

	t.Run("reception sees the letter without the classify and handle forms", func(t *testing.T) {
		b := e.browse("reception")
		p := b.mustGet(http.StatusOK, path)
		p.contains(t, "Khiếu nại về việc thu hồi đất đai", "Nguyễn Văn An")
		p.lacks(t, classify, `action="`+path+`/handle"`, "Lịch sử thay đổi")
		b.mustGet(http.StatusOK, "/").lacks(t, `href="/admin/audit"`, `href="/admin/users"`)
	})
	t.Run("reception posting the classify form is refused and nothing changes", func(t *testing.T) {
		b := e.browse("reception")
		b.mustGet(http.StatusOK, path)
		p := b.submit(path+"/classify", url.Values{"domain": {"land"}, "kind": {"complaint"}, "eligible": {"true"},
			"competent": {"true"}, "version": {"1"}})
		if p.Status != http.StatusForbidden {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, "Không có quyền", "Bạn không có quyền thực hiện thao tác này.")
		got := e.must(http.StatusOK, "GET", "/api/v1"+path, "legal", nil)
		if got["status"] != "registered" || got["version"] != 1.0 {
			t.Fatalf("letter changed: %v", got)
		}
	})
	t.Run("legal classifies and handles through the forms", func(t *testing.T) {
		b := e.browse("legal")
		b.mustGet(http.StatusOK, path).contains(t, classify)
		p := b.submit(path+"/classify", url.Values{"domain": {"land"}, "kind": {"complaint"}, "eligible": {"true"},
			"competent": {"false"}, "version": {"1"}})
		if p.Status != http.StatusSeeOther || p.Location != path+"?ok=classified" {
			t.Fatalf("classify: %d %q\n%s", p.Status, p.Location, p.Body)
		}
		b.mustGet(http.StatusOK, p.Location).contains(t, "Đã phân loại đơn.", "liên quan đến quyền sử dụng đất")
		p = b.submit(path+"/handle", url.Values{"outcome": {"transferred"}, "handled_on": {"12/05/2022"}, "version": {"1"}})
		if p.Status != http.StatusBadRequest {
			t.Fatalf("stale handle: %d", p.Status)
		}
		p.contains(t, "Bản ghi đã được người khác sửa", `name="version" value="2"`)
		p = b.submit(path+"/handle", url.Values{"outcome": {"transferred"}, "handled_on": {"12/05/2022"}, "version": {"2"}})
		if p.Status != http.StatusBadRequest {
			t.Fatalf("handle without transferred_to: %d", p.Status)
		}
		p.contains(t, `id="f-handle-transferred_to-err"`, "Trường này là bắt buộc.", `value="12/05/2022"`)
		p = b.submit(path+"/handle", url.Values{"outcome": {"transferred"}, "handled_on": {"12/05/2022"}, "version": {"2"},
			"transferred_to": {"UBND huyện Châu Thành"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("handle: %d\n%s", p.Status, p.Body)
		}
		b.mustGet(http.StatusOK, path).contains(t, `action="`+path+`/reply"`)
		p = b.submit(path+"/reply", url.Values{"reply_received_on": {"01/05/2022"}, "version": {"3"}})
		p.contains(t, `id="f-reply-reply_received_on-err"`, "Ngày nhận văn bản phúc đáp không được trước ngày nhận đơn.")
		p = b.submit(path+"/reply", url.Values{"reply_received_on": {"01/06/2022"}, "version": {"3"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("reply: %d\n%s", p.Status, p.Body)
		}
		b.mustGet(http.StatusOK, path).contains(t, "Nhận văn bản phúc đáp", "01/06/2022")
	})
	t.Run("leader sees the history", func(t *testing.T) {
		p := e.browse("leader").mustGet(http.StatusOK, path)
		p.contains(t, "Lịch sử thay đổi", "phân loại", "xử lý", "tạo mới", "UBND huyện Châu Thành")
	})
	t.Run("admin gets the refusal page on letters and sees only admin links", func(t *testing.T) {
		b := e.browse("admin")
		p := b.get("/letters")
		if p.Status != http.StatusForbidden {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, "Không có quyền", `href="/admin/users"`)
		p.lacks(t, `href="/letters"`, `href="/reports"`)
		if p := b.get("/"); p.Status != http.StatusSeeOther || p.Location != "/admin/users" {
			t.Fatalf("admin home: %d %q", p.Status, p.Location)
		}
	})
	t.Run("leader may not register letters", func(t *testing.T) {
		b := e.browse("leader")
		b.mustGet(http.StatusOK, "/letters").lacks(t, `href="/letters/new"`)
		b.mustGet(http.StatusForbidden, "/letters/new")
	})
}

func TestLetterPagesProtectIdentity(t *testing.T) {
	e := newEnv(t)
	l := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{
		"kind": "denunciation", "subject": "Tố cáo cán bộ địa chính",
		"senders": []map[string]any{{"full_name": "Người Tố Cáo", "id_number": "079000111222"}}}))
	path := "/letters/" + id(l)
	t.Run("another reception officer sees the mask", func(t *testing.T) {
		b := e.browse("reception2")
		for _, p := range []page{b.mustGet(http.StatusOK, path), b.mustGet(http.StatusOK, "/letters")} {
			p.contains(t, "[bảo mật]")
			p.lacks(t, "Người Tố Cáo", "079000111222")
		}
		b.mustGet(http.StatusOK, "/people?q="+url.QueryEscape("Nguoi To Cao")).lacks(t, "Người Tố Cáo", "079000111222")
	})
	t.Run("legal sees the name", func(t *testing.T) {
		p := e.browse("legal").mustGet(http.StatusOK, path)
		p.contains(t, "Người Tố Cáo", "079000111222")
		p.lacks(t, "[bảo mật]")
	})
	t.Run("the officer who registered it sees the name", func(t *testing.T) {
		e.browse("reception").mustGet(http.StatusOK, path).contains(t, "Người Tố Cáo")
	})
}

func TestLetterFormKeepsWhatWasTyped(t *testing.T) {
	e := newEnv(t)
	b := e.browse("reception")
	b.mustGet(http.StatusOK, "/letters/new").contains(t, `value="15/06/2022"`)

	t.Run("an impossible date is refused beside its field", func(t *testing.T) {
		f := letterForm()
		f.Set("received_on", "31/02/2022")
		f.Set("senders[1].full_name", "Trần Thị Én")
		f.Set("summary", "Nội dung <b>đậm</b>")
		p := b.submit("/letters/new", f)
		if p.Status != http.StatusBadRequest {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, `id="f-received_on-err"`, "Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy với ngày có thật.",
			`value="31/02/2022"`, `value="Trần Thị Én"`, `value="Nguyễn Văn An"`, "Nội dung &lt;b&gt;đậm&lt;/b&gt;",
			`aria-invalid="true"`, `href="#f-received_on"`)
	})
	t.Run("the services' messages show beside the fields", func(t *testing.T) {
		f := letterForm()
		f.Del("subject")
		f.Set("senders[0].full_name", "")
		f.Set("senders[1].full_name", "Trần Thị Én")
		f.Set("source", "forwarded")
		p := b.submit("/letters/new", f)
		if p.Status != http.StatusBadRequest {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, `id="f-subject-err"`, "Trích yếu nội dung: Trường này là bắt buộc.",
			`id="f-forwarded_from-err"`, `<option value="forwarded" selected>`)
		// The filled second row moved up to the first, so the numbering of
		// any message matches the rows the user sees.
		if !strings.Contains(p.Body, `name="senders[0].full_name" value="Trần Thị Én"`) {
			t.Errorf("sender rows not compacted")
		}
		if n := e.letterCount(); n != 0 {
			t.Fatalf("%v letters written", n)
		}
	})
	t.Run("add a sender redraws the form with one more row", func(t *testing.T) {
		p := b.submit("/letters/new", url.Values{"sender_rows": {"2"}, "action": {"add_sender"}, "subject": {"Giữ nguyên"}})
		if p.Status != http.StatusOK {
			t.Fatalf("status %d", p.Status)
		}
		p.contains(t, `name="senders[2].full_name"`, `value="Giữ nguyên"`, `name="sender_rows" value="3"`)
		if n := e.letterCount(); n != 0 {
			t.Fatalf("%v letters written", n)
		}
	})
}
