package handlers_test

import (
	"fmt"
	"net/http"
)

// seedOffice fills the register with a month and a half of ordinary work,
// through the API, so that the pages and their screenshots show realistic
// lists and figures.
func seedOffice(e *env) {
	e.t.Helper()
	people := []struct{ name, id, address string }{
		{"Nguyễn Văn An", "072080001111", "Khu phố 2, phường 1, thành phố Tây Ninh"},
		{"Trần Thị Bích", "072185002222", "Ấp Trường Lưu, xã Trường Hòa, thị xã Hòa Thành"},
		{"Võ Minh Châu", "072079003333", "Ấp Thạnh Trung, xã Thạnh Tân, thành phố Tây Ninh"},
		{"Huỳnh Văn Đức", "072066004444", "Khu phố 4, thị trấn Châu Thành"},
		{"Đặng Thị Hạnh", "072190005555", "Ấp Bến Kéo, xã Long Thành Nam, thị xã Hòa Thành"},
		{"Lý Quốc Hùng", "072072006666", "Ấp Phước Hòa, xã Phước Minh, huyện Dương Minh Châu"},
	}
	subjects := []string{
		"Khiếu nại quyết định thu hồi đất để thực hiện dự án đường tỉnh 781",
		"Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho phần đất khai hoang",
		"Tố cáo cán bộ địa chính xã nhận tiền khi làm thủ tục tách thửa",
		"Tranh chấp lối đi chung với hộ liền kề",
		"Kiến nghị giải quyết ô nhiễm tiếng ồn của cơ sở xay xát",
		"Khiếu nại việc không được hỗ trợ chuyển đổi nghề",
		"Phản ánh việc chậm chi trả tiền bồi thường",
		"Đề nghị xem xét lại bản án dân sự phúc thẩm",
	}
	sources := []string{"post", "post", "in_person", "forwarded", "online", "post", "hotline", "post"}
	kinds := []string{"complaint", "petition", "denunciation", "complaint", "petition", "complaint", "petition", "petition"}
	domains := []string{"land", "land", "other", "civil", "other", "land", "land", "civil"}
	for i := range 14 {
		pr, k := people[i%len(people)], i%len(subjects)
		day := fmt.Sprintf("2022-%02d-%02d", 5+i/8, 1+(i%8)*2)
		body := letterBody(map[string]any{"received_on": day, "source": sources[k], "subject": subjects[k],
			"senders": []map[string]any{{"full_name": pr.name, "id_number": pr.id, "address": pr.address}}})
		if sources[k] == "forwarded" {
			body["forwarded_from"] = "Ban Tiếp công dân Trung ương"
		}
		l := e.must(http.StatusCreated, "POST", "/api/v1/letters", "reception", body)
		if i%3 == 2 {
			continue // left to be classified
		}
		path := "/api/v1/letters/" + id(l)
		e.must(http.StatusOK, "POST", path+"/classify", "legal", map[string]any{"version": 1, "domain": domains[k],
			"kind": kinds[k], "eligible": true, "competent": i%2 == 0})
		if i%3 == 1 {
			continue // classified, not handled yet
		}
		outcome := map[bool]string{true: "filed", false: "guided"}[i%2 == 0]
		e.must(http.StatusOK, "POST", path+"/handle", "legal", map[string]any{"version": 2, "outcome": outcome, "handled_on": day})
	}
	session := e.must(http.StatusCreated, "POST", "/api/v1/reception-sessions", "reception", map[string]any{
		"held_on": "2022-06-15", "type": "periodic", "host_level": "chairman", "host_name": "Nguyễn Thanh Ngọc",
		"host_title": "Chủ tịch UBND tỉnh", "location": "Trụ sở Tiếp công dân tỉnh"})
	for i, pr := range people[:4] {
		visit := map[string]any{"visited_on": "2022-06-15", "type": "regular", "people_count": 1 + i*2,
			"representative": map[string]any{"full_name": pr.name, "id_number": pr.id, "address": pr.address},
			"content":        subjects[i], "outcome": "guided", "kind": kinds[i], "domain": domains[i]}
		if i == 3 {
			visit["type"], visit["session_id"] = "periodic", session["id"]
		}
		e.must(http.StatusCreated, "POST", "/api/v1/reception-visits", "reception", visit)
	}
	for i, n := range []string{"125/VP-NC", "131/VP-NC", "12/TB-VP"} {
		e.must(http.StatusCreated, "POST", "/api/v1/documents", "legal", map[string]any{"number": n,
			"issued_on": fmt.Sprintf("2022-06-%02d", 2+i*4), "doc_type": []string{"official_letter", "official_letter", "notice"}[i],
			"subject": "V/v giải quyết đơn của công dân " + people[i].name})
	}
}
