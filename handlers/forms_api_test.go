package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kntc/exports"
	"kntc/handlers"
	"kntc/services"
)

// TestFormsQuarterThroughTheAPI records a quarter through the API and
// compares every cell of the six forms with figures computed here from the
// records: for the calendar quarter I of 2022, then for the inspectorate's
// quarter I (15 December 2021 to 14 March 2022) with a smaller group size,
// over the same records.
func TestFormsQuarterThroughTheAPI(t *testing.T) {
	base := newEnv(t)
	fx := loadForms(t, base)
	var forms, full []byte
	t.Run("calendar quarter", func(t *testing.T) {
		e := base.in(t)
		forms, full = checkForms(e, fx, span{"2022-01-01", "2022-03-31"}, 5, "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH")
	})
	t.Run("15th to 14th", func(t *testing.T) {
		e := base.in(t).withConfig(func(c *services.Config) {
			c.CutoffDay, c.GroupSize = 14, 3
			c.Office.ParentName, c.Office.Name = "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "VĂN PHÒNG"
		})
		checkForms(e, fx, span{"2021-12-15", "2022-03-14"}, 3, "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH TÂY NINH")
	})
	t.Run("LibreOffice opens them", func(t *testing.T) {
		if forms == nil {
			t.Skip("no workbook: the calendar quarter failed")
		}
		if pages := pdfPages(t, forms); pages != len(exports.FormSheetNames()) {
			t.Errorf("the forms print on %d pages, want one per form", pages)
		}
		if pages := pdfPages(t, full); pages < len(exports.SheetNames()) {
			t.Errorf("the statistics workbook prints on %d pages, fewer than its sheets", pages)
		}
	})
}

// in returns the environment for a subtest, whose failures stop it alone.
func (e *env) in(t *testing.T) *env {
	c := *e
	c.t = t
	return &c
}

// withConfig returns the environment with a service of changed settings
// over the same database, users and tokens.
func (e *env) withConfig(change func(*services.Config)) *env {
	cfg := e.svc.Config()
	change(&cfg)
	svc := services.New(e.svc.DB(), cfg, nil)
	svc.SetClock(func() time.Time { return today })
	c := *e
	c.svc, c.h = svc, handlers.New(svc, nil)
	return &c
}

// checkForms fetches the forms of quarter I alone and within the
// statistics workbook, compares both with the expected figures of p, and
// returns the two workbooks.
func checkForms(e *env, fx *formsFixture, p span, groupSize int, unit string) (forms, full []byte) {
	t := e.t
	r := e.do("GET", "/api/v1/reports/statistics?quarter=2022-Q1&format=forms", "reception", nil)
	if r.Status != 200 || r.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Fatalf("forms: %d %s\n%s", r.Status, r.Header.Get("Content-Type"), r.Body)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="bieu-mau-thong-tu-01-2024-bao-cao-`) ||
		!strings.Contains(cd, "filename*=UTF-8''") {
		t.Errorf("content disposition %q", cd)
	}
	forms = r.Body
	f := openWorkbook(t, forms)
	if got := f.GetSheetList(); !slices.Equal(got, exports.FormSheetNames()) {
		t.Fatalf("sheets %q", got)
	}
	want := expectedForms(fx, p, groupSize)
	for _, w := range want {
		checkFormSheet(t, f, w, p, unit)
	}

	r = e.do("GET", "/api/v1/reports/statistics?quarter=2022-Q1&format=xlsx", "legal", nil)
	if r.Status != 200 {
		t.Fatalf("xlsx: %d\n%s", r.Status, r.Body)
	}
	full = r.Body
	wb := openWorkbook(t, full)
	if got := wb.GetSheetList(); !slices.Equal(got, exports.SheetNames()) {
		t.Fatalf("statistics workbook sheets %q", got)
	}
	for _, w := range want {
		checkFormSheet(t, wb, w, p, unit)
	}
	return forms, full
}

// wantForm is what one form sheet must show.
type wantForm struct {
	sheet, number, title, note string
	cols                       []int
}

// expectedForms computes the six forms of p and checks the identities
// the forms rely on, so that a mistake in the expectations shows too.
func expectedForms(fx *formsFixture, p span, groupSize int) []wantForm {
	uncoveredNote := func(n int) string {
		if n == 0 {
			return ""
		}
		return fmt.Sprintf("%02d đơn đủ điều kiện xử lý, không thuộc thẩm quyền, đã lưu hoặc trả lại: không tính vào đơn không thuộc thẩm quyền.", n)
	}
	xld01, unc := expect01XLD(fx, p)
	xld02, unc02 := expectXLDByTopic(fx, p, "complaint")
	xld03, unc03 := expectXLDByTopic(fx, p, "denunciation")
	xld04, unc04 := expectXLDByTopic(fx, p, "petition")
	kqgq, noDeadline := expect01KQGQ(fx, p)
	kqgqNote := ""
	if noDeadline > 0 {
		kqgqNote = fmt.Sprintf("%02d vụ việc chưa có ngày thụ lý nên không tính thời hạn.", noDeadline)
	}
	return []wantForm{
		{"01-TCD", "Biểu số 01/TCD", "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT", "",
			expect01TCD(fx, p, groupSize)},
		{"01-XLD", "Biểu số 01/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN", uncoveredNote(unc), xld01},
		{"02-XLD", "Biểu số 02/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI", uncoveredNote(unc02), xld02},
		{"03-XLD", "Biểu số 03/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO", uncoveredNote(unc03), xld03},
		{"04-XLD", "Biểu số 04/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH", uncoveredNote(unc04), xld04},
		{"01-KQGQ", "Biểu số 01/KQGQ", "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN", kqgqNote, kqgq},
	}
}

func openWorkbook(t *testing.T, raw []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// checkFormSheet compares one form sheet with w cell by cell: heading, MS
// row, every figure, the formula of every total and the note.
func checkFormSheet(t *testing.T, f *excelize.File, w wantForm, p span, unit string) {
	t.Helper()
	rows, err := f.GetRows(w.sheet)
	if err != nil {
		t.Fatal(err)
	}
	ms := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "MS" })
	if ms < 0 || ms+1 >= len(rows) {
		t.Fatalf("%s: no MS row", w.sheet)
	}
	n := len(w.cols)
	period := fmt.Sprintf("(Số liệu tính từ ngày %s đến ngày %s)", vnDate(p.from), vnDate(p.to))
	if !slices.Contains(rows[0], w.number) || rows[3][0] != w.title || rows[4][0] != period || rows[6][0] != "Đơn vị" {
		t.Errorf("%s heading %q / %q / %q / %q", w.sheet, rows[0], rows[3], rows[4], rows[6])
	}
	numbers := make([]string, n+2)
	numbers[0] = "MS"
	for i := 1; i <= n+1; i++ {
		numbers[i] = strconv.Itoa(i)
	}
	if !slices.Equal(rows[ms], numbers) {
		t.Errorf("%s MS row %q, want 1..%d", w.sheet, rows[ms], n+1)
	}
	if last := rows[6][len(rows[6])-1]; len(rows[6]) != n+2 || last != "Ghi chú" {
		t.Errorf("%s first header row %q", w.sheet, rows[6])
	}
	data := ms + 2 // 1-based row of the figures
	if got := cellAt(t, f, w.sheet, 1, data); got != unit {
		t.Errorf("%s unit %q, want %q", w.sheet, got, unit)
	}
	for col := 1; col <= n; col++ {
		ref, _ := excelize.CoordinatesToCellName(col+1, data)
		if got := cellAt(t, f, w.sheet, col+1, data); got != strconv.Itoa(w.cols[col-1]) {
			t.Errorf("%s column %d (%s) = %s, want %d", w.sheet, col, ref, got, w.cols[col-1])
		}
		wantFormula := ""
		if sum, ok := formTotals[w.sheet][col]; ok {
			refs := make([]string, len(sum))
			for i, c := range sum {
				refs[i], _ = excelize.CoordinatesToCellName(c+1, data)
			}
			wantFormula = strings.Join(refs, "+")
		}
		if got, err := f.GetCellFormula(w.sheet, ref); err != nil || got != wantFormula {
			t.Errorf("%s column %d formula %q, want %q", w.sheet, col, got, wantFormula)
		}
		if typ, _ := f.GetCellType(w.sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s column %d is stored as %v, not a number", w.sheet, col, typ)
		}
	}
	if got := cellAt(t, f, w.sheet, n+2, data); got != w.note {
		t.Errorf("%s note %q, want %q", w.sheet, got, w.note)
	}
}

func cellAt(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(col, row)
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func vnDate(s string) string { return day(s).Format("02/01/2006") }

func TestFormsIdentities(t *testing.T) {
	// The expectations obey the identities the forms define beyond their
	// formulas, whatever the records: 01/XLD 1 = 4 + 5 and 6 = 8 + 9 + 10 =
	// 11 + 12 + 13; 02/XLD 1 = 9 + 10 + 11.
	fx := &formsFixture{cases: fxCases(), byID: map[string]*fxCase{}, sessions: fxSessions(), visits: fxVisits()}
	fx.letters = fxLetters(len(fx.cases))
	for _, p := range []span{{"2022-01-01", "2022-03-31"}, {"2021-12-15", "2022-03-14"}} {
		x, _ := expect01XLD(fx, p)
		if x[0] != x[3]+x[4] || x[5] != x[7]+x[8]+x[9] || x[5] != x[10]+x[11]+x[12] {
			t.Errorf("%v: 01/XLD %v", p, x)
		}
		k, _ := expectXLDByTopic(fx, p, "complaint")
		if k[0] != k[8]+k[9]+k[10] || k[0] != k[1]+k[5]+k[6]+k[7] || k[0] != x[7] {
			t.Errorf("%v: 02/XLD %v", p, k)
		}
	}
}

func TestFormsRefusals(t *testing.T) {
	e := newEnv(t)
	checkProblem(t, e.do("GET", "/api/v1/reports/statistics?quarter=2022-Q1&format=forms", "admin", nil), 403, "forbidden")
	checkProblem(t, e.do("GET", "/api/v1/reports/statistics?format=forms", "leader", nil), 400, "invalid")
	// An empty period still gives six forms of zeros.
	r := e.do("GET", "/api/v1/reports/statistics?month=2022-05&format=forms", "leader", nil)
	if r.Status != 200 {
		t.Fatalf("forms: %d %s", r.Status, r.Body)
	}
	f := openWorkbook(t, r.Body)
	if got := cellAt(t, f, "01-KQGQ", 2, 10); got != "0" {
		t.Errorf("01-KQGQ B10 = %q", got)
	}
	audit := e.must(200, "GET", "/api/v1/audit?entity=report&action=export", "leader", nil)
	if items := audit["items"].([]any); len(items) != 1 || !strings.Contains(fmt.Sprint(items[0]), "(forms)") {
		t.Errorf("export audit entries %v, want the forms", items)
	}
}

// pageObject matches a page object of a PDF, not the /Pages tree.
var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

// pdfPages converts an .xlsx with LibreOffice and counts the PDF's pages:
// a workbook LibreOffice finds damaged does not convert. The test skips
// without LibreOffice unless KNTC_REQUIRE_LIBREOFFICE=1 (CI).
func pdfPages(t *testing.T, xlsx []byte) int {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		soffice, err = exec.LookPath("libreoffice")
	}
	if err != nil {
		if os.Getenv("KNTC_REQUIRE_LIBREOFFICE") == "1" {
			t.Fatal("LibreOffice is required (KNTC_REQUIRE_LIBREOFFICE=1) but not installed")
		}
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "bieu-mau.xlsx")
	if err := os.WriteFile(in, xlsx, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so that a LibreOffice already running (or
	// another test) does not take the conversion over.
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "pdf", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "bieu-mau.pdf"))
	if err != nil {
		t.Fatalf("no PDF: %v\n%s", err, out)
	}
	return len(pageObject.FindAll(pdf, -1))
}
