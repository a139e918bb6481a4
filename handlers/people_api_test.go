package handlers_test

import (
	"net/http"
	"net/url"
	"testing"
)

const (
	lettersPath = "/api/v1/letters"
	peoplePath  = "/api/v1/people"
)

// sender is a letter body from one sender.
func sender(name, idNumber, address, subject, on string, over map[string]any) map[string]any {
	return letterBody(with(map[string]any{"received_on": on, "subject": subject,
		"senders": []map[string]any{{"full_name": name, "id_number": idNumber, "address": address}}}, over))
}

// hints returns the possible duplicates of an answer by "type/id".
func hints(t *testing.T, got map[string]any) map[string]map[string]any {
	t.Helper()
	list, ok := got["possible_duplicates"].([]any)
	if !ok {
		t.Fatalf("no possible_duplicates list: %v", got)
	}
	out := map[string]map[string]any{}
	for _, it := range list {
		h := it.(map[string]any)
		out[h["type"].(string)+"/"+jsonNumber(h["id"])] = h
	}
	return out
}

func TestPossibleDuplicates(t *testing.T) {
	e := newEnv(t)
	a := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Nguyễn Văn An", "079123456789", "Phường 1, Tây Ninh",
		"Khiếu nại việc thu hồi đất tại thửa 125", "2022-05-10", nil))
	if len(hints(t, a)) != 0 {
		t.Fatalf("a first letter has no duplicates: %v", a["possible_duplicates"])
	}
	keyA := "letter/" + id(a)

	t.Run("same name and address, other case, spacing and no diacritics; similar subject", func(t *testing.T) {
		b := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("NGUYỄN  văn an", "", "phuong 1 tay ninh",
			"Đơn khiếu nại về thu hồi đất thửa số 125", "2022-05-20", nil))
		h := hints(t, b)[keyA]
		if h == nil || h["same_name_address"] != true || h["same_id_number"] != false || h["similar_subject"] != true ||
			h["code"] != a["code"] || h["received_on"] != "2022-05-10" || h["reason"] != "Cùng họ tên và địa chỉ, nội dung tương tự." {
			t.Fatalf("%v", b["possible_duplicates"])
		}
		if h["full_name"] != nil || h["senders"] != nil {
			t.Fatal("a hint carries no identity")
		}
	})
	t.Run("same 12-digit CCCD written with spaces, other name", func(t *testing.T) {
		c := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Trần Thị Bé", "079 123 456 789", "Xã Hòa Hiệp",
			"Kiến nghị sửa đường giao thông nông thôn", "2022-06-01", nil))
		h := hints(t, c)[keyA]
		if h == nil || h["same_id_number"] != true || h["similar_subject"] != false || h["reason"] != "Cùng số CMND/CCCD." {
			t.Fatalf("%v", c["possible_duplicates"])
		}
	})
	t.Run("9-digit CMND matches only the same 9 digits", func(t *testing.T) {
		d := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Lê Văn Cường", "290123456", "Xã Long Thành",
			"Tranh chấp ranh giới đất", "2022-06-02", nil))
		e2 := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Le Van Cuong", "290-123-456", "Ấp 3, xã Long Thành",
			"Khiếu nại khác", "2022-06-03", nil))
		if hints(t, e2)["letter/"+id(d)] == nil {
			t.Fatalf("same CMND not found: %v", e2["possible_duplicates"])
		}
		f := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Lê Văn Cường", "072290123456", "Thị trấn Gò Dầu",
			"Tranh chấp ranh giới đất", "2022-06-04", nil))
		if len(hints(t, f)) != 0 {
			t.Fatalf("a CCCD is not the CMND it contains: %v", f["possible_duplicates"])
		}
	})
	t.Run("an earlier case of the same person; its own case is left out", func(t *testing.T) {
		caseID := e.newCase(map[string]any{"title": "Khiếu nại thu hồi đất thửa 125", "petitioner": map[string]any{
			"full_name": "Nguyen Van An", "address": "Phường 1 - Tây Ninh"}})
		g := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Nguyễn Văn An", "", "Phường 1, Tây Ninh",
			"Khiếu nại chậm giải quyết việc thu hồi đất thửa 125", "2022-06-05", nil))
		h := hints(t, g)["case/"+jsonNumber(caseID)]
		if h == nil || h["title"] != "Khiếu nại thu hồi đất thửa 125" || h["accepted_on"] != "2022-06-01" || h["similar_subject"] != true {
			t.Fatalf("%v", g["possible_duplicates"])
		}
		if first := g["possible_duplicates"].([]any)[0].(map[string]any); first["similar_subject"] != true {
			t.Fatalf("similar subjects come first: %v", first)
		}
		linked := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Nguyễn Văn An", "", "Phường 1, Tây Ninh",
			"Khiếu nại thu hồi đất", "2022-06-06", map[string]any{"case_id": caseID}))
		if hints(t, linked)["case/"+jsonNumber(caseID)] != nil {
			t.Fatal("the letter's own case is not a duplicate")
		}
	})
	t.Run("a visit of the same person; reading a letter lists the later ones too", func(t *testing.T) {
		v := e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{"representative": map[string]any{
			"full_name": "nguyễn văn AN", "id_number": "079123456789"}, "content": "Hỏi kết quả giải quyết thu hồi đất thửa 125"}))
		h := hints(t, v)
		if h[keyA] == nil || h["case/"+jsonNumber(v["case_id"])] != nil {
			t.Fatalf("visit: %v", v["possible_duplicates"])
		}
		if got := hints(t, e.must(http.StatusOK, "GET", visitsPath+"/"+id(v), "legal", nil)); got[keyA] == nil {
			t.Fatalf("GET visit: %v", got)
		}
		got := hints(t, e.must(http.StatusOK, "GET", lettersPath+"/"+id(a), "legal", nil))
		if len(got) < 4 || got[keyA] != nil {
			t.Fatalf("GET letter: %v", got)
		}
	})
	t.Run("lists carry no duplicates", func(t *testing.T) {
		items := e.must(http.StatusOK, "GET", lettersPath, "legal", nil)["items"].([]any)
		if _, ok := items[0].(map[string]any)["possible_duplicates"]; ok {
			t.Fatal("possible_duplicates in a list")
		}
	})
}

func TestDuplicatesKeepProtectedIdentity(t *testing.T) {
	e := newEnv(t)
	const name, idNumber, address = "Phạm Văn Tố", "079888888888", "Xã Bàu Đồn"
	p := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender(name, idNumber, address,
		"Tố cáo cán bộ địa chính xã nhận tiền", "2022-06-01", map[string]any{"kind": "denunciation"}))
	keyP := "letter/" + id(p)
	q := e.must(http.StatusCreated, "POST", lettersPath, "reception2", sender(name, idNumber, address,
		"Kiến nghị cấp giấy chứng nhận", "2022-06-02", nil))
	if hints(t, q)[keyP] != nil {
		t.Fatalf("reception2 must not learn that %s denounced: %v", name, q["possible_duplicates"])
	}
	if got := hints(t, e.must(http.StatusOK, "GET", lettersPath+"/"+id(q), "reception2", nil)); got[keyP] != nil {
		t.Fatal("GET by reception2 offers the protected match")
	}
	if got := hints(t, e.must(http.StatusOK, "GET", lettersPath+"/"+id(q), "legal", nil)); got[keyP] == nil {
		t.Fatal("legal sees the protected match")
	}
	r := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender(name, idNumber, address, "Bổ sung tố cáo", "2022-06-03", nil))
	if hints(t, r)[keyP] == nil {
		t.Fatal("the officer who recorded the denunciation sees it")
	}
	v := e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{"kind": "denunciation",
		"representative": map[string]any{"full_name": name, "id_number": idNumber, "address": address}, "content": "Tố cáo bổ sung"}))
	later := e.must(http.StatusCreated, "POST", lettersPath, "reception2", sender(name, idNumber, address, "Kiến nghị khác", "2022-06-14", nil))
	if h := hints(t, later); h["case/"+jsonNumber(v["case_id"])] != nil || h[keyP] != nil {
		t.Fatalf("reception2 is offered a denunciation: %v", later["possible_duplicates"])
	}
	if h := hints(t, e.must(http.StatusOK, "GET", lettersPath+"/"+id(later), "leader", nil)); h["case/"+jsonNumber(v["case_id"])] == nil {
		t.Fatal("the leader is offered the denunciation case")
	}
	masked := e.must(http.StatusOK, "GET", lettersPath+"/"+id(p), "reception2", nil)
	if masked["identity_protected"] != true || len(hints(t, masked)) != 0 {
		t.Fatalf("a masked letter offers no duplicates: %v", masked)
	}
}

func TestPeopleSearchAndFile(t *testing.T) {
	e := newEnv(t)
	a := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Nguyễn Văn An", "079123456789", "Phường 1, Tây Ninh",
		"Khiếu nại thu hồi đất", "2022-05-10", nil))
	e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("NGUYEN VAN AN", "", "phường 1  tây ninh", "Khiếu nại lần hai", "2022-05-20", nil))
	v := e.must(http.StatusCreated, "POST", visitsPath, "reception", visitBody(map[string]any{"visited_on": "2022-06-10",
		"representative": map[string]any{"full_name": "Nguyễn Văn An", "id_number": "079123456789", "phone": "0912 345 678"}}))
	e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Nguyễn Văn Anh", "", "Phường 2", "Kiến nghị", "2022-05-11", nil))

	found := e.must(http.StatusOK, "GET", peoplePath+"?q="+url.QueryEscape("nguyen van an"), "reception", nil)
	items := found["items"].([]any)
	if found["total"] != 2.0 { // Nguyễn Văn An, and Nguyễn Văn Anh whose name holds the words
		t.Fatalf("search: %v", found)
	}
	person := items[0].(map[string]any)
	if person["letters"] != 2.0 || person["visits"] != 1.0 || person["cases"] != 1.0 || person["full_name"] != "Nguyễn Văn An" ||
		person["id_number"] != "079123456789" || person["last_contact_on"] != "2022-06-10" {
		t.Fatalf("person: %v", person)
	}
	for _, q := range []string{"079123456789", "079.123.456", "0912345678", "NGUYỄN VĂN ANH", "Nguyễn-Văn-Anh"} {
		if got := e.must(http.StatusOK, "GET", peoplePath+"?q="+url.QueryEscape(q), "legal", nil); got["total"] != 1.0 {
			t.Errorf("q=%s: %v", q, got["total"])
		}
	}

	file := e.must(http.StatusOK, "GET", peoplePath+"/"+id(person), "leader", nil)
	var steps []string
	for _, it := range file["records"].([]any) {
		r := it.(map[string]any)
		steps = append(steps, r["type"].(string)+" "+r["date"].(string)+" #"+jsonNumber(r["occurrence"]))
	}
	// The case opened by the visit, not yet accepted, is dated by the visit;
	// cases are the matters, not contacts, and have no occurrence.
	want := []string{"letter 2022-05-10 #1", "letter 2022-05-20 #2", "visit 2022-06-10 #3", "case 2022-06-10 #null"}
	if len(steps) != len(want) {
		t.Fatalf("file: %v", steps)
	}
	for i := range want {
		if steps[i] != want[i] {
			t.Fatalf("file: %v, want %v", steps, want)
		}
	}
	if rec := file["records"].([]any)[0].(map[string]any); rec["code"] != a["code"] || rec["kind_label"] == nil {
		t.Fatalf("record: %v", rec)
	}
	if file["records"].([]any)[2].(map[string]any)["case_id"] != v["case_id"] {
		t.Fatal("the visit names its case")
	}

	e.must(http.StatusNoContent, "DELETE", lettersPath+"/"+id(a), "leader", nil)
	if got := e.must(http.StatusOK, "GET", peoplePath+"/"+id(person), "legal", nil); got["letters"] != 1.0 {
		t.Fatalf("a withdrawn letter leaves the file: %v", got["letters"])
	}
	checkProblem(t, e.do("GET", peoplePath+"/999999", "legal", nil), http.StatusNotFound, "not_found")
	checkProblem(t, e.do("GET", peoplePath, "admin", nil), http.StatusForbidden, "forbidden")
}

func TestPeopleKeepProtectedIdentity(t *testing.T) {
	e := newEnv(t)
	hidden := e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Võ Thị Kín", "079777777777", "Xã Trường Hòa",
		"Tố cáo sai phạm", "2022-06-01", map[string]any{"kind": "denunciation"}))
	e.must(http.StatusCreated, "POST", lettersPath, "reception", sender("Phạm Văn Tố", "079888888888", "Xã Bàu Đồn",
		"Tố cáo cán bộ", "2022-06-01", map[string]any{"kind": "denunciation"}))
	e.must(http.StatusCreated, "POST", lettersPath, "reception2", sender("Phạm Văn Tố", "079888888888", "Xã Bàu Đồn",
		"Kiến nghị cấp giấy chứng nhận", "2022-06-02", nil))

	for _, q := range []string{"vo thi kin", "079777777777"} {
		if got := e.must(http.StatusOK, "GET", peoplePath+"?q="+url.QueryEscape(q), "reception2", nil); got["total"] != 0.0 {
			t.Fatalf("reception2 finds a protected denouncer by %q: %v", q, got)
		}
	}
	names := func(user string) map[string]bool {
		out := map[string]bool{}
		for _, it := range e.must(http.StatusOK, "GET", peoplePath, user, nil)["items"].([]any) {
			out[it.(map[string]any)["full_name"].(string)] = true
		}
		return out
	}
	if all := names("reception2"); all["Võ Thị Kín"] || !all["Phạm Văn Tố"] {
		t.Fatalf("reception2's list of citizens: %v", all)
	}
	if all := names("leader"); !all["Võ Thị Kín"] || !all["Phạm Văn Tố"] {
		t.Fatalf("leader's list of citizens: %v", all)
	}
	kin := e.must(http.StatusOK, "GET", peoplePath+"?q=vo+thi+kin", "reception", nil)["items"].([]any)[0].(map[string]any)
	checkProblem(t, e.do("GET", peoplePath+"/"+id(kin), "reception2", nil), http.StatusNotFound, "not_found")
	if got := e.must(http.StatusOK, "GET", peoplePath+"/"+id(kin), "legal", nil); got["full_name"] != "Võ Thị Kín" {
		t.Fatalf("legal reads the file: %v", got)
	}
	audit := e.must(http.StatusOK, "GET", "/api/v1/audit?action=reveal&entity=letter&entity_id="+id(hidden), "admin", nil)
	if audit["total"].(float64) < 2 { // the creator's search and legal's file
		t.Fatalf("reveals not audited: %v", audit["total"])
	}

	to := e.must(http.StatusOK, "GET", peoplePath+"?q=pham+van+to", "reception2", nil)["items"].([]any)[0].(map[string]any)
	if to["letters"] != 1.0 {
		t.Fatalf("reception2 counts only what it may see: %v", to)
	}
	file := e.must(http.StatusOK, "GET", peoplePath+"/"+id(to), "reception2", nil)
	if recs := file["records"].([]any); len(recs) != 1 || recs[0].(map[string]any)["occurrence"] != 1.0 {
		t.Fatalf("reception2's file: %v", recs)
	}
	if recs := e.must(http.StatusOK, "GET", peoplePath+"/"+id(to), "legal", nil)["records"].([]any); len(recs) != 2 {
		t.Fatalf("legal's file: %v", recs)
	}
}
