package handlers_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// may2022Paragraph is the reference paragraph of domain.md, one line per
// bullet, with the house style's two-digit counts under ten.
const may2022Paragraph = `- Tiếp nhận và xử lý 81 đơn gửi khiếu nại, tố cáo, phản ánh qua đường bưu điện, phân loại như sau: liên quan đến quyền sử dụng đất 59 đơn; dân sự 10 đơn; lĩnh vực chính trị, văn hoá – xã hội và lĩnh vực khác: 12 đơn. Trong đó, tố cáo 06 đơn; khiếu nại 49 đơn; kiến nghị, phản ánh 26 đơn (qua nghiên cứu đơn, đã xử lý như: hướng dẫn, chuyển cơ quan có thẩm quyền 38 đơn; lưu theo dõi 43 đơn).
- Tiếp dân thường xuyên 30 lượt với 41 người; tổ chức đối thoại 03 cuộc, 23 vụ việc; họp Hội đồng tư vấn 02 cuộc với 16 vụ việc.
- Tham mưu, phục vụ Chủ tịch UBND Tỉnh tiếp công dân 01 kỳ với 01 vụ việc.
- Ban hành trên 467 văn bản chỉ đạo, điều hành liên quan đến tiếp công dân, giải quyết khiếu nại, tố cáo; công tác thanh tra, phòng chống tham nhũng, thi hành án dân sự, thi hành án hành chính; thực hiện luật tố tụng hành chính, tố tụng dân sự.`

// loadMay2022 records the month of domain.md through the API, as the
// office's staff would.
func loadMay2022(t *testing.T, e *env) {
	t.Helper()
	for i := range 81 {
		day := fmt.Sprintf("2022-05-%02d", 1+i%31)
		l := e.must(201, "POST", "/api/v1/letters", "reception", letterBody(map[string]any{
			"received_on": day, "subject": fmt.Sprintf("Đơn thứ %d tháng 5", i+1)}))
		path := "/api/v1/letters/" + id(l)
		domain := map[bool]string{true: "land", false: "civil"}[i < 59]
		if i >= 69 {
			domain = "other"
		}
		kind := "petition" // 26
		switch k := (i * 7) % 81; {
		case k < 6:
			kind = "denunciation"
		case k < 55:
			kind = "complaint"
		}
		e.must(200, "POST", path+"/classify", "legal", map[string]any{"version": 1, "domain": domain, "kind": kind, "eligible": true, "competent": false})
		handle := map[string]any{"version": 2, "outcome": "filed", "handled_on": day}
		if i < 20 {
			handle["outcome"] = "guided"
		} else if i < 38 {
			handle["outcome"], handle["transferred_to"] = "transferred", "UBND huyện Gò Dầu"
		}
		e.must(200, "POST", path+"/handle", "legal", handle)
	}
	for i := range 30 {
		people := 1
		if i < 11 {
			people = 2
		}
		e.must(201, "POST", "/api/v1/reception-visits", "reception", map[string]any{
			"visited_on": fmt.Sprintf("2022-05-%02d", 2+i), "type": "regular", "people_count": people,
			"representative": map[string]any{"full_name": fmt.Sprintf("Công dân %d", i)},
			"content":        "Khiếu nại về bồi thường đất", "outcome": "guided"})
	}
	session := e.must(201, "POST", "/api/v1/reception-sessions", "reception", map[string]any{
		"held_on": "2022-05-20", "type": "periodic", "host_level": "chairman", "host_name": "Nguyễn Thanh Ngọc", "host_title": "Chủ tịch UBND Tỉnh"})
	e.must(201, "POST", "/api/v1/reception-visits", "reception", map[string]any{
		"visited_on": "2022-05-20", "type": "periodic", "session_id": session["id"], "people_count": 1,
		"representative": map[string]any{"full_name": "Trần Văn Định"}, "content": "Đề nghị xem xét lại quyết định", "outcome": "accepted"})
	cases := make([]any, 23)
	for i := range cases {
		cases[i] = e.must(201, "POST", "/api/v1/cases", "legal", map[string]any{
			"title": fmt.Sprintf("Vụ việc %d", i+1), "kind": "complaint", "petitioner": map[string]any{"full_name": "Người khiếu nại"}})["id"]
	}
	for _, ids := range [][]any{cases[:8], cases[8:16], cases[16:]} {
		e.must(201, "POST", "/api/v1/dialogues", "legal", map[string]any{"held_on": "2022-05-25", "chaired_by": "Phó Chủ tịch UBND Tỉnh", "case_ids": ids})
	}
	for _, ids := range [][]any{cases[:8], cases[8:16]} {
		e.must(201, "POST", "/api/v1/council-meetings", "legal", map[string]any{"held_on": "2022-05-27", "case_ids": ids})
	}
	for i := range 467 {
		e.must(201, "POST", "/api/v1/documents", "legal", map[string]any{
			"number": fmt.Sprintf("%d/UBND-NC", i+1), "issued_on": fmt.Sprintf("2022-05-%02d", 1+i%31), "doc_type": "official_letter", "subject": "Chỉ đạo giải quyết đơn"})
	}
}

func TestMay2022ThroughTheAPI(t *testing.T) {
	e := newEnv(t)
	loadMay2022(t, e)

	st := e.must(200, "GET", "/api/v1/reports/statistics?month=2022-05", "leader", nil)
	want := map[string]float64{
		"letters.total": 81, "letters.by_source.post": 81, "letters.by_domain.land": 59, "letters.by_domain.civil": 10,
		"letters.by_domain.other": 12, "letters.by_domain.unclassified": 0, "letters.by_kind.denunciation": 6,
		"letters.by_kind.complaint": 49, "letters.by_kind.petition": 26, "letters.by_outcome.guided": 20,
		"letters.by_outcome.transferred": 18, "letters.by_outcome.filed": 43, "letters.by_outcome.pending": 0,
		"reception.regular.visits": 30, "reception.regular.people": 41, "reception.regular.cases": 30,
		"reception.regular.new_cases": 30, "reception.periodic.sessions": 1, "reception.periodic.visits": 1,
		"reception.by_host_level.chairman.sessions": 1, "reception.by_host_level.chairman.cases": 1,
		"dialogues.meetings": 3, "dialogues.cases": 23, "council_meetings.meetings": 2, "council_meetings.cases": 16,
		"documents.total": 467,
	}
	for path, v := range want {
		if got := lookup(st, path); got != v {
			t.Errorf("%s = %v, want %v", path, got, v)
		}
	}
	if p := st["period"].(map[string]any); p["from"] != "2022-05-01" || p["to"] != "2022-05-31" || p["label"] != "tháng 5 năm 2022" {
		t.Errorf("period %v", p)
	}

	r := e.do("GET", "/api/v1/reports/statistics?month=2022-05&format=text", "reception", nil)
	if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("text: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	if got := strings.TrimSpace(string(r.Body)); got != may2022Paragraph {
		t.Errorf("paragraph:\n%s\nwant:\n%s", got, may2022Paragraph)
	}

	r = e.do("GET", "/api/v1/reports/statistics?month=2022-05&format=xlsx", "legal", nil)
	if r.Status != 200 || r.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Fatalf("xlsx: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, "filename*=UTF-8''") {
		t.Errorf("content disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	if sheets := f.GetSheetList(); sheets[0] != "Tổng hợp" {
		t.Errorf("first sheet %v", sheets)
	}
	rows, err := f.GetRows("Số liệu")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "Mã" || rows[0][1] != "Chỉ tiêu" || rows[0][2] != "Giá trị" {
		t.Errorf("header %v", rows[0])
	}
	got := map[string]string{}
	for _, row := range rows[1:] {
		if len(row) >= 3 {
			got[row[0]] = row[2]
		}
	}
	for path, v := range want {
		if got[path] != fmt.Sprint(v) {
			t.Errorf("Số liệu %s = %q, want %v", path, got[path], v)
		}
	}
}

// lookup follows a dotted path through decoded JSON.
func lookup(m map[string]any, path string) any {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[k]
	}
	return cur
}

func TestStatisticsRefusals(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		name, query, user string
		status            int
		code              string
	}{
		{"admin may not", "month=2022-05", "admin", 403, "forbidden"},
		{"no token", "month=2022-05", "", 401, "unauthorized"},
		{"no period", "", "leader", 400, "invalid"},
		{"two periods", "month=2022-05&year=2022", "leader", 400, "invalid"},
		{"impossible month", "month=2022-13", "leader", 400, "invalid"},
		{"bad quarter", "quarter=2022-Q5", "leader", 400, "invalid"},
		{"reversed range", "from=2022-05-31&to=2022-05-01", "leader", 400, "invalid"},
		{"unknown format", "month=2022-05&format=pdf", "leader", 400, "invalid"},
		{"identity for reception", "month=2022-05&format=xlsx&include_identity=true", "reception", 403, "forbidden"},
		{"bad include_identity", "month=2022-05&format=xlsx&include_identity=maybe", "leader", 400, "invalid"},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkProblem(t, e.do("GET", "/api/v1/reports/statistics?"+c.query, c.user, nil), c.status, c.code)
		})
	}
	for _, q := range []string{"quarter=2022-Q2", "half=2022-H1", "nine_months=2022", "year=2022", "from=2022-05-01&to=2022-05-14"} {
		e.must(200, "GET", "/api/v1/reports/statistics?"+q, "reception", nil)
	}
}
