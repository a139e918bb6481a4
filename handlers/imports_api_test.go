package handlers_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kntc/imports"
)

// upload sends data as the field of a multipart form to path, as user.
func (e *env) upload(path, user, field string, data []byte) response {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("note", "kèm theo")
	w, err := mw.CreateFormFile(field, "Sổ đơn 2022.xlsx")
	if err != nil {
		e.t.Fatal(err)
	}
	w.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+e.tokens[user])
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

func registerFile(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := imports.WriteTemplate(&buf, slices.Values(rows)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	goodRows = [][]any{
		{"10/05/2022", "bưu điện", "Nguyễn Văn An", "079123456789", "Phường 1, Tây Ninh", "", "Khiếu nại việc thu hồi đất"},
		{"11/05/2022", "trực tiếp", "Trần Thị Bình", "", "", "", "Tố cáo cán bộ địa chính", "đất đai", "tố cáo", "lưu đơn", "20/05/2022"},
	}
	badRow = []any{"31/02/2022", "bồ câu", "Lê Văn Cường", "", "", "", "Đơn"}
)

// workbookCell opens an answered workbook and returns one cell.
func workbookCell(t *testing.T, r response, sheet, cell string) string {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Fatalf("content type %q\n%s", ct, r.Body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestImportTemplateDownload(t *testing.T) {
	e := newEnv(t)
	r := e.do("GET", "/api/v1/imports/letters/template", "reception", nil)
	if r.Status != 200 || !strings.Contains(r.Header.Get("Content-Disposition"), "mau-nhap-don-thu.xlsx") {
		t.Fatalf("status %d, disposition %q", r.Status, r.Header.Get("Content-Disposition"))
	}
	if got := workbookCell(t, r, "Đơn thư", "M1"); got != "Ghi chú" {
		t.Fatalf("M1 %q", got)
	}
	checkProblem(t, e.do("GET", "/api/v1/imports/letters/template", "", nil), 401, "unauthorized")
}

func TestImportLettersDryRunThenImportThenAgain(t *testing.T) {
	e := newEnv(t)
	bad := registerFile(t, append(slices.Clone(goodRows), badRow)...)

	report := e.upload("/api/v1/imports/letters?dry_run=true", "legal", "file", bad)
	if report.Status != 200 {
		t.Fatalf("dry run %d %s", report.Status, report.Body)
	}
	m := report.JSON(t)
	errs, _ := m["errors"].([]any)
	if m["rows"] != 3.0 || m["valid"] != 2.0 || m["created"] != 0.0 || len(errs) != 2 {
		t.Fatalf("dry run report %v", m)
	}
	first := errs[0].(map[string]any)
	if first["row"] != 4.0 || first["column"] != "Ngày nhận" || first["value"] != "31/02/2022" || first["message"] == "" {
		t.Fatalf("first error %v", first)
	}
	if got := workbookCell(t, e.upload("/api/v1/imports/letters?dry_run=true&format=xlsx", "legal", "file", bad), "Đơn thư", "N4"); !strings.Contains(got, "Nguồn đơn:") {
		t.Fatalf("Lỗi cell %q", got)
	}

	p := checkProblem(t, e.upload("/api/v1/imports/letters", "legal", "file", bad), 400, "invalid")
	if fields := p["errors"].([]any); len(fields) != 2 || fields[0].(map[string]any)["field"] != "row 4: Ngày nhận" {
		t.Fatalf("problem errors %v", p["errors"])
	}
	rejected := e.upload("/api/v1/imports/letters?format=xlsx", "leader", "file", bad)
	if rejected.Status != 400 || workbookCell(t, rejected, "Đơn thư", "N1") != "Lỗi" {
		t.Fatalf("rejected as xlsx: %d", rejected.Status)
	}
	if list := e.must(200, "GET", "/api/v1/letters", "legal", nil); list["total"] != 0.0 {
		t.Fatalf("a rejected import wrote letters: %v", list["total"])
	}

	good := registerFile(t, goodRows...)
	done := e.upload("/api/v1/imports/letters", "legal", "file", good)
	if m := done.JSON(t); done.Status != 200 || m["created"] != 2.0 || m["codes"].([]any)[0].(map[string]any)["first"] != "2022/000001" {
		t.Fatalf("import %d %s", done.Status, done.Body)
	}
	// The citizens' files know the imported senders.
	people := e.must(200, "GET", "/api/v1/people?q=079123456789", "legal", nil)
	if items := people["items"].([]any); len(items) != 1 || items[0].(map[string]any)["letters"] != 1.0 {
		t.Fatalf("people index after import: %v", people)
	}
	again := e.upload("/api/v1/imports/letters", "leader", "file", good).JSON(t)
	if again["created"] != 0.0 || again["skipped"] != 2.0 {
		t.Fatalf("second import %v", again)
	}
	// The imported denunciation is protected from reception like any other.
	list := e.must(200, "GET", "/api/v1/letters?kind=denunciation", "reception", nil)
	items := list["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["identity_protected"] != true || items[0].(map[string]any)["status"] != "handled" {
		t.Fatalf("imported denunciation as reception sees it: %v", items)
	}
}

func TestImportLettersRefusals(t *testing.T) {
	e := newEnv(t)
	good := registerFile(t, goodRows...)
	checkProblem(t, e.upload("/api/v1/imports/letters", "reception", "file", good), 403, "forbidden")
	checkProblem(t, e.upload("/api/v1/imports/letters", "admin", "file", good), 403, "forbidden")
	checkProblem(t, e.upload("/api/v1/imports/letters?dry_run=maybe", "legal", "file", good), 400, "invalid")
	checkProblem(t, e.upload("/api/v1/imports/letters?format=csv", "legal", "file", good), 400, "invalid")
	p := checkProblem(t, e.upload("/api/v1/imports/letters", "legal", "tep", good), 400, "invalid")
	if !strings.Contains(p["detail"].(string), `"file"`) {
		t.Fatalf("missing field not named: %v", p["detail"])
	}
	checkProblem(t, e.upload("/api/v1/imports/letters", "legal", "file", []byte("Ngày nhận;Nguồn đơn\n")), 415, "unsupported_media")
	checkProblem(t, e.do("POST", "/api/v1/imports/letters", "legal", map[string]any{"file": "x"}), 415, "unsupported_media")
	huge := append(slices.Clone(good), bytes.Repeat([]byte{0}, 21<<20)...)
	checkProblem(t, e.upload("/api/v1/imports/letters", "legal", "file", huge), 413, "too_large")
	if r := e.upload("/api/v1/imports/letters", "", "file", good); r.Status != http.StatusUnauthorized {
		t.Fatalf("no token: %d", r.Status)
	}
}
