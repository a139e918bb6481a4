package exports_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"kntc/exports"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func sampleWorkbook(letters int) exports.Workbook {
	return exports.Workbook{
		Office: exports.Office{ParentName: "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", Name: "VĂN PHÒNG",
			Place: "Tây Ninh", SignerTitle: "CHÁNH VĂN PHÒNG", SignerName: "Nguyễn Văn An"},
		Period:  "tháng 5 năm 2022",
		From:    day("2022-05-01"),
		To:      day("2022-05-31"),
		Date:    day("2022-06-05"),
		Columns: [3]string{"tháng 5 năm 2022", "tháng 4 năm 2022", "tháng 5 năm 2021"},
		Summary: []exports.SummaryRow{
			{No: "I", Label: "XỬ LÝ ĐƠN"},
			{No: "1", Label: "Tổng số đơn tiếp nhận", Values: []int{81, 70, 90}, Bold: true},
			{No: "-", Label: "Liên quan đến quyền sử dụng đất (đất đai)", Values: []int{59, 50, 60}},
		},
		Figures: []exports.Figure{
			{Code: "letters.total", Label: "Tổng số đơn tiếp nhận", Value: 81},
			{Code: "letters.by_domain.land", Label: "Đơn theo lĩnh vực: đất đai", Value: 59},
			{Code: "reception.by_host_level.chairman.sessions", Label: "Kỳ tiếp của Chủ tịch", Value: 1},
		},
		ByDomainKind: exports.CrossTable{Title: "1. Phân loại đơn theo lĩnh vực và loại đơn", Corner: "Lĩnh vực",
			Columns: []string{"Khiếu nại", "Tố cáo", "Kiến nghị, phản ánh", "Chưa phân loại"},
			Rows: []exports.CrossRow{
				{Label: "Đất đai", Values: []int{40, 4, 15, 0}},
				{Label: "Dân sự", Values: []int{5, 1, 4, 0}},
				{Label: "Khác", Values: []int{4, 1, 7, 0}},
				{Label: "Chưa phân loại", Values: []int{0, 0, 0, 0}},
			}},
		ByOutcomeKind: exports.CrossTable{Title: "2. Hướng xử lý", Corner: "Hướng xử lý",
			Columns: []string{"Khiếu nại", "Tố cáo", "Kiến nghị, phản ánh", "Chưa phân loại"},
			Rows: []exports.CrossRow{
				{Label: "Hướng dẫn", Values: []int{20, 0, 0, 0}},
				{Label: "Lưu theo dõi", Values: []int{29, 6, 26, 0}},
			}},
		Reception: []exports.ReceptionRow{
			{Label: "Tiếp thường xuyên", Visits: 30, People: 41, Cases: 30, NewCases: 28, RepeatCases: 2},
			{Label: "Tiếp định kỳ", Sessions: 1, Visits: 1, People: 1, Cases: 1, NewCases: 1},
			{Label: "Tiếp đột xuất"},
		},
		HostLevels: []exports.HostLevelRow{{Label: "Chủ tịch UBND Tỉnh", Sessions: 1, Visits: 1, People: 1, Cases: 1}},
		Sessions: []exports.Session{{Date: day("2022-05-16"), Type: "tiếp định kỳ", HostLevel: "Chủ tịch UBND Tỉnh",
			HostName: "Trần Văn Bình", HostTitle: "Chủ tịch", Location: "Trụ sở tiếp công dân", Visits: 1, People: 1}},
		Dialogues: []exports.Meeting{{Date: day("2022-05-10"), Chair: "Phó Chủ tịch", Cases: []string{"Vụ việc A", "Vụ việc B"}}},
		Letters: func(yield func(exports.LetterRow, error) bool) {
			for i := range letters {
				r := exports.LetterRow{Code: fmt.Sprintf("2022/%06d", i+1), ReceivedOn: day("2022-05-02"),
					Source: "qua đường bưu điện", Senders: "Lê Thị Cúc", Subject: "Tranh chấp đất đai",
					Domain: "đất đai", Kind: "khiếu nại", Outcome: "lưu theo dõi", HandledOn: day("2022-05-09")}
				if !yield(r, nil) {
					return
				}
			}
		},
	}
}

func writeAndOpen(t testing.TB, wb exports.Workbook) (*excelize.File, []byte) {
	t.Helper()
	return writeOpen(t, exports.WriteStatisticsWorkbook, wb)
}

// writeOpen writes wb with write and opens the result again.
func writeOpen(t testing.TB, write func(io.Writer, exports.Workbook) error, wb exports.Workbook) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, wb); err != nil {
		t.Fatalf("write workbook: %v", err)
	}
	raw := slices.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("reopen workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, raw
}

func get(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

func TestWorkbookSheetsInOrder(t *testing.T) {
	f, _ := writeAndOpen(t, sampleWorkbook(3))
	want := []string{"Tổng hợp", "Số liệu", "Xử lý đơn", "Tiếp công dân", "Đối thoại - HĐTV", "Danh sách đơn", "Biểu đồ"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the summary", f.GetActiveSheetIndex())
	}
}

func TestWorkbookSummary(t *testing.T) {
	f, _ := writeAndOpen(t, sampleWorkbook(0))
	const sh = "Tổng hợp"
	cells := map[string]string{
		"A1": "ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "A2": "VĂN PHÒNG",
		"C1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "C2": "Độc lập - Tự do - Hạnh phúc",
		"C3": "Tây Ninh, ngày 05 tháng 6 năm 2022",
		"A5": "BÁO CÁO KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN THƯ",
		"A6": "Kỳ báo cáo: tháng 5 năm 2022", "A7": "(Số liệu tính từ ngày 01/05/2022 đến ngày 31/05/2022)",
		"A9": "STT", "B9": "Chỉ tiêu", "C9": "Kỳ báo cáo", "D9": "Kỳ trước", "E9": "Cùng kỳ năm trước",
		"C10": "tháng 5 năm 2022", "D10": "tháng 4 năm 2022", "E10": "tháng 5 năm 2021",
		"A11": "I", "B11": "XỬ LÝ ĐƠN", "B12": "Tổng số đơn tiếp nhận", "C12": "81", "D12": "70", "E12": "90",
		"F12": "-9", "F13": "-1", "D15": "CHÁNH VĂN PHÒNG", "D19": "Nguyễn Văn An",
	}
	for ref, want := range cells {
		if got := get(t, f, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	refs := mergedRefs(t, f, sh)
	for _, want := range []string{"A1:B1", "A2:B2", "C1:F1", "C2:F2", "A5:F5", "A6:F6", "A9:A10", "F9:F10"} {
		if !slices.Contains(refs, want) {
			t.Errorf("merged cells %q lack %s", refs, want)
		}
	}
	assertPrintSetup(t, f, sh, "landscape")
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sh {
			found = n.RefersTo == "'Tổng hợp'!$9:$10"
		}
	}
	if !found {
		t.Errorf("print titles of the summary missing: %+v", names)
	}
}

// mergedRefs lists the merged blocks of a sheet as "A1:B2".
func mergedRefs(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	refs := make([]string, len(merged))
	for i, m := range merged {
		refs[i] = m.GetStartAxis() + ":" + m.GetEndAxis()
	}
	return refs
}

func assertPrintSetup(t *testing.T, f *excelize.File, sheet, orientation string) {
	t.Helper()
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 {
		t.Errorf("%s: paper size %v, want A4 (9)", sheet, pl.Size)
	}
	if pl.Orientation == nil || *pl.Orientation != orientation {
		t.Errorf("%s: orientation %v, want %s", sheet, pl.Orientation, orientation)
	}
	if pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("%s: fit to width %v, want 1", sheet, pl.FitToWidth)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s: fit to page is off", sheet)
	}
}

func TestWorkbookFontIsTimesNewRoman(t *testing.T) {
	f, raw := writeAndOpen(t, sampleWorkbook(2))
	if name, _ := f.GetDefaultFont(); name != "Times New Roman" {
		t.Errorf("default font %q", name)
	}
	for _, c := range []struct{ sheet, ref string }{
		{"Tổng hợp", "A5"}, {"Tổng hợp", "C12"}, {"Số liệu", "A1"}, {"Số liệu", "C2"},
		{"Xử lý đơn", "B6"}, {"Tiếp công dân", "A6"}, {"Danh sách đơn", "E4"}, {"Danh sách đơn", "C4"},
	} {
		id, err := f.GetCellStyle(c.sheet, c.ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || st.Font.Family != "Times New Roman" {
			t.Errorf("%s!%s font %+v", c.sheet, c.ref, st.Font)
		}
	}
	// Every font declared in the styles part, so no cell falls back to Calibri.
	styles := zipPart(t, raw, "xl/styles.xml")
	if strings.Contains(styles, "Calibri") {
		t.Errorf("styles still declare Calibri")
	}
	chart := zipPart(t, raw, "xl/charts/chart1.xml")
	if !strings.Contains(chart, `typeface="Times New Roman"`) {
		t.Errorf("chart font is not Times New Roman")
	}
}

func zipPart(t *testing.T, raw []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var b bytes.Buffer
			if _, err := b.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
	}
	t.Fatalf("part %s missing", name)
	return ""
}

func TestWorkbookFiguresAreNumbers(t *testing.T) {
	f, _ := writeAndOpen(t, sampleWorkbook(0))
	const sh = "Số liệu"
	for ref, want := range map[string]string{"A1": "Mã", "B1": "Chỉ tiêu", "C1": "Giá trị",
		"A2": "letters.total", "A3": "letters.by_domain.land", "C3": "59",
		"A4": "reception.by_host_level.chairman.sessions", "C4": "1"} {
		if got := get(t, f, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	for _, ref := range []string{"C2", "C3", "C4"} {
		typ, err := f.GetCellType(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		// Numbers carry no type attribute (or "n"); strings are "s" or "inlineStr".
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s has type %v, want a number", ref, typ)
		}
		raw, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
		if _, err := strconv.Atoi(raw); err != nil {
			t.Errorf("%s raw value %q is not a number", ref, raw)
		}
	}
	assertPrintSetup(t, f, sh, "portrait")
}

func TestWorkbookLetterTablesAddTotals(t *testing.T) {
	f, _ := writeAndOpen(t, sampleWorkbook(0))
	const sh = "Xử lý đơn"
	for ref, want := range map[string]string{
		"A4": "1. Phân loại đơn theo lĩnh vực và loại đơn", "A5": "Lĩnh vực", "B5": "Khiếu nại", "F5": "Tổng cộng",
		"A6": "Đất đai", "F6": "59", "F8": "12", "A10": "Tổng cộng", "B10": "49", "C10": "6", "D10": "26", "F10": "81",
		"A12": "2. Hướng xử lý", "A16": "Tổng cộng", "F16": "81",
	} {
		if got := get(t, f, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
}

func TestWorkbookReceptionAndMeetings(t *testing.T) {
	f, _ := writeAndOpen(t, sampleWorkbook(0))
	for ref, want := range map[string]string{
		"A5": "Hình thức tiếp", "F5": "Vụ việc tiếp lần đầu", "G5": "Vụ việc tiếp nhiều lần", "H5": "Đoàn đông người",
		"A6": "Tiếp thường xuyên", "C6": "30", "D6": "41", "G6": "2",
		"A9": "Tổng cộng", "C9": "31", "D9": "42",
		"A11": "2. Theo người chủ trì kỳ tiếp", "A13": "Chủ tịch UBND Tỉnh",
		"A16": "3. Danh sách kỳ tiếp công dân của lãnh đạo", "A17": "Người chủ trì", "B17": "Ngày tiếp",
		"A18": "Trần Văn Bình", "B18": "16/05/2022",
	} {
		if got := get(t, f, "Tiếp công dân", ref); got != want {
			t.Errorf("Tiếp công dân!%s = %q, want %q", ref, got, want)
		}
	}
	for ref, want := range map[string]string{
		"A4": "1. Đối thoại (1 cuộc)", "B6": "10/05/2022", "E6": "2", "F6": "- Vụ việc A\n- Vụ việc B",
		"A8": "2. Họp Hội đồng tư vấn (0 cuộc)", "A10": "Không có cuộc nào trong kỳ báo cáo.",
	} {
		if got := get(t, f, "Đối thoại - HĐTV", ref); got != want {
			t.Errorf("Đối thoại - HĐTV!%s = %q, want %q", ref, got, want)
		}
	}
}

func TestWorkbookRegisterIsStreamed(t *testing.T) {
	f, _ := writeAndOpen(t, sampleWorkbook(3))
	const sh = "Danh sách đơn"
	heads := []string{"STT", "Số đơn", "Ngày nhận", "Nguồn đơn", "Người gửi", "Nội dung",
		"Lĩnh vực", "Loại đơn", "Hướng xử lý", "Ngày xử lý"}
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || !slices.Equal(rows[2], heads) {
		t.Fatalf("rows %q", rows)
	}
	want := []string{"3", "2022/000003", "02/05/2022", "qua đường bưu điện", "Lê Thị Cúc", "Tranh chấp đất đai",
		"đất đai", "khiếu nại", "lưu theo dõi", "09/05/2022"}
	if !slices.Equal(rows[5], want) {
		t.Errorf("last row %q, want %q", rows[5], want)
	}
	if typ, _ := f.GetCellType(sh, "C4"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("received date stored as text")
	}
	assertPrintSetup(t, f, sh, "landscape")
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || (n.Name == "_xlnm.Print_Titles" && n.Scope == sh && n.RefersTo == "'Danh sách đơn'!$3:$3")
	}
	if !found {
		t.Errorf("print titles of the register missing")
	}
}

func TestWorkbookWithoutLetters(t *testing.T) {
	wb := sampleWorkbook(0)
	wb.Letters = nil
	f, _ := writeAndOpen(t, wb)
	if got := get(t, f, "Danh sách đơn", "A4"); got != "Không có đơn nào trong kỳ báo cáo." {
		t.Errorf("A4 = %q", got)
	}
}

func TestWorkbookStopsOnRowError(t *testing.T) {
	wb := sampleWorkbook(0)
	boom := errors.New("boom")
	wb.Letters = func(yield func(exports.LetterRow, error) bool) { yield(exports.LetterRow{}, boom) }
	if err := exports.WriteStatisticsWorkbook(&bytes.Buffer{}, wb); !errors.Is(err, boom) {
		t.Fatalf("got %v, want the row error", err)
	}
}

func TestWorkbookTextIsNFC(t *testing.T) {
	wb := sampleWorkbook(1)
	// A decomposed name, as some keyboards type it, must come out composed.
	decomposed := norm.NFD.String("Lê Thị Cúc")
	inner := wb.Letters
	wb.Letters = func(yield func(exports.LetterRow, error) bool) {
		for r, err := range inner {
			r.Senders = decomposed
			if !yield(r, err) {
				return
			}
		}
	}
	f, _ := writeAndOpen(t, wb)
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				if !norm.NFC.IsNormalString(v) {
					t.Errorf("%s row %d col %d %q is not NFC", sh, i+1, j+1, v)
				}
			}
		}
	}
	if got := get(t, f, "Danh sách đơn", "E4"); got != "Lê Thị Cúc" {
		t.Errorf("sender %q", got)
	}
}

func TestWorkbookHasTheCharts(t *testing.T) {
	_, raw := writeAndOpen(t, sampleWorkbook(0))
	c1 := zipPart(t, raw, "xl/charts/chart1.xml")
	c2 := zipPart(t, raw, "xl/charts/chart2.xml")
	if !strings.Contains(c1, "barChart") || !strings.Contains(c1, "Xử lý đơn&#39;!$F$6:$F$9") {
		t.Errorf("domain chart does not draw the domain totals")
	}
	if !strings.Contains(c2, "pieChart") || !strings.Contains(c2, "Xử lý đơn&#39;!$B$10:$E$10") {
		t.Errorf("kind chart does not draw the kind totals")
	}
}

func BenchmarkMonthWorkbook(b *testing.B) {
	wb := sampleWorkbook(1000)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := exports.WriteStatisticsWorkbook(&buf, wb); err != nil {
			b.Fatal(err)
		}
	}
}
